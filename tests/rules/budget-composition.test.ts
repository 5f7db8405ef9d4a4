// composition/row and the overview family: 合计/小计 columns = their sibling columns on every row
// (matched by header words), 三公 both year blocks, and 收入总计 = 支出总计 with its line totals.
import { checkWorkbook } from "../../src/core/engine";
import { compositionFamily, compositionRelations } from "../../src/core/rules/composition";
import { overviewFamily } from "../../src/core/rules/overview";
import type { WorkbookSnapshot } from "../../src/core/workbook/snapshot";
import { budgetOverview, generalPublicExpenditure, threePublic } from "./budget-builders";

const found = (workbook: WorkbookSnapshot, families = [compositionFamily]) =>
  checkWorkbook(workbook, { families })
    .findings.map((f) => `${f.rule} ${f.cell} ${f.severity}`)
    .sort();

const col = (...path: string[]) => ({ col: 0, path });

describe("composition relations from header words", () => {
  it("reads income-summary: 合计 = 财政拨款收入.小计 + the other sources; 小计 = its three budgets", () => {
    const columns = [
      col("合计"), col("财政拨款收入", "小计"), col("财政拨款收入", "一般公共预算收入"), col("财政拨款收入", "政府性基金预算收入"),
      col("财政拨款收入", "国有资本经营预算收入"), col("事业收入"), col("上年结转"),
    ].map((c, i) => ({ ...c, col: i + 5 }));
    const relations = compositionRelations(columns).map((r) => [r.total.path.join("/"), r.parts.map((p) => p.path.join("/"))]);
    expect(relations).toEqual([
      ["合计", ["财政拨款收入/小计", "事业收入", "上年结转"]],
      ["财政拨款收入/小计", ["财政拨款收入/一般公共预算收入", "财政拨款收入/政府性基金预算收入", "财政拨款收入/国有资本经营预算收入"]],
    ]);
  });

  it("keeps 决算 groups apart: each 决算数 / 年初预算数 group adds up on its own", () => {
    const columns = [col("年初预算数", "合计"), col("年初预算数", "基本支出"), col("年初预算数", "项目支出"), col("决算数", "合计"), col("决算数", "基本支出"), col("决算数", "项目支出")].map((c, i) => ({ ...c, col: i + 3 }));
    expect(compositionRelations(columns).map((r) => [r.total.col, r.parts.map((p) => p.col)])).toEqual([[3, [4, 5]], [6, [7, 8]]]);
  });

  it("finds no relation where no column is a total", () => {
    expect(compositionRelations([col("2023年预算数"), col("2024年预算数"), col("增减额")])).toEqual([]);
  });
});

describe("composition/row", () => {
  const body = (values: (number | null)[]) => [{ lei: "201", name: "一般公共服务支出", values }];
  it.each([
    ["a consistent row", [10, 4, 3, 1, 6], [10, 4, 3, 1, 6], []],
    ["合计 ≠ 基本支出.小计 + 项目支出", [10, 4, 3, 1, 6], [11, 4, 3, 1, 6], ["composition/row E7 error"]],
    ["基本支出.小计 ≠ 人员支出 + 日常公用支出", [10, 4, 3, 1, 6], [10, 4, 2, 1, 6], ["composition/row F7 error"]],
    ["a one-cent residue is silent", [10, 4, 3, 1, 6], [10.01, 4, 3, 1, 6], []],
  ])("%s", (_name, totals, values, expected) => {
    expect(found(generalPublicExpenditure(totals, body(values)))).toEqual(expected);
  });

  it.each([
    ["both 三公 blocks consistent", [3.1, 0, 1.1, 0, 1.1, 2], [2.99, 0, 0.99, 0, 0.99, 2], []],
    ["the earlier block's 合计 wrong", [3.2, 0, 1.1, 0, 1.1, 2], [2.99, 0, 0.99, 0, 0.99, 2], ["composition/row A6 error"]],
    ["the later block's 小计 ≠ 购置 + 运行维护", [3.1, 0, 1.1, 0, 1.1, 2], [2.99, 0, 0.99, 0.5, 0.99, 2], ["composition/row I6 error"]],
  ])("三公: %s", (_name, previous, current, expected) => {
    expect(found(threePublic(previous, current))).toEqual(expected);
  });
});

describe("overview family", () => {
  const income: [string, number | null][] = [["一、一般公共预算拨款收入", 90], ["二、事业收入", 10]];
  const expenditure: [string, number | null][] = [["一、一般公共服务支出", 60], ["二、教育支出", 40]];
  const tail = (yearIncome: number, yearExp: number, carryOut: number | null, totalIncome: number, totalExp: number): [string, number | null, string, number | null][] => [
    ["本 年 收 入 合 计", yearIncome, "本 年 支 出 合 计", yearExp],
    ["上年结转", null, "结转下年", carryOut],
    ["收 入 总 计", totalIncome, "支 出 总 计", totalExp],
  ];
  const overview = (t: ReturnType<typeof tail>) => found(budgetOverview(income, expenditure, t), [overviewFamily]);

  it.each([
    ["a balanced overview", tail(100, 100, null, 100, 100), []],
    ["本年收入合计 ≠ Σ income lines", tail(110, 100, null, 110, 110), ["overview/grand-total D9 error", "overview/year-total B7 error"]],
    ["本年支出合计 ≠ Σ 类 lines", tail(100, 90, null, 100, 90), ["overview/balance D9 error", "overview/year-total D7 error"]],
    ["支出总计 includes a 结转下年 that no income matches", tail(100, 100, 12, 100, 112), ["overview/balance D9 error"]],
    ["支出总计 ≠ 本年支出合计 + 结转下年", tail(100, 100, 12, 100, 100), ["overview/grand-total D9 error"]],
  ])("%s", (_name, t, expected) => {
    expect(overview(t)).toEqual(expected);
  });

  it("reports the balance with both totals in the message", () => {
    const finding = checkWorkbook(budgetOverview(income, expenditure, tail(100, 100, 12, 100, 112)), { families: [overviewFamily] }).findings[0];
    expect(finding).toMatchObject({ category: "composition-mismatch", expected: "100.00", actual: "112.00" });
    expect(finding.message.zh).toContain("支出总计应为 100.00");
  });
});
