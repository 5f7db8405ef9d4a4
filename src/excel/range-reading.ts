// Pure helpers of the Excel adapter: how to cut used ranges into reads that stay inside Office.js
// limits, and how Excel's per-range arrays become snapshot cells. No Office.js calls here.
import { parseRange, type CellRange } from "../core/workbook/address";
import type { Cell, SheetSnapshot, SheetVisibility } from "../core/workbook/snapshot";

/** Cells per range read. Excel refuses reads over 5M cells; Excel on the web refuses payloads over
 *  5 MB. Four properties per cell at a few dozen bytes each keeps a slice near 1 MB. */
export const CELLS_PER_SLICE = 10_000;
/** Cells per context.sync(): four slices, a response of roughly 4 MB at worst. */
export const CELLS_PER_SYNC = 40_000;

export interface UsedArea {
  readonly sheetIndex: number;
  /** 0-based, as Excel's rowIndex/columnIndex. */
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

export type RangeSlice = UsedArea;

/** Row slices of every used area, grouped so that each group is read in one sync. */
export function planReads(areas: readonly UsedArea[]): RangeSlice[][] {
  const slices: RangeSlice[] = [];
  for (const area of areas) {
    if (area.rowCount === 0 || area.columnCount === 0) continue;
    const rowsPerSlice = Math.max(1, Math.floor(CELLS_PER_SLICE / area.columnCount));
    for (let offset = 0; offset < area.rowCount; offset += rowsPerSlice) {
      slices.push({ ...area, rowIndex: area.rowIndex + offset, rowCount: Math.min(rowsPerSlice, area.rowCount - offset) });
    }
  }
  const batches: RangeSlice[][] = [];
  let batch: RangeSlice[] = [];
  let cellsInBatch = 0;
  for (const slice of slices) {
    const cells = slice.rowCount * slice.columnCount;
    if (batch.length > 0 && cellsInBatch + cells > CELLS_PER_SYNC) {
      batches.push(batch);
      batch = [];
      cellsInBatch = 0;
    }
    batch.push(slice);
    cellsInBatch += cells;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** What one range read returns: Excel's parallel 2-D arrays. */
export interface RangeRead {
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly values: readonly (readonly unknown[])[];
  readonly valueTypes: readonly (readonly string[])[];
  readonly formulas: readonly (readonly unknown[])[];
  readonly numberFormat: readonly (readonly unknown[])[];
}

function cellFromRead(value: unknown, valueType: string, formula: unknown, numberFormat: unknown): Cell | undefined {
  // Excel's formulas array repeats a constant's value, so text typed as "=100%" (common in 指标值)
  // looks like a formula there; only a formula's text differs from what it shows.
  const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
  const formulaText = isFormula ? formula.slice(1) : undefined;
  const format = typeof numberFormat === "string" && numberFormat !== "General" && numberFormat !== "" ? { numberFormat } : {};
  const withFormula = formulaText !== undefined ? { formula: formulaText } : {};
  switch (valueType) {
    case "Double":
    case "Integer":
      return { type: "number", value: Number(value), ...withFormula, ...format };
    case "Boolean":
      return { type: "boolean", value: Boolean(value), ...withFormula, ...format };
    case "Error":
      return { type: "error", value: String(value), ...withFormula, ...format };
    case "String":
      if (value === "") return formulaText === undefined ? undefined : { type: "empty", value: null, formula: formulaText, ...format };
      return { type: "string", value: String(value), ...withFormula, ...format };
    default:
      // Empty: a formula that shows nothing has no result Excel could give us.
      if (formulaText !== undefined) return { type: "empty", value: null, formula: formulaText, uncalculated: true, ...format };
      return undefined;
  }
}

/** Assembles a sheet from its range reads (any order) and the merged-areas address text. */
export function sheetFromReads(
  name: string,
  visibility: string,
  reads: readonly RangeRead[],
  mergedAreasAddress: string | undefined,
): SheetSnapshot {
  const rows: (Cell | undefined)[][] = [];
  for (const read of reads) {
    read.values.forEach((line, r) => {
      line.forEach((value, c) => {
        const cell = cellFromRead(value, read.valueTypes[r][c], read.formulas[r][c], read.numberFormat[r][c]);
        if (!cell) return;
        const rowNumber = read.rowIndex + r;
        (rows[rowNumber] ??= [])[read.columnIndex + c] = cell;
      });
    });
  }
  // Dense outer array (holes are undefined), trimmed to the last row that holds something.
  const denseRows = Array.from({ length: rows.length }, (_, i) => rows[i]);
  return { name, visibility: visibilityOf(visibility), rows: denseRows, merges: parseMergedAreas(mergedAreasAddress) };
}

function visibilityOf(visibility: string): SheetVisibility {
  if (visibility === "Hidden") return "hidden";
  if (visibility === "VeryHidden") return "veryHidden";
  return "visible";
}

/** "Sheet1!A1:B2, Sheet1!D4:E4" or "'My sheet'!A1:B2,..." → ranges (the sheet part is dropped). */
export function parseMergedAreas(address: string | undefined): CellRange[] {
  if (!address) return [];
  const ranges: CellRange[] = [];
  // Split on commas that follow a cell reference, so commas inside quoted sheet names survive.
  for (const part of address.split(/(?<=\d)\s*,\s*/)) {
    const trimmed = part.trim();
    if (trimmed) ranges.push(parseRange(trimmed));
  }
  return ranges;
}
