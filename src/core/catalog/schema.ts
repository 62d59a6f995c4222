import { z } from "zod";

/** Stable indicator identity: the same ID wherever the same indicator appears, across templates and years. */
export const IndicatorId = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, "indicator IDs are lowercase dotted slugs, e.g. 'tthc.cases.received'");

export const Code = z.object({
  value: z.number().int(),
  /** Vietnamese meaning of the code, e.g. "Có". */
  label: z.string().min(1),
});

/** How an indicator combines across units when a province merges submissions. */
export const Aggregate = z.discriminatedUnion("type", [
  z.object({ type: z.literal("sum") }),
  /** A rate recomputed as 100 × Σ numerator / Σ denominator (never an average of rates). */
  z.object({ type: z.literal("ratio"), numerator: IndicatorId, denominator: IndicatorId }),
  /** A coded answer: the number of units answering `code` out of the units that reported. */
  z.object({ type: z.literal("countCode"), code: z.number().int() }),
  /** Shown per unit only; `reason` is told to the user in Vietnamese. */
  z.object({ type: z.literal("none"), reason: z.string().min(1) }),
]);

/**
 * Who gives the province's figure for a row (the newer template's 4th column, "Cơ quan, đơn vị, địa phương
 * thực hiện"): the text as printed and what it says. A plain per-row field, so a province package can
 * replace it on any row.
 */
export const Reporter = z
  .object({
    /** As printed on this row or on the heading it falls under. */
    text: z.string().min(1),
    /** Provincial bodies whose own submission is the province's figure, e.g. "Sở Tư pháp". */
    bodies: z.array(z.string().min(1)),
    /** The reporting units whose aggregate is the figure (or the fallback while a named body has not sent it). */
    units: z
      .object({
        /** Vietnamese name for sources and the missing list: "Cơ quan, đơn vị, địa phương", "UBND cấp huyện". */
        label: z.string().min(1),
        /** Unit types counted; absent: every reporting unit. */
        unitTypes: z.array(z.string().regex(/^[a-z0-9-]+$/)).min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((r) => r.bodies.length > 0 || !!r.units, { message: "cần nêu một cơ quan báo cáo (bodies) hoặc các đơn vị tự báo cáo (units)" });

const rowBase = {
  /** Row number as printed: "I", "1", "" (items), "1.1", "3.4.1". */
  stt: z.string(),
  /** Official wording (obvious typos of the source fixed). */
  label: z.string().min(1),
  /** Other wordings seen in real submissions, used only for recognition. */
  aliases: z.array(z.string().min(1)).optional(),
  reporter: Reporter.optional(),
};

export const HeadingRow = z
  .object({
    ...rowBase,
    /** section: I…VII / 1.–7.; group: a title row whose items follow it. */
    kind: z.enum(["section", "group"]),
  })
  .strict();

export const ValueKind = z.enum(["count", "percent", "coded", "money", "text"]);

/**
 * How a value relates to the previous period. cumulative: counts of the reporting window ("lũy kế",
 * documents issued, case files received) and completion rates, which cannot fall while the window grows
 * (Quý I → 6 tháng → Năm); stock: a snapshot at the reporting date (staff present, procedures in force,
 * coded answers, rates of parts), which may go either way.
 */
export const Accumulation = z.enum(["cumulative", "stock"]);

export const ValueRow = z
  .object({
    ...rowBase,
    kind: ValueKind,
    id: IndicatorId,
    /** ĐVT as printed in the template: "Văn bản", "%", "Không = 0, Có = 1", "Triệu đồng". */
    unit: z.string(),
    codes: z.array(Code).min(2).optional(),
    aggregate: Aggregate,
    accumulation: Accumulation,
    /** A rate against a plan, which doing more than planned takes above 100 (cut 12 posts of 10 planned: 120 %). */
    mayExceed100: z.literal(true).optional(),
  })
  .strict()
  .superRefine((row, ctx) => {
    if (row.mayExceed100 && row.kind !== "percent") ctx.addIssue({ code: "custom", message: "chỉ dòng tỷ lệ (percent) mới có thể vượt 100 (mayExceed100)" });
    if (row.kind === "coded" && !row.codes) ctx.addIssue({ code: "custom", message: "dòng mã hóa (coded) cần danh sách mã (codes)" });
    if (row.kind !== "coded" && row.codes) ctx.addIssue({ code: "custom", message: "chỉ dòng mã hóa (coded) mới có danh sách mã (codes)" });
    if (row.aggregate.type === "ratio" && row.kind !== "percent")
      ctx.addIssue({ code: "custom", message: "chỉ dòng tỷ lệ (percent) mới tổng hợp theo tỷ số (ratio)" });
    if (row.aggregate.type === "countCode" && row.kind !== "coded")
      ctx.addIssue({ code: "custom", message: "chỉ dòng mã hóa (coded) mới tổng hợp bằng cách đếm mã (countCode)" });
    if (row.accumulation === "cumulative" && (row.kind === "coded" || row.kind === "text"))
      ctx.addIssue({ code: "custom", message: "câu trả lời mã hóa và chữ là số liệu thời điểm, không lũy kế (cumulative)" });
    if (row.aggregate.type === "sum" && !(row.kind === "count" || row.kind === "money"))
      ctx.addIssue({ code: "custom", message: "chỉ dòng số lượng (count) và tiền (money) mới được cộng (sum)" });
  });

export const TemplateRow = z.union([HeadingRow, ValueRow]);

export const Template = z
  .object({
    /** e.g. "so-nganh-2023". */
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** e.g. "so-nganh", "cap-huyen", "cap-xa". */
    unitType: z.string().regex(/^[a-z0-9-]+$/),
    /** Vietnamese name of the unit type, e.g. "Sở, ban, ngành". */
    unitTypeLabel: z.string().min(1),
    /** e.g. "2023". */
    version: z.string().min(1),
    /** Vietnamese name shown in pickers, e.g. "Sở, ban, ngành — mẫu 2023". */
    name: z.string().min(1),
    title: z.string().min(1),
    /** Header of the 5th column: "Ghi chú", or the newer family's "Cơ quan, đơn vị, địa phương thực hiện". */
    noteHeader: z.string().min(1),
    /** Where the rows come from (seed reports), for reviewers. */
    source: z.string().min(1),
    rows: z.array(TemplateRow).min(1),
  })
  .strict();

export type Code = z.infer<typeof Code>;
export type Reporter = z.infer<typeof Reporter>;
export type Aggregate = z.infer<typeof Aggregate>;
export type HeadingRow = z.infer<typeof HeadingRow>;
export type ValueRow = z.infer<typeof ValueRow>;
export type TemplateRow = z.infer<typeof TemplateRow>;
export type Template = z.infer<typeof Template>;
export type ValueKind = z.infer<typeof ValueKind>;
export type Accumulation = z.infer<typeof Accumulation>;

export function isValueRow(row: TemplateRow): row is ValueRow {
  return row.kind !== "section" && row.kind !== "group";
}
