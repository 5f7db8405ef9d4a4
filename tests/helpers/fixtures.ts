// Access to the shared fixtures (real workbooks and their answer keys), read from ../shared beside the repo.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/io/xlsx-reader";
import type { WorkbookSnapshot } from "../../src/core/workbook/snapshot";

export const SHARED_DIR = path.resolve(__dirname, "..", "..", "..", "shared");
export const FIXTURES_DIR = path.join(SHARED_DIR, "fixtures");

export interface AnswerKey {
  workbook: string;
  tables: { sheet: string; range: string; kind: string; title: string }[];
  anomalies: {
    sheet: string;
    cell: string;
    category: string;
    origin: string;
    table?: string;
    note?: string;
    rounding?: boolean;
    alt_categories?: string[];
    related_cells?: string[];
  }[];
}

export function answerKeys(): AnswerKey[] {
  return readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith(".expected.json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(FIXTURES_DIR, f), "utf8")) as AnswerKey);
}

export async function readFixture(name: string): Promise<WorkbookSnapshot> {
  return readWorkbook(readFileSync(path.join(FIXTURES_DIR, name)));
}

/** Writes an exceljs workbook built by a test and reads it back through the real reader. */
export async function snapshotOf(build: (workbook: ExcelJS.Workbook) => void): Promise<WorkbookSnapshot> {
  const workbook = new ExcelJS.Workbook();
  build(workbook);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return readWorkbook(bytes);
}

export const fold = (s: string): string => s.normalize("NFKC").replace(/\s+/g, "");
