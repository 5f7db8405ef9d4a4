// 部门（单位）整体支出绩效目标申报表 → a typed model whose every field remembers its cell: 部门名称,
// 联系人/联系电话, 人员情况 (编制数 and 在职人员总数 for 上年/当年), 预算情况（万元）(labels with their
// value cells, laid out side by side in two label/value pairs per row in the 济南 layout), the
// 年度主要任务 sub-table with its 合计 row, and the 年度绩效指标 block. Found by labels and header
// words, never by fixed positions.
import { z } from "zod";
import type { DetectedTable } from "../detect/types";
import type { CellRange } from "../workbook/address";
import type { SheetView } from "../workbook/sheet-view";
import { CellPositionSchema, CellTextSchema, cellTextAt, positionOf, type CellPosition } from "./cells";
import { findIndicatorHeaderRow, IndicatorBlockSchema, parseIndicatorBlock } from "./indicator-block";
import { amountBelowHeader, findLabel, valueCellRightOf, valueRightOf } from "./labels";

export const LabelledCellSchema = z.object({ label: CellPositionSchema, value: CellPositionSchema });
export type LabelledCell = z.infer<typeof LabelledCellSchema>;

export const StaffLineSchema = z.object({
  label: CellPositionSchema,
  previousYear: CellPositionSchema.optional(),
  currentYear: CellPositionSchema.optional(),
});
export type StaffLine = z.infer<typeof StaffLineSchema>;

export const DepartmentBudgetSchema = z.object({
  /** 资金总额 / 预算总额 of a 年度预算 block, when the form states one. */
  total: LabelledCellSchema.optional(),
  basic: LabelledCellSchema.optional(),
  project: LabelledCellSchema.optional(),
  fiscal: LabelledCellSchema.optional(),
  other: LabelledCellSchema.optional(),
  /** 运转类支出 */
  operating: LabelledCellSchema.optional(),
  /** 特定目标类支出 */
  specificPurpose: LabelledCellSchema.optional(),
  /** 区（县）本级安排 */
  localArrangement: LabelledCellSchema.optional(),
  /** 上级转移支付 */
  upperTransfer: LabelledCellSchema.optional(),
});
export type DepartmentBudget = z.infer<typeof DepartmentBudgetSchema>;

export const TaskTableSchema = z.object({
  headerTop: z.number().int(),
  headerBottom: z.number().int(),
  columns: z.object({ budget: z.number().int().optional(), fiscal: z.number().int().optional(), other: z.number().int().optional() }),
  rows: z.array(z.number().int()),
  totalRow: z.number().int().optional(),
});
export type TaskTable = z.infer<typeof TaskTableSchema>;

export const DepartmentTargetFormSchema = z.object({
  tableId: z.string(),
  sheet: z.string(),
  sheetIndex: z.number().int(),
  name: CellTextSchema.nullable(),
  nameLabel: CellPositionSchema.optional(),
  contact: CellTextSchema.nullable(),
  contactLabel: CellPositionSchema.optional(),
  phone: CellTextSchema.nullable(),
  phoneLabel: CellPositionSchema.optional(),
  establishment: StaffLineSchema.optional(),
  staffInPost: StaffLineSchema.optional(),
  budget: DepartmentBudgetSchema,
  tasks: TaskTableSchema.nullable(),
  indicators: IndicatorBlockSchema.nullable(),
});
export type DepartmentTargetForm = z.infer<typeof DepartmentTargetFormSchema>;

const LABEL = {
  name: /^(部门|单位|部门\(单位\))名称[:：]?$/,
  contact: /^联系人[:：]?$/,
  phone: /^联系(电话|方式)[:：]?$/,
  staffSection: /^人员情况/,
  establishment: /^(人员)?编制(人)?数/,
  staffInPost: /^在职人员(总)?数/,
  budgetSection: /^预算情况/,
  tasks: /^年度主要任务/,
};

/**
 * What may stand before a budget label: 其中：, or the grouping it belongs to written into the same
 * cell (按资金来源：财政拨款, 按支出类型：基本支出, 项目支出按性质：运转类).
 */
const GROUP_PREFIX = String.raw`(?:其中[:：]|按[^:：]{1,6}[:：]|[^:：]{1,8}按[^:：]{1,6}[:：])?`;
const budgetLabel = (words: string) => new RegExp(`^${GROUP_PREFIX}${words}[:：]?$`);

const BUDGET_LABELS: Record<keyof DepartmentBudget, RegExp> = {
  total: /^(部门)?(年度)?(预算)?(资金|支出)?总额(\(万元\))?[:：]?$|^(部门)?(年度)?预算(资金)?(总额|合计)(\(万元\))?[:：]?$/,
  basic: budgetLabel("基本支出"),
  project: budgetLabel("项目支出"),
  fiscal: budgetLabel("财政拨款(收入|资金)?"),
  other: budgetLabel("其他资金(收入)?"),
  operating: budgetLabel("(其他)?运转类(项目)?(支出)?"),
  specificPurpose: budgetLabel("特定目标类(项目)?(支出)?"),
  localArrangement: /本级安排[:：]?$/,
  upperTransfer: budgetLabel("上级(转移支付|补助)(资金)?"),
};

const isFieldLabel = (folded: string) => LABEL.name.test(folded) || LABEL.contact.test(folded) || LABEL.phone.test(folded);

/** The amount cell right of a budget label: the first cell showing a number, or the first cell if none does before the next text. */
function budgetValueCell(view: SheetView, label: CellPosition, range: CellRange): CellPosition {
  const first = valueCellRightOf(view, label);
  for (let c = first.col; c <= range.right; c++) {
    const master = view.masterOf(label.row, c);
    if (master.row !== label.row || master.col !== c) continue;
    const cell = view.raw(master.row, master.col);
    if (cell.type === "empty" && cell.formula === undefined) continue;
    const numberLike = cell.type === "number" || cell.formula !== undefined || (cell.type === "string" && /^[-\d,，.\s]+$/.test(String(cell.value)));
    if (numberLike) return positionOf(master.row, master.col);
    break;
  }
  // A header row of budget labels over a row of amounts.
  return amountBelowHeader(view, label, range, isBudgetLabel) ?? first;
}

const isBudgetLabel = (folded: string) => Object.values(BUDGET_LABELS).some((pattern) => pattern.test(folded));

function parseStaff(view: SheetView, range: CellRange, rows: { top: number; bottom: number }): Pick<DepartmentTargetForm, "establishment" | "staffInPost"> {
  const section = findLabel(view, range, LABEL.staffSection, rows);
  const area = section ? { top: section.row, bottom: Math.min(section.row + 4, rows.bottom) } : rows;
  let previousCol: number | undefined;
  let currentCol: number | undefined;
  for (let r = area.top; r <= area.bottom && currentCol === undefined; r++) {
    for (let c = range.left; c <= range.right; c++) {
      if (view.masterOf(r, c).col !== c) continue;
      const text = view.text(r, c);
      if (/^上年/.test(text)) previousCol ??= c;
      if (/^当年|^本年/.test(text)) currentCol ??= c;
    }
  }
  const line = (pattern: RegExp): StaffLine | undefined => {
    const label = findLabel(view, range, pattern, area);
    if (!label) return undefined;
    if (currentCol !== undefined) {
      return { label, currentYear: positionOf(label.row, currentCol), ...(previousCol !== undefined ? { previousYear: positionOf(label.row, previousCol) } : {}) };
    }
    const value = valueRightOf(view, label, range);
    return { label, currentYear: value ? positionOf(value.row, value.col) : valueCellRightOf(view, label) };
  };
  const establishment = line(LABEL.establishment);
  const staffInPost = line(LABEL.staffInPost);
  return { ...(establishment ? { establishment } : {}), ...(staffInPost ? { staffInPost } : {}) };
}

function parseBudget(view: SheetView, range: CellRange, rows: { top: number; bottom: number }): DepartmentBudget {
  const budget: DepartmentBudget = {};
  for (const [key, pattern] of Object.entries(BUDGET_LABELS) as [keyof DepartmentBudget, RegExp][]) {
    const label = findLabel(view, range, pattern, rows);
    if (label) budget[key] = { label, value: budgetValueCell(view, label, range) };
  }
  return budget;
}

function parseTasks(view: SheetView, range: CellRange, top: number, bottom: number): TaskTable | null {
  const columns: TaskTable["columns"] = {};
  let headerBottom = top;
  for (let r = top; r <= Math.min(top + 2, bottom); r++) {
    for (let c = range.left; c <= range.right; c++) {
      const master = view.masterOf(r, c);
      if (master.row !== r || master.col !== c) continue;
      const text = view.text(r, c);
      const key = /^预算资金|^预算金额|^资金总额|^(资金|金额|预算数|资金数)(\(万?元\))?$/.test(text) ? "budget" : /^财政拨款/.test(text) ? "fiscal" : /^其他资金/.test(text) ? "other" : undefined;
      if (key && columns[key] === undefined) {
        columns[key] = c;
        headerBottom = Math.max(headerBottom, r);
      }
    }
  }
  if (columns.budget === undefined) return null;
  const amountColumns = [columns.budget, columns.fiscal, columns.other].filter((c): c is number => c !== undefined);
  const firstAmount = Math.min(...amountColumns);
  const taskRows: number[] = [];
  let totalRow: number | undefined;
  const isTotalRow = (r: number) => Array.from({ length: firstAmount - range.left }, (_, i) => range.left + i).some((c) => /^(合计|总计)$/.test(view.text(r, c)));
  // A heading merged across the amount columns (年度绩效指标) is the next section, not a task.
  const isSectionHeading = (r: number) => {
    const merge = view.mergeAt(r, range.left);
    return merge !== undefined && merge.top === r && merge.right >= firstAmount && view.text(r, range.left) !== "";
  };
  // The 合计 closes the tasks, or heads them when it comes straight under the header (合计 first).
  const totalFirst = isTotalRow(headerBottom + 1);
  for (let r = headerBottom + 1; r <= bottom; r++) {
    if (totalFirst && r === headerBottom + 1) {
      totalRow = r;
      continue;
    }
    if (totalFirst && isSectionHeading(r)) break;
    if (!totalFirst && isTotalRow(r)) {
      totalRow = r;
      break;
    }
    const hasAnything = amountColumns.some((c) => view.masterOf(r, c).row === r && view.hasOwnValue(r, c)) || view.filledColumns(r, range.left + 1, range.right).length > 0;
    if (hasAnything) taskRows.push(r);
  }
  return { headerTop: top, headerBottom, columns, rows: taskRows, ...(totalRow !== undefined ? { totalRow } : {}) };
}

export function parseDepartmentTargetForm(view: SheetView, table: DetectedTable): DepartmentTargetForm {
  const range = table.range;
  const indicatorHeader = findIndicatorHeaderRow(view, range);
  const headBottom = (indicatorHeader ?? range.bottom + 1) - 1;
  const head = { top: range.top, bottom: headBottom };
  const field = (pattern: RegExp) => {
    const label = findLabel(view, range, pattern, head);
    return { label, value: label ? valueRightOf(view, label, range, isFieldLabel) : null };
  };
  const name = field(LABEL.name);
  const contact = field(LABEL.contact);
  const phone = field(LABEL.phone);
  const tasksLabel = findLabel(view, range, LABEL.tasks, head);
  const budgetLabel = findLabel(view, range, LABEL.budgetSection, head);
  const budgetRows = { top: budgetLabel?.row ?? range.top, bottom: (tasksLabel?.row ?? headBottom + 1) - 1 };
  // The indicator block label (年度绩效指标) sits on the header row; the tasks end above it.
  const tasksBottom = headBottom;
  return {
    tableId: table.id,
    sheet: table.sheet,
    sheetIndex: table.sheetIndex,
    name: name.value,
    ...(name.label ? { nameLabel: name.label } : {}),
    contact: contact.value,
    ...(contact.label ? { contactLabel: contact.label } : {}),
    phone: phone.value,
    ...(phone.label ? { phoneLabel: phone.label } : {}),
    ...parseStaff(view, range, head),
    budget: parseBudget(view, range, budgetRows),
    tasks: tasksLabel ? parseTasks(view, range, tasksLabel.row, tasksBottom) : null,
    indicators: indicatorHeader !== undefined ? parseIndicatorBlock(view, range, indicatorHeader) : null,
  };
}

/** The text shown at a position, for messages. */
export function textAt(view: SheetView, at: CellPosition): string {
  return cellTextAt(view, at.row, at.col)?.text ?? "";
}
