// The whole engine on tests/fixtures/blind-8 (built from the published formats without reference to the
// checker's code: a township's four budget tables stacked on one sheet, each with its title and unit
// line, 类 lines written with their code first; a training project's target form and self-evaluation
// with bare-number targets whose unit is in the 三级 name, and 得分 formulas with cached results).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import { rangeAddress } from "../../src/core/workbook/address";
import { readWorkbook } from "../../src/io/xlsx-reader";
import { errorsOutsideKeys, missedAnomalies, type AnswerKey } from "../helpers/fixtures";

const DIR = path.resolve(__dirname, "..", "fixtures", "blind-8");
const keys: AnswerKey[] = readdirSync(DIR)
  .filter((file) => file.endsWith(".expected.json"))
  .sort()
  .map((file) => JSON.parse(readFileSync(path.join(DIR, file), "utf8")) as AnswerKey);

const results = new Map<string, CheckResult>();
beforeAll(async () => {
  for (const key of keys) results.set(key.workbook, checkWorkbook(await readWorkbook(readFileSync(path.join(DIR, key.workbook)))));
}, 120_000);

it("the folder holds the four workbooks, two of them clean", () => {
  expect(keys).toHaveLength(4);
  expect(keys.filter((key) => key.anomalies.length === 0)).toHaveLength(2);
});

it("finds every keyed table with its kind and exact range (four tables stacked on one sheet)", () => {
  for (const key of keys) {
    const found = results.get(key.workbook)!.tables.map((table) => `${table.sheet} ${table.kind} ${rangeAddress(table.range)}`).sort();
    expect(found).toEqual(key.tables.map((table) => `${table.sheet} ${table.kind} ${table.range}`).sort());
  }
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
