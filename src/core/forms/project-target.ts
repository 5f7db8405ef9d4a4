// 项目支出绩效目标表 → a typed model whose every field remembers its cell. Two layouts are common:
// with a title and a 项目资金（万元）block (济南 forms), and without a title, opened by a 项目编码 row
// and with no amounts (聊城 forms). Fields are found by their labels, never by fixed positions.
import { z } from "zod";
import type { DetectedTable } from "../detect/types";
import type { SheetView } from "../workbook/sheet-view";
import { CellPositionSchema, CellTextSchema, positionOf, type CellPosition } from "./cells";
import { findIndicatorHeaderRow, IndicatorBlockSchema, parseIndicatorBlock } from "./indicator-block";
import { findLabel, valueCellRightOf, valueRightOf } from "./labels";

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

/** The amount cell right of a fund label: the first number-like cell, else the first cell after the label. */
function fundValueCell(view: SheetView, label: CellPosition, table: DetectedTable): CellPosition {
  const first = valueCellRightOf(view, label);
  for (let c = first.col; c <= table.range.right; c++) {
    const master = view.masterOf(label.row, c);
    const cell = view.raw(master.row, master.col);
    const numberLike = cell.type === "number" || cell.formula !== undefined || (cell.type === "string" && /^[\d,，.\s]+$/.test(String(cell.value)));
    if (numberLike) return positionOf(master.row, master.col);
  }
  return first;
}

export function parseProjectTargetForm(view: SheetView, table: DetectedTable): ProjectTargetForm {
  const range = table.range;
  const headerRow = findIndicatorHeaderRow(view, range);
  const head = { top: range.top, bottom: (headerRow ?? range.bottom + 1) - 1 };
  const field = (pattern: RegExp) => {
    const label = findLabel(view, range, pattern, head);
    return { label, value: label ? valueRightOf(view, label, range, isFieldLabel) : null };
  };
  const name = field(LABEL.name);
  const department = field(LABEL.department);
  const goal = field(LABEL.goal);
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
  };
}
