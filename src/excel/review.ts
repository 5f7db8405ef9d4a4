// The Office.js door of the reviewers' workflow (src/core/review): writing and resetting accepted
// marks in the very hidden mark sheet, writing the 审核报告 sheet, re-reading only what an edit
// touched, and listening to Excel's change events.
//
// Requirement sets: worksheets.add, Range.values / numberFormat, Worksheet.visibility and delete 1.1,
// getItemOrNullObject / getUsedRangeOrNullObject 1.4, Worksheet.activate 1.1, Range.format.columnWidth
// 1.2, getRangeByIndexes 1.7, WorksheetCollection.onChanged 1.9 (onAdded / onDeleted 1.7),
// WorksheetChangedEventArgs 1.7: all below the manifest's floor (1.13).
import { REVIEW_HEADER, REVIEW_MARKER, REVIEW_REPORT_HEADERS, REVIEW_REPORT_SHEET, REVIEW_SHEET, REVIEW_WIDTH, rowForMark, type AreaRead, type AreaRequest, type ChangeSignal } from "../core/review";
import { cellAddress, columnLetters } from "../core/workbook/address";
import { readAreas } from "./read-snapshot";
import { sheetFromReads, type UsedArea } from "./range-reading";

/** A leading apostrophe keeps a text as text: a reason starting with "=" or a fingerprint of digits
 *  must not become a formula or a number. Excel does not store the apostrophe in the value. */
const asText = (value: string | number) => (typeof value === "number" || value === "" ? value : `'${value}`);

async function readMarkRows(context: Excel.RequestContext): Promise<{ sheet: Excel.Worksheet | undefined; rows: unknown[][] }> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(REVIEW_SHEET);
  sheet.load("name");
  await context.sync();
  if (sheet.isNullObject) return { sheet: undefined, rows: [] };
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values,rowIndex,columnIndex");
  await context.sync();
  if (used.isNullObject) return { sheet, rows: [] };
  // Rows from row 1, as the core counts them.
  const rows: unknown[][] = Array.from({ length: used.rowIndex }, () => []);
  for (const line of used.values) rows.push([...Array<unknown>(used.columnIndex).fill(""), ...line]);
  return { sheet, rows };
}

export class ReviewSheetTakenError extends Error {
  readonly text = {
    zh: `工作簿中已有名为“${REVIEW_SHEET}”的工作表，但不是本加载项的标记表，无法保存接受标记。`,
    en: `The workbook has a sheet named “${REVIEW_SHEET}” that is not this add-in's mark sheet, so marks cannot be saved.`,
  };
}

/**
 * Saves one mark (the row values of core's markRowValues): three syncs in one batch, whatever the
 * number of marks: does the sheet exist; its rows as they are now (a coauthor may have added some);
 * the write. A mark for the same finding is replaced, otherwise the first free row is used.
 */
export async function writeMark(context: Excel.RequestContext, values: readonly string[]): Promise<void> {
  const { sheet, rows } = await readMarkRows(context);
  if (sheet && rows.length > 0 && rows[0]?.[0] !== REVIEW_MARKER) throw new ReviewSheetTakenError();
  let target = sheet;
  if (!target) {
    target = context.workbook.worksheets.add(REVIEW_SHEET);
    target.getRange(`A1:${columnLetters(REVIEW_WIDTH)}1`).values = [REVIEW_HEADER.map(asText)];
    target.visibility = "VeryHidden";
  }
  const row = rowForMark(rows, values[0], values[1], values[2]);
  target.getRange(`A${row}:${columnLetters(REVIEW_WIDTH)}${row}`).values = [values.map(asText)];
  await context.sync();
}

/** Resets a mark: its row is emptied (rows are never deleted, so a coauthor's row numbers hold). */
export async function clearMark(context: Excel.RequestContext, mark: { rule: string; sheet: string; cell: string }): Promise<void> {
  const { sheet, rows } = await readMarkRows(context);
  if (!sheet || rows[0]?.[0] !== REVIEW_MARKER) return;
  const matching = rows
    .map((line, index) => ({ line, row: index + 1 }))
    .filter(({ line, row }) => row > 1 && line[0] === mark.rule && line[1] === mark.sheet && line[2] === mark.cell);
  for (const { row } of matching) sheet.getRange(`A${row}:${columnLetters(REVIEW_WIDTH)}${row}`).values = [Array<string>(REVIEW_WIDTH).fill("")];
  if (matching.length > 0) await context.sync();
}

/**
 * Inserts or refreshes the 审核报告 sheet: three syncs. A 审核报告 the add-in wrote (recognised by its
 * header) is replaced; a user's own sheet of that name is left alone and the report gets " (2)".
 * Then the report sheet is shown.
 */
export async function writeReviewReport(context: Excel.RequestContext, rows: readonly (readonly (string | number)[])[], widths: readonly number[]): Promise<string> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const names = new Set(worksheets.items.map((worksheet) => worksheet.name));
  const candidates: string[] = [];
  for (let n = 1; n <= names.size + 1; n++) {
    const name = n === 1 ? REVIEW_REPORT_SHEET : `${REVIEW_REPORT_SHEET} (${n})`;
    candidates.push(name);
    if (!names.has(name)) break;
  }
  const headers = candidates.filter((name) => names.has(name)).map((name) => ({ name, head: worksheets.getItem(name).getRange("A1:B1") }));
  for (const { head } of headers) head.load("values");
  await context.sync();
  const headerTexts = new Set([...Object.values(REVIEW_REPORT_HEADERS)].map((header) => `${header[0]}|${header[1]}`));
  const ours = headers.find(({ head }) => headerTexts.has(`${String(head.values[0][0])}|${String(head.values[0][1])}`));
  const name = ours?.name ?? candidates[candidates.length - 1];
  if (ours) worksheets.getItem(ours.name).delete();
  const sheet = worksheets.add(name);
  const width = rows[0]?.length ?? 1;
  sheet.getRange(`A1:${cellAddress(rows.length, width)}`).values = rows.map((line) => line.map(asText));
  sheet.getRange(`A1:${columnLetters(width)}1`).format.font.bold = true;
  widths.forEach((characters, index) => {
    // Column width is in points; a character of the default font is about 7 points wide.
    // Setting the width of one cell sets its column's.
    sheet.getRangeByIndexes(0, index, 1, 1).format.columnWidth = characters * 7;
  });
  sheet.activate();
  await context.sync();
  return name;
}

/**
 * Reads only the areas of a re-read plan: a table's range, or a whole sheet's used area. Two syncs
 * for the used areas and the sheet list, then values and merges as readSnapshot reads them.
 */
export async function readChangedAreas(context: Excel.RequestContext, requests: readonly AreaRequest[]): Promise<AreaRead[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const byName = new Map(worksheets.items.map((worksheet) => [worksheet.name, worksheet]));
  const targets = requests.map((request) => {
    const worksheet = byName.get(request.sheet);
    if (!worksheet) throw new Error(`sheet ${request.sheet} is gone`);
    const usedRange = request.range === undefined ? worksheet.getUsedRange(true) : undefined;
    usedRange?.load("rowIndex,columnIndex,rowCount,columnCount");
    return { request, worksheet, usedRange };
  });
  if (targets.some((target) => target.usedRange)) await context.sync();
  const areas: UsedArea[] = targets.map(({ request, usedRange }, sheetIndex) =>
    usedRange
      ? { sheetIndex, rowIndex: usedRange.rowIndex, columnIndex: usedRange.columnIndex, rowCount: usedRange.rowCount, columnCount: usedRange.columnCount }
      : {
          sheetIndex,
          rowIndex: request.range!.top - 1,
          columnIndex: request.range!.left - 1,
          rowCount: request.range!.bottom - request.range!.top + 1,
          columnCount: request.range!.right - request.range!.left + 1,
        },
  );
  const { readsBySheet, mergesBySheet } = await readAreas(
    context,
    targets.map(({ worksheet }) => worksheet),
    areas,
  );
  return targets.map(({ request, worksheet }, index) => {
    const area = areas[index];
    const used = { top: area.rowIndex + 1, left: area.columnIndex + 1, bottom: area.rowIndex + area.rowCount, right: area.columnIndex + area.columnCount };
    return { request, sheet: sheetFromReads(worksheet.name, worksheet.visibility, readsBySheet[index], mergesBySheet[index], used) };
  });
}

/** A worksheet's name from its id (Worksheet ids hold within a session), or undefined if it is gone. */
export async function worksheetName(context: Excel.RequestContext, worksheetId: string): Promise<string | undefined> {
  const worksheet = context.workbook.worksheets.getItemOrNullObject(worksheetId);
  worksheet.load("name");
  await context.sync();
  return worksheet.isNullObject ? undefined : worksheet.name;
}

const MOVING_CHANGES = new Set(["RowInserted", "RowDeleted", "ColumnInserted", "ColumnDeleted", "CellInserted", "CellDeleted", "Unknown"]);

/**
 * Listens to every worksheet's changes (WorksheetCollection.onChanged, ExcelApi 1.9); `onSignal` gets
 * each as the core's ChangeSignal. Events carry the worksheet's id, which holds for the session: ids
 * are mapped to names when listening starts, and an id met later (a sheet added or renamed since) is
 * looked up with `nameOf`. Excel raises the event for the add-in's own writes too (marks, 审核报告);
 * the pane drops those by sheet name. Sheets deleted or added raise no onChanged: the 重新检查
 * button covers them. Returns the way to stop listening.
 */
export async function watchChanges(
  context: Excel.RequestContext,
  onSignal: (signal: ChangeSignal) => void,
  nameOf: (worksheetId: string) => Promise<string | undefined>,
): Promise<() => Promise<void>> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/id,items/name");
  await context.sync();
  const names = new Map(worksheets.items.map((worksheet) => [worksheet.id, worksheet.name]));
  const changed = worksheets.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
    let sheet = names.get(event.worksheetId);
    if (sheet === undefined) {
      sheet = (await nameOf(event.worksheetId)) ?? `\u0000${event.worksheetId}`;
      names.set(event.worksheetId, sheet);
    }
    onSignal({
      sheet,
      address: event.address || undefined,
      structural: MOVING_CHANGES.has(String(event.changeType)),
      ...(String(event.source) === "Remote" ? { remote: true } : {}),
    });
  });
  await context.sync();
  return async () => {
    changed.remove();
    await changed.context.sync();
  };
}
