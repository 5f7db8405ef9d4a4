// The template kinds and variants under test, and how a clerk would fill each form in validly.
import ExcelJS from "exceljs";
import type { Edit } from "../../src/core/edits";
import { inputCells, planTemplate, type LayoutCell, type TemplateKind, type TemplateLayout, type TemplateOptionsInput } from "../../src/core/templates";
import { parseRange } from "../../src/core/workbook/address";
import { writeEdits } from "../../src/io/xlsx-writer";

export interface TemplateCase {
  readonly name: string;
  readonly kind: TemplateKind;
  readonly options: TemplateOptionsInput;
}

const PROJECT = { projectName: "社区图书室图书购置", department: "某区文化和旅游局", implementingUnit: "某区图书馆", year: 2025 } as const;

export const TEMPLATE_CASES: readonly TemplateCase[] = [
  { name: "project-cost-first", kind: "project-performance-target", options: { ...PROJECT, variant: "cost-first" } },
  { name: "project-legacy", kind: "project-performance-target", options: { ...PROJECT, variant: "legacy" } },
  { name: "department", kind: "department-performance-target", options: { department: "某区文化和旅游局", year: 2025 } },
  { name: "self-evaluation-cost-first", kind: "project-self-evaluation", options: { ...PROJECT, variant: "cost-first" } },
  { name: "self-evaluation-legacy", kind: "project-self-evaluation", options: { ...PROJECT, variant: "legacy" } },
];

export async function writeCase(testCase: TemplateCase, extra: Edit[] = [], options: Partial<TemplateOptionsInput> = {}): Promise<{ layout: TemplateLayout; bytes: Uint8Array; edits: Edit[] }> {
  const plan = planTemplate(testCase.kind, { ...testCase.options, ...options });
  const protect = plan.edits.filter((e) => e.op === "protectSheet");
  const edits = [...plan.edits.filter((e) => e.op !== "protectSheet"), ...extra, ...protect];
  return { layout: plan.layout, bytes: await writeEdits(edits), edits };
}

export async function loadExcel(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** The 二级 each row of the indicator block belongs to (from the 二级 cells and their merges). */
export function level2ByRow(layout: TemplateLayout): Map<number, string> {
  const byRow = new Map<number, string>();
  for (const cell of layout.cells) {
    const name = cell.input?.role === "indicator.level2" ? cell.input.initial : cell.at.startsWith("C") && cell.style === "label" ? cell.text : undefined;
    if (typeof name !== "string") continue;
    const range = parseRange(cell.to ? `${cell.at}:${cell.to}` : cell.at);
    for (let row = range.top; row <= range.bottom; row++) byRow.set(row, name);
  }
  return byRow;
}

/** Valid rows per 二级 (三级 name, 指标值, 实际完成值, 分值): the same values a seed form would show. */
const VALID_ROWS: Readonly<Record<string, readonly (readonly [string, string, string, number])[]>> = {
  经济成本指标: [["项目总成本", "≤10.00万元", "10万元", 4], ["图书购置成本", "≤6万元", "6万元", 3], ["图书加工及配送成本", "≤4万元", "4万元", 3]],
  成本指标: [["项目总成本", "≤10.00万元", "10万元", 4], ["图书购置成本", "≤6万元", "6万元", 3], ["图书加工及配送成本", "≤4万元", "4万元", 3]],
  社会成本指标: [["不涉及", "不涉及", "不涉及", 0]],
  生态环境成本指标: [["不涉及", "不涉及", "不涉及", 0]],
  数量指标: [["购置图书数量", "≥1200册", "1250册", 10], ["覆盖社区图书室数量", "=10个", "10个", 10]],
  质量指标: [["图书验收合格率", "=100%", "100%", 10], ["图书编目准确率", "≥98%", "99%", 5]],
  时效指标: [["图书上架及时率", "≥95%", "97%", 5]],
  经济效益指标: [["不涉及", "不涉及", "不涉及", 0]],
  社会效益指标: [["社区图书室月均借阅人次", "≥500人次", "520人次", 20]],
  生态效益指标: [["不涉及", "不涉及", "不涉及", 0]],
  可持续影响指标: [["图书管理制度健全性", "健全", "健全", 10]],
  服务对象满意度指标: [["服务对象满意度", "≥90%", "95%", 10]],
  职责履行: [["服务社区数量", "=7个", "", 0], ["图书室开放天数", "≥300天", "", 0], ["举办阅读活动场次", "≥12场", "", 0]],
  履职效益: [["辖区居民阅读参与率", "≥60%", "", 0], ["公共文化服务水平", "提升", "", 0], ["重大不良事件发生数", "=0起", "", 0], ["服务对象满意度", "≥90%", "", 0]],
};

const FIXED_TEXT: Readonly<Record<string, string | number>> = {
  projectName: PROJECT.projectName,
  projectCategory: "特定目标类",
  department: PROJECT.department,
  implementingUnit: PROJECT.implementingUnit,
  overallGoal: "为 10 个社区图书室购置图书 1200 册并完成上架，年内完成采购与验收，提升社区居民阅读便利度，读者满意度不低于 90%。",
  plannedGoal: "为 10 个社区图书室购置图书 1200 册并完成上架，年内完成采购与验收，读者满意度不低于 90%。",
  achievedGoal: "全年购置图书 1250 册，覆盖 10 个社区图书室，验收合格率 100%，读者满意度 95%。",
  contactName: "王明",
  contactPhone: "0531-86568760",
  functionBasis: "《某区文化和旅游局职能配置、内设机构和人员编制规定》（某办发〔2019〕3号）",
  function: "公共文化服务：组织开展全民阅读和群众文化活动。",
  strategicGoal: "完善公共文化服务体系，推进全民阅读，提升群众文化获得感。",
  annualGoal: "公共文化服务：新增社区图书室藏书，全年举办阅读活动不少于 12 场。",
  subordinateUnits: "直属单位 1 个，包括：某区图书馆",
  subordinatesIncluded: "是",
  internalDivisions: "内设职能部门 3 个，包括：办公室、公共服务科、产业发展科",
  "staff.establishment.previous": 40,
  "staff.establishment.current": 40,
  "staff.inService.previous": 38,
  "staff.inService.current": 39,
  "budget.basic": 600,
  "budget.project": 400,
  "budget.fiscal": 950,
  "budget.other": 50,
  "budget.operating": 150,
  "budget.specificPurpose": 250,
  "budget.specialLocal": 300,
  "budget.specialTransfer": 100,
  "task.function": "公共文化服务",
  "task.policy": "全民阅读",
  "task.project": "社区图书室图书购置",
  "task.fiscal": 100,
  "task.other": 0,
  "funds.fiscal.budgetA": 10,
  "funds.carryOver.budgetA": 0,
  "funds.other.budgetA": 0,
  "funds.fiscal.executedB": 10,
  "funds.carryOver.executedB": 0,
  "funds.other.executedB": 0,
  "funds.fiscal.plannedAtStart": 10,
  "funds.carryOver.plannedAtStart": 0,
  "funds.other.plannedAtStart": 0,
};

/** The value a clerk types into an input of a filled, valid form; undefined leaves the cell as built. */
export function validValue(layout: TemplateLayout, cell: LayoutCell, level2Rows: Map<number, string>): string | number | undefined {
  const role = cell.input!.role;
  if (role === "indicator.level1" || role === "indicator.level2" || cell.formula) return undefined;
  if (role in FIXED_TEXT) return FIXED_TEXT[role];
  const row = Number(/\d+$/.exec(cell.at)![0]);
  const level2 = level2Rows.get(row);
  if (level2 === undefined) return undefined;
  const rowsOfGroup = [...level2Rows].filter(([, name]) => name === level2).map(([r]) => r);
  const index = rowsOfGroup.indexOf(row);
  const rows = VALID_ROWS[level2];
  if (rows === undefined) return undefined; // a fixed department row keeps its standard target
  const [name, target, actual, points] = rows[Math.min(index, rows.length - 1)];
  switch (role) {
    case "indicator.name":
      return name;
    case "indicator.target":
      return target;
    case "indicator.actual":
      return actual;
    case "indicator.points":
    case "indicator.score":
      return points;
    default:
      return undefined;
  }
}

/** What the derived cells show once the filled form is calculated, by kind. */
export function filledFormulaResults(layout: TemplateLayout): Map<string, string | number> {
  const results = new Map<string, string | number>();
  if (layout.kind === "project-self-evaluation") {
    const total = layout.cells.find((c) => c.style === "header" && c.text === "总分")!;
    const row = Number(/\d+$/.exec(total.at)![0]);
    for (const [cell, value] of [["E6", 10], ["F6", 10], ["H6", 1], ["I6", 10], [`H${row}`, 100], [`I${row}`, "优"]] as const) results.set(cell, value);
  }
  if (layout.kind === "department-performance-target") {
    for (const cell of layout.cells) {
      if (cell.formula?.text.startsWith("SUM(F") && cell.at.startsWith("E")) results.set(cell.at, 100);
      if (cell.formula?.text.startsWith("SUM(E")) results.set(cell.at, 100 * 3);
      if (cell.formula?.text.startsWith("SUM(F") && cell.at.startsWith("F")) results.set(cell.at, 100 * 3);
      if (cell.formula?.text.startsWith("SUM(G")) results.set(cell.at, 0);
      if (cell.formula?.text.includes("本部门的核心职能为")) results.set(cell.at, `本部门的核心职能为：${Array(5).fill("公共文化服务").join("、")}`);
    }
  }
  return results;
}

/** Edits that fill every input of a form validly, with the derived cells' calculated results. */
export function fillEdits(layout: TemplateLayout): Edit[] {
  const rows = level2ByRow(layout);
  const edits: Edit[] = [];
  for (const cell of inputCells(layout)) {
    const value = validValue(layout, cell, rows);
    if (value !== undefined) edits.push({ op: "setValue", sheet: layout.sheet, cell: cell.at, value });
  }
  for (const [address, result] of filledFormulaResults(layout)) {
    const formula = layout.cells.find((c) => c.at === address)!.formula!.text;
    edits.push({ op: "setFormula", sheet: layout.sheet, cell: address, formula: `=${formula}`, result });
  }
  return edits;
}

export const FILLED_FUNDS = { fiscal: "10", carryOver: "0", other: "0" } as const;
