// The whole engine on tests/fixtures/blind-11 (built from the published formats without reference to the
// checker's code: a 收支总表 in 万元 beside 支出 tables in 元, a budget system's export with every amount
// typed as text, a 级次 column, 小计 rows per 类 and hidden columns, 决算 公开02/03 with 栏次 and 行次,
// two target forms side by side, a self-evaluation summary with 执行率 beside two of its forms, codes
// merged across 类|款|项 and negative 调减 amounts).
import { errorsOutsideKeys, missedAnomalies } from "../helpers/fixtures";
import { blindSet } from "../helpers/blind-set";

const set = blindSet("blind-11");
const { keys, results } = set;

const brief = set.brief;

it("the folder holds the ten workbooks, four of them with no anomaly at all", () => {
  expect(keys).toHaveLength(10);
  expect(keys.filter((key) => key.anomalies.length === 0)).toHaveLength(4);
});

it("finds every keyed table with its kind and exact range (two forms side by side apart)", () => {
  for (const { found, keyed } of set.tables()) expect(found).toEqual(keyed);
});

it("reports every keyed slip at its cell with its category", () => {
  expect(missedAnomalies(keys, results)).toEqual([]);
});

it("gives no error-level finding outside the keys (a 级次 column is no amount)", () => {
  expect(errorsOutsideKeys(keys, results)).toEqual([]);
});

it("the workbooks without anomalies: nothing but the one note on a sheet's ranges of targets", () => {
  const clean = keys.filter((k) => k.anomalies.length === 0).flatMap((key) => brief(key.workbook).map((f) => `${key.workbook} ${f}`));
  expect(clean).toEqual(["targets-selfeval-2025-clean.xlsx indicators/value-range 目标表（成本分项）!D18 info"]);
});

it("the export with every amount typed as text: each such cell a number-as-text warning, and no arithmetic finding", () => {
  const findings = results.get("sysexport-text-2025.xlsx")!.findings;
  expect(findings.length).toBeGreaterThan(100);
  expect(new Set(findings.map((f) => `${f.rule} ${f.severity}`))).toEqual(new Set(["cells/number-as-text warning"]));
});

it("a summary's 执行率 is held to 执行数 ÷ 预算数", () => {
  expect(brief("targets-selfeval-2025-slips.xlsx")).toContain("self-evaluation/summary-rate 自评结果汇总!E9 error");
});
