// The Office.js door: reads a workbook snapshot, applies and removes highlight edits, selects cells,
// inserts templates (insert-template.ts).
//
// Highlights are conditional formats that this module adds and later deletes by id, never changes
// to the cells' own fill, font or borders. So clearing can only ever remove our layer: whatever the
// user formatted or typed meanwhile (even on a highlighted cell) stays exactly as they left it, and
// every step stays on Excel's undo stack. Direct fills would need a saved copy of every cell's format
// that goes stale the moment the user edits a cell. The ids live in the document's settings, so a
// reopened pane still clears what an earlier one marked.
//
// Requirement floor (see manifest.xml): Range.getMergedAreasOrNullObject is ExcelApi 1.13; everything
// else used here is older (getRangeByIndexes 1.7, getRanges / conditional formats on RangeAreas 1.9,
// settings 1.4, conditional formats 1.6, getUsedRange(valuesOnly) 1.2).
import type { HighlightEdit } from "../core/report/highlights";
import type { WorkbookSnapshot } from "../core/workbook/snapshot";
import type { WorkbookHost } from "../taskpane/workbook-host";
import { insertTemplate, officeRequirements, type RequirementCheck } from "./insert-template";
import { planReads, sheetFromReads, type RangeRead, type UsedArea } from "./range-reading";

/** Excel.run, or the harness's stand-in for it. */
export type ExcelBatchRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Document setting holding the conditional formats we added: [{ sheet, id }]. */
export const HIGHLIGHT_SETTING_KEY = "budgetCheck.highlights";

interface RememberedHighlight {
  readonly sheet: string;
  readonly id: string;
}

/** `supports` answers requirement-set questions: Office.js's own by default, the harness's in the harness. */
export function createExcelHost(run: ExcelBatchRunner, supports: RequirementCheck = officeRequirements): WorkbookHost {
  return {
    insertTemplate: (edits, select) => run((context) => insertTemplate(context, edits, select, supports)),
    readSnapshot: () => run(readSnapshot),
    applyHighlights: (edits) => run((context) => replaceHighlights(context, edits)),
    clearHighlights: () => run((context) => replaceHighlights(context, [])),
    selectCell: (sheet, cell) =>
      run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      }),
  };
}

/**
 * Three syncs for any workbook up to CELLS_PER_SYNC used cells, whatever its number of sheets or
 * tables: sheet list; used areas and merges; values. Bigger workbooks take one more sync per
 * CELLS_PER_SYNC cells, so no response exceeds Excel on the web's payload limit.
 */
async function readSnapshot(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();

  const sheets = worksheets.items.map((worksheet) => {
    // valuesOnly: formatted-but-empty cells far below a table must not inflate the read.
    const usedRange = worksheet.getUsedRange(true);
    usedRange.load("rowIndex,columnIndex,rowCount,columnCount");
    const mergedAreas = usedRange.getMergedAreasOrNullObject();
    mergedAreas.load("address");
    return { worksheet, usedRange, mergedAreas };
  });
  await context.sync();

  // An empty sheet reports A1 as its used range: reading that one empty cell costs nothing.
  const areas: UsedArea[] = sheets.map(({ usedRange }, sheetIndex) => ({
    sheetIndex,
    rowIndex: usedRange.rowIndex,
    columnIndex: usedRange.columnIndex,
    rowCount: usedRange.rowCount,
    columnCount: usedRange.columnCount,
  }));
  const readsBySheet: RangeRead[][] = sheets.map(() => []);
  for (const batch of planReads(areas)) {
    const queued = batch.map((slice) => {
      const range = sheets[slice.sheetIndex].worksheet.getRangeByIndexes(slice.rowIndex, slice.columnIndex, slice.rowCount, slice.columnCount);
      range.load("values,valueTypes,formulas,numberFormat");
      return { slice, range };
    });
    // One sync per batch of CELLS_PER_SYNC cells, not per sheet or table: the payload limit is the reason.
    // eslint-disable-next-line office-addins/no-context-sync-in-loop
    await context.sync();
    for (const { slice, range } of queued) {
      readsBySheet[slice.sheetIndex].push({
        rowIndex: slice.rowIndex,
        columnIndex: slice.columnIndex,
        values: range.values,
        valueTypes: range.valueTypes,
        formulas: range.formulas,
        numberFormat: range.numberFormat,
      });
      range.untrack();
    }
  }
  return {
    sheets: sheets.map(({ worksheet, mergedAreas }, sheetIndex) =>
      sheetFromReads(worksheet.name, worksheet.visibility, readsBySheet[sheetIndex], mergedAreas.isNullObject ? undefined : mergedAreas.address),
    ),
  };
}

/**
 * The one place that applies highlight edits: deletes the conditional formats an earlier check added
 * (those still present), adds one per edit and remembers their ids. Four syncs, whatever the number
 * of edits or sheets.
 */
async function replaceHighlights(context: Excel.RequestContext, edits: readonly HighlightEdit[]): Promise<void> {
  const settings = context.workbook.settings;
  const setting = settings.getItemOrNullObject(HIGHLIGHT_SETTING_KEY);
  setting.load("value");
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();

  const remembered = setting.isNullObject ? [] : parseRemembered(setting.value);
  const sheetsWithOurs = new Set(remembered.map((highlight) => highlight.sheet));
  const existing = worksheets.items
    .filter((worksheet) => sheetsWithOurs.has(worksheet.name))
    .map((worksheet) => {
      const formats = worksheet.getRange().conditionalFormats;
      formats.load("items/id");
      return { sheet: worksheet.name, formats };
    });
  await context.sync();

  const ours = new Set(remembered.map((highlight) => `${highlight.sheet}\u0000${highlight.id}`));
  for (const { sheet, formats } of existing) {
    for (const format of formats.items) if (ours.has(`${sheet}\u0000${format.id}`)) format.delete();
  }
  const added = edits.map((edit) => {
    const format = worksheets.getItem(edit.sheet).getRanges(edit.ranges.join(",")).conditionalFormats.add("Custom");
    format.custom.rule.formula = "=TRUE";
    format.custom.format.fill.color = edit.fill;
    format.custom.format.font.color = edit.fontColor;
    format.load("id");
    return { sheet: edit.sheet, format };
  });
  await context.sync();

  if (added.length > 0) {
    const now: RememberedHighlight[] = added.map(({ sheet, format }) => ({ sheet, id: format.id }));
    settings.add(HIGHLIGHT_SETTING_KEY, JSON.stringify(now));
  } else if (!setting.isNullObject) {
    setting.delete();
  }
  await context.sync();
}

function parseRemembered(value: unknown): RememberedHighlight[] {
  try {
    const parsed: unknown = typeof value === "string" ? JSON.parse(value) : value;
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (entry): entry is RememberedHighlight => typeof entry?.sheet === "string" && typeof entry?.id === "string",
    );
  } catch {
    return [];
  }
}
