// Turns a check result into what the pane shows: table rows with counts, findings grouped by table
// and severity after the filters, the order the next/previous keys walk. The components only render
// this; every count and every decision lives here.
import type { CheckResult } from "../core/engine";
import type { ReviewedResult } from "../core/review";
import { pick, type Lang } from "../core/report/i18n";
import { TABLE_KIND_NAMES, type FindingCategory, type Severity } from "../core/report/vocabulary";
import { rangeAddress } from "../core/workbook/address";
import { CATEGORY_NAMES, SEVERITY_NAMES, UI, acceptedSummaryText, positionText, summaryText, tableCountsText } from "./strings";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

export interface FindingFilter {
  readonly severities: readonly Severity[];
  /** undefined: every category. */
  readonly category?: FindingCategory;
}

export const SHOW_ALL: FindingFilter = { severities: SEVERITIES };

export interface TableRow {
  readonly id: string;
  readonly kindName: string;
  readonly title: string;
  readonly location: string;
  readonly countsText: string;
  readonly errorCount: number;
  readonly warningCount: number;
}

export interface FindingRow {
  readonly id: string;
  /** Which finding this is across re-checks (rule, sheet, cell), where the id is a position in one result. */
  readonly key: string;
  readonly sheet: string;
  readonly cell: string;
  /** Every cell the finding marks, its own first: a habit seen in several cells names them all. */
  readonly cells: readonly string[];
  readonly location: string;
  readonly severity: Severity;
  readonly severityName: string;
  readonly categoryName: string;
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
}

export interface FindingGroup {
  readonly key: string;
  readonly tableTitle: string;
  readonly severity: Severity;
  readonly heading: string;
  readonly findings: readonly FindingRow[];
}

export interface NotCheckedRow {
  readonly key: string;
  readonly location: string;
  readonly rule: string;
  readonly reason: string;
}

export interface CategoryOption {
  readonly id: FindingCategory;
  readonly name: string;
}

/** An accepted finding or a stale mark, as the pane lists it. */
export interface MarkRow {
  readonly key: string;
  readonly rule: string;
  readonly sheet: string;
  readonly cell: string;
  readonly location: string;
  readonly message: string;
  readonly reason: string;
  /** For a stale mark: why it no longer applies, and what the cell held then and now. */
  readonly staleText?: string;
}

/** The accepted findings and the stale marks of a reviewed result, for the pane. */
export function markRows(result: ReviewedResult, lang: Lang): { accepted: MarkRow[]; stale: MarkRow[]; summary: string } {
  const accepted = result.accepted.map(({ finding, mark }) => ({
    key: `${mark.row}`,
    rule: finding.rule,
    sheet: finding.sheet,
    cell: finding.cell,
    location: location(finding.sheet, finding.cell),
    message: pick(finding.message, lang),
    reason: mark.reason,
  }));
  const stale = result.staleMarks.map(({ mark, why, finding, cellTextNow }) => {
    const was = lang === "en" ? `then: ${mark.cellText || "(empty)"}; now: ${cellTextNow || "(empty)"}` : `接受时：${mark.cellText || "（空）"}；现在：${cellTextNow || "（空）"}`;
    return {
      key: `${mark.row}`,
      rule: mark.rule,
      sheet: mark.sheet,
      cell: mark.cell,
      location: location(mark.sheet, mark.cell),
      message: finding ? pick(finding.message, lang) : mark.message,
      reason: mark.reason,
      staleText: `${pick(why === "changed" ? UI.staleChanged : UI.staleGone, lang)}（${was}）`,
    };
  });
  return { accepted, stale, summary: acceptedSummaryText(lang, accepted.length, stale.length) };
}

export interface ReportView {
  readonly summary: string;
  readonly hasTables: boolean;
  readonly tables: readonly TableRow[];
  readonly groups: readonly FindingGroup[];
  /** Findings in the order shown, for next/previous. */
  readonly ordered: readonly FindingRow[];
  readonly totalFindings: number;
  readonly categories: readonly CategoryOption[];
  readonly notChecked: readonly NotCheckedRow[];
}

function location(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

export function buildReportView(result: CheckResult, filter: FindingFilter, lang: Lang): ReportView {
  const countsByTable = new Map<string, Record<Severity, number>>();
  for (const finding of result.findings) {
    if (!finding.tableId) continue;
    const counts = countsByTable.get(finding.tableId) ?? { error: 0, warning: 0, info: 0 };
    counts[finding.severity] += 1;
    countsByTable.set(finding.tableId, counts);
  }
  const tables: TableRow[] = result.tables.map((table) => {
    const counts = countsByTable.get(table.id) ?? { error: 0, warning: 0, info: 0 };
    return {
      id: table.id,
      kindName: pick(TABLE_KIND_NAMES[table.kind], lang),
      title: table.title,
      location: location(table.sheet, rangeAddress(table.range)),
      countsText: tableCountsText(lang, counts.error, counts.warning, counts.info),
      errorCount: counts.error,
      warningCount: counts.warning,
    };
  });

  const shown = result.findings.filter(
    (finding) => filter.severities.includes(finding.severity) && (filter.category === undefined || finding.category === filter.category),
  );
  const tableOrder = new Map(result.tables.map((table, index) => [table.id, index]));
  const titleOf = new Map(result.tables.map((table) => [table.id, `${table.title || pick(TABLE_KIND_NAMES[table.kind], lang)}（${table.sheet}）`]));
  const groupsByKey = new Map<string, { order: number; group: FindingGroup & { findings: FindingRow[] } }>();
  for (const finding of shown) {
    const tableKey = finding.tableId !== undefined && tableOrder.has(finding.tableId) ? finding.tableId : "";
    const key = `${tableKey}\u0000${finding.severity}`;
    let entry = groupsByKey.get(key);
    if (!entry) {
      const tableTitle = tableKey ? titleOf.get(tableKey)! : pick(UI.outsideTables, lang);
      const order = (tableKey ? tableOrder.get(tableKey)! : result.tables.length) * SEVERITIES.length + SEVERITIES.indexOf(finding.severity);
      entry = {
        order,
        group: { key, tableTitle, severity: finding.severity, heading: `${tableTitle} · ${pick(SEVERITY_NAMES[finding.severity], lang)}`, findings: [] },
      };
      groupsByKey.set(key, entry);
    }
    entry.group.findings.push({
      id: finding.id,
      key: `${finding.rule}\u0000${finding.sheet}\u0000${finding.cell}`,
      sheet: finding.sheet,
      cell: finding.cell,
      cells: [finding.cell, ...(finding.cells ?? [])],
      location: location(finding.sheet, finding.cell),
      severity: finding.severity,
      severityName: pick(SEVERITY_NAMES[finding.severity], lang),
      categoryName: pick(CATEGORY_NAMES[finding.category], lang),
      message: pick(finding.message, lang),
      ...(finding.expected !== undefined ? { expected: finding.expected } : {}),
      ...(finding.actual !== undefined ? { actual: finding.actual } : {}),
    });
  }
  const groups = [...groupsByKey.values()].sort((a, b) => a.order - b.order).map((entry) => entry.group);
  const present = new Set(result.findings.map((finding) => finding.category));
  return {
    summary: summaryText(lang, result.tables.length, result.findings.length, result.notChecked.length),
    hasTables: result.tables.length > 0,
    tables,
    groups,
    ordered: groups.flatMap((group) => group.findings),
    totalFindings: result.findings.length,
    categories: [...present].sort().map((id) => ({ id, name: pick(CATEGORY_NAMES[id], lang) })),
    notChecked: result.notChecked.map((item, index) => ({
      key: `${index}`,
      location: item.cell ? location(item.sheet, item.cell) : item.sheet,
      rule: item.rule,
      reason: pick(item.reason, lang),
    })),
  };
}

/** A row of the findings list as it scrolls: a group's heading, or one of its findings. */
export type FindingListRow =
  | { readonly kind: "heading"; readonly key: string; readonly group: FindingGroup }
  | { readonly kind: "finding"; readonly key: string; readonly finding: FindingRow };

/** The groups as one run of rows, each heading before its findings: what the virtualised list windows over. */
export function findingListRows(groups: readonly FindingGroup[]): FindingListRow[] {
  return groups.flatMap((group): FindingListRow[] => [
    { kind: "heading", key: `group\u0000${group.key}`, group },
    ...group.findings.map((finding): FindingListRow => ({ kind: "finding", key: finding.id, finding })),
  ]);
}

/** The finding after (or before) the current one; wraps around; the first one when none is current. */
export function stepFinding(ordered: readonly FindingRow[], currentId: string | undefined, direction: "next" | "previous"): FindingRow | undefined {
  if (ordered.length === 0) return undefined;
  const index = ordered.findIndex((finding) => finding.id === currentId);
  if (index < 0) return direction === "next" ? ordered[0] : ordered[ordered.length - 1];
  const step = direction === "next" ? 1 : -1;
  return ordered[(index + step + ordered.length) % ordered.length];
}

/** "第 3 / 12 条" for the current finding, or how many are shown. */
export function listPosition(ordered: readonly FindingRow[], currentId: string | undefined, lang: Lang): string {
  const index = ordered.findIndex((finding) => finding.id === currentId);
  return positionText(lang, index < 0 ? undefined : index + 1, ordered.length);
}

export function toggleSeverity(filter: FindingFilter, severity: Severity): FindingFilter {
  const severities = filter.severities.includes(severity)
    ? filter.severities.filter((entry) => entry !== severity)
    : SEVERITIES.filter((entry) => entry === severity || filter.severities.includes(entry));
  return { ...filter, severities };
}
