// Pure helpers of the Excel adapter: how to cut used ranges into reads that stay inside Office.js's
// limits, how big a read's response is, and how Excel's per-range arrays and merged-area addresses
// become snapshot cells and merges. No Office.js calls here.
import { columnNumber, type CellRange } from "../core/workbook/address";
import type { Cell, SheetSnapshot, SheetVisibility } from "../core/workbook/snapshot";

/** Cells per value slice: far below Excel's 5,000,000 cells per range read. */
export const CELLS_PER_SLICE = 10_000;
/** Cells per context.sync() at most, however small the cells. */
export const CELLS_PER_SYNC = 40_000;
/**
 * Response bytes to aim for per sync. Excel on the web refuses requests and responses above 5 MB; how
 * it encodes text on the wire is not documented (JSON escapes would double Chinese text), so the
 * estimate, counted as UTF-8, aims at half of that.
 */
export const PAYLOAD_BUDGET_BYTES = 2_500_000;
/** What a cell is assumed to cost before any has been read: short numbers and labels. */
export const DEFAULT_BYTES_PER_CELL = 60;
/** getMergedAreasOrNullObject fails above 512 merged areas in its range (its documentation). */
export const MAX_MERGED_AREAS_PER_READ = 512;
/** Columns per merge band; with the rows below, a band's pairs of cells stay ≤ 2 × 512. */
const MERGE_BAND_MAX_COLUMNS = 255;

export interface UsedArea {
  readonly sheetIndex: number;
  /** 0-based, as Excel's rowIndex/columnIndex. */
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
}

export type RangeSlice = UsedArea;

/** One range read of the snapshot: values, formulas, types and formats, or the merged areas. */
export interface ReadUnit extends RangeSlice {
  readonly kind: "values" | "merges";
}

/** Row slices of every used area, each at most CELLS_PER_SLICE cells. */
export function valueSlices(areas: readonly UsedArea[]): ReadUnit[] {
  const slices: ReadUnit[] = [];
  for (const area of areas) {
    if (area.rowCount === 0 || area.columnCount === 0) continue;
    const rowsPerSlice = Math.max(1, Math.floor(CELLS_PER_SLICE / area.columnCount));
    for (let offset = 0; offset < area.rowCount; offset += rowsPerSlice) {
      slices.push({ kind: "values", ...area, rowIndex: area.rowIndex + offset, rowCount: Math.min(rowsPerSlice, area.rowCount - offset) });
    }
  }
  return slices;
}

/**
 * Bands of every used area in which at most 512 merged areas can begin, whatever the sheet holds.
 * getMergedAreasOrNullObject returns the merges whose top-left cell lies in the range (office-js
 * issue 3611), so every merge is read exactly once. A merge covers at least two cells: its top-left
 * and the cell to its right or below, both inside the band or one row below or one column right of
 * it. Merges do not overlap, so a band of R × C cells holds at most (R + 1)(C + 1) / 2 of them.
 */
export function mergeBands(areas: readonly UsedArea[]): ReadUnit[] {
  const bands: ReadUnit[] = [];
  for (const area of areas) {
    if (area.rowCount === 0 || area.columnCount === 0) continue;
    for (let left = 0; left < area.columnCount; left += MERGE_BAND_MAX_COLUMNS) {
      const columnCount = Math.min(MERGE_BAND_MAX_COLUMNS, area.columnCount - left);
      const rowsPerBand = Math.max(1, Math.floor((2 * MAX_MERGED_AREAS_PER_READ) / (columnCount + 1)) - 1);
      for (let top = 0; top < area.rowCount; top += rowsPerBand) {
        bands.push({
          kind: "merges",
          sheetIndex: area.sheetIndex,
          rowIndex: area.rowIndex + top,
          columnIndex: area.columnIndex + left,
          rowCount: Math.min(rowsPerBand, area.rowCount - top),
          columnCount,
        });
      }
    }
  }
  return bands;
}

const cellsOf = (unit: RangeSlice) => unit.rowCount * unit.columnCount;

/** A merge band's response: an address per merge, a few bytes per cell of the band at most. */
const MERGE_BYTES_PER_CELL = 2;

/** The estimated response bytes of one read, given what a value cell has cost so far. */
export function estimatedBytes(unit: ReadUnit, bytesPerCell: number): number {
  return cellsOf(unit) * (unit.kind === "values" ? bytesPerCell : MERGE_BYTES_PER_CELL);
}

/** Takes from the front of `pending` what fits one sync: within the cell cap and the payload budget. */
export function nextBatch(pending: ReadUnit[], bytesPerCell: number, maxReads = Infinity): ReadUnit[] {
  const batch: ReadUnit[] = [];
  let cells = 0;
  let bytes = 0;
  while (pending.length > 0 && batch.length < maxReads) {
    const unit = pending[0];
    // A slice heavier than the budget on its own (long text) is cut before it is sent.
    if (batch.length === 0 && unit.kind === "values" && estimatedBytes(unit, bytesPerCell) > PAYLOAD_BUDGET_BYTES) {
      const halves = splitUnit(unit);
      if (halves) {
        pending.splice(0, 1, ...halves);
        continue;
      }
    }
    const unitCells = unit.kind === "values" ? cellsOf(unit) : 0;
    const unitBytes = estimatedBytes(unit, bytesPerCell);
    if (batch.length > 0 && (cells + unitCells > CELLS_PER_SYNC || bytes + unitBytes > PAYLOAD_BUDGET_BYTES)) break;
    batch.push(pending.shift()!);
    cells += unitCells;
    bytes += unitBytes;
  }
  return batch;
}

/** A read refused for its size: split it in two (rows first, then columns); a single cell cannot be. */
export function splitUnit(unit: ReadUnit): ReadUnit[] | undefined {
  if (unit.rowCount > 1) {
    const upper = Math.ceil(unit.rowCount / 2);
    return [
      { ...unit, rowCount: upper },
      { ...unit, rowIndex: unit.rowIndex + upper, rowCount: unit.rowCount - upper },
    ];
  }
  if (unit.columnCount > 1) {
    const leftPart = Math.ceil(unit.columnCount / 2);
    return [
      { ...unit, columnCount: leftPart },
      { ...unit, columnIndex: unit.columnIndex + leftPart, columnCount: unit.columnCount - leftPart },
    ];
  }
  return undefined;
}

/** Error codes Excel gives a request or response above its payload limit (see office-contract.test.ts). */
export function isPayloadError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  if (code === "RequestPayloadSizeLimitExceeded" || code === "ResponsePayloadSizeLimitExceeded") return true;
  return error instanceof Error && /payload size/i.test(error.message);
}

/** UTF-8 bytes of a value as JSON: how much a read's response weighed. */
export function jsonBytes(payload: unknown): number {
  return new TextEncoder().encode(JSON.stringify(payload)).length;
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

/**
 * Assembles a sheet from its range reads (any order) and the merged-areas addresses of its bands.
 * Whole-row and whole-column merges are cut to the used area, where the snapshot's cells are.
 */
export function sheetFromReads(
  name: string,
  visibility: string,
  reads: readonly RangeRead[],
  mergedAreasAddresses: readonly string[],
  usedArea?: CellRange,
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
  const merges = mergedAreasAddresses
    .flatMap((address) => parseMergedAreas(address))
    .map((merge) => (usedArea ? cutToUsedArea(merge, usedArea) : merge))
    .sort((a, b) => a.top - b.top || a.left - b.left);
  return { name, visibility: visibilityOf(visibility), rows: denseRows, merges };
}

/** A whole-row or whole-column merge ends where the used area ends; any other merge stays as it is. */
function cutToUsedArea(merge: CellRange, usedArea: CellRange): CellRange {
  return {
    ...merge,
    bottom: merge.bottom >= MAX_ROWS ? Math.max(usedArea.bottom, merge.top) : merge.bottom,
    right: merge.right >= MAX_COLUMNS ? Math.max(usedArea.right, merge.left) : merge.right,
  };
}

function visibilityOf(visibility: string): SheetVisibility {
  if (visibility === "Hidden") return "hidden";
  if (visibility === "VeryHidden") return "veryHidden";
  return "visible";
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;

/** "A1", "$A$1", "A", "1" → the row and column it names (undefined where it names none). */
function referencePart(text: string): { row?: number; col?: number } {
  const match = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(text.trim());
  if (!match || (match[1] === "" && match[2] === "")) throw new Error(`not a cell reference: ${text}`);
  return { ...(match[1] ? { col: columnNumber(match[1].toUpperCase()) } : {}), ...(match[2] ? { row: Number(match[2]) } : {}) };
}

/** One area of an address without its sheet: "B2", "A1:C3", "$A$1:$B$2", "3:4" (rows), "B:D" (columns). */
function parseArea(text: string): CellRange {
  const [first, second = first] = text.split(":");
  const a = referencePart(first);
  const b = referencePart(second);
  const top = a.row ?? 1;
  const bottom = b.row ?? MAX_ROWS;
  const left = a.col ?? 1;
  const right = b.col ?? MAX_COLUMNS;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/**
 * A RangeAreas address ("Sheet1!A1:B2, Sheet1!D4:E4", "'预算, 2025'!A1:B2,'it''s'!3:3") → its
 * areas. Commas separate areas only outside a quoted sheet name; the sheet part is dropped.
 */
export function parseMergedAreas(address: string | undefined | null): CellRange[] {
  if (!address) return [];
  const areas: CellRange[] = [];
  let part = "";
  let quoted = false;
  const flush = () => {
    const text = part.trim();
    part = "";
    if (text === "") return;
    const bang = text.lastIndexOf("!");
    areas.push(parseArea(bang >= 0 ? text.slice(bang + 1) : text));
  };
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      // '' inside quotes is an escaped apostrophe: stays quoted.
      if (quoted && address[i + 1] === "'") {
        part += "''";
        i++;
        continue;
      }
      quoted = !quoted;
      part += ch;
    } else if (ch === "," && !quoted) {
      flush();
    } else {
      part += ch;
    }
  }
  flush();
  return areas;
}
