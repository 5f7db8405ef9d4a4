// A blind fixture folder (tests/fixtures/blind-N) checked by the whole engine once per test file: its
// answer keys, each workbook's result, and the comparisons every such folder is held to.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import { rangeAddress } from "../../src/core/workbook/address";
import { readWorkbook } from "../../src/io/xlsx-reader";
import type { AnswerKey } from "./fixtures";

export interface BlindSet {
  readonly dir: string;
  readonly keys: readonly AnswerKey[];
  /** Filled before the tests run (beforeAll). */
  readonly results: Map<string, CheckResult>;
  /** A workbook's findings as `rule sheet!cell severity`. */
  brief(workbook: string): string[];
  /** Per workbook, the tables found and the tables keyed, each as `sheet kind range`, sorted. */
  tables(): { found: string[]; keyed: string[] }[];
}

/** Reads the folder's keys now and checks its workbooks before the file's tests (in a beforeAll). */
export function blindSet(folder: string): BlindSet {
  const dir = path.resolve(__dirname, "..", "fixtures", folder);
  const keys: AnswerKey[] = readdirSync(dir)
    .filter((file) => file.endsWith(".expected.json"))
    .sort()
    .map((file) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as AnswerKey);
  const results = new Map<string, CheckResult>();
  beforeAll(async () => {
    for (const key of keys) results.set(key.workbook, checkWorkbook(await readWorkbook(readFileSync(path.join(dir, key.workbook)))));
  }, 120_000);
  return {
    dir,
    keys,
    results,
    brief: (workbook) => results.get(workbook)!.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.severity}`),
    tables: () =>
      keys.map((key) => ({
        found: results.get(key.workbook)!.tables.map((table) => `${table.sheet} ${table.kind} ${rangeAddress(table.range)}`).sort(),
        keyed: key.tables.map((table) => `${table.sheet} ${table.kind} ${table.range}`).sort(),
      })),
  };
}
