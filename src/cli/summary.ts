// The table that ends the text output of `check`: one row per file with its counts and status, a
// total row, then the files skipped in folders with the reason. Columns are aligned by display
// width (a Chinese character takes two columns in a terminal).
import type { FileReport } from "./check-files";
import type { SkippedFile } from "./inputs";
import type { Lang } from "./args";

export interface FileCounts {
  tables: number;
  error: number;
  warning: number;
  info: number;
  /** Accepted in the workbook: not in the other counts, nor in the status or the exit code. */
  accepted: number;
}

export function countsOf(report: FileReport): FileCounts {
  const counts = { tables: report.tables.length, error: 0, warning: 0, info: 0, accepted: report.accepted?.length ?? 0 };
  for (const f of report.findings) counts[f.severity]++;
  return counts;
}

export type FileStatus = "unreadable" | "errors" | "warnings" | "ok";

export function statusOf(report: FileReport): FileStatus {
  if (report.error) return "unreadable";
  const counts = countsOf(report);
  return counts.error > 0 ? "errors" : counts.warning > 0 ? "warnings" : "ok";
}

export const STATUS_TEXT: Record<FileStatus | "skipped", { zh: string; en: string }> = {
  unreadable: { zh: "无法读取", en: "unreadable" },
  errors: { zh: "有错误", en: "errors" },
  warnings: { zh: "有警告", en: "warnings" },
  ok: { zh: "通过", en: "ok" },
  skipped: { zh: "跳过", en: "skipped" },
};

export const SUMMARY_HEADERS = {
  zh: ["文件", "表格", "错误", "警告", "提示", "已接受", "状态"],
  en: ["file", "tables", "errors", "warnings", "info", "accepted", "status"],
};

/** Terminal columns a string takes: East Asian wide and full-width characters count two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || (cp >= 0x300 && cp < 0x370)) continue;
    const wide =
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x20000 && cp <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

function pad(text: string, width: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, width - displayWidth(text)));
  return right ? fill + text : text + fill;
}

export function renderSummary(reports: readonly FileReport[], skipped: readonly SkippedFile[], lang: Lang): string {
  const rows: string[][] = [SUMMARY_HEADERS[lang]];
  const total = { tables: 0, error: 0, warning: 0, info: 0, accepted: 0 };
  for (const report of reports) {
    const counts = countsOf(report);
    const status = STATUS_TEXT[statusOf(report)][lang];
    total.tables += counts.tables;
    total.error += counts.error;
    total.warning += counts.warning;
    total.info += counts.info;
    total.accepted += counts.accepted;
    rows.push(
      report.error ? [report.file, "-", "-", "-", "-", "-", status] : [report.file, ...[counts.tables, counts.error, counts.warning, counts.info, counts.accepted].map(String), status],
    );
  }
  const unreadable = reports.filter((r) => r.error).length;
  const totalLabel = lang === "en" ? `total: ${reports.length} files` : `合计 ${reports.length} 个文件`;
  const totalStatus = unreadable > 0 ? (lang === "en" ? `${unreadable} unreadable` : `${unreadable} 个无法读取`) : "";
  rows.push([totalLabel, ...[total.tables, total.error, total.warning, total.info, total.accepted].map(String), totalStatus]);
  const widths = rows[0].map((_, col) => Math.max(...rows.map((row) => displayWidth(row[col]))));
  const line = (row: string[]) => row.map((cell, col) => pad(cell, widths[col], col >= 1 && col <= 5)).join("  ").trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  const out = [line(rows[0]), rule, ...rows.slice(1, -1).map(line), rule, line(rows[rows.length - 1])];
  if (skipped.length > 0) {
    out.push("", lang === "en" ? `skipped ${skipped.length} files:` : `跳过 ${skipped.length} 个文件：`);
    for (const s of skipped) out.push(`  ${s.file}  ${s.reason[lang]}`);
  }
  return out.join("\n") + "\n";
}
