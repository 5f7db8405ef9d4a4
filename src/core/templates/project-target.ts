// 项目支出绩效目标表 (RULES 5.1), laid out like the seed target forms (fixtures minimal-project,
// lixia-2024-performance): head block A3:E9, indicator block from row 10, columns A–E.
import { amountValue, fundsTotal, yearLine, type LayoutContext } from "./context";
import { indicatorBlock } from "./indicators";
import { layoutRange, TEMPLATE_VERSION, type LayoutCell, type TemplateLayout } from "./layout";
import { projectSkeleton } from "./project-skeleton";

const AMOUNT_BOUNDS = { integer: false, min: 0 } as const;

export function projectTargetLayout(context: LayoutContext): TemplateLayout {
  const { options } = context;
  const total = fundsTotal(options.funds);
  const head: LayoutCell[] = [
    { at: "A1", to: "E1", style: "title", text: "项目支出绩效目标表" },
    { at: "A2", to: "E2", style: "subtitle", formula: yearLine(context, "年度") },
    { at: "A3", style: "label", text: "项目名称" },
    { at: "B3", to: "C3", style: "textInput", input: { role: "projectName", valueType: "text", required: true, initial: options.projectName || undefined } },
    { at: "D3", style: "label", text: "项目类别" },
    {
      at: "E3",
      style: "choiceInput",
      input: { role: "projectCategory", valueType: "choice", required: true },
      list: { formula: `=${context.lists.category}` },
      prompt: "项目类别",
    },
    { at: "A4", style: "label", text: "主管部门" },
    { at: "B4", to: "C4", style: "textInput", input: { role: "department", valueType: "text", required: true, initial: options.department || undefined } },
    { at: "D4", style: "label", text: "实施单位" },
    { at: "E4", style: "textInput", input: { role: "implementingUnit", valueType: "text", required: true, initial: options.implementingUnit || undefined } },
    { at: "A5", to: "A8", style: "label", text: "项目资金（万元）" },
    { at: "B5", style: "label", text: "年度预算资金总额：" },
    { at: "C5", style: "amountFormula", formula: { text: "SUM(C6:C8)", result: total === null ? 0 : total.toNumber() } },
    { at: "D5", to: "E5", style: "label" },
    ...fundRow(6, "其中：财政拨款", "funds.fiscal", amountValue(options.funds.fiscal)),
    ...fundRow(7, "上年结转资金", "funds.carryOver", amountValue(options.funds.carryOver)),
    ...fundRow(8, "其他资金", "funds.other", amountValue(options.funds.other)),
    { at: "A9", style: "label", text: "年度总体绩效目标" },
    {
      at: "B9",
      to: "E9",
      style: "longTextInput",
      input: { role: "overallGoal", valueType: "text", required: true },
      prompt: "建议不少于 50 字：做什么、做多少、何时完成、达到什么效果",
    },
    { at: "B10", style: "header", text: "一级指标" },
    { at: "C10", style: "header", text: "二级指标" },
    { at: "D10", style: "header", text: "三级指标" },
    { at: "E10", style: "header", text: "指标值" },
  ];
  const skeleton = projectSkeleton({
    framework: context.pack.framework,
    indicatorRows: options.indicatorRows,
    fundsCell: "C5",
    fundsTotal: total === null ? null : total.toNumber(),
  });
  const block = indicatorBlock(11, skeleton, { level1: "B", level2: "C", name: "D", target: "E", extras: [] }, context.lists);
  const cells = [...head, { at: "A10", to: `A${block.bottom}`, style: "label" as const, text: "绩效指标" }, ...block.cells];
  return {
    kind: "project-performance-target",
    sheet: context.sheet,
    packId: context.pack.id,
    version: TEMPLATE_VERSION,
    title: options.projectName,
    columnWidths: [12, 14, 20, 40, 18],
    rowHeights: new Map([
      [1, 30],
      [9, 60],
    ]),
    cells,
    range: layoutRange(cells),
    gridFrom: 3,
    orientation: "portrait",
    printTitleRows: "1:2",
  };
}

function fundRow(row: number, label: string, role: string, initial: number | undefined): LayoutCell[] {
  return [
    { at: `B${row}`, style: "label", text: label },
    {
      at: `C${row}`,
      style: "amountInput",
      input: { role, valueType: "amount", required: true, initial },
      bounds: AMOUNT_BOUNDS,
      prompt: "万元，两位小数；没有填 0",
    },
    { at: `D${row}`, to: `E${row}`, style: "label" },
  ];
}
