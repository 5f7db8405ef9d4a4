// The whole engine on tests/fixtures/blind-5 (budget and performance workbooks built from the published
// formats without reference to the checker's code: page-break header repeats, a 政府采购预算表 split by
// 采购类别, a 三公 table over 比上年增减 金额 | 幅度, self-evaluations with their summary, four-decimal 万元,
// a 决算 in 元 with 行次 columns, empty tables): every keyed slip at its cell with its category, every
// table with its exact range, no error outside the keys, and nothing at all on the clean workbooks.
import { errorsOutsideKeys, missedAnomalies } from "../helpers/fixtures";
import { blindSet } from "../helpers/blind-set";

const set = blindSet("blind-5");
const { keys, results } = set;

it("the folder holds the ten workbooks, six of them clean", () => {
  expect(keys).toHaveLength(10);
  expect(keys.filter((key) => key.anomalies.length === 0).map((key) => key.workbook)).toHaveLength(6);
});

it("finds every keyed table with its kind and exact range (the 政府采购预算表 without 科目 or 资金来源 columns too)", () => {
  for (const { found, keyed } of set.tables()) expect(found).toEqual(keyed);
});

it("reports every keyed slip at its cell with its category", () => {
  expect(missedAnomalies(keys, results)).toEqual([]);
});

it("gives no error-level finding outside the keys (a wrong 总分 is one finding, its summary score a corroboration)", () => {
  expect(errorsOutsideKeys(keys, results)).toEqual([]);
  const total = results.get("selfeval-2024-deviation-slips.xlsx")!.findings.filter((f) => f.rule === "self-evaluation/total-score" && f.cell === "H22");
  expect(total.map((f) => (f.corroboration ?? []).map((c) => `${c.sheet}!${c.cell}`))).toEqual([["自评结果汇总表!F5"]]);
});

it("the clean workbooks: no finding of any severity", () => {
  for (const key of keys.filter((k) => k.anomalies.length === 0)) {
    const said = results.get(key.workbook)!.findings;
    expect(said.map((finding) => `${key.workbook} ${finding.rule} ${finding.sheet}!${finding.cell}`)).toEqual([]);
  }
});

it("a 三公 change under 比上年增减 金额 is read as 本年 − 上年 on its own row, not only through the 合计", () => {
  const slips = results.get("dept-budget-and-targets-2025-slips.xlsx")!;
  const atD10 = slips.findings.filter((f) => f.sheet === "三公经费预算表" && f.cell === "D10");
  expect(atD10).toHaveLength(1);
  expect((atD10[0].corroboration ?? []).map((c) => c.rule)).toContain("composition/change-amount");
});

it("a header printed again at a page break (also wrapped differently) is no data line: nothing about it is left unchecked", () => {
  for (const workbook of ["liaocheng-2024-page-breaks-clean.xlsx", "liaocheng-2024-page-breaks-slips.xlsx"]) {
    const unchecked = results.get(workbook)!.notChecked.filter((item) => item.rule.startsWith("composition/") || item.rule.startsWith("totals/"));
    expect(unchecked.map((item) => `${item.sheet}!${item.cell}`)).toEqual([]);
  }
});
