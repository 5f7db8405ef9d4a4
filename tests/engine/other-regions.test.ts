// The whole engine on the performance forms of other regions (tests/fixtures/other-regions, built by
// build-form-fixtures.ts): every keyed anomaly is reported at its cell with its category, and no
// error-level finding falls outside the keys. The keys were written from exact arithmetic first.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import { rangeAddress } from "../../src/core/workbook/address";
import { readWorkbook } from "../../src/io/xlsx-reader";
import { errorsOutsideKeys, missedAnomalies, type AnswerKey } from "../helpers/fixtures";

const DIR = path.resolve(__dirname, "..", "fixtures", "other-regions");
const FORM_KINDS = new Set(["project-self-evaluation", "project-performance-target", "department-performance-target", "performance-target-list", "self-evaluation-summary"]);


const keys: AnswerKey[] = readdirSync(DIR)
  .filter((file) => file.endsWith(".expected.json"))
  .sort()
  .map((file) => JSON.parse(readFileSync(path.join(DIR, file), "utf8")) as AnswerKey)
  .filter((key) => key.tables.length > 0 && key.tables.every((table) => FORM_KINDS.has(table.kind)));

const results = new Map<string, CheckResult>();
beforeAll(async () => {
  for (const key of keys) results.set(key.workbook, checkWorkbook(await readWorkbook(readFileSync(path.join(DIR, key.workbook)))));
}, 120_000);

it("the folder holds the form fixtures", () => {
  expect(keys.map((key) => key.workbook).length).toBeGreaterThanOrEqual(7);
});

it("finds every form with its exact range (a signature line below a self-evaluation is outside it)", () => {
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

it("the published Sichuan template: every relation holds; only its missing categories are said, once each at the block", () => {
  const findings = results.get("sichuan-qingshen-2023-self-evaluation.xlsx")!.findings;
  const said = findings.filter((finding) => finding.severity !== "info");
  // Its two rows (数量, 社会效益) leave out 质量, 时效 and 满意度: warnings of RULES 1.7, not slips of arithmetic.
  expect(said.map((finding) => `${finding.rule} ${finding.cell} ${finding.severity}`)).toEqual(Array(3).fill("indicators/required B17 warning"));
});

it("the fraction habit is a note, never more", () => {
  const fractions = results.get("sichuan-2023-self-evaluation-filled.xlsx")!.findings.filter((finding) => finding.rule === "self-evaluation/fraction-actual");
  expect(fractions.map((finding) => `${finding.sheet}!${finding.cell} ${finding.severity}`)).toEqual(["公共文化场馆免费开放!H19 info"]);
});
