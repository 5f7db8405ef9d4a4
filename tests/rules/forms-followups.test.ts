// Form layouts the blind set showed were read short: funds laid out as a header row over a value row,
// a 部门整体 form's 年度预算 rows, the signature line under a self-evaluation, and a 成本构成 sub-table's
// own total. Each form is built cell by cell; a consistent one gives no finding, one slip gives one.
import Decimal from "decimal.js";
import { detectTables } from "../../src/core/detect/detect";
import { isSignatureLine } from "../../src/core/detect/signatures";
import { parseProjectTargetForm } from "../../src/core/forms/project-target";
import { checkWorkbook } from "../../src/core/engine";
import { rangeAddress, type CellRange } from "../../src/core/workbook/address";
import { SheetView } from "../../src/core/workbook/sheet-view";
import { sheetFromGrid, type SheetSnapshot } from "../../src/core/workbook/snapshot";
import { consistentSelfEvaluation, selfEvaluationSheet, standardIndicators } from "./forms-builders";

type Value = number | string | null;
const row = (width: number, cells: Record<number, Value>): Value[] => Array.from({ length: width }, (_, i) => cells[i + 1] ?? null);
const merge = (top: number, left: number, bottom: number, right: number): CellRange => ({ top, left, bottom, right });

function check(...sheets: SheetSnapshot[]) {
  const result = checkWorkbook({ sheets });
  return {
    tables: result.tables.map((table) => `${table.sheet}!${table.kind}`),
    found: result.findings.map((finding) => `${finding.sheet}!${finding.cell} ${finding.category} ${finding.severity}`),
    notChecked: result.notChecked.map((item) => item.rule),
    result,
  };
}

// ---------------------------------------------------------------- funds as a header row over a value row

/** A project form whose 项目资金 block is 年度资金总额 | 财政拨款 | 上年结转资金 | 其他资金 over the amounts. */
function headerOverValueForm(totalCost: string, amounts: Value[] = [186, 170, 16, 0]): SheetSnapshot {
  const w = 6;
  const grid: Value[][] = [
    row(w, { 1: "项目支出绩效目标表" }),
    row(w, { 1: "（2025年度）", 6: "单位：万元" }),
    row(w, { 1: "项目名称", 2: "2025年村庄保洁经费" }),
    row(w, { 1: "主管部门", 2: "某县农业农村局", 4: "实施单位", 5: "某县环境服务中心" }),
    row(w, { 1: "项目资金（万元）", 2: "年度资金总额", 3: "财政拨款", 4: "上年结转资金", 5: "其他资金", 6: "资金用途" }),
    row(w, { 2: amounts[0]!, 3: amounts[1]!, 4: amounts[2]!, 5: amounts[3]!, 6: "保洁员劳务补助" }),
    row(w, { 1: "年度绩效目标", 2: "全年聘用村庄保洁员120人，村庄环境卫生状况明显改善。" }),
    row(w, { 1: "一级指标", 2: "二级指标", 3: "三级指标", 6: "指标值" }),
    row(w, { 1: "成本指标", 2: "经济成本指标", 3: "项目总成本", 6: totalCost }),
    row(w, { 3: "保洁员劳务补助支出", 6: "≤144万元" }),
    row(w, { 3: "保洁设备购置费", 6: "≤42万元" }),
    row(w, { 1: "产出指标", 2: "数量指标", 3: "聘用保洁员人数", 6: "≥120人" }),
    row(w, { 2: "质量指标", 3: "村庄保洁考核合格率", 6: "≥90%" }),
    row(w, { 2: "时效指标", 3: "项目完成时间", 6: "2025年12月底前" }),
    row(w, { 1: "效益指标", 2: "社会效益指标", 3: "村庄环境卫生状况", 6: "明显改善" }),
    row(w, { 1: "满意度指标", 2: "服务对象满意度指标", 3: "村民满意度", 6: "≥90%" }),
  ];
  const merges = [merge(1, 1, 1, 6), merge(2, 1, 2, 5), merge(3, 2, 3, 6), merge(5, 1, 6, 1), merge(7, 2, 7, 6), merge(9, 1, 11, 1), merge(9, 2, 11, 2), merge(12, 1, 14, 1)];
  for (let r = 8; r <= 16; r++) merges.push(merge(r, 3, r, 5));
  return sheetFromGrid("村庄保洁", grid, merges);
}

describe("funds read in either orientation", () => {
  it("a header row of fund labels over a value row: the cost total is checked against 年度资金总额", () => {
    const { found, notChecked } = check(headerOverValueForm("≤216万元"));
    expect(found).toEqual(["村庄保洁!F9 cost-exceeds-budget error"]);
    expect(notChecked).not.toContain("indicators/cost-exceeds-budget");
  });

  it("the same form, consistent: no finding, and the costs were checked", () => {
    const { found, notChecked } = check(headerOverValueForm("≤186万元"));
    expect(found).toEqual([]);
    expect(notChecked).not.toContain("indicators/cost-exceeds-budget");
  });
});

describe("the fund cells of a header row over a value row", () => {
  const funds = (amounts: Value[]) => {
    const sheet = headerOverValueForm("≤186万元", amounts);
    const table = detectTables({ sheets: [sheet] })[0]!;
    const form = parseProjectTargetForm(new SheetView(sheet), table);
    return [form.funds.total, form.funds.fiscal, form.funds.carryOver, form.funds.other].map((line) => `${line?.label.address}→${line?.value.address}`);
  };

  it("each label's amount is the cell below it", () => {
    expect(funds([186, 170, 16, 0])).toEqual(["B5→B6", "C5→C6", "D5→D6", "E5→E6"]);
  });

  it("an unfilled value row: still the cells below, where the amounts are to be typed", () => {
    expect(funds([null, null, null, null])).toEqual(["B5→B6", "C5→C6", "D5→D6", "E5→E6"]);
  });
});

// ---------------------------------------------------------------- a 部门整体 form's 年度预算 rows

function departmentForm(totalCost: string, fiscal = 1236.4): SheetSnapshot {
  const w = 6;
  const grid: Value[][] = [
    row(w, { 1: "2025年度部门整体支出绩效目标表" }),
    row(w, { 1: "填报单位（盖章）：某县市场监督管理局", 5: "金额单位：万元" }),
    row(w, { 1: "部门名称", 2: "某县市场监督管理局", 4: "联系人", 5: "周敏" }),
    row(w, { 1: "部门负责人", 2: "蒋国华", 4: "联系电话", 5: "0578-6258801" }),
    row(w, { 1: "年度预算（万元）", 2: "资金总额", 4: 1286.4 }),
    row(w, { 2: "其中：财政拨款", 4: fiscal }),
    row(w, { 2: "其他资金", 4: 50 }),
    row(w, { 1: "年度主要任务", 2: "任务名称", 3: "主要内容", 6: "预算金额" }),
    row(w, { 2: "保障机构正常运转", 3: "人员工资福利及日常公用经费", 6: 968.4 }),
    row(w, { 2: "食品安全抽检监测", 3: "完成食品安全监督抽检840批次", 6: 318 }),
    row(w, { 2: "合计", 6: 1286.4 }),
    row(w, { 1: "年度绩效目标", 2: "保障机构正常运转，完成食品安全监督抽检840批次，市场主体满意度达到90%以上。" }),
    row(w, { 1: "年度绩效指标", 2: "一级指标", 3: "二级指标", 4: "三级指标", 6: "指标值" }),
    row(w, { 2: "成本指标", 3: "经济成本指标", 4: "部门年度总成本", 6: totalCost }),
    row(w, { 2: "产出指标", 3: "数量指标", 4: "食品安全监督抽检批次", 6: "≥840批" }),
    row(w, { 3: "质量指标", 4: "抽检不合格食品核查处置率", 6: "=100%" }),
    row(w, { 3: "时效指标", 4: "年度抽检任务完成时间", 6: "2025年11月底前" }),
    row(w, { 2: "效益指标", 3: "社会效益指标", 4: "食品安全保障水平", 6: "明显提升" }),
    row(w, { 2: "满意度指标", 3: "服务对象满意度指标", 4: "市场主体满意度", 6: "≥90%" }),
  ];
  const merges = [merge(1, 1, 1, 6), merge(2, 1, 2, 4), merge(5, 1, 7, 1), merge(5, 2, 5, 3), merge(6, 2, 6, 3), merge(7, 2, 7, 3), merge(8, 1, 11, 1), merge(12, 2, 12, 6), merge(13, 1, 19, 1), merge(15, 2, 17, 2)];
  for (let r = 8; r <= 10; r++) merges.push(merge(r, 3, r, 5));
  for (let r = 13; r <= 19; r++) merges.push(merge(r, 4, r, 5));
  return sheetFromGrid("部门整体", grid, merges);
}

describe("a 部门整体 form's 年度预算 rows", () => {
  it("资金总额 is the department's funds: a total cost above it is an error", () => {
    const { tables, found } = check(departmentForm("≤1386.4万元"));
    expect(tables).toEqual(["部门整体!department-performance-target"]);
    expect(found).toEqual(["部门整体!F14 cost-exceeds-budget error"]);
  });

  it("a total cost within it: no finding, and the costs were checked", () => {
    const { found, notChecked } = check(departmentForm("≤1286.4万元"));
    expect(found).toEqual([]);
    expect(notChecked).not.toContain("indicators/cost-exceeds-budget");
  });

  it("资金总额 = 财政拨款 + 其他资金", () => {
    const { found } = check(departmentForm("≤1286.4万元", 1263.4));
    expect(found).toEqual(["部门整体!D5 composition-mismatch error"]);
  });
});

// ---------------------------------------------------------------- the signature line under a form

describe("a signature or contact line below a form is outside its range", () => {
  const spec = (footer: Value[][]) => ({ ...consistentSelfEvaluation("妇女儿童工作专项经费", new Decimal(80), new Decimal(77.36), standardIndicators()), footer });
  const rangeOf = (footer: Value[][]) => {
    const layout = selfEvaluationSheet("自评表", spec(footer));
    const table = checkWorkbook({ sheets: [layout.sheet] }).tables.find((t) => t.kind === "project-self-evaluation")!;
    return { range: rangeAddress(table.range), last: `A1:I${layout.explanationRow}` };
  };

  it.each<[string, Value[][]]>([
    ["填表人： 审核人： 填报日期： in one cell", [["填表人：                    审核人：                    填报日期：2025年3月"]]],
    ["项目负责人： | 财务负责人： in two cells", [["项目负责人：", null, null, null, null, "财务负责人："]]],
    ["项目负责人: | 财务负责人: with ASCII colons", [["项目负责人:", null, null, null, null, "财务负责人:"]]],
    ["联系人 | name | 联系电话 | number", [["联系人", "张敏", null, "联系电话", "0531-86553617"]]],
    ["a stamp and a date", [["单位（盖章）", null, null, null, null, "填报日期：2025年3月10日"]]],
    ["a footnote and a signature line under it", [["注：本表金额单位为万元。"], ["填表人：张敏", null, null, null, null, "联系电话：0531-86553617"]]],
  ])("%s", (_title, footer) => {
    const { range, last } = rangeOf(footer);
    expect(range).toBe(last);
  });

  it("a row of the form whose texts are not signatures stays inside", () => {
    const { range, last } = rangeOf([["备案人数", 120, null, "完成人数", 118]]);
    expect(range).not.toBe(last);
  });

  it("the signature words one by one", () => {
    expect(isSignatureLine(["填表人:审核人:填报日期:2025年3月"])).toBe(true);
    expect(isSignatureLine(["填表人:张三审核人:李四"])).toBe(true);
    expect(isSignatureLine(["项目负责人:", "财务负责人:"])).toBe(true);
    expect(isSignatureLine(["合计", "100"])).toBe(false);
    expect(isSignatureLine(["满意度指标", "服务对象满意度指标", "受益人满意度", "≥90%"])).toBe(false);
    expect(isSignatureLine(["总分在80分以下的项目未实现绩效目标的原因分析及拟采取的措施说明:"])).toBe(false);
    expect(isSignatureLine(["受益人数:1200人"])).toBe(false);
  });
});

// ---------------------------------------------------------------- a 成本构成 sub-table's own total

/** A project form with a 成本构成 sub-table (成本项目 | 金额（万元） | 测算依据) before the indicators. */
function costBreakdownForm(lines: [string, Value, string][]): SheetSnapshot {
  const w = 7;
  const grid: Value[][] = [
    row(w, { 1: "项目支出绩效目标表" }),
    row(w, { 1: "(2024年度)", 7: "单位：万元" }),
    row(w, { 1: "项目名称", 2: "2024年基层财务人员业务能力提升培训", 5: "项目类别", 6: "特定目标类" }),
    row(w, { 1: "主管部门", 2: "某县财政局", 5: "实施单位", 6: "某县会计核算中心" }),
    row(w, { 1: "项目资金（万元）", 2: "年度预算资金总额", 4: 11.04 }),
    row(w, { 2: "其中：财政拨款", 4: 11.04 }),
    row(w, { 2: "上年结转资金", 4: 0 }),
    row(w, { 2: "其他资金", 4: 0 }),
    row(w, { 1: "年度总体绩效目标", 2: "组织基层财务人员业务培训6期、240人次，提升基层单位财务管理规范化水平。" }),
    row(w, { 1: "成本构成", 2: "成本项目", 4: "金额（万元）", 5: "测算依据" }),
  ];
  for (const [name, amount, basis] of lines) grid.push(row(w, { 2: name, 4: amount, 5: basis }));
  const bottom = grid.length;
  const header = grid.length + 1;
  grid.push(
    row(w, { 1: "绩效指标", 2: "一级指标", 3: "二级指标", 4: "三级指标", 6: "指标值" }),
    row(w, { 2: "成本指标", 3: "经济成本指标", 4: "项目总成本", 6: "≤11.04万元" }),
    row(w, { 2: "产出指标", 3: "数量指标", 4: "培训人次", 6: "≥240人次" }),
    row(w, { 3: "质量指标", 4: "结业考核合格率", 6: "≥95%" }),
    row(w, { 3: "时效指标", 4: "培训完成时间", 6: "2024年11月底前" }),
    row(w, { 2: "效益指标", 3: "社会效益指标", 4: "基层单位财务管理规范化水平", 6: "明显提升" }),
    row(w, { 2: "满意度指标", 3: "服务对象满意度指标", 4: "参训人员满意度", 6: "≥90%" }),
  );
  const merges = [merge(1, 1, 1, 7), merge(2, 1, 2, 6), merge(5, 1, 8, 1), merge(9, 2, 9, 7), merge(10, 1, bottom, 1), merge(header, 1, grid.length, 1), merge(header + 2, 2, header + 4, 2)];
  for (let r = 10; r <= bottom; r++) merges.push(merge(r, 2, r, 3), merge(r, 5, r, 7));
  for (let r = header; r <= grid.length; r++) merges.push(merge(r, 4, r, 5));
  return sheetFromGrid("培训", grid, merges);
}

describe("a 成本构成 sub-table: 项目总成本 = Σ its cost lines", () => {
  const consistent: [string, Value, string][] = [
    ["培训费", 3, "6期 × 5,000元/期"],
    ["师资费", 4.8, "48课时 × 1,000元/课时"],
    ["教材资料费", 1.44, "240人次 × 60元/人次"],
    ["场地租赁费", 1.8, "6期 × 3,000元/期"],
    ["项目总成本", 11.04, "合计"],
  ];

  it("consistent: no finding", () => {
    expect(check(costBreakdownForm(consistent)).found).toEqual([]);
  });

  it("a cost line typed wrong: the total is reported, an error, with the sum", () => {
    const lines = consistent.map((line): [string, Value, string] => (line[0] === "师资费" ? ["师资费", 8.4, line[2]] : line));
    const { found, result } = check(costBreakdownForm(lines));
    expect(found).toEqual(["培训!D15 sum-mismatch error"]);
    expect(result.findings[0]!.message.zh).toContain("应为 14.64");
  });

  it("a 合计 line first, its parts below: read the same way", () => {
    const lines: [string, Value, string][] = [["合计", 11.04, ""], ...consistent.slice(0, 3), ["场地租赁费", 2.8, "6期 × 3,000元/期"]];
    expect(check(costBreakdownForm(lines)).found).toEqual(["培训!D11 sum-mismatch error"]);
  });

  it("with a 其中 line among the parts: the 其中 is left out of the sum, and a gap is only a warning", () => {
    const lines: [string, Value, string][] = [consistent[0]!, ["其中：会务费", 1.2, ""], consistent[1]!, consistent[2]!, ["场地租赁费", 2.8, ""], consistent[4]!];
    expect(check(costBreakdownForm(lines)).found).toEqual(["培训!D16 sum-mismatch warning"]);
    const clean: [string, Value, string][] = [consistent[0]!, ["其中：会务费", 1.2, ""], ...consistent.slice(1)];
    expect(check(costBreakdownForm(clean)).found).toEqual([]);
  });

  it("no total line: nothing to add up", () => {
    expect(check(costBreakdownForm(consistent.slice(0, 4).map((l, i): [string, Value, string] => (i === 1 ? [l[0], 9, l[2]] : l)))).found).toEqual([]);
  });
});

// ---------------------------------------------------------------- a 部门整体 form with the project categories

/** The same indicator rows (产出/效益/满意度, no 成本) under a 部门整体 head or a project head. */
function formWithProjectCategories(kind: "department" | "project"): SheetSnapshot {
  const w = 5;
  const grid: Value[][] = [
    row(w, { 1: kind === "department" ? "2025年度部门整体支出绩效目标表" : "项目支出绩效目标表" }),
    row(w, { 1: kind === "department" ? "部门名称" : "项目名称", 2: kind === "department" ? "某县农业农村局" : "高标准农田建设" }),
    row(w, { 1: "年度绩效目标", 2: "新建高标准农田2.5万亩，农村生产条件明显改善。" }),
    row(w, { 1: "一级指标", 2: "二级指标", 3: "三级指标", 5: "指标值" }),
    row(w, { 1: "产出指标", 2: "数量指标", 3: "新建高标准农田面积", 5: "≥2.5万亩" }),
    row(w, { 2: "质量指标", 3: "高标准农田验收合格率", 5: "≥95%" }),
    row(w, { 2: "时效指标", 3: "高标准农田建设完成时间", 5: "2025年11月底前" }),
    row(w, { 1: "效益指标", 2: "社会效益指标", 3: "农村生产条件", 5: "明显改善" }),
    row(w, { 1: "满意度指标", 2: "服务对象满意度指标", 3: "项目区农户满意度", 5: "≥90%" }),
  ];
  const merges = [merge(1, 1, 1, 5), merge(2, 2, 2, 5), merge(3, 2, 3, 5), merge(5, 1, 7, 1), merge(8, 1, 8, 1)];
  for (let r = 4; r <= 9; r++) merges.push(merge(r, 3, r, 4));
  return sheetFromGrid(kind === "department" ? "部门整体" : "项目", grid, merges);
}

describe("a 部门整体 form filled with the project categories (RULES 1.3)", () => {
  const costRequired = (found: readonly { rule: string; message: { zh: string } }[]) => found.filter((f) => f.rule === "indicators/required" && f.message.zh.includes("成本"));

  it("is no project: 成本指标 is not required of it, and its rows are still checked", () => {
    const { tables, result } = check(formWithProjectCategories("department"));
    expect(tables).toEqual(["部门整体!department-performance-target"]);
    expect(costRequired(result.findings)).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it("a project form with the same rows is still asked for its 成本指标", () => {
    const { tables, result } = check(formWithProjectCategories("project"));
    expect(tables).toEqual(["项目!project-performance-target"]);
    expect(costRequired(result.findings).map((f) => f.message.zh)).toEqual([expect.stringContaining("缺少成本指标")]);
  });
});
