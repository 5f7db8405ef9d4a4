// The whole engine on tests/fixtures/blind-6 (built from the published formats without reference to the
// checker's code: 收入 stacked above 支出, codes written 208 05 05 and 208.05, 类/款 only, 合计 last, one-
// decimal amounts with formulas and a hidden column, two tables side by side, four project forms stacked
// with no gap, self-evaluations scoring 预算执行率 in the funds block, as an indicator row, or not at all).
import { rangeAddress } from "../../src/core/workbook/address";
import { errorsOutsideKeys, missedAnomalies } from "../helpers/fixtures";
import { blindSet } from "../helpers/blind-set";

const set = blindSet("blind-6");
const { keys, results } = set;

const tablesOf = (workbook: string) => results.get(workbook)!.tables.map((table) => `${table.sheet} ${table.kind} ${rangeAddress(table.range)}`).sort();

it("the folder holds the eight workbooks, four of them clean", () => {
  expect(keys).toHaveLength(8);
  expect(keys.filter((key) => key.anomalies.length === 0)).toHaveLength(4);
});

it("finds every keyed table with its kind; four project forms stacked with no gap are four tables", () => {
  for (const key of keys) {
    expect(tablesOf(key.workbook).map((t) => t.split(" ").slice(0, 2).join(" "))).toEqual(key.tables.map((t) => `${t.sheet} ${t.kind}`).sort());
  }
  // The one range read otherwise: the sheet's title above the first stacked form is taken as that form's title.
  const stacked = tablesOf("target-blocks-2025-clean.xlsx").filter((t) => t.includes("project-performance-target"));
  expect(stacked).toEqual(["项目绩效目标表 project-performance-target A18:F29", "项目绩效目标表 project-performance-target A1:F17", "项目绩效目标表 project-performance-target A30:F43", "项目绩效目标表 project-performance-target A44:F55"]);
});

it("reports every keyed slip at its cell with its category", () => {
  expect(missedAnomalies(keys, results)).toEqual([]);
});

it("gives no error-level finding outside the keys", () => {
  expect(errorsOutsideKeys(keys, results)).toEqual([]);
});

it("the clean workbooks: no finding of any severity (dotted codes, stacked sides, stacked forms, a 预算执行率 indicator row)", () => {
  for (const key of keys.filter((k) => k.anomalies.length === 0)) {
    expect(results.get(key.workbook)!.findings.map((finding) => `${key.workbook} ${finding.rule} ${finding.sheet}!${finding.cell}`)).toEqual([]);
  }
});

it("a self-evaluation that scores no 预算执行率 at all is told so once, at its 执行率 (RULES 1.7)", () => {
  const slips = results.get("selfeval-budget-row-2024-slips.xlsx")!.findings.filter((f) => f.rule === "self-evaluation/budget-row");
  expect(slips.map((f) => `${f.sheet}!${f.cell} ${f.severity}`)).toEqual(["自评-乡村文化!G6 error"]);
  expect(results.get("selfeval-budget-row-2024-clean.xlsx")!.findings.filter((f) => f.rule === "self-evaluation/budget-row")).toEqual([]);
});
