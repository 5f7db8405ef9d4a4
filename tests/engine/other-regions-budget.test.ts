// The whole engine on the project's own budget and final-accounts fixtures, reading their answer keys:
// tests/fixtures/other-regions (national 公开01–09 sets, other provinces' 三公 tables) and
// tests/fixtures/budget-blind, -2, -3 and -4 (a 2024 部门预算公开 set, a township budget, other years' 决算 templates, several tables a sheet,
// built from the published formats alone). Every table found with its exact range and kind, nothing
// found on a non-table, every keyed slip reported at its cell with its category, and no error-level
// finding and no structure warning outside the keys.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkWorkbook, summariseTable, type CheckResult } from "../../src/core/engine";
import { readWorkbook } from "../../src/io/xlsx-reader";
import { parseRange } from "../../src/core/workbook/address";
import { fold, type AnswerKey } from "../helpers/fixtures";

const DIRS = ["other-regions", "budget-blind", "budget-blind-2", "budget-blind-3", "budget-blind-4"].map((d) => path.join(__dirname, "..", "fixtures", d));
const FORM_KINDS = new Set(["performance-target-list", "department-performance-target", "project-performance-target", "project-self-evaluation", "self-evaluation-summary"]);
/** Warnings that say the table was read wrongly (a code in the wrong column), as opposed to a habit of the writer. */
const STRUCTURE_RULES = /^totals\/code-layout$/;

type Key = AnswerKey & { dir: string; not_tables?: { sheet: string; range: string }[] };
const keys: Key[] = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".expected.json"))
    .sort()
    .map((f) => ({ ...(JSON.parse(readFileSync(path.join(dir, f), "utf8")) as Key), dir })),
).filter((key) => key.tables.length > 0 && key.tables.every((t) => !FORM_KINDS.has(t.kind)));
const results = new Map<string, CheckResult>();

beforeAll(async () => {
  for (const key of keys) results.set(key.workbook, checkWorkbook(await readWorkbook(readFileSync(path.join(key.dir, key.workbook)))));
}, 120_000);

type Anomaly = AnswerKey["anomalies"][number];
type Finding = CheckResult["findings"][number];

function covers(finding: Finding, anomaly: Anomaly): boolean {
  if (fold(finding.sheet) !== fold(anomaly.sheet)) return false;
  const cells = [anomaly.cell, ...(anomaly.related_cells ?? []).map((c) => c.split("!").pop() as string)];
  return [finding.cell, ...(finding.cells ?? [])].some((cell) => cells.includes(cell));
}

it("has budget fixtures to check", () => {
  expect(keys.map((k) => k.workbook)).toEqual(
    expect.arrayContaining(["final-accounts-2023-clean.xlsx", "final-accounts-2023-slips.xlsx", "yunnan-shidian-2016-three-public.xlsx", "budget-2024-public-set-clean.xlsx", "mixed-sheets-clean.xlsx"]),
  );
});

it.each(keys.filter((k) => (k.not_tables ?? []).length > 0).map((k) => [k.workbook, k] as const))("%s: no table found where there is none", (_name, key) => {
  const found = results.get(key.workbook)!.tables.map(summariseTable);
  for (const none of key.not_tables!) {
    expect(found.filter((t) => fold(t.sheet) === fold(none.sheet) && overlaps(t.range, none.range)).map((t) => t.range)).toEqual([]);
  }
});

function overlaps(a: string, b: string): boolean {
  const [x, y] = [parseRange(a), parseRange(b)];
  return x.top <= y.bottom && y.top <= x.bottom && x.left <= y.right && y.left <= x.right;
}

it.each(keys.map((k) => [k.workbook, k] as const))("%s: every table found with its exact range and kind", (_name, key) => {
  const found = results.get(key.workbook)!.tables.map(summariseTable).map((t) => `${t.sheet}!${t.range} ${t.kind}`);
  expect(found.sort()).toEqual(key.tables.map((t) => `${t.sheet}!${t.range} ${t.kind}`).sort());
});

it.each(keys.map((k) => [k.workbook, k] as const))("%s: every keyed slip at its cell with its category", (_name, key) => {
  const findings = results.get(key.workbook)!.findings;
  const missed = key.anomalies
    .filter((a) => !a.rounding)
    .filter((a) => !findings.some((f) => covers(f, a) && [a.category, ...(a.alt_categories ?? [])].includes(f.category)))
    .map((a) => `${a.sheet}!${a.cell} ${a.category}`);
  expect(missed).toEqual([]);
});

it.each(keys.map((k) => [k.workbook, k] as const))("%s: no error and no structure warning outside the key", (_name, key) => {
  const extras = results.get(key.workbook)!.findings.filter((f) => !key.anomalies.some((a) => covers(f, a)));
  expect(extras.filter((f) => f.severity === "error" || STRUCTURE_RULES.test(f.rule)).map((f) => `${f.rule} ${f.sheet}!${f.cell}: ${f.message.zh}`)).toEqual([]);
});

it.each(["final-accounts-2023-slips.xlsx", "budget-2024-public-set-slips.xlsx"])("%s: each injected slip reported once (as many findings as slips, outside the writing-habit warnings)", (workbook) => {
  const key = keys.find((k) => k.workbook === workbook)!;
  const findings = results.get(key.workbook)!.findings.filter((f) => f.severity !== "info" && key.anomalies.some((a) => covers(f, a)));
  expect(findings.length).toBe(key.anomalies.length);
});
