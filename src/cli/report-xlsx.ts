// `--report 审核汇总.xlsx`: a workbook to forward. Sheet 汇总 has one row per file with its counts and
// status (skipped files too, with the reason); sheet 明细 one row per finding. Both have a bold,
// frozen header row with an autofilter, and column widths that fit their text.
import ExcelJS from "exceljs";
import type { Lang } from "./args";
import type { FileReport } from "./check-files";
import type { SkippedFile } from "./inputs";
import { FILE_HEADERS, FINDING_HEADERS, fileRows, findingRows } from "./report-rows";
import { displayWidth } from "./summary";

export const SUMMARY_SHEET = "汇总";
export const DETAIL_SHEET = "明细";

const MAX_WIDTH = 80;

function addTable(workbook: ExcelJS.Workbook, name: string, headers: string[], rows: (string | number | null)[][], wrapColumns: number[] = []): void {
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1, xSplit: 0 }] });
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: headers.length } };
  headers.forEach((header, i) => {
    // Text width in Excel's character units (a Chinese character is about two), plus room for the
    // filter button.
    const widest = Math.max(displayWidth(header) + 3, ...rows.map((row) => displayWidth(row[i] === null || row[i] === undefined ? "" : String(row[i]))));
    const column = sheet.getColumn(i + 1);
    // At least 10: exceljs leaves out a column of width 9 as if it were the default (8.43 in Excel).
    column.width = Math.min(MAX_WIDTH, Math.max(10, widest + 2));
    if (wrapColumns.includes(i) && widest > MAX_WIDTH) column.alignment = { wrapText: true, vertical: "top" };
  });
}

export async function renderReportWorkbook(reports: readonly FileReport[], skipped: readonly SkippedFile[], lang: Lang): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "budget-check";
  addTable(workbook, SUMMARY_SHEET, FILE_HEADERS[lang], fileRows(reports, skipped, lang), [8]);
  addTable(
    workbook,
    DETAIL_SHEET,
    FINDING_HEADERS[lang],
    findingRows(reports, lang).map((row) => row.values),
    [7],
  );
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
