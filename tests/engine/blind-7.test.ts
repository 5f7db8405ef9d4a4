// The whole engine on tests/fixtures/blind-7 (built from the published formats without reference to the
// checker's code: 决算 公开05/07/08 in 元 with 年初 | 调整 | 决算 blocks, a 部门整体 self-evaluation with
// 指标性质 | 指标值 | 度量单位 split, a 支出表 listing 款 and 项 only with a 备注 column). The clean
// workbooks give nothing at all, no error falls outside the keys and every slip is found at its cell.
import { errorsOutsideKeys, missedAnomalies } from "../helpers/fixtures";
import { blindSet } from "../helpers/blind-set";

const set = blindSet("blind-7");
const { keys, results } = set;


it("the folder holds the six workbooks, three of them clean", () => {
  expect(keys).toHaveLength(6);
  expect(keys.filter((key) => key.anomalies.length === 0)).toHaveLength(3);
});

it("finds every keyed table with its kind and exact range", () => {
  for (const { found, keyed } of set.tables()) expect(found).toEqual(keyed);
});

it("the clean workbooks: no finding of any severity (a 部门整体 self-evaluation, 款 and 项 without 类 rows)", () => {
  for (const key of keys.filter((k) => k.anomalies.length === 0)) {
    expect(results.get(key.workbook)!.findings.map((finding) => `${key.workbook} ${finding.rule} ${finding.sheet}!${finding.cell}`)).toEqual([]);
  }
});

it("gives no error-level finding outside the keys", () => {
  expect(errorsOutsideKeys(keys, results)).toEqual([]);
});

it("reports every keyed slip at its cell with its category (三公 决算 with 预算数 | 决算数 under every item; a split value's slip at the 指标性质 or 度量单位 cell it sits in)", () => {
  expect(missedAnomalies(keys, results)).toEqual([]);
});

it("公开08: 年末结转和结余 = 年初 + 本年收入 − 本年支出 on every row, a wrong 项 reported once at its cell with its 款 as corroboration", () => {
  const slips = results.get("final-adjusted-yuan-2024-slips.xlsx")!.findings.filter((f) => f.rule === "change/carry-over-balance");
  expect(slips.map((f) => `${f.sheet}!${f.cell} ${(f.corroboration ?? []).map((c) => c.cell).join(",")}`)).toEqual(["公开08表!H10 H9"]);
  expect(results.get("final-adjusted-yuan-2024-clean.xlsx")!.findings).toEqual([]);
});
