// The whole engine on tests/fixtures/blind-8 (built from the published formats without reference to the
// checker's code: a township's four budget tables stacked on one sheet, each with its title and unit
// line, 类 lines written with their code first; a training project's target form and self-evaluation
// with bare-number targets whose unit is in the 三级 name, and 得分 formulas with cached results).
import { errorsOutsideKeys, missedAnomalies } from "../helpers/fixtures";
import { blindSet } from "../helpers/blind-set";

const set = blindSet("blind-8");
const { keys, results } = set;

it("the folder holds the four workbooks, two of them clean", () => {
  expect(keys).toHaveLength(4);
  expect(keys.filter((key) => key.anomalies.length === 0)).toHaveLength(2);
});

it("finds every keyed table with its kind and exact range (four tables stacked on one sheet)", () => {
  for (const { found, keyed } of set.tables()) expect(found).toEqual(keyed);
});

it("reports every keyed slip at its cell with its category", () => {
  expect(missedAnomalies(keys, results)).toEqual([]);
});

it("gives no error-level finding outside the keys", () => {
  expect(errorsOutsideKeys(keys, results)).toEqual([]);
});

it("the clean workbooks: no finding of any severity (bare-number targets are no misses when passed)", () => {
  for (const key of keys.filter((k) => k.anomalies.length === 0)) {
    expect(results.get(key.workbook)!.findings.map((finding) => `${key.workbook} ${finding.rule} ${finding.sheet}!${finding.cell}`)).toEqual([]);
  }
});

it("a 类 line written with its code first is compared with the 支出总表's 类, one finding with the 本年支出合计 as corroboration", () => {
  const atD6 = results.get("township-one-sheet-2025-slips.xlsx")!.findings.filter((f) => f.cell === "D6");
  expect(atD6.map((f) => `${f.rule} ${(f.corroboration ?? []).map((c) => c.cell).join(",")}`)).toEqual(["cross-table/class-amounts D11"]);
});
