// The engine's one entry point: snapshot in, tables and findings out. Every door (pane, harness,
// command line) calls this and nothing else of the core's checking machinery.
import { detectTables } from "./detect/detect";
import type { DetectedTable } from "./detect/types";
import type { Finding, NotChecked, TableSummary } from "./report/finding";
import { rangeAddress } from "./workbook/address";
import type { WorkbookSnapshot } from "./workbook/snapshot";

export interface CheckOptions {
  /** A rule pack chosen by the user; when absent, packs are chosen per table automatically. */
  readonly pack?: unknown;
}

export interface CheckResult {
  readonly tables: readonly DetectedTable[];
  readonly findings: readonly Finding[];
  readonly notChecked: readonly NotChecked[];
}

export function checkWorkbook(workbook: WorkbookSnapshot, _options: CheckOptions = {}): CheckResult {
  const tables = detectTables(workbook);
  return { tables, findings: [], notChecked: [] };
}

export function summariseTable(table: DetectedTable): TableSummary {
  return { id: table.id, sheet: table.sheet, range: rangeAddress(table.range), kind: table.kind, title: table.title };
}
