// The whole engine on tests/fixtures/blind-12 (built from the published formats without reference to the
// checker's code: blank rows inside a table, a 续表 on the next sheet whose 合计 covers both parts, a
// 收支总表 with 其中 lines and its 支出 total written 合 计, 人员经费 | 公用经费 as columns, three
// header rows, amounts with stray spaces, full-width digits or a unit, an uncalculated SUM, costs in 元
// beside funds in 万元, a 部门整体 self-evaluation beside another department's target form whose
// budget labels carry their grouping: 按资金来源：财政拨款, 项目支出按性质：运转类).
import { errorsOutsideKeys, missedAnomalies } from "../helpers/fixtures";
import { blindSet } from "../helpers/blind-set";

const set = blindSet("blind-12");
const { keys, results } = set;

it("the folder holds the eight workbooks, four of them clean", () => {
  expect(keys).toHaveLength(8);
  expect(keys.filter((key) => key.anomalies.length === 0)).toHaveLength(4);
});

it("finds every keyed table with its kind and exact range (rows after a blank row kept, a 续表 apart)", () => {
  for (const { found, keyed } of set.tables()) expect(found).toEqual(keyed);
});

it("reports every keyed slip at its cell, but four it does not reach", () => {
  // An amount typed with its unit ("12.50万元") is not read (its sums say not checked); a unit price ×
  // quantity is not held to funds whose own sources do not add up (said to be not checked); the 支出
  // side's total is reported as a sum-mismatch where the key says composition; cost components over
  // the total cost are reported at the total, since which component is wrong the figures do not say.
  expect(missedAnomalies(keys, results)).toEqual([
    "blankrow-continued-2025-slips.xlsx 收支总表!D29 composition-mismatch",
    "threeheader-stray-2025-slips.xlsx 收入总表!J10 number-as-text",
    "yuan-cost-targets-2025-slips.xlsx 目标表-残疾人补贴!E13 ratio-mismatch",
    "yuan-cost-targets-2025-slips.xlsx 目标表-养老服务站!E14 cost-exceeds-budget",
  ]);
  expect(set.brief("blankrow-continued-2025-slips.xlsx")).toContain("overview/grand-total 收支总表!D29 error");
  expect(results.get("threeheader-stray-2025-slips.xlsx")!.notChecked.some((item) => item.reason.zh.includes("12.50万元"))).toBe(true);
});

it("gives no error-level finding outside the keys but the components-over-total one, at the total", () => {
  expect(errorsOutsideKeys(keys, results)).toEqual(["yuan-cost-targets-2025-slips.xlsx indicators/cost-exceeds-budget 目标表-养老服务站!E12"]);
});

it("the clean workbooks: no finding of any severity (a 续表's 合计 over both parts, blank rows, grouped budget labels)", () => {
  for (const key of keys.filter((k) => k.anomalies.length === 0)) expect(set.brief(key.workbook)).toEqual([]);
});

it("a department form's budget labels read with their grouping written in: 运转类 + 特定目标类 = 项目支出", () => {
  expect(set.brief("dept-selfeval-targets-slips.xlsx")).toContain("department/project-by-nature 档案馆整体目标!E12 error");
});
