// 部门（单位）整体支出绩效目标申报表 (RULES 5.2), laid out like the seed department forms (fixture
// lixia-2024-performance, 部门-… sheets): columns A–G, label column A merged down each block.
import { yearLine, type LayoutContext } from "./context";
import type { RulePack } from "../packs/schema";
import { indicatorBlock, rowsFor, type IndicatorCategorySeed } from "./indicators";
import { layoutRange, TEMPLATE_VERSION, type LayoutCell, type TemplateLayout } from "./layout";

const AMOUNT_BOUNDS = { integer: false, min: 0 } as const;
const COUNT_BOUNDS = { integer: true, min: 0 } as const;
/** RULES 5.2: at least three 职责履行 and three 履职效益 rows are advised. */
const DEFAULT_FREE_ROWS = 3;

export function departmentTargetLayout(context: LayoutContext): TemplateLayout {
  const { options } = context;
  const cells: LayoutCell[] = [];
  const heights = new Map<number, number>([[1, 30]]);
  const add = (...more: LayoutCell[]) => cells.push(...more);
  const wide = (row: number, cell: Omit<LayoutCell, "at" | "to">): LayoutCell => ({ at: `B${row}`, to: `G${row}`, ...cell });

  add(
    { at: "A1", to: "G1", style: "title", text: "部门（单位）整体支出绩效目标申报表" },
    { at: "A2", to: "G2", style: "subtitle", formula: yearLine(context, "年") },
    { at: "A3", style: "label", text: "部门名称" },
    wide(3, { style: "textInput", input: { role: "department", valueType: "text", required: true, initial: options.department || undefined } }),
    { at: "A4", style: "label", text: "联系人" },
    { at: "B4", to: "C4", style: "textInput", input: { role: "contactName", valueType: "text", required: true } },
    { at: "D4", style: "label", text: "联系电话" },
    { at: "E4", to: "G4", style: "textInput", input: { role: "contactPhone", valueType: "text", required: true }, prompt: "如 0531-86568760" },
  );

  // 部门职能: basis, one line per function, and the core functions joined from those lines.
  let row = 5;
  const functionsTop = row;
  add(wide(row++, { style: "fixedText", text: "职能依据：" }));
  add(wide(row++, { style: "longTextInput", input: { role: "functionBasis", valueType: "text", required: true }, prompt: "三定方案名称及文号" }));
  add(wide(row++, { style: "fixedText", text: "部门职能：" }));
  const functionRows: number[] = [];
  for (let i = 0; i < options.departmentFunctions; i++) {
    functionRows.push(row);
    add(wide(row++, { style: "textInput", input: { role: "function", valueType: "text", required: i === 0 }, prompt: "职能名：描述" }));
  }
  // The name is the text before the first colon (full-width or not); lines without one add nothing.
  const names = functionRows.map((r) => `IFERROR("、"&LEFT(B${r},FIND("：",SUBSTITUTE(B${r},":","："))-1),"")`).join("&");
  add(wide(row, { style: "textFormula", formula: { text: `"本部门的核心职能为："&MID(${names},2,1000)`, result: "本部门的核心职能为：" } }));
  add({ at: `A${functionsTop}`, to: `A${row}`, style: "label", text: "部门职能" });
  row++;

  add({ at: `A${row}`, style: "label", text: "部门战略目标" }, wide(row, { style: "longTextInput", input: { role: "strategicGoal", valueType: "text", required: true } }));
  heights.set(row++, 80);
  add(
    { at: `A${row}`, style: "label", text: "年度绩效目标" },
    wide(row, { style: "longTextInput", input: { role: "annualGoal", valueType: "text", required: true }, prompt: "每项职能一段" }),
  );
  heights.set(row++, 80);

  add({ at: `A${row}`, to: `A${row + 2}`, style: "label", text: "部门基本信息" });
  add(wide(row++, { style: "textInput", input: { role: "subordinateUnits", valueType: "text", required: false }, prompt: "直属单位 N 个，包括：……" }));
  add(
    { at: `B${row}`, to: `E${row}`, style: "fixedText", text: "直属单位一并纳入本表填报的预算绩效管理范围：" },
    { at: `F${row}`, to: `G${row}`, style: "choiceInput", input: { role: "subordinatesIncluded", valueType: "choice", required: true }, list: { formula: `=${context.lists.yesNo}` } },
  );
  row++;
  add(wide(row++, { style: "textInput", input: { role: "internalDivisions", valueType: "text", required: true }, prompt: "内设职能部门 N 个，包括：……" }));

  add(
    { at: `A${row}`, to: `A${row + 2}`, style: "label", text: "人员情况" },
    { at: `B${row}`, to: `C${row}`, style: "header", text: "内容" },
    { at: `D${row}`, to: `E${row}`, style: "header", text: "上年" },
    { at: `F${row}`, to: `G${row}`, style: "header", text: "当年" },
  );
  row++;
  for (const [label, role] of [
    ["人员编制数（人）", "staff.establishment"],
    ["在职人员总数（人）", "staff.inService"],
  ] as const) {
    add(
      { at: `B${row}`, to: `C${row}`, style: "label", text: label },
      { at: `D${row}`, to: `E${row}`, style: "countInput", input: { role: `${role}.previous`, valueType: "count", required: true }, bounds: COUNT_BOUNDS },
      { at: `F${row}`, to: `G${row}`, style: "countInput", input: { role: `${role}.current`, valueType: "count", required: true }, bounds: COUNT_BOUNDS },
    );
    row++;
  }

  // 预算情况: two side-by-side lists, each a heading line and two amounts (RULES 3.5 checks their sums).
  add({ at: `A${row}`, to: `A${row + 5}`, style: "label", text: "预算情况（万元）" });
  const budgetPairs: readonly [string, string, string, string][] = [
    ["按支出类型分", "", "按来源类型分", ""],
    ["其中：基本支出", "budget.basic", "其中：财政拨款", "budget.fiscal"],
    ["项目支出", "budget.project", "其他资金", "budget.other"],
    ["按支出性质分", "", "区（县）级财政专项资金", ""],
    ["其中：运转类支出", "budget.operating", "其中：区（县）本级安排", "budget.specialLocal"],
    ["特定目标类支出", "budget.specificPurpose", "上级转移支付", "budget.specialTransfer"],
  ];
  for (const [leftLabel, leftRole, rightLabel, rightRole] of budgetPairs) {
    const heading = leftRole === "";
    const amountCell = (column: string, role: string): LayoutCell =>
      heading
        ? { at: `${column}${row}`, style: "header", text: "预算金额（万元）" }
        : { at: `${column}${row}`, style: "amountInput", input: { role, valueType: "amount", required: true }, bounds: AMOUNT_BOUNDS, prompt: "万元，两位小数；没有填 0" };
    add(
      { at: `B${row}`, to: `C${row}`, style: heading ? "header" : "label", text: leftLabel },
      amountCell("D", leftRole),
      { at: `E${row}`, to: `F${row}`, style: heading ? "header" : "label", text: rightLabel },
      amountCell("G", rightRole),
    );
    row++;
  }

  // 年度主要任务: 预算资金 = 财政拨款 + 其他资金 per row, 合计 = column sums.
  const tasksTop = row;
  add(
    { at: `B${row}`, to: `B${row + 1}`, style: "header", text: "职能" },
    { at: `C${row}`, to: `C${row + 1}`, style: "header", text: "政策或重点任务" },
    { at: `D${row}`, to: `D${row + 1}`, style: "header", text: "对应的拟安排项目" },
    { at: `E${row}`, to: `E${row + 1}`, style: "header", text: "预算资金（万元）" },
    { at: `F${row}`, to: `G${row}`, style: "header", text: "其中：" },
    { at: `F${row + 1}`, style: "header", text: "财政拨款（万元）" },
    { at: `G${row + 1}`, style: "header", text: "其他资金（万元）" },
  );
  row += 2;
  const firstTask = row;
  for (let i = 0; i < options.mainTasks; i++) {
    const required = i === 0;
    add(
      { at: `B${row}`, style: "textInput", input: { role: "task.function", valueType: "text", required } },
      { at: `C${row}`, style: "textInput", input: { role: "task.policy", valueType: "text", required } },
      { at: `D${row}`, style: "textInput", input: { role: "task.project", valueType: "text", required } },
      { at: `E${row}`, style: "amountFormula", formula: { text: `SUM(F${row}:G${row})`, result: 0 } },
      { at: `F${row}`, style: "amountInput", input: { role: "task.fiscal", valueType: "amount", required }, bounds: AMOUNT_BOUNDS },
      { at: `G${row}`, style: "amountInput", input: { role: "task.other", valueType: "amount", required }, bounds: AMOUNT_BOUNDS },
    );
    row++;
  }
  const lastTask = row - 1;
  add(
    { at: `B${row}`, to: `D${row}`, style: "header", text: "合计" },
    ...(["E", "F", "G"] as const).map((c): LayoutCell => ({ at: `${c}${row}`, style: "amountFormula", formula: { text: `SUM(${c}${firstTask}:${c}${lastTask})`, result: 0 } })),
    { at: `A${tasksTop}`, to: `A${row}`, style: "label", text: "年度主要任务" },
  );
  row++;

  // 年度绩效指标: the 16 fixed 投入管理 rows, then the department's own 职责履行 and 履职效益 rows.
  const indicatorsTop = row;
  add(
    { at: `B${row}`, style: "header", text: "一级指标" },
    { at: `C${row}`, style: "header", text: "二级指标" },
    { at: `D${row}`, to: `F${row}`, style: "header", text: "三级指标" },
    { at: `G${row}`, style: "header", text: "目标值" },
  );
  row++;
  const block = indicatorBlock(row, departmentSkeleton(context.pack, options.indicatorRows), { level1: "B", level2: "C", name: "D", nameTo: "F", target: "G", extras: [] }, context.lists);
  add(...block.cells, { at: `A${indicatorsTop}`, to: `A${block.bottom}`, style: "label", text: "年度绩效指标" });

  return {
    kind: "department-performance-target",
    sheet: context.sheet,
    packId: context.pack.id,
    version: TEMPLATE_VERSION,
    title: options.department,
    columnWidths: [12, 16, 18, 18, 16, 14, 16],
    rowHeights: heights,
    cells,
    range: layoutRange(cells),
    gridFrom: 3,
    orientation: "portrait",
    printTitleRows: "1:2",
  };
}

/**
 * The pack's 投入 block comes pre-filled and locked with its fixed rows and standard targets (RULES
 * 1.3); every other 一级 gets free rows, and the 效果 block closes with the satisfaction row.
 */
function departmentSkeleton(pack: RulePack, indicatorRows: number | Readonly<Record<string, number>> | undefined): IndicatorCategorySeed[] {
  const fixedRows = pack.fixedRows?.rows ?? [];
  return pack.framework.level1.map((level1): IndicatorCategorySeed => {
    const fixed = fixedRows.filter((row) => row.level1 === level1.name);
    if (fixed.length > 0) {
      const groups = level1.level2
        .map((level2) => ({ level2: level2.name, rows: fixed.filter((row) => row.level2 === level2.name).map((row) => ({ name: row.level3, target: row.target })) }))
        .filter((group) => group.rows.length > 0);
      return { level1: level1.name, fixed: true, groups };
    }
    return {
      level1: level1.name,
      groups: level1.level2.map((level2) => {
        const closesWithSatisfaction = level1.role === "effect" && level2 === level1.level2[level1.level2.length - 1];
        // The satisfaction row is one more than the free rows asked for.
        const free = Math.max(1, rowsFor(level2.name, DEFAULT_FREE_ROWS, indicatorRows));
        const rows = Array.from({ length: free }, () => ({}));
        return { level2: level2.name, rows: closesWithSatisfaction ? [...rows, { name: "服务对象满意度", target: "≥90%" }] : rows };
      }),
    };
  });
}
