// The whole engine on tests/fixtures/blind-16 (built from the published formats without reference to the
// checker's code: budget tables with no title line, their sheets named after them; a 收入总表 with a
// 其中：教育收费 column; a vertical 三公 list with 合计 first; a self-evaluation summary grouped by 项目类别
// with 小计 rows whose scores are left blank; targets written as frequencies and coverage words).
import { errorsOutsideKeys, missedAnomalies } from "../helpers/fixtures";
import { blindSet } from "../helpers/blind-set";

const set = blindSet("blind-16");
const { keys, results } = set;

it("the folder holds the six workbooks, three of them clean", () => {
  expect(keys).toHaveLength(6);
  expect(keys.filter((key) => key.anomalies.length === 0)).toHaveLength(3);
});

it("finds every keyed table with its kind and exact range (a table with no title, on a sheet named after it)", () => {
  for (const { found, keyed } of set.tables()) expect(found).toEqual(keyed);
});

it("reports the keyed slips at their cells, but those it does not reach", () => {
  expect(missedAnomalies(keys, results)).toEqual([
    // A summary's group 小计 is not held to its projects.
    "perf-summary-target-slips.xlsx 绩效自评结果汇总表!C6 sum-mismatch",
  ]);
});

it("a 收支总表 headed 收入项目 | 预算数 | 支出项目 | 预算数, with no 收入 / 支出 band above, is read as its two sides", () => {
  expect(set.brief("budget-notitle-2025-slips.xlsx")).toEqual(expect.arrayContaining(["overview/year-total 收支总表!D7 error", "cells/number-as-text 收支总表!D3 warning"]));
});

it("gives no error-level finding outside the keys", () => {
  expect(errorsOutsideKeys(keys, results)).toEqual([]);
});

it("the clean budget workbooks: no finding of any severity (a 项目支出表's project names beside 科目 codes are no 科目 names)", () => {
  expect(set.brief("budget-notitle-2025-clean.xlsx")).toEqual([]);
  expect(set.brief("income-sangong-2025-clean.xlsx")).toEqual([]);
});
