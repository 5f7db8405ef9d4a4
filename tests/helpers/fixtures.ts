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

type KeyedAnomaly = AnswerKey["anomalies"][number] & { table_level?: boolean };
interface CheckedWorkbook {
  readonly tables: readonly { readonly id: string; readonly sheet: string }[];
  readonly findings: readonly { readonly rule: string; readonly category: string; readonly severity: string; readonly sheet: string; readonly cell: string; readonly cells?: readonly string[]; readonly tableId?: string }[];
}

/**
 * Whether a finding reports a keyed anomaly: on its cell, a related cell or a cell a grouped finding
 * names; a table-level slip (a missing category) anywhere in its table.
 */
export function coversAnomaly(finding: CheckedWorkbook["findings"][number], anomaly: KeyedAnomaly, result: CheckedWorkbook): boolean {
  if (fold(finding.sheet) !== fold(anomaly.sheet)) return false;
  if (anomaly.category === "indicator-missing" || anomaly.table_level === true) {
    return result.tables.some((table) => fold(table.sheet) === fold(anomaly.sheet) && table.id === finding.tableId);
  }
  const cells = [anomaly.cell, ...(anomaly.related_cells ?? []).map((cell) => cell.split("!").pop() as string)];
  return cells.some((cell) => [finding.cell, ...(finding.cells ?? [])].includes(cell));
}

/** The keyed anomalies no finding reports with their category (or an alternative one). */
export function missedAnomalies(keys: readonly AnswerKey[], results: ReadonlyMap<string, CheckedWorkbook>): string[] {
  const missed: string[] = [];
  for (const key of keys) {
    const result = results.get(key.workbook)!;
    for (const anomaly of key.anomalies as KeyedAnomaly[]) {
      const categories = [anomaly.category, ...(anomaly.alt_categories ?? [])];
      if (!result.findings.some((finding) => coversAnomaly(finding, anomaly, result) && categories.includes(finding.category))) missed.push(`${key.workbook} ${anomaly.sheet}!${anomaly.cell} ${anomaly.category}`);
    }
  }
  return missed;
}

/** The error-level findings that report no keyed anomaly. */
export function errorsOutsideKeys(keys: readonly AnswerKey[], results: ReadonlyMap<string, CheckedWorkbook>): string[] {
  const errors: string[] = [];
  for (const key of keys) {
    const result = results.get(key.workbook)!;
    for (const finding of result.findings) {
      if (finding.severity !== "error" || (key.anomalies as KeyedAnomaly[]).some((anomaly) => coversAnomaly(finding, anomaly, result))) continue;
      errors.push(`${key.workbook} ${finding.rule} ${finding.sheet}!${finding.cell}`);
    }
  }
  return errors;
}
