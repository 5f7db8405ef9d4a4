// Read access to a sheet as a reader sees it: a merged area shows its master (top-left) value in
// every cell it covers, and labels are compared in folded form. Built once per sheet and check: the
// folded texts, the texts each row shows and the merge lookup are computed once and shared by
// detection and every rule.
import type { CellRange } from "./address";
import { cellAt, EMPTY_CELL, type Cell, type SheetSnapshot } from "./snapshot";
import { centsOf } from "./cents";
import { foldValue } from "./text";
import { keepShape } from "../shapes";

/** What a cell holds, one byte per cell in the view's compact store. */
export const CellKind = { empty: 0, number: 1, string: 2, boolean: 3, error: 4, emptyFormula: 5 } as const;
export type CellKind = (typeof CellKind)[keyof typeof CellKind];


/** A text a row shows, at its column (a merge's master column). */
export interface RowText {
  readonly col: number;
  readonly text: string;
  /** True when the cell shown holds a number (its text is the figure). */
  readonly figure: boolean;
}

/** Merges covering at most this many cells are indexed cell by cell; larger ones row by row. */
const CELL_INDEXED_MERGE = 256;

const NO_TEXTS: readonly RowText[] = Object.freeze([]);

export class SheetView {
  readonly sheet: SheetSnapshot;
  readonly rowCount: number;
  readonly columnCount: number;
  /** For every cell of a small merge: the index of the merge it belongs to (+1 in the store; 0: none). Outside the store by row * 16384 + col. */
  // smallMergeCount counts the cells so indexed: 0 means no small merge covers anything.
  private readonly mergeInStore: Int32Array;
  private readonly mergeOfCell = new Map<number, number>();
  private smallMergeCount = 0;
  /** Large merges (whole rows or columns, wide headers) by row: the indexes of those covering row r. */
  private readonly largeMerges: (number[] | undefined)[] = [];
  private largeMergeCount = 0;
  /** 1 for the rows some merge covers (most rows of a budget table have none: no lookup for them). */
  private readonly mergedRows: Uint8Array;
  /** Folded texts of the stored cells, at their place in the compact store, computed on first use. */
  private readonly folded: (string | undefined)[];
  /** The texts each row shows of its own (merges once, at their master), left to right. */
  private readonly shown: (readonly RowText[] | undefined)[] = [];
  /** The same without figures: the row's words. */
  private readonly words: (readonly RowText[] | undefined)[] = [];
  /**
   * The compact store, built in one pass: every stored cell of row r (1-based) at rowStart[r - 1] + c - 1,
   * its kind (CellKind) and, for a number, its value. The hot passes read these arrays instead of chasing
   * a cell object and its boxed number per cell.
   */
  private readonly rowStart: Int32Array;
  private readonly kinds: Uint8Array;
  private readonly numbers: Float64Array;
  /** The rows (1-based, ascending) that have stored cells. */
  readonly rowsWithCells: readonly number[];
  /** How many cells show an error value (#REF! …): most sheets have none, and their scan is skipped. */
  readonly errorCells: number;

  constructor(sheet: SheetSnapshot) {
    this.sheet = sheet;
    this.rowCount = sheet.rows.length;
    const rows = sheet.rows;
    // One pass over the rows (a used range may be a million rows with a few filled): the rows that have
    // cells, in order; every later pass goes over those only.
    const present: number[] = [];
    let cols = 0;
    for (let r = 0; r < rows.length; r++) {
      const line = rows[r];
      if (!line || line.length === 0) continue;
      present.push(r);
      if (line.length > cols) cols = line.length;
    }
    for (const m of sheet.merges) if (m.right > cols) cols = m.right;
    this.columnCount = cols;
    this.rowsWithCells = present.map((r) => r + 1);
    const rowStart = new Int32Array(this.rowCount + 1);
    let stored = 0;
    let filledTo = 0;
    for (const r of present) {
      rowStart.fill(stored, filledTo, r + 1);
      filledTo = r + 1;
      stored += rows[r]!.length;
    }
    rowStart.fill(stored, filledTo);
    const kinds = new Uint8Array(stored);
    const numbers = new Float64Array(stored);
    let errors = 0;
    for (const r of present) {
      const line = rows[r]!;
      const base = rowStart[r];
      for (let c = 0; c < line.length; c++) {
        const cell = line[c];
        if (!cell) continue;
        switch (cell.type) {
          case "number": {
            kinds[base + c] = CellKind.number;
            const value = cell.value as number;
            numbers[base + c] = value;
            break;
          }
          case "string":
            kinds[base + c] = CellKind.string;
            break;
          case "boolean":
            kinds[base + c] = CellKind.boolean;
            break;
          case "error":
            kinds[base + c] = CellKind.error;
            errors++;
            break;
          default:
            kinds[base + c] = cell.formula !== undefined ? CellKind.emptyFormula : CellKind.empty;
        }
      }
    }
    this.folded = new Array<string | undefined>(stored);
    this.rowStart = rowStart;
    this.kinds = kinds;
    this.numbers = numbers;
    this.errorCells = errors;
    this.mergedRows = new Uint8Array(sheet.merges.length > 0 ? this.rowCount + 2 : 0);
    this.mergeInStore = new Int32Array(sheet.merges.length > 0 ? stored : 0);
    sheet.merges.forEach((m, index) => {
      // Guard against absurd merges (whole columns): index at most the used area.
      const bottom = Math.min(m.bottom, Math.max(this.rowCount, m.top));
      this.mergedRows.fill(1, Math.min(m.top, this.mergedRows.length), Math.min(bottom + 1, this.mergedRows.length));
      if ((bottom - m.top + 1) * (m.right - m.left + 1) <= CELL_INDEXED_MERGE) {
        for (let r = m.top; r <= bottom; r++) {
          for (let c = m.left; c <= m.right; c++) {
            this.smallMergeCount++;
            const at = this.storeIndex(r, c);
            if (at >= 0) this.mergeInStore[at] = index + 1;
            else this.mergeOfCell.set(r * 16384 + c, index);
          }
        }
      } else {
        for (let r = m.top; r <= bottom; r++) (this.largeMerges[r] ??= []).push(index);
        this.largeMergeCount++;
      }
    });
  }

  /** Where the cell itself sits in the compact store (for caches of per-cell readings), or -1 when it is not stored. */
  storeIndex(row: number, col: number): number {
    if (row < 1 || row > this.rowCount || col < 1) return -1;
    const start = this.rowStart[row - 1];
    return col <= this.rowStart[row] - start ? start + col - 1 : -1;
  }

  /** Per-cell readings other layers cache on the view (one array per key, a place per store index). */
  private readonly memos: { key: object; values: unknown[] }[] = [];

  /** The view's cache for `key`: an array with a place for every store index (see storeIndex). */
  cellMemo<T>(key: object): (T | undefined)[] {
    for (const memo of this.memos) if (memo.key === key) return memo.values as (T | undefined)[];
    const values = new Array<T | undefined>(this.kinds.length);
    this.memos.push({ key, values });
    return values;
  }

  /** How many cells of the row are stored (the row's own cells end there). */
  storedLength(row: number): number {
    return row < 1 || row > this.rowCount ? 0 : this.rowStart[row] - this.rowStart[row - 1];
  }

  /** The kind of the cell itself (merges not followed). */
  kindAt(row: number, col: number): CellKind {
    if (row < 1 || row > this.rowCount || col < 1) return CellKind.empty;
    const start = this.rowStart[row - 1];
    return col <= this.rowStart[row] - start ? (this.kinds[start + col - 1] as CellKind) : CellKind.empty;
  }

  /** The number the cell itself holds (merges not followed); NaN when it holds no number. */
  numberAt(row: number, col: number): number {
    if (row < 1 || row > this.rowCount || col < 1) return NaN;
    const start = this.rowStart[row - 1];
    if (col > this.rowStart[row] - start || this.kinds[start + col - 1] !== CellKind.number) return NaN;
    return this.numbers[start + col - 1];
  }

  /**
   * The amount in cents of the displayed cell for the sums' fast path: 0 for an empty cell, its cents
   * for a number with at most two decimals; undefined for anything else (text, errors, formulas without
   * a result, long decimals), which the full reading decides.
   */
  centsAt(row: number, col: number): number | undefined {
    if (this.mergedRows.length > 0 && !(row >= 0 && row < this.mergedRows.length && this.mergedRows[row] === 0)) {
      const m = this.mergeAt(row, col);
      if (m) {
        row = m.top;
        col = m.left;
      }
    }
    if (row < 1 || row > this.rowCount || col < 1) return 0;
    const start = this.rowStart[row - 1];
    if (col > this.rowStart[row] - start) return 0;
    const at = start + col - 1;
    const kind = this.kinds[at];
    if (kind === CellKind.number) {
      return centsOf(this.numbers[at]);
    }
    return kind === CellKind.empty ? 0 : undefined;
  }

  get name(): string {
    return this.sheet.name;
  }

  /** True when the sheet has any merged area. */
  get hasMerges(): boolean {
    return this.smallMergeCount > 0 || this.largeMergeCount > 0;
  }

  /** The merge covering the cell, if any (also for the master cell itself). */
  mergeAt(row: number, col: number): CellRange | undefined {
    // Of overlapping merges (invalid, but files have them) the one listed last wins.
    if (row >= 0 && row < this.mergedRows.length && this.mergedRows[row] === 0) return undefined;
    let found = -1;
    if (this.smallMergeCount > 0) {
      const at = this.storeIndex(row, col);
      found = at >= 0 ? this.mergeInStore[at] - 1 : (this.mergeOfCell.get(row * 16384 + col) ?? -1);
    }
    if (this.largeMergeCount > 0) {
      const list = this.largeMerges[row];
      if (list) {
        const merges = this.sheet.merges;
        for (let i = list.length - 1; i >= 0 && list[i] > found; i--) {
          const m = merges[list[i]];
          if (col >= m.left && col <= m.right) {
            found = list[i];
            break;
          }
        }
      }
    }
    return found < 0 ? undefined : this.sheet.merges[found];
  }

  /** The master cell's position for a cell inside a merge, or the cell itself. */
  masterOf(row: number, col: number): { row: number; col: number } {
    const m = this.mergeAt(row, col);
    return m ? { row: m.top, col: m.left } : { row, col };
  }

  /** The cell itself, ignoring merges. */
  raw(row: number, col: number): Cell {
    if (row < 1 || col < 1) return EMPTY_CELL;
    return cellAt(this.sheet, row, col);
  }

  /** The cell as displayed: inside a merge, the master's cell. */
  cell(row: number, col: number): Cell {
    const m = this.mergeAt(row, col);
    return m ? this.raw(m.top, m.left) : this.raw(row, col);
  }

  /** Folded (NFKC, no whitespace) text of the displayed cell. */
  text(row: number, col: number): string {
    if (this.mergedRows.length > 0 && !(row >= 0 && row < this.mergedRows.length && this.mergedRows[row] === 0)) {
      const m = this.mergeAt(row, col);
      if (m) {
        row = m.top;
        col = m.left;
      }
    }
    if (row < 1 || row > this.rowCount || col < 1) return "";
    const start = this.rowStart[row - 1];
    if (col > this.rowStart[row] - start) return "";
    const at = start + col - 1;
    const kind = this.kinds[at];
    if (kind === CellKind.empty || kind === CellKind.emptyFormula) return "";
    let folded = this.folded[at];
    if (folded === undefined) folded = this.folded[at] = foldValue(this.sheet.rows[row - 1]![col - 1]!.value);
    return folded;
  }

  /** True when the cell itself holds something (not counting merge coverage). */
  hasOwnValue(row: number, col: number): boolean {
    return this.raw(row, col).type !== "empty";
  }

  /** True when nothing shows in the row between the given columns (merges count as their master). */
  isRowBlank(row: number, left = 1, right = this.columnCount): boolean {
    if (row < 1 || row > this.rowCount) return true;
    const start = this.rowStart[row - 1];
    const last = Math.min(right, this.rowStart[row] - start);
    const kinds = this.kinds;
    for (let c = Math.max(left, 1); c <= last; c++) {
      const kind = kinds[start + c - 1];
      if (kind !== CellKind.empty && kind !== CellKind.emptyFormula) return false;
    }
    return true;
  }

  /** Columns in the row whose own cell holds a value. */
  filledColumns(row: number, left = 1, right = this.columnCount): number[] {
    const cols: number[] = [];
    const line = this.sheet.rows[row - 1];
    if (!line) return cols;
    const last = Math.min(right, line.length);
    for (let c = Math.max(left, 1); c <= last; c++) if (line[c - 1] && line[c - 1]!.type !== "empty") cols.push(c);
    return cols;
  }

  /**
   * The non-empty texts the row shows of its own, left to right: each cell that is no merge's covered
   * part, at its column (a merge counts once, at its master; a merge from a row above not at all).
   * With `words`, figures (cells holding numbers) are left out.
   */
  shownTexts(row: number, words = false): readonly RowText[] {
    const cache = words ? this.words : this.shown;
    let texts = cache[row];
    if (texts !== undefined) return texts;
    // The words are the shown texts without the figures: when those are known, they are shared.
    const shown = words ? this.shown[row] : undefined;
    if (shown !== undefined) {
      texts = shown.some((t) => t.figure) ? shown.filter((t) => !t.figure) : shown;
      if (texts.length === 0) texts = NO_TEXTS;
    } else {
      const base = row >= 1 && row <= this.rowCount ? this.rowStart[row - 1] : 0;
      const length = this.storedLength(row);
      const kinds = this.kinds;
      const list: RowText[] = [];
      const merged = this.hasMerges;
      for (let c = 1; c <= length; c++) {
        const kind = kinds[base + c - 1];
        if (kind === CellKind.empty || kind === CellKind.emptyFormula || (words && kind === CellKind.number)) continue;
        if (merged) {
          const m = this.mergeAt(row, c);
          if (m && (m.top !== row || m.left !== c)) continue;
        }
        const text = this.text(row, c);
        if (text !== "") list.push({ col: c, text, figure: kind === CellKind.number });
      }
      texts = list.length > 0 ? list : NO_TEXTS;
    }
    cache[row] = texts;
    return texts;
  }

  /**
   * The texts shown in a row within the columns of a region, with their columns (merged areas once).
   * A merge that starts left of the region shows its text in each of its columns inside the region.
   * With `words`, figures are left out.
   */
  rowTexts(row: number, left: number, right: number, words = false): readonly RowText[] {
    const texts: RowText[] = [];
    let start = left;
    if (this.hasMerges) {
      const m = this.mergeAt(row, left);
      if (m && m.left < left) {
        const end = Math.min(right, m.right);
        if (m.top === row) {
          const text = this.text(row, left);
          const figure = this.raw(m.top, m.left).type === "number";
          if (text !== "" && !(words && figure)) for (let c = left; c <= end; c++) texts.push({ col: c, text, figure });
        }
        start = end + 1;
      }
    }
    const shown = this.shownTexts(row, words);
    // The whole row inside the region (the usual case): its own list, shared.
    if (texts.length === 0 && (shown.length === 0 || (shown[0].col >= start && shown[shown.length - 1].col <= right))) return shown;
    let lo = 0;
    let hi = shown.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (shown[mid].col < start) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < shown.length && shown[i].col <= right; i++) texts.push(shown[i]);
    return texts;
  }
}

keepShape(new SheetView({ name: "", visibility: "visible", rows: [], merges: [] }));
