// 项目支出绩效目标表 → a typed model whose every field remembers its cell. Two layouts are common:
// with a title and a 项目资金（万元）block (济南 forms), and without a title, opened by a 项目编码 row
// and with no amounts (聊城 forms). Fields are found by their labels, never by fixed positions.
import { z } from "zod";
import type { DetectedTable } from "../detect/types";
import type { SheetView } from "../workbook/sheet-view";
import { CellPositionSchema, CellTextSchema, cellTextAt, positionOf, type CellPosition, type CellText } from "./cells";
import { findIndicatorHeaderRow, IndicatorBlockSchema, parseIndicatorBlock } from "./indicator-block";
import { amountBelowHeader, findLabel, valueCellRightOf, valueRightOf } from "./labels";

export const FundLineSchema = z.object({
  label: CellPositionSchema,
  /** Where the amount is (or should be) typed. */
  value: CellPositionSchema,
});
export type FundLine = z.infer<typeof FundLineSchema>;

export const ProjectFundsSchema = z.object({
  total: FundLineSchema.optional(),
  fiscal: FundLineSchema.optional(),
  carryOver: FundLineSchema.optional(),
  other: FundLineSchema.optional(),
});
export type ProjectFunds = z.infer<typeof ProjectFundsSchema>;

/**
 * One project of a sheet that holds every project of a unit (项目名称 | 预算数 columns beside the
 * indicators, each merged down its project's rows): its name, its amount and its indicator rows.
 */
export const UnitSheetProjectSchema = z.object({
  name: CellTextSchema,
  budget: CellPositionSchema.optional(),
  top: z.number().int(),
  bottom: z.number().int(),
});
export type UnitSheetProject = z.infer<typeof UnitSheetProjectSchema>;

export const UnitSheetSchema = z.object({
  projects: z.array(UnitSheetProjectSchema),
  budgetColumn: z.number().int().optional(),
  /** A 小计/合计 row of the unit: its label and its amount cell in the 预算数 column. */
  subtotal: z.object({ label: CellPositionSchema, value: CellPositionSchema }).optional(),
  /** Amounts in 元 (`单位：元`) rather than 万元: divide by 10,000 to compare with indicators in 万元. */
  amountsInYuan: z.boolean(),
});
export type UnitSheet = z.infer<typeof UnitSheetSchema>;

/**
 * A 成本构成 sub-table before the indicators: a header (成本项目 | 金额) over cost lines and a
 * 项目总成本 / 合计 line. `nested` is set when a line is a 其中 or a 小计 (the parts are then not
 * plainly one level under the total).
 */
export const CostBreakdownSchema = z.object({
  headerRow: z.number().int(),
  amountColumn: z.number().int(),
  parts: z.array(z.object({ name: CellTextSchema, value: CellPositionSchema })),
  total: z.object({ name: CellTextSchema, value: CellPositionSchema }).optional(),
  nested: z.boolean(),
});
export type CostBreakdown = z.infer<typeof CostBreakdownSchema>;

export const ProjectTargetFormSchema = z.object({
  tableId: z.string(),
  sheet: z.string(),
  sheetIndex: z.number().int(),
  name: CellTextSchema.nullable(),
  nameLabel: CellPositionSchema.optional(),
  code: CellTextSchema.nullable(),
  category: CellTextSchema.nullable(),
  department: CellTextSchema.nullable(),
  departmentLabel: CellPositionSchema.optional(),
  implementingUnit: CellTextSchema.nullable(),
  funds: ProjectFundsSchema,
  goal: CellTextSchema.nullable(),
  goalLabel: CellPositionSchema.optional(),
  indicators: IndicatorBlockSchema.nullable(),
  /** Set when the sheet holds every project of a unit in one block. */
  unitSheet: UnitSheetSchema.optional(),
  costBreakdown: CostBreakdownSchema.optional(),
});
export type ProjectTargetForm = z.infer<typeof ProjectTargetFormSchema>;

const LABEL = {
  name: /^项目名称[:：]?$/,
  code: /^项目(编码|编号|代码)[:：]?$/,
  category: /^项目(类别|类型|属性)[:：]?$/,
  department: /^(主管部门|主管单位|预算部门)[:：]?$/,
  implementingUnit: /^(实施单位|项目实施单位|资金使用单位)[:：]?$/,
  goal: /^(年度)?(总体)?(绩效)?目标$|^年度总体绩效目标$|^年度绩效目标$/,
  total: /^(年度)?(预算)?资金总额[:：]?$|^年度预算资金总额|^资金总额/,
  fiscal: /财政拨款/,
  carryOver: /上年结转/,
  other: /^(其中[:：])?其他资金/,
};

const isFieldLabel = (folded: string) => Object.values(LABEL).some((p) => p.test(folded));

function fundLine(view: SheetView, table: DetectedTable, pattern: RegExp, rows: { top: number; bottom: number }): FundLine | undefined {
  const label = findLabel(view, table.range, pattern, rows);
  if (!label) return undefined;
  return { label, value: fundValueCell(view, label, table) };
}

const isFundLabel = (folded: string) => LABEL.total.test(folded) || LABEL.fiscal.test(folded) || LABEL.carryOver.test(folded) || LABEL.other.test(folded);

/**
 * The amount cell of a fund label: the first number-like cell right of it; else, when the label heads
 * a column of a header row of fund labels, the amount below it; else the first cell after the label.
 */
function fundValueCell(view: SheetView, label: CellPosition, table: DetectedTable): CellPosition {
  const first = valueCellRightOf(view, label);
  for (let c = first.col; c <= table.range.right; c++) {
    const master = view.masterOf(label.row, c);
    const cell = view.raw(master.row, master.col);
    const numberLike = cell.type === "number" || cell.formula !== undefined || (cell.type === "string" && /^[\d,，.\s]+$/.test(String(cell.value)));
    if (numberLike) return positionOf(master.row, master.col);
  }
  return amountBelowHeader(view, label, table.range, isFundLabel) ?? first;
}

const UNIT_SHEET_COLUMNS = {
  project: /^项目名称$/,
  budget: /^(预算数|预算金额|项目金额|资金总额|年度预算数|预算资金)(\(万?元\))?$/,
};
const SUBTOTAL = /^(小计|合计|总计)$/;
const YUAN_LINE = /单位[:：]元$/;

/**
 * The one-sheet layout of a unit's projects: the indicator header row also heads 项目名称 (and 预算数),
 * and each project's name is merged down its rows. Undefined for a form of one project.
 */
function parseUnitSheet(view: SheetView, table: DetectedTable, headerRow: number): UnitSheet | undefined {
  const range = table.range;
  let projectColumn: number | undefined;
  let budgetColumn: number | undefined;
  for (let c = range.left; c <= range.right; c++) {
    const text = view.text(headerRow, c);
    if (projectColumn === undefined && UNIT_SHEET_COLUMNS.project.test(text)) projectColumn = c;
    else if (budgetColumn === undefined && UNIT_SHEET_COLUMNS.budget.test(text)) budgetColumn = c;
  }
  if (projectColumn === undefined) return undefined;
  const projects: UnitSheetProject[] = [];
  let subtotal: UnitSheet["subtotal"];
  for (let r = headerRow + 1; r <= range.bottom; r++) {
    const master = view.masterOf(r, projectColumn);
    if (master.row !== r) continue;
    const text = cellTextAt(view, r, projectColumn);
    if (!text) continue;
    const merge = view.mergeAt(r, projectColumn);
    if (SUBTOTAL.test(view.text(r, projectColumn))) {
      if (budgetColumn !== undefined) subtotal = { label: positionOf(r, projectColumn), value: positionOf(r, budgetColumn) };
      continue;
    }
    projects.push({ name: text, ...(budgetColumn !== undefined ? { budget: positionOf(r, budgetColumn) } : {}), top: r, bottom: merge ? merge.bottom : r });
  }
  // One project named in that column is a form of one project with an odd header, not a unit sheet.
  if (projects.length < 2) return undefined;
  let amountsInYuan = false;
  for (let r = range.top; r < headerRow; r++) for (let c = range.left; c <= range.right; c++) if (YUAN_LINE.test(view.text(r, c))) amountsInYuan = true;
  return { projects, ...(budgetColumn !== undefined ? { budgetColumn } : {}), ...(subtotal ? { subtotal } : {}), amountsInYuan };
}

const COST_BREAKDOWN = {
  item: /^(成本|支出|费用)(项目|构成|内容|明细|名称)(名称)?$/,
  amount: /^(金额|成本金额|测算金额|预算金额|预算数|成本)(\((万元|元)\))?$/,
  total: /^(合计|总计|项目总成本|总成本|成本合计|项目成本合计|成本总额)$/,
  nested: /^(其中[:：]?|小计$)/,
};

/**
 * The 成本构成 sub-table in a form's head, if there is one: its header row holds a cost-item header
 * and an amount header; its lines run down to the end of the block label merged beside them (成本构成
 * merged over the rows), else to the first line with no item.
 */
function parseCostBreakdown(view: SheetView, range: DetectedTable["range"], head: { top: number; bottom: number }): CostBreakdown | undefined {
  for (let r = head.top; r <= head.bottom; r++) {
    let itemColumn: number | undefined;
    let amountColumn: number | undefined;
    for (let c = range.left; c <= range.right; c++) {
      const master = view.masterOf(r, c);
      if (master.row !== r || master.col !== c) continue;
      const text = view.text(r, c);
      // The item header nearest the amount header: a block label 成本构成 may stand left of 成本项目.
      if (amountColumn === undefined && COST_BREAKDOWN.item.test(text)) itemColumn = c;
      else if (itemColumn !== undefined && amountColumn === undefined && COST_BREAKDOWN.amount.test(text)) amountColumn = c;
    }
    if (itemColumn === undefined || amountColumn === undefined) continue;
    // A block label merged down beside the header bounds the lines (成本构成 over A10:A15).
    let bottom = head.bottom;
    let bounded = false;
    for (let c = range.left; c < itemColumn; c++) {
      const merge = view.mergeAt(r, c);
      if (merge && merge.top <= r && merge.bottom > r && view.text(merge.top, merge.left) !== "") {
        bottom = Math.min(bottom, merge.bottom);
        bounded = true;
        break;
      }
    }
    const parts: CostBreakdown["parts"] = [];
    let total: CostBreakdown["total"];
    let nested = false;
    for (let line = r + 1; line <= bottom; line++) {
      const name = cellTextAt(view, line, itemColumn);
      if (!name || name.row !== line) {
        if (bounded) continue;
        break;
      }
      const value = positionOf(line, amountColumn);
      const folded = view.text(line, itemColumn);
      const marksTotal = COST_BREAKDOWN.total.test(folded) || view.filledColumns(line, amountColumn + 1, range.right).some((c) => COST_BREAKDOWN.total.test(view.text(line, c)));
      if (marksTotal && total === undefined) total = { name, value };
      else {
        if (COST_BREAKDOWN.nested.test(folded)) nested = true;
        parts.push({ name, value });
      }
    }
    if (parts.length === 0) return undefined;
    return { headerRow: r, amountColumn, parts, ...(total ? { total } : {}), nested };
  }
  return undefined;
}

/** A goal's own sub-labels: 中期目标（2025—2027年）| 年度目标（2025年）, 长期目标 / 年度目标. */
const GOAL_SUB_LABEL = /^(中期|长期|年度|当年|本年)(绩效)?目标(\(.*\))?[:：]?$/;
const ANNUAL_GOAL = /^(年度|当年|本年)/;

/**
 * The form's goal when its label is split into a 中期/长期 goal and a 年度 goal: the text of the
 * 年度 one, right of its sub-label or under it. Where the cell right of the goal label is a sub-label
 * and no 年度 one is found, the goal is not read (a sub-label is no goal).
 */
function goalField(view: SheetView, range: DetectedTable["range"], head: { top: number; bottom: number }, read: { label: CellPosition | undefined; value: CellText | null }) {
  const { label, value } = read;
  if (!label || !value || !GOAL_SUB_LABEL.test(view.text(value.row, value.col))) return read;
  const labelMerge = view.mergeAt(label.row, label.col);
  const rows = { top: label.row, bottom: Math.min(labelMerge ? labelMerge.bottom : label.row, head.bottom) };
  for (let r = rows.top; r <= rows.bottom; r++) {
    for (let c = (labelMerge ? labelMerge.right : label.col) + 1; c <= range.right; c++) {
      const master = view.masterOf(r, c);
      if (master.row !== r || master.col !== c) continue;
      const text = view.text(r, c);
      if (!GOAL_SUB_LABEL.test(text) || !ANNUAL_GOAL.test(text)) continue;
      const beside = valueRightOf(view, positionOf(r, c), range, (folded) => GOAL_SUB_LABEL.test(folded) || isFieldLabel(folded));
      if (beside) return { label, value: beside };
      const merge = view.mergeAt(r, c);
      const below = (merge ? merge.bottom : r) + 1;
      const under = below <= head.bottom ? cellTextAt(view, below, c) : null;
      return { label, value: under && under.text.trim() !== "" ? under : null };
    }
  }
  return { label, value: null };
}

export function parseProjectTargetForm(view: SheetView, table: DetectedTable): ProjectTargetForm {
  const range = table.range;
  const headerRow = findIndicatorHeaderRow(view, range);
  const head = { top: range.top, bottom: (headerRow ?? range.bottom + 1) - 1 };
  const field = (pattern: RegExp) => {
    const label = findLabel(view, range, pattern, head);
    return { label, value: label ? valueRightOf(view, label, range, isFieldLabel) : null };
  };
  const unitSheet = headerRow !== undefined ? parseUnitSheet(view, table, headerRow) : undefined;
  const costBreakdown = parseCostBreakdown(view, range, head);
  const name = field(LABEL.name);
  const department = field(LABEL.department);
  const goal = goalField(view, range, head, field(LABEL.goal));
  return {
    tableId: table.id,
    sheet: table.sheet,
    sheetIndex: table.sheetIndex,
    name: name.value,
    ...(name.label ? { nameLabel: name.label } : {}),
    code: field(LABEL.code).value,
    category: field(LABEL.category).value,
    department: department.value,
    ...(department.label ? { departmentLabel: department.label } : {}),
    implementingUnit: field(LABEL.implementingUnit).value,
    funds: {
      total: fundLine(view, table, LABEL.total, head),
      fiscal: fundLine(view, table, LABEL.fiscal, head),
      carryOver: fundLine(view, table, LABEL.carryOver, head),
      other: fundLine(view, table, LABEL.other, head),
    },
    goal: goal.value,
    ...(goal.label ? { goalLabel: goal.label } : {}),
    indicators: headerRow !== undefined ? parseIndicatorBlock(view, range, headerRow) : null,
    ...(unitSheet ? { unitSheet } : {}),
    ...(costBreakdown ? { costBreakdown } : {}),
  };
}
