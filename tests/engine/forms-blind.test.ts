// The whole engine on the blind performance-form sets (tests/fixtures/forms-blind and forms-blind-2,
// built from the published formats without reading the checker): every keyed anomaly is reported at its cell with its
// category, no error-level finding falls outside the keys, every table is found with its exact range,
// and the clean workbooks give nothing to say above a note.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import { rangeAddress } from "../../src/core/workbook/address";
import { readWorkbook } from "../../src/io/xlsx-reader";
import { errorsOutsideKeys, missedAnomalies, type AnswerKey } from "../helpers/fixtures";

const DIRS = ["forms-blind", "forms-blind-2"].map((dir) => path.resolve(__dirname, "..", "fixtures", dir));


const keys: (AnswerKey & { dir: string })[] = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((file) => file.endsWith(".expected.json"))
    .sort()
    .map((file) => ({ ...(JSON.parse(readFileSync(path.join(dir, file), "utf8")) as AnswerKey), dir })),
);

const results = new Map<string, CheckResult>();
beforeAll(async () => {
  for (const key of keys) results.set(key.workbook, checkWorkbook(await readWorkbook(readFileSync(path.join(key.dir, key.workbook)))));
}, 120_000);

it("the folders hold the six blind workbooks", () => {
  expect(keys.map((key) => key.workbook)).toEqual([
    "selfeval-variants-clean.xlsx",
    "selfeval-variants-slips.xlsx",
    "targets-variants-clean.xlsx",
    "targets-variants-slips.xlsx",
    "forms-variants-2-clean.xlsx",
    "forms-variants-2-slips.xlsx",
  ]);
});

it("a township's 预算数 | 执行数 | 执行率 funds and a 部门整体 form's 资金 column of tasks are read (forms-blind-2)", () => {
  const clean = results.get("forms-variants-2-clean.xlsx")!;
  // Read wrongly, the budget row's 10 points are lost and Σ分值 reads 90; the 2024 自评 beside 2025 targets is no year slip.
  expect(clean.findings.filter((f) => f.severity !== "info" && /self-evaluation|year\//.test(f.rule))).toEqual([]);
  const slips = results.get("forms-variants-2-slips.xlsx")!;
  expect(slips.findings.filter((f) => f.sheet === "石桥镇自评表" && f.cell === "F6").map((f) => f.rule)).toEqual(["self-evaluation/execution-rate"]);
  expect(slips.findings.some((f) => f.sheet === "农业农村局整体目标" && (f.cell === "F8" || f.cell === "F10") && f.category === "sum-mismatch")).toBe(true);
});

it("finds every keyed table with its kind and exact range", () => {
  for (const key of keys) {
    const found = results.get(key.workbook)!.tables.map((table) => `${table.sheet} ${table.kind} ${rangeAddress(table.range)}`);
    expect(found).toEqual(key.tables.map((table) => `${table.sheet} ${table.kind} ${table.range}`));
  }
});

it("reports every keyed anomaly at its cell with its category", () => {
  expect(missedAnomalies(keys, results)).toEqual([]);
});

it("gives no error-level finding outside the keys", () => {
  expect(errorsOutsideKeys(keys, results)).toEqual([]);
});

it("the clean workbooks: no warning or error (挽回经济损失 ≥50万元 is a good outcome, not an unwanted event)", () => {
  for (const workbook of ["targets-variants-clean.xlsx", "selfeval-variants-clean.xlsx"]) {
    const said = results.get(workbook)!.findings.filter((finding) => finding.severity !== "info");
    expect(said.map((finding) => `${finding.rule} ${finding.sheet}!${finding.cell}`)).toEqual([]);
  }
});

it("every target form's costs are checked against its funds (header-over-value funds and the 部门整体 年度预算 too)", () => {
  const unchecked = (workbook: string) =>
    results
      .get(workbook)!
      .notChecked.filter((item) => item.rule === "indicators/cost-exceeds-budget")
      .map((item) => `${item.sheet} ${item.reason.zh}`);
  expect(unchecked("targets-variants-clean.xlsx")).toEqual([]);
  // The one form whose 年度资金总额 is a keyed slip (not the sum of its sources): its costs are not held to it.
  expect(unchecked("targets-variants-slips.xlsx")).toEqual(["(d)送戏下乡 年度资金总额（D9）与其资金来源之和不符，成本指标未按它核对"]);
});
