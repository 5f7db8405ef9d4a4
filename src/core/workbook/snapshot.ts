// The workbook snapshot: the one model every part of the engine reads. The doors (Office.js adapter,
// .xlsx reader, harness) translate their sources into it; nothing in src/core sees anything else.
import type { CellRange } from "./address";

export type CellType = "number" | "string" | "boolean" | "error" | "empty";

export interface Cell {
  readonly type: CellType;
  /** number, text, boolean, the error text ("#REF!") or null when empty. */
  readonly value: number | string | boolean | null;
  /** The formula without its leading "=", when the cell holds one. */
  readonly formula?: string;
  /** True when a formula cell carries no cached result (written by a tool that does not calculate). */
  readonly uncalculated?: boolean;
  readonly numberFormat?: string;
}

export type SheetVisibility = "visible" | "hidden" | "veryHidden";

export interface SheetSnapshot {
  readonly name: string;
  readonly visibility: SheetVisibility;
  /** rows[r - 1][c - 1]; missing entries are empty cells. Sparse on purpose: a sheet may be tall. */
  readonly rows: ReadonlyArray<ReadonlyArray<Cell | undefined> | undefined>;
  readonly merges: readonly CellRange[];
}

export interface WorkbookSnapshot {
  readonly sheets: readonly SheetSnapshot[];
  /** Workbook-level defined names (name → reference text), used for template markers. */
  readonly definedNames?: Readonly<Record<string, string>>;
}

export const EMPTY_CELL: Cell = Object.freeze({ type: "empty", value: null });

export function cellAt(sheet: SheetSnapshot, row: number, col: number): Cell {
  return sheet.rows[row - 1]?.[col - 1] ?? EMPTY_CELL;
}

export function sheetRowCount(sheet: SheetSnapshot): number {
  return sheet.rows.length;
}

export function sheetColumnCount(sheet: SheetSnapshot): number {
  let max = 0;
  for (const row of sheet.rows) if (row && row.length > max) max = row.length;
  return max;
}

export function makeCell(value: number | string | boolean | null, extra: Partial<Cell> = {}): Cell {
  if (value === null || value === "") return { type: "empty", value: null, ...extra };
  if (typeof value === "number") return { type: "number", value, ...extra };
  if (typeof value === "boolean") return { type: "boolean", value, ...extra };
  return { type: "string", value, ...extra };
}

/** Builds a sheet from a plain grid (row-major, 1st row = row 1); handy for tests and generators. */
export function sheetFromGrid(
  name: string,
  grid: ReadonlyArray<ReadonlyArray<number | string | boolean | null | undefined>>,
  merges: readonly CellRange[] = [],
  visibility: SheetVisibility = "visible",
): SheetSnapshot {
  const rows = grid.map((line) => line.map((v) => (v === undefined || v === null || v === "" ? undefined : makeCell(v))));
  return { name, visibility, rows, merges };
}
