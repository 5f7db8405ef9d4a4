// Small shapes shared by the form models: a text with the cell it was read from, and a cell position.
import { z } from "zod";
import { cellAddress } from "../workbook/address";
import type { SheetView } from "../workbook/sheet-view";

export const CellPositionSchema = z.object({ row: z.number().int(), col: z.number().int(), address: z.string() });
export type CellPosition = z.infer<typeof CellPositionSchema>;

export const CellTextSchema = z.object({
  /** The text as written (trimmed), not folded: messages quote what the user typed. */
  text: z.string(),
  row: z.number().int(),
  col: z.number().int(),
  /** A1 of the master cell when the text sits in a merged area. */
  address: z.string(),
  /** True when the cell holds a number rather than text. */
  isNumber: z.boolean(),
});
export type CellText = z.infer<typeof CellTextSchema>;

export function positionOf(row: number, col: number): CellPosition {
  return { row, col, address: cellAddress(row, col) };
}

/** Each master cell's text, read once per sheet view (the forms read their cells many times). */
const TEXTS = {};

/** The displayed text of a cell (the merge master's), or null when it shows nothing. */
export function cellTextAt(view: SheetView, row: number, col: number): CellText | null {
  const merge = view.mergeAt(row, col);
  const masterRow = merge ? merge.top : row;
  const masterCol = merge ? merge.left : col;
  const at = view.storeIndex(masterRow, masterCol);
  if (at < 0) return null; // not stored: empty
  const texts = view.cellMemo<CellText | null>(TEXTS);
  let found = texts[at];
  if (found === undefined) found = texts[at] = readCellText(view, masterRow, masterCol);
  return found;
}

function readCellText(view: SheetView, row: number, col: number): CellText | null {
  const cell = view.raw(row, col);
  if (cell.type === "empty") return null;
  const text = String(cell.value).trim();
  if (text === "") return null;
  // Shared by every reader of the cell, so never changed (the type says so). Not frozen: a frozen object
  // gets a hidden class of its own that V8 drops between checks (see shapes.ts), a literal's it keeps.
  return { text, row, col, address: cellAddress(row, col), isNumber: cell.type === "number" };
}
