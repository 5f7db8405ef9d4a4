// 项目支出绩效自评表 (RULES 3.6), laid out like the seed self-evaluations (fixture
// lixia-2024-self-evaluation): budget block A5:I9 with 执行率 and its 得分, goals, indicator block
// from row 12 with 分值/得分, footer 总分 · 等级 and the explanation asked for below 80 points.
import { amountValue, fundsTotal, yearLine, type LayoutContext } from "./context";
import { indicatorBlock, type ExtraColumn } from "./indicators";
import { layoutRange, TEMPLATE_VERSION, type LayoutCell, type TemplateLayout } from "./layout";
import { projectSkeleton } from "./project-skeleton";

/** RULES 3.6.4: the budget-execution row is worth 10 points. */
export const BUDGET_ROW_POINTS = 10;

const AMOUNT_BOUNDS = { integer: false, min: 0 } as const;
const SCORE_BOUNDS = { integer: false, min: 0, max: 100 } as const;

const EXTRA_COLUMNS: readonly ExtraColumn[] = [
  { column: "F", role: "indicator.actual", valueType: "indicator-value", style: "choiceInput", required: true },
  { column: "G", role: "indicator.points", valueType: "score", style: "scoreInput", required: true, bounds: SCORE_BOUNDS },
  { column: "H", role: "indicator.score", valueType: "score", style: "scoreInput", required: true, bounds: SCORE_BOUNDS },
  { column: "I", role: "indicator.deviation", valueType: "text", style: "textInput", required: false },
];

export function selfEvaluationLayout(context: LayoutContext): TemplateLayout {
  const { options } = context;
  const plannedTotal = fundsTotal(options.funds);
  const fundColumns = ["D", "E", "F"] as const;
  const fundRoles = ["plannedAtStart", "budgetA", "executedB"] as const;
  const fundRow = (row: number, label: string, source: "fiscal" | "carryOver" | "other"): LayoutCell[] => [
    { at: `B${row}`, to: `C${row}`, style: "label", text: label },
    ...fundColumns.map(
      (column, i): LayoutCell => ({
        at: `${column}${row}`,
        style: "amountInput",
        input: {
          role: `funds.${source}.${fundRoles[i]}`,
          valueType: "amount",
          required: true,
          // The planned figures are known when the form is made; A and B come at year end.
          initial: i === 0 ? amountValue(options.funds[source]) : undefined,
        },
        bounds: AMOUNT_BOUNDS,
        prompt: "万元，两位小数；没有填 0",
      }),
    ),
    { at: `G${row}`, style: "label" },
    { at: `H${row}`, style: "label" },
    { at: `I${row}`, style: "label" },
  ];
  const head: LayoutCell[] = [
    { at: "A1", to: "I1", style: "title", text: "项目支出绩效自评表" },
    { at: "A2", to: "H2", style: "subtitle", formula: yearLine(context, "年度") },
    { at: "I2", style: "unitNote", text: "单位：万元" },
    { at: "A3", style: "label", text: "项目名称" },
    { at: "B3", to: "I3", style: "textInput", input: { role: "projectName", valueType: "text", required: true, initial: options.projectName || undefined } },
    { at: "A4", style: "label", text: "主管部门" },
    { at: "B4", to: "E4", style: "textInput", input: { role: "department", valueType: "text", required: true, initial: options.department || undefined } },
    { at: "F4", style: "label", text: "实施单位" },
    { at: "G4", to: "I4", style: "textInput", input: { role: "implementingUnit", valueType: "text", required: true, initial: options.implementingUnit || undefined } },
    { at: "A5", to: "A9", style: "label", text: "项目预算执行情况" },
    { at: "B5", to: "C5", style: "header" },
    { at: "D5", style: "header", text: "年初预算数" },
    { at: "E5", style: "header", text: "全年预算数（A）" },
    { at: "F5", style: "header", text: "全年执行数（B）" },
    { at: "G5", style: "header", text: "分值" },
    { at: "H5", style: "header", text: "执行率（B/A）" },
    { at: "I5", style: "header", text: "得分" },
    { at: "B6", to: "C6", style: "label", text: context.pack.selfEvaluation?.budgetRowName ?? "年度资金总额" },
    { at: "D6", style: "amountFormula", formula: { text: "SUM(D7:D9)", result: plannedTotal === null ? 0 : plannedTotal.toNumber() } },
    { at: "E6", style: "amountFormula", formula: { text: "SUM(E7:E9)", result: 0 } },
    { at: "F6", style: "amountFormula", formula: { text: "SUM(F7:F9)", result: 0 } },
    { at: "G6", style: "fixedNumber", text: context.pack.selfEvaluation?.budgetRowScore ?? BUDGET_ROW_POINTS },
    // RULES 3.6.2–3: 执行率 = B/A (undefined when A = 0); 得分 = 分值 × min(执行率, 100%), 2 decimals.
    { at: "H6", style: "percentFormula", formula: { text: 'IF(E6=0,"",F6/E6)', result: "" } },
    { at: "I6", style: "scoreFormula", formula: { text: 'IF(E6=0,"",ROUND(G6*MIN(H6,1),2))', result: "" } },
    ...fundRow(7, "其中：当年财政拨款", "fiscal"),
    ...fundRow(8, "上年结转资金", "carryOver"),
    ...fundRow(9, "其他资金", "other"),
    { at: "A10", to: "A11", style: "label", text: "年度总体目标" },
    { at: "B10", to: "E10", style: "header", text: "年初预期目标" },
    { at: "F10", to: "I10", style: "header", text: "目标实际完成情况" },
    { at: "B11", to: "E11", style: "longTextInput", input: { role: "plannedGoal", valueType: "text", required: true } },
    { at: "F11", to: "I11", style: "longTextInput", input: { role: "achievedGoal", valueType: "text", required: true } },
    { at: "B12", style: "header", text: "一级指标" },
    { at: "C12", style: "header", text: "二级指标" },
    { at: "D12", style: "header", text: "三级指标" },
    { at: "E12", style: "header", text: "年度指标值" },
    { at: "F12", style: "header", text: "实际完成指标值" },
    { at: "G12", style: "header", text: "分值" },
    { at: "H12", style: "header", text: "得分" },
    { at: "I12", style: "header", text: "偏差原因分析及改进措施" },
  ];
  const skeleton = projectSkeleton({
    framework: context.pack.framework,
    indicatorRows: options.indicatorRows,
    fundsCell: "D6",
    fundsTotal: plannedTotal === null ? null : plannedTotal.toNumber(),
    // RULES 3.6.8: a 不涉及 row carries 分值 0 and 得分 0.
    notApplicableExtras: { "indicator.actual": "不涉及", "indicator.points": 0, "indicator.score": 0 },
  });
  const block = indicatorBlock(13, skeleton, { level1: "B", level2: "C", name: "D", target: "E", extras: EXTRA_COLUMNS }, context.lists);
  const totalRow = block.bottom + 1;
  const footer: LayoutCell[] = [
    { at: `A12`, to: `A${block.bottom}`, style: "label", text: "年度绩效指标" },
    { at: `A${totalRow}`, to: `G${totalRow}`, style: "header", text: "总分" },
    // RULES 3.6.7: 总分 = Σ 得分, the budget row included.
    { at: `H${totalRow}`, style: "scoreFormula", formula: { text: `SUM(I6,H13:H${block.bottom})`, result: 0 } },
    {
      at: `I${totalRow}`,
      style: "textFormula",
      // RULES 3.6.11: 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差; empty until every 得分 is entered.
      formula: {
        text: `IF(COUNTBLANK(H13:H${block.bottom})>0,"",IF(H${totalRow}>=90,"优",IF(H${totalRow}>=80,"良",IF(H${totalRow}>=60,"中","差"))))`,
        result: "",
      },
    },
    { at: `A${totalRow + 1}`, to: `C${totalRow + 1}`, style: "label", text: "总分在80分以下的项目未实现绩效目标的原因分析及拟采取的措施说明：" },
    {
      at: `D${totalRow + 1}`,
      to: `I${totalRow + 1}`,
      style: "longTextInput",
      input: { role: "lowScoreExplanation", valueType: "text", required: false },
      prompt: "总分低于 80 分时必填",
    },
  ];
  const cells = [...head, ...block.cells, ...footer];
  return {
    kind: "project-self-evaluation",
    sheet: context.sheet,
    packId: context.pack.id,
    version: TEMPLATE_VERSION,
    title: options.projectName,
    columnWidths: [10, 12, 16, 28, 14, 14, 8, 9, 24],
    rowHeights: new Map([
      [1, 30],
      [11, 80],
      [totalRow + 1, 45],
    ]),
    cells,
    range: layoutRange(cells),
    gridFrom: 3,
    orientation: "landscape",
    printTitleRows: "1:2",
  };
}
