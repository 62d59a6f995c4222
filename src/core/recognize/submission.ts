import { Template, TemplateRow } from "../catalog/schema";
import { Cell, CellPlace } from "../grid";
import { SheetIdentity } from "../identity";
import { Period } from "../period";
import { UnitCandidate, UnitSource } from "./unitEvidence";

/** A table row of a received sheet, as read (after wrapped labels were joined). */
export interface SheetRow {
  /** 0-based grid row of the row's first line. */
  r: number;
  stt: string;
  label: string;
  /** The label folded for matching (computed once per row). */
  key: string;
  unit: string;
  value: Cell | undefined;
  note: Cell | undefined;
  /** Non-empty cells right of the note column (a block shifted right). */
  beyond: Cell | undefined;
}

export interface MatchedRow {
  row: SheetRow;
  templateIndex: number;
  templateRow: TemplateRow;
}

/** A received sheet mapped onto a template: the input of the rule set and of the merge. */
export interface Submission {
  sheetName: string;
  fileName?: string;
  template: Template;
  identity?: SheetIdentity;
  unitName?: string;
  period?: Period;
  /** How the unit was recognised (absent when the evidence disagrees). */
  unitSource?: UnitSource;
  /** Every name the file gives its sender, with its source: the merge decides from all of them. */
  unitCandidates: UnitCandidate[];
  columns: { stt: number; label: number; unit: number; value: number; note: number };
  matched: MatchedRow[];
  /** Set for a table of a document: how findings name its cells (see placeOf). */
  place?: CellPlace;
  /** Rows of the sheet that match no template row. */
  unmatched: SheetRow[];
}
