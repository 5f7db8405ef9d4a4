// Small performance forms laid out the way the printed 济南 forms are, built cell by cell for the
// forms-* rule tests: a 项目支出绩效目标表, a 预算项目支出绩效自评表 with its summary, a listing and a
// 部门（单位）整体支出绩效目标申报表. Each builder returns a sheet plus the addresses tests assert on.
import Decimal from "decimal.js";
import { checkWorkbook } from "../../src/core/engine";
import type { RuleFamily } from "../../src/core/rules/rule";
import type { CellRange } from "../../src/core/workbook/address";
import { sheetFromGrid, type SheetSnapshot, type WorkbookSnapshot } from "../../src/core/workbook/snapshot";

type Value = number | string | null;
type Grid = Value[][];

const row = (width: number, cells: Record<number, Value>): Value[] => Array.from({ length: width }, (_, i) => cells[i + 1] ?? null);
const merge = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });

export function workbookOf(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}

export function run(workbook: WorkbookSnapshot, family: RuleFamily) {
  return checkWorkbook(workbook, { families: [family] });
}

// ---------------------------------------------------------------- project target form

export interface ProjectFormSpec {
  name: string;
  department?: string;
  total: Value;
  fiscal: Value;
  carryOver: Value;
  other: Value;
  totalLabel?: string;
  fiscalLabel?: string;
  carryOverLabel?: string;
  year?: number;
  goal?: string;
}

/** A 项目支出绩效目标表 in A:E; the amounts are in C5:C8. */
export function projectForm(sheet: string, spec: ProjectFormSpec): SheetSnapshot {
  const w = 5;
  const grid: Grid = [
    row(w, { 1: "项目支出绩效目标表" }),
    row(w, { 1: `(${spec.year ?? 2024} 年度)` }),
    row(w, { 1: "项目名称", 2: spec.name, 4: "项目类别", 5: "特定目标类" }),
    row(w, { 1: "主管部门", 2: spec.department ?? "某区文化和旅游局", 4: "实施单位", 5: "某区图书馆" }),
    row(w, { 1: "项目资金 (万元)", 2: spec.totalLabel ?? "年度预算资金总额:", 3: spec.total }),
    row(w, { 2: spec.fiscalLabel ?? "其中: 财政拨款", 3: spec.fiscal }),
    row(w, { 2: spec.carryOverLabel ?? "上年结转资金", 3: spec.carryOver }),
    row(w, { 2: "其他资金", 3: spec.other }),
    row(w, { 1: "年度总体绩效目标", 2: spec.goal ?? "为社区图书室购置图书并完成上架，提升群众阅读满意度。" }),
    row(w, { 1: "绩效指标", 2: "一级指标", 3: "二级指标", 4: "三级指标", 5: "指标值" }),
    row(w, { 2: "成本指标", 3: "经济成本指标", 4: "项目总成本", 5: "≤10 万元" }),
    row(w, { 2: "产出指标", 3: "数量指标", 4: "购置图书数量", 5: "≥1200 册" }),
    row(w, { 3: "质量指标", 4: "图书验收合格率", 5: "=100%" }),
    row(w, { 3: "时效指标", 4: "采购完成及时率", 5: "=100%" }),
    row(w, { 2: "效益指标", 3: "社会效益指标", 4: "群众阅读参与率", 5: "≥80%" }),
    row(w, { 2: "满意度指标", 3: "服务对象满意度指标", 4: "读者满意度", 5: "≥90%" }),
  ];
  const merges = [merge(1, 1, 1, 5), merge(2, 1, 2, 5), merge(3, 2, 3, 3), merge(4, 2, 4, 3), merge(5, 1, 8, 1), merge(9, 2, 9, 5), merge(10, 1, 16, 1), merge(12, 2, 14, 2)];
  return sheetFromGrid(sheet, grid, merges);
}

// ---------------------------------------------------------------- self-evaluation

export interface IndicatorSpec {
  level1: string;
  level2: string;
  level3: string;
  target: string;
  actual: string;
  weight: number;
  score: number;
  deviation?: string;
}

export interface FundsColumn {
  total: Value;
  fiscal: Value;
  carryOver: Value;
  other: Value;
}

export interface SelfEvaluationSpec {
  name: string;
  initial: FundsColumn;
  budget: FundsColumn;
  executed: FundsColumn;
  weight: Value;
  rate: Value;
  score: Value;
  indicators: IndicatorSpec[];
  total: Value;
  /** 自评等级, on a row of its own under 总分 (label merged A:G, grade in H); no such row when absent. */
  grade?: string;
  explanation?: string;
  /** Lines below the form (a signature line, a footnote), columns A–I. */
  footer?: Value[][];
}

const n = (value: Decimal | number) => new Decimal(value).toNumber();

/** A consistent self-evaluation for amounts A (budget) and B (executed) and the given indicator rows. */
export function consistentSelfEvaluation(name: string, a: Decimal, b: Decimal, indicators: IndicatorSpec[]): SelfEvaluationSpec {
  const rate = b.div(a);
  const budgetScore = new Decimal(10).times(Decimal.min(rate, 1)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const total = indicators.reduce((s, i) => s.plus(i.score), budgetScore);
  const column = (v: Decimal): FundsColumn => ({ total: n(v), fiscal: n(v), carryOver: 0, other: 0 });
  return {
    name,
    initial: column(a),
    budget: column(a),
    executed: column(b),
    weight: 10,
    rate: n(rate.toDecimalPlaces(4, Decimal.ROUND_HALF_UP)),
    score: n(budgetScore),
    indicators,
    total: n(total),
  };
}

/** Indicator rows worth 90 points, every target met. */
export function standardIndicators(): IndicatorSpec[] {
  return [
    { level1: "成本指标", level2: "经济成本指标", level3: "项目总成本", target: "≤80 万元", actual: "77.36 万元", weight: 10, score: 10 },
    { level1: "产出指标", level2: "数量指标", level3: "开展活动次数", target: "≥30 次", actual: "32 次", weight: 20, score: 20 },
    { level1: "产出指标", level2: "质量指标", level3: "宣传资料派发率", target: "=100%", actual: "100%", weight: 10, score: 10 },
    { level1: "产出指标", level2: "时效指标", level3: "宣传活动完成及时率", target: "=100%", actual: "100%", weight: 10, score: 10 },
    { level1: "效益指标", level2: "社会效益指标", level3: "政策知晓率", target: ">80%", actual: "85%", weight: 20, score: 20 },
    { level1: "效益指标", level2: "可持续发展影响指标", level3: "档案管理机制健全性", target: "健全", actual: "健全", weight: 10, score: 10 },
    { level1: "满意度指标", level2: "服务对象满意度指标", level3: "群众满意度", target: "≥90%", actual: "95%", weight: 10, score: 10 },
  ];
}

export interface SelfEvaluationLayout {
  readonly sheet: SheetSnapshot;
  /** Row of the 年度资金总额 line; indicator rows start at indicatorTop. */
  readonly fundsTotalRow: number;
  readonly indicatorTop: number;
  readonly totalRow: number;
  readonly explanationRow: number;
}

/** A 预算项目支出绩效自评表 in A:I (funds D:I, indicators B:I, 总分 in H), as in the seed final accounts. */
export function selfEvaluationSheet(sheet: string, spec: SelfEvaluationSpec): SelfEvaluationLayout {
  const w = 9;
  const grid: Grid = [
    row(w, { 1: "预算项目支出绩效自评表" }),
    row(w, { 1: "(2024年度)", 9: "单位：万元" }),
    row(w, { 1: "项目名称", 2: spec.name }),
    row(w, { 1: "主管部门", 2: "某区妇女联合会", 6: "实施单位", 7: "某区妇女联合会" }),
    row(w, { 1: "项目预算执行情况", 4: "年初预算数", 5: "全年预算数（A）", 6: "全年执行数（B）", 7: "分值", 8: "执行率（B/A）", 9: "得分" }),
    row(w, { 2: "年度资金总额", 4: spec.initial.total, 5: spec.budget.total, 6: spec.executed.total, 7: spec.weight, 8: spec.rate, 9: spec.score }),
    row(w, { 2: "其中：当年财政拨款", 4: spec.initial.fiscal, 5: spec.budget.fiscal, 6: spec.executed.fiscal }),
    row(w, { 2: "上年结转资金", 4: spec.initial.carryOver, 5: spec.budget.carryOver, 6: spec.executed.carryOver }),
    row(w, { 2: "其他资金", 4: spec.initial.other, 5: spec.budget.other, 6: spec.executed.other }),
    row(w, { 1: "年度总体目标", 2: "年初预期目标", 6: "目标实际完成情况" }),
    row(w, { 2: "开展妇女儿童活动 30 次以上。", 6: "全年开展活动 32 次。" }),
    row(w, { 1: "年度绩效指标", 2: "一级指标", 3: "二级指标", 4: "三级指标", 5: "年度指标值", 6: "实际完成指标值", 7: "分值", 8: "得分", 9: "偏差原因分析及改进措施" }),
  ];
  const indicatorTop = grid.length + 1;
  for (const i of spec.indicators) {
    grid.push(row(w, { 2: i.level1, 3: i.level2, 4: i.level3, 5: i.target, 6: i.actual, 7: i.weight, 8: i.score, 9: i.deviation ?? null }));
  }
  const totalRow = grid.length + 1;
  grid.push(row(w, { 1: "总分", 8: spec.total }));
  const gradeRow = spec.grade === undefined ? undefined : grid.length + 1;
  if (spec.grade !== undefined) grid.push(row(w, { 1: "自评等级", 8: spec.grade }));
  const explanationRow = grid.length + 1;
  grid.push(row(w, { 1: `总分在80分以下的项目未实现绩效目标的原因分析及拟采取的措施说明：${spec.explanation ?? ""}` }));
  for (const line of spec.footer ?? []) grid.push(row(w, Object.fromEntries(line.map((v, i) => [i + 1, v]))));
  const merges = [
    merge(1, 1, 1, 9),
    merge(2, 1, 2, 8),
    merge(3, 2, 3, 9),
    merge(5, 1, 9, 1),
    ...[6, 7, 8, 9].map((r) => merge(r, 2, r, 3)),
    merge(10, 1, 11, 1),
    merge(10, 2, 10, 5),
    merge(10, 6, 10, 9),
    merge(11, 2, 11, 5),
    merge(11, 6, 11, 9),
    merge(12, 1, totalRow - 1, 1),
    merge(totalRow, 1, totalRow, 7),
    ...(gradeRow === undefined ? [] : [merge(gradeRow, 1, gradeRow, 7)]),
    merge(explanationRow, 1, explanationRow, 9),
  ];
  return { sheet: sheetFromGrid(sheet, grid, merges), fundsTotalRow: 6, indicatorTop, totalRow, explanationRow };
}

export interface SummaryLine {
  name: string;
  score: Value;
  grade: string;
}

/** A 项目绩效自评情况汇总表: 序号 | 项目名称 | 资金使用单位 | 自评得分 | 自评等级, rows from 3. */
export function summarySheet(sheet: string, lines: SummaryLine[]): SheetSnapshot {
  const w = 5;
  const grid: Grid = [row(w, { 1: "某区2024年度部分区级预算项目绩效自评情况汇总表" }), row(w, { 1: "序号", 2: "项目名称", 3: "资金使用单位", 4: "自评得分", 5: "自评等级" })];
  lines.forEach((l, i) => grid.push(row(w, { 1: i + 1, 2: l.name, 3: "某区妇女联合会", 4: l.score, 5: l.grade })));
  return sheetFromGrid(sheet, grid, [merge(1, 1, 1, 5)]);
}

// ---------------------------------------------------------------- listing

export interface ListingLine {
  department: string;
  name: string;
  amount: Value;
}

/** A 绩效目标申报表 listing: 序号 | 预算部门（单位）名称 | 项目名称 | 项目金额（万元） | 备注, rows from 4. */
export function listingSheet(sheet: string, lines: ListingLine[]): SheetSnapshot {
  const w = 5;
  const grid: Grid = [
    row(w, { 1: "部分县直部门2024年绩效目标申报表" }),
    row(w, { 1: "单位：万元" }),
    row(w, { 1: "序号", 2: "预算部门（单位）名称", 3: "项目名称", 4: "项目金额（万元）", 5: "备注" }),
  ];
  lines.forEach((l, i) => grid.push(row(w, { 1: i + 1, 2: l.department, 3: l.name, 4: l.amount })));
  return sheetFromGrid(sheet, grid, [merge(1, 1, 1, 5), merge(2, 1, 2, 5)]);
}

// ---------------------------------------------------------------- department form

export interface DepartmentSpec {
  name: string;
  contact: Value;
  phone: Value;
  establishment: number;
  inPost: number;
  controlTarget: string;
  basic: Value;
  project: Value;
  fiscal: Value;
  other: Value;
  operating: Value;
  specificPurpose: Value;
  local: Value;
  transfer: Value;
  /** Tasks: 预算资金, 财政拨款, 其他资金. */
  tasks: [Value, Value, Value][];
  taskTotal: [Value, Value, Value];
  /** 政策或重点任务 texts (default 任务1, 任务2 …). */
  taskTexts?: string[];
}

export interface DepartmentLayout {
  readonly sheet: SheetSnapshot;
  readonly cells: {
    phone: string;
    inPostCurrent: string;
    basic: string;
    project: string;
    fiscal: string;
    other: string;
    operating: string;
    specificPurpose: string;
    local: string;
    transfer: string;
    taskTotal: [string, string, string];
    taskRow: (i: number) => [string, string, string];
  };
}

/** A 部门（单位）整体支出绩效目标申报表 in A:G, laid out like the 济南 forms. */
export function departmentSheet(sheet: string, spec: DepartmentSpec): DepartmentLayout {
  const w = 7;
  const grid: Grid = [
    row(w, { 1: "部门（单位）整体支出绩效目标申报表" }),
    row(w, { 1: "(2024 年)" }),
    row(w, { 1: "部门名称", 2: spec.name }),
    row(w, { 1: "联系人", 2: spec.contact, 4: "联系电话", 5: spec.phone }),
    row(w, { 1: "部门职能", 2: "负责全区相关工作。" }),
    row(w, { 1: "人员情况", 2: "内容", 4: "上年", 6: "当年" }),
    row(w, { 2: "人员编制数（人）", 4: spec.establishment, 6: spec.establishment }),
    row(w, { 2: "在职人员总数（人）", 4: spec.inPost, 6: spec.inPost }),
    row(w, { 1: "预算情况（万元）", 2: "按支出类型分", 4: "预算金额（万元）", 5: "按来源类型分", 7: "预算金额（万元）" }),
    row(w, { 2: "其中：基本支出", 4: spec.basic, 5: "其中：财政拨款", 7: spec.fiscal }),
    row(w, { 2: "项目支出", 4: spec.project, 5: "其他资金", 7: spec.other }),
    row(w, { 2: "按支出性质分", 4: "预算金额（万元）", 5: "区（县）级财政专项资金", 7: "预算金额（万元）" }),
    row(w, { 2: "其中：运转类支出", 4: spec.operating, 5: "其中：区（县）本级安排", 7: spec.local }),
    row(w, { 2: "特定目标类支出", 4: spec.specificPurpose, 5: "上级转移支付", 7: spec.transfer }),
    row(w, { 1: "年度主要任务", 2: "职能", 3: "政策或重点任务", 4: "对应的拟安排项目", 5: "预算资金（万元）", 6: "其中：" }),
    row(w, { 6: "财政拨款（万元）", 7: "其他资金（万元）" }),
  ];
  const taskTop = grid.length + 1;
  spec.tasks.forEach((t, i) => grid.push(row(w, { 2: `职能${i + 1}`, 3: spec.taskTexts?.[i] ?? `任务${i + 1}`, 4: `项目${i + 1}`, 5: t[0], 6: t[1], 7: t[2] })));
  const totalRow = grid.length + 1;
  grid.push(row(w, { 2: "合计", 5: spec.taskTotal[0], 6: spec.taskTotal[1], 7: spec.taskTotal[2] }));
  const indicatorHeader = grid.length + 1;
  grid.push(row(w, { 1: "年度绩效指标", 2: "一级指标", 3: "二级指标", 4: "三级指标", 7: "目标值" }));
  grid.push(row(w, { 2: "投入管理指标", 3: "预算配置", 4: "在职人员控制率", 7: spec.controlTarget }));
  grid.push(row(w, { 4: "“三公经费”变动率", 7: "≤0%" }));
  grid.push(row(w, { 2: "产出指标", 3: "职责履行", 4: "任务完成率", 7: "=100%" }));
  grid.push(row(w, { 2: "效果指标", 3: "履职效益", 4: "群众满意度", 7: "≥90%" }));
  const last = grid.length;
  const merges = [
    merge(1, 1, 1, 7),
    merge(2, 1, 2, 7),
    merge(3, 2, 3, 7),
    merge(4, 2, 4, 3),
    merge(4, 5, 4, 7),
    merge(5, 2, 5, 7),
    merge(6, 1, 8, 1),
    ...[6, 7, 8].flatMap((r) => [merge(r, 2, r, 3), merge(r, 4, r, 5), merge(r, 6, r, 7)]),
    merge(9, 1, 14, 1),
    ...[9, 10, 11, 12, 13, 14].flatMap((r) => [merge(r, 2, r, 3), merge(r, 5, r, 6)]),
    merge(15, 1, totalRow, 1),
    merge(15, 6, 15, 7),
    merge(15, 5, 16, 5),
    merge(indicatorHeader, 1, last, 1),
    ...Array.from({ length: last - indicatorHeader + 1 }, (_, i) => merge(indicatorHeader + i, 4, indicatorHeader + i, 6)),
  ];
  const at = (r: number, c: number) => `${"ABCDEFG"[c - 1]}${r}`;
  return {
    sheet: sheetFromGrid(sheet, grid, merges),
    cells: {
      phone: at(4, 5),
      inPostCurrent: at(8, 6),
      basic: at(10, 4),
      project: at(11, 4),
      fiscal: at(10, 7),
      other: at(11, 7),
      operating: at(13, 4),
      specificPurpose: at(14, 4),
      local: at(13, 7),
      transfer: at(14, 7),
      taskTotal: [at(totalRow, 5), at(totalRow, 6), at(totalRow, 7)],
      taskRow: (i: number) => [at(taskTop + i, 5), at(taskTop + i, 6), at(taskTop + i, 7)],
    },
  };
}
