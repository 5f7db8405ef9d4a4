// The rows a reviewer forwards: one per finding (CSV and the 明细 sheet) and one per file (the 汇总
// sheet), in the user's language. The category and rule stay the project's stable ids.
import { TABLE_KIND_NAMES } from "../core/report/vocabulary";
import type { Lang } from "./args";
import type { FileReport } from "./check-files";
import type { SkippedFile } from "./inputs";
import { countsOf, STATUS_TEXT, statusOf } from "./summary";

export const SEVERITY_TEXT = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "info" },
} as const;

export const FINDING_HEADERS = {
  zh: ["文件", "工作表", "单元格", "表格类型", "规则", "类别", "严重程度", "说明", "应为", "实为", "接受理由"],
  en: ["file", "sheet", "cell", "table kind", "rule", "category", "severity", "message", "expected", "actual", "accepted reason"],
};

export interface FindingRow {
  values: string[];
  sheet: string;
  /** The finding's own cell (the first of a grouped finding's cells). */
  cell: string;
}

/** A grouped finding names all its cells ("D12,D15,D20"); any other names its own cell. */
function cellsText(cell: string, range: string | undefined): string {
  return range !== undefined && range.startsWith(`${cell},`) ? range : cell;
}

export function findingRows(reports: readonly FileReport[], lang: Lang): FindingRow[] {
  const rows: FindingRow[] = [];
  for (const report of reports) {
    const kinds = new Map(report.tables.map((t) => [t.id, TABLE_KIND_NAMES[t.kind][lang]]));
    // Findings that count first, then those accepted in the workbook with their reasons.
    const listed: (FileReport["findings"][number] & { reason?: string })[] = [...report.findings, ...(report.accepted ?? [])];
    for (const f of listed) {
      rows.push({
        sheet: f.sheet,
        cell: f.cell,
        values: [
          report.file,
          f.sheet,
          cellsText(f.cell, f.range),
          (f.tableId !== undefined && kinds.get(f.tableId)) || "",
          f.rule,
          f.category,
          SEVERITY_TEXT[f.severity][lang],
          f.message,
          f.expected ?? "",
          f.actual ?? "",
          f.reason ?? "",
        ],
      });
    }
  }
  return rows;
}

export const FILE_HEADERS = {
  zh: ["文件", "表格", "错误", "警告", "提示", "已接受", "未能检查", "状态", "备注"],
  en: ["file", "tables", "errors", "warnings", "info", "accepted", "not checked", "status", "note"],
};

/** One row per file: counts as numbers, the status, and the reason for an unreadable or skipped file. */
export function fileRows(reports: readonly FileReport[], skipped: readonly SkippedFile[], lang: Lang): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  for (const report of reports) {
    const status = STATUS_TEXT[statusOf(report)][lang];
    if (report.error) {
      rows.push([report.file, null, null, null, null, null, null, status, report.error.message]);
      continue;
    }
    const c = countsOf(report);
    rows.push([report.file, c.tables, c.error, c.warning, c.info, c.accepted, report.notChecked.length, status, report.annotateError ?? ""]);
  }
  for (const s of skipped) rows.push([s.file, null, null, null, null, null, null, STATUS_TEXT.skipped[lang], s.reason[lang]]);
  return rows;
}
