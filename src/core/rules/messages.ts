import { z } from "zod";

/**
 * Every sentence a rule can say, by rule type and outcome, with {placeholders} the evaluation fills. A
 * rule set's `messages` rewords any of them; what it leaves out reads as below. Names placed in the
 * middle of a sentence ({right}, {numerator}, {parts} of a list…) come with a lower-case first letter.
 */
export const DEFAULT_MESSAGES = {
  structure: {
    valueKind: "“{label}” ({cell} = {value}) {reason}.",
    uncomputedFormula: "“{label}”: ô {cell} có công thức nhưng chưa có giá trị đã tính; hãy mở tệp bằng Excel và lưu lại.",
    formulaError: "“{label}”: công thức ở ô {cell} báo lỗi {value} nên không có số liệu; hãy sửa công thức hoặc nhập số.",
    divisionByZero: "“{label}”: công thức ở ô {cell} chia cho 0 ({value}): ô mẫu số của công thức bằng 0 hoặc để trống; hãy kiểm tra công thức, hoặc để trống ô này nếu không có số liệu để tính.",
    ambiguousNumber: "“{label}” ({cell} = “{value}”) viết không rõ: có thể đọc là {readings}. Hãy nhập lại số cho rõ.",
    headingValue: "Dòng tiêu đề “{stt} {label}” không nhập số liệu ({cell} = {value}); hãy nhập vào các dòng chi tiết bên dưới.",
    noteValue: "“{label}”: số liệu {value} nằm ở cột ghi chú ({noteCell}) trong khi ô số liệu {cell} để trống.",
    shiftedBlock: "“{label}” bị lệch sang phải một cột: ô số liệu {cell} chứa đơn vị tính “{unit}”, còn {noteCell} chứa “{value}”.",
    unitChanged: "“{label}”: đơn vị tính “{unit}” ({cell}) khác biểu mẫu (“{expectedUnit}”).",
    unitVariant: "“{label}”: đơn vị tính “{unit}” ({cell}) khác cách ghi của biểu mẫu (“{expectedUnit}”).",
    unitScaled: "“{label}”: đơn vị tính “{unit}” ({cell}) khác biểu mẫu (“{expectedUnit}”); số liệu {value} {unit} được quy đổi thành {converted} {expectedUnit} khi kiểm tra và tổng hợp.",
    moneyScale: "“{label}” ({cell} = {value} {unit}) lớn bất thường (từ {limit} đồng trở lên): có thể đã nhập theo đồng; nếu vậy, số đúng là {converted} {unit}.",
    rowMissing: "Thiếu dòng “{stt} {label}” của biểu mẫu (sau ô {cell}).",
    numbering: "“{label}”: số thứ tự “{stt}” ({cell}) khác biểu mẫu (“{expectedStt}”).",
    unknownRow: "Dòng “{label}” ({cell}) có số liệu {value} nhưng không có trong biểu mẫu; số liệu này không được tổng hợp.",
    // Why a value does not fit its row, the {reason} of valueKind.
    notANumber: "là chữ, không phải số; hãy chỉ nhập số, phần giải thích ghi vào cột ghi chú",
    negative: "là số âm",
    notWhole: "không phải số nguyên",
    outsidePercent: "nằm ngoài khoảng 0–100",
    notACode: "không thuộc các mã ({unit})",
  },
  compare: {
    "<=": "{left} ({leftCells} = {leftValues}) lớn hơn {right} ({rightCells} = {rightValues}).",
    "<": "{left} ({leftCells} = {leftValues}) không nhỏ hơn {right} ({rightCells} = {rightValues}).",
    "==": "{left} ({leftCells} = {leftValues}) khác {right} ({rightCells} = {rightValues}).",
    ">=": "{left} ({leftCells} = {leftValues}) nhỏ hơn {right} ({rightCells} = {rightValues}).",
    ">": "{left} ({leftCells} = {leftValues}) không lớn hơn {right} ({rightCells} = {rightValues}).",
  },
  rate: {
    blank:
      "{rate} ({cell}) để trống trong khi đã có số liệu thành phần: 100 × {numerator} ({numeratorCell} = {numeratorValue}) / {denominator} ({denominatorCell} = {denominatorValue}) = {expected}.",
    differs:
      "{rate} ({cell} = {value}) khác 100 × {numerator} ({numeratorCell} = {numeratorValue}) / {denominator} ({denominatorCell} = {denominatorValue}) = {expected}.",
  },
  codedDetails: {
    contradicted: "{coded} trả lời “{meaning} = {code}” ({cell}) nhưng các dòng chi tiết có số liệu: {details}.",
  },
  blankTotal: {
    sum: "{total} ({cell}) để trống trong khi các dòng thành phần đã có số liệu: {parts} = {sum}.",
    onePart: "{total} ({cell}) để trống trong khi các dòng thành phần đã có số liệu: {parts}.",
    details: "{total} ({cell}) để trống trong khi các dòng chi tiết đã có số liệu: {parts}.",
  },
  overlap: {
    partAbove: "{parts} lớn hơn {total} ({cell} = {value}).",
    totalAbove: "{total} ({cell} = {value}) lớn hơn {parts} ({partCells} = {partValues}).",
    overlapping: "{total} ({cell} = {value}) nhỏ hơn {parts} ({partCells} = {partValues}), chênh lệch {difference}: các dòng thành phần có thể trùng nhau. {note}",
    // The {note} of overlapping: what the unit's notes on the rows say about the difference.
    noNote: "Cột {noteHeader} không có giải thích; đề nghị đơn vị ghi rõ số trùng nhau.",
    noteExplains: "{notes} — số {difference} trong ghi chú giải thích đúng chênh lệch.",
    noteDiffers: "{notes} — các số trong ghi chú ({noteNumbers}) không khớp chênh lệch {difference}.",
    noteWithoutNumber: "{notes} — ghi chú không nêu số nào khớp chênh lệch {difference}.",
  },
  previous: {
    fell: "{label} ({cell} = {value}) thấp hơn kỳ trước dù là số lũy kế: {period} gồm cả thời gian của {previousPeriod} nên không thể giảm (kỳ trước: {previousValue}, {previousFile}).",
    fellMistyped:
      "{label} ({cell} = {value}) thấp hơn kỳ trước dù là số lũy kế: {period} gồm cả thời gian của {previousPeriod} nên không thể giảm ({hint}) (kỳ trước: {previousValue}, {previousFile}).",
    jumpUp: "{label} ({cell} = {value}) gấp khoảng {times} lần kỳ trước: {hint} (kỳ trước: {previousValue}, {previousFile}).",
    jumpUpLongerPeriod:
      "{label} ({cell} = {value}) gấp khoảng {times} lần kỳ trước (độ dài kỳ chỉ giải thích gấp {growth} lần): {hint} (kỳ trước: {previousValue}, {previousFile}).",
    jumpDown: "{label} ({cell} = {value}) chỉ bằng khoảng 1/{times} kỳ trước: {hint} (kỳ trước: {previousValue}, {previousFile}).",
    jumpDownLongerPeriod:
      "{label} ({cell} = {value}) chỉ bằng khoảng 1/{times} kỳ trước (độ dài kỳ chỉ giải thích gấp {growth} lần): {hint} (kỳ trước: {previousValue}, {previousFile}).",
    digitsSwapped: "{label} ({cell} = {value}) khác kỳ trước chỉ vì hai chữ số kề nhau đổi chỗ: có thể gõ nhầm (kỳ trước: {previousValue}, {previousFile}).",
    sameFile: "Toàn bộ số liệu ({nonZero} số khác 0) giống hệt báo cáo {previousFile}, chỉ khác tiêu đề: có thể đơn vị gửi lại báo cáo kỳ trước.",
    // The {hint} of the sentences above.
    extraDigit: "có thể gõ thừa một chữ số",
    missingDigit: "có thể gõ thiếu một chữ số",
    mistyped: "có thể gõ thừa hoặc thiếu chữ số",
  },
} as const;

type Defaults = typeof DEFAULT_MESSAGES;
export type RuleType = keyof Defaults;
export type Outcome<T extends RuleType> = keyof Defaults[T];
/** The complete table a rule set's messages are read from. */
export type MessageTable = { [T in RuleType]: Record<Outcome<T>, string> };

function outcomesOf<T extends RuleType>(type: T) {
  const fields = Object.fromEntries(Object.keys(DEFAULT_MESSAGES[type]).map((k) => [k, z.string().min(1)]));
  return z.object(fields as Record<Outcome<T>, z.ZodString>).partial().strict();
}

/** A rule set's rewording: any outcome of any rule type; an unknown type or outcome is refused. */
export const RuleMessages = z
  .object({
    structure: outcomesOf("structure"),
    compare: outcomesOf("compare"),
    rate: outcomesOf("rate"),
    codedDetails: outcomesOf("codedDetails"),
    blankTotal: outcomesOf("blankTotal"),
    overlap: outcomesOf("overlap"),
    previous: outcomesOf("previous"),
  })
  .partial()
  .strict();
export type RuleMessages = z.infer<typeof RuleMessages>;

/** The defaults with a rule set's rewording over them. */
export function messageTable(messages: RuleMessages | undefined): MessageTable {
  const table = {} as Record<RuleType, Record<string, string>>;
  for (const type of Object.keys(DEFAULT_MESSAGES) as RuleType[]) table[type] = { ...DEFAULT_MESSAGES[type], ...messages?.[type] };
  return table as MessageTable;
}

/**
 * A template with its placeholders filled. An empty value takes its spaces with it ("{stt} {label}"
 * without a number); the values themselves are inserted as they are.
 */
export function fill(template: string, vars: Record<string, string | number | undefined>): string {
  return template
    .replace(/\{(\w+)\}/g, (m, k: string) => (vars[k] === undefined || vars[k] === "" ? "" : m))
    .replace(/“\s+/g, "“")
    .replace(/ {2,}/g, " ")
    .replace(/\{(\w+)\}/g, (_m, k: string) => String(vars[k]));
}
