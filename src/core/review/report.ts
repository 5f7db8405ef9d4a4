// The review report as rows: what the pane writes into its 审核报告 sheet and saves as CSV. The
// same columns as the 审核报告 sheet of budget-check's annotated copies, plus the reason of an
// accepted finding; findings that still count first, then those accepted (with their reasons), then
// the marks gone stale. Pure: the doors only write these rows.
import type { Finding } from "../report/finding";
import { pick, type Lang } from "../report/i18n";
import type { Severity } from "../report/vocabulary";
import { cellAt, type WorkbookSnapshot } from "../workbook/snapshot";
import type { ReviewedResult } from "./marks";

export const REVIEW_REPORT_SHEET = "审核报告";

export const REVIEW_REPORT_HEADERS = {
  zh: ["序号", "位置", "工作表", "单元格", "严重程度", "规则", "类别", "说明", "应为", "实为", "接受理由"],
  en: ["no.", "location", "sheet", "cell", "severity", "rule", "category", "message", "expected", "actual", "accepted reason"],
};
export const REVIEW_REPORT_WIDTHS = [6, 24, 18, 10, 9, 30, 24, 80, 14, 14, 30];

const SEVERITY_TEXT: Record<Severity, { zh: string; en: string }> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "info" },
};

const SECTION = {
  accepted: { zh: "已接受（不计入问题数）", en: "Accepted (not counted)" },
  stale: { zh: "已失效的接受标记（内容已改动或问题已不存在，需重新确认）", en: "Stale marks (the cell or its figures changed, or the finding is gone; confirm again)" },
  none: { zh: "未发现问题", en: "no findings" },
};

/** Whether a sheet is a 审核报告 as the pane or budget-check --annotate writes it (by name and header). */
export function isReviewReportSheet(workbook: WorkbookSnapshot, name: string): boolean {
  if (name !== REVIEW_REPORT_SHEET) return false;
  const sheet = workbook.sheets.find((s) => s.name === name);
  if (!sheet) return false;
  const a1 = cellAt(sheet, 1, 1).value;
  const b1 = cellAt(sheet, 1, 2).value;
  return (a1 === "序号" || a1 === "no.") && (b1 === "位置" || b1 === "location");
}

function findingRow(finding: Finding, index: number, lang: Lang, reason: string): (string | number)[] {
  return [
    index,
    `${finding.sheet}!${finding.cell}`,
    finding.sheet,
    [finding.cell, ...(finding.cells ?? [])].join(","),
    pick(SEVERITY_TEXT[finding.severity], lang),
    finding.rule,
    finding.category,
    pick(finding.message, lang),
    finding.expected ?? "",
    finding.actual ?? "",
    reason,
  ];
}

/** Header, the findings that count, then the accepted ones and the stale marks under their headings. */
export function reviewReportRows(reviewed: ReviewedResult, lang: Lang): (string | number)[][] {
  const width = REVIEW_REPORT_HEADERS[lang].length;
  const heading = (text: string) => [text, ...Array<string>(width - 1).fill("")];
  const rows: (string | number)[][] = [REVIEW_REPORT_HEADERS[lang]];
  reviewed.findings.forEach((finding, i) => rows.push(findingRow(finding, i + 1, lang, "")));
  if (reviewed.findings.length === 0) rows.push(heading(pick(SECTION.none, lang)));
  if (reviewed.accepted.length > 0) {
    rows.push(heading(pick(SECTION.accepted, lang)));
    reviewed.accepted.forEach(({ finding, mark }, i) => rows.push(findingRow(finding, i + 1, lang, mark.reason)));
  }
  if (reviewed.staleMarks.length > 0) {
    rows.push(heading(pick(SECTION.stale, lang)));
    reviewed.staleMarks.forEach(({ mark, finding }, i) =>
      rows.push(finding ? findingRow(finding, i + 1, lang, mark.reason) : [i + 1, `${mark.sheet}!${mark.cell}`, mark.sheet, mark.cell, "", mark.rule, "", mark.message, "", "", mark.reason]),
    );
  }
  return rows;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** RFC 4180 with CRLF and a byte-order mark, so Excel shows the Chinese text on a double click. */
export function reviewReportCsv(reviewed: ReviewedResult, lang: Lang): string {
  return "\uFEFF" + reviewReportRows(reviewed, lang).map((row) => row.map((value) => csvField(String(value))).join(",")).join("\r\n") + "\r\n";
}
