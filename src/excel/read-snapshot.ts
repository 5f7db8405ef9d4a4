// Reading a workbook through Office.js into the engine's snapshot, within Excel's request limits:
// the sheet list, then the used areas, then values and merged areas in as few syncs as their size
// allows. A read refused for its size is split and read again; reads change nothing, so retrying
// one is safe.
import type { WorkbookSnapshot } from "../core/workbook/snapshot";
import {
  DEFAULT_BYTES_PER_CELL,
  isPayloadError,
  jsonBytes,
  mergeBands,
  nextBatch,
  sheetFromReads,
  splitUnit,
  valueSlices,
  type RangeRead,
  type ReadUnit,
  type UsedArea,
} from "./range-reading";

/**
 * Three syncs for a workbook of up to CELLS_PER_SYNC used cells of ordinary size, whatever its number
 * of sheets or tables: sheet list; used areas; values and merges. Bigger workbooks take one more sync
 * per payload budget (PAYLOAD_BUDGET_BYTES), measured on what the reads so far weighed.
 */
export async function readSnapshot(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();

  const sheets = worksheets.items.map((worksheet) => {
    // valuesOnly: formatted-but-empty cells far below a table must not inflate the read.
    const usedRange = worksheet.getUsedRange(true);
    usedRange.load("rowIndex,columnIndex,rowCount,columnCount");
    return { worksheet, usedRange };
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
  const { readsBySheet, mergesBySheet } = await readAreas(
    context,
    sheets.map(({ worksheet }) => worksheet),
    areas,
  );
  return {
    sheets: sheets.map(({ worksheet }, sheetIndex) => {
      const area = areas[sheetIndex];
      const used = { top: area.rowIndex + 1, left: area.columnIndex + 1, bottom: area.rowIndex + area.rowCount, right: area.columnIndex + area.columnCount };
      return sheetFromReads(worksheet.name, worksheet.visibility, readsBySheet[sheetIndex], mergesBySheet[sheetIndex], used);
    }),
  };
}

/**
 * Values, formulas, number formats and merged areas of the given areas (each naming its worksheet
 * by index), in as few syncs as the payload budget allows. A read refused for its size is split and
 * read again.
 */
export async function readAreas(
  context: Excel.RequestContext,
  worksheets: readonly Excel.Worksheet[],
  areas: readonly UsedArea[],
): Promise<{ readsBySheet: RangeRead[][]; mergesBySheet: string[][] }> {
  const readsBySheet: RangeRead[][] = worksheets.map(() => []);
  const mergesBySheet: string[][] = worksheets.map(() => []);
  const pending: ReadUnit[] = [...valueSlices(areas), ...mergeBands(areas)];
  let bytesPerCell = DEFAULT_BYTES_PER_CELL;
  let maxReads = Infinity;

  while (pending.length > 0) {
    const batch = nextBatch(pending, bytesPerCell, maxReads);
    const queued = batch.map((unit) => {
      const range = worksheets[unit.sheetIndex].getRangeByIndexes(unit.rowIndex, unit.columnIndex, unit.rowCount, unit.columnCount);
      if (unit.kind === "merges") {
        const merged = range.getMergedAreasOrNullObject();
        merged.load("address");
        return { unit, range, merged };
      }
      range.load("values,valueTypes,formulas,numberFormat");
      return { unit, range, merged: undefined };
    });
    try {
      // One sync per payload budget, not per sheet or table: Excel's request limits are the reason.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if (!isPayloadError(error)) throw error;
      // Refused for its size: read the same cells again in smaller pieces, on a heavier estimate.
      if (batch.length > 1) {
        bytesPerCell *= 2;
        maxReads = Math.ceil(batch.length / 2);
        pending.unshift(...batch);
      } else {
        const halves = splitUnit(batch[0]);
        if (!halves) throw error;
        pending.unshift(...halves);
      }
      continue;
    }
    // A refusal limits only the retry: later batches are sized on the measured bytes again.
    maxReads = Infinity;
    let valueBytes = 0;
    let valueCells = 0;
    for (const { unit, range, merged } of queued) {
      if (merged) {
        if (!merged.isNullObject) mergesBySheet[unit.sheetIndex].push(merged.address);
        continue;
      }
      const read: RangeRead = {
        rowIndex: unit.rowIndex,
        columnIndex: unit.columnIndex,
        values: range.values,
        valueTypes: range.valueTypes,
        formulas: range.formulas,
        numberFormat: range.numberFormat,
      };
      readsBySheet[unit.sheetIndex].push(read);
      valueBytes += jsonBytes([read.values, read.valueTypes, read.formulas, read.numberFormat]);
      valueCells += unit.rowCount * unit.columnCount;
      range.untrack();
    }
    // The next batches are sized on the heaviest cells seen so far.
    if (valueCells > 0) bytesPerCell = Math.max(bytesPerCell, Math.ceil(valueBytes / valueCells));
  }
  return { readsBySheet, mergesBySheet };
}
