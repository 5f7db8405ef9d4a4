// The whole engine on tests/fixtures/blind-13 (built from the published formats without reference to the
// checker's code: a 功能 × 经济分类 matrix, column groups with a 小计 column inside them, a table in 千元
// beside tables in 万元, a hidden sheet with an older draft, a 项目支出表 grouped by 项目类别 with its
// 合计 first, a 指标值 merged over operator | number | unit with no sub-header, date ranges, and a 三公
// table with 预算数 and 决算数 blocks).
import { errorsOutsideKeys, missedAnomalies } from "../helpers/fixtures";
import { blindSet } from "../helpers/blind-set";

const set = blindSet("blind-13");
const { keys, results } = set;

it("the folder holds the eight workbooks, four of them clean", () => {
  expect(keys).toHaveLength(8);
  expect(keys.filter((key) => key.anomalies.length === 0)).toHaveLength(4);
});

it("finds every keyed table with its kind and exact range, and the draft on a hidden sheet as a table too", () => {
  // The key lists the hidden draft as no table; detection reads hidden sheets on purpose (a department
  // may hide a sheet it still submits), so the draft is found, and being consistent it draws nothing.
  for (const { found, keyed } of set.tables()) expect(found.filter((t) => !t.startsWith("支出表(初稿)"))).toEqual(keyed);
});

it("reports the keyed slips at their cells, but those it does not reach", () => {
  expect(missedAnomalies(keys, results)).toEqual([
    // Found at the cell as composition/row (a row's 合计 against its items), where the key says sum-mismatch.
    "final-sangong-2024-slips.xlsx 公开07表!I7 sum-mismatch",
    "final-sangong-2024-slips.xlsx 公开07表!A7 sum-mismatch",
    // The form's funds do not add up (a slip of their own), so the costs are not held to them (said to be not checked).
    "targets-splitvalue-dates-2025-slips.xlsx 目标表-妇幼健康!F11 cost-exceeds-budget",
    "targets-splitvalue-dates-2025-slips.xlsx 目标表-妇幼健康!F15 ratio-mismatch",
  ]);
  expect(set.brief("final-sangong-2024-slips.xlsx")).toEqual(expect.arrayContaining(["composition/row 公开07表!A7 error", "composition/row 公开07表!I7 error"]));
});

it("gives no error-level finding outside the keys but the second statement of one slip across units", () => {
  // A 支出总表 合计 typed wrong also breaks the 千元 项目支出表's total against it; a relation across
  // units is not merged, so that comparison stands as a finding of its own.
  expect(errorsOutsideKeys(keys, results)).toEqual(["qianyuan-projects-2025-slips.xlsx cross-table/budget-figures 项目支出表!C5"]);
});

it("a period whose end comes before its start is a reversed range", () => {
  expect(set.brief("targets-splitvalue-dates-2025-slips.xlsx")).toContain("indicators/value-format 目标表-家庭医生!D20 warning");
});

it("a 功能 × 经济分类 matrix sums its economic columns down the 类/款/项 (a column headed 301 工资福利支出 holds amounts)", () => {
  expect(set.brief("matrix-groups-2025-slips.xlsx")).toEqual(expect.arrayContaining(["totals/total-row 基本支出功能经济矩阵!D5 error"]));
});

it("the clean workbooks: no finding of any severity (千元 compared with 万元 in 万元; a 指标值 in three cells read as operator, number and unit)", () => {
  for (const key of keys.filter((k) => k.anomalies.length === 0)) expect(set.brief(key.workbook)).toEqual([]);
});
