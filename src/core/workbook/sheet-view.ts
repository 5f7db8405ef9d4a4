// Read access to a sheet as a reader sees it: a merged area shows its master (top-left) value in
// every cell it covers, and labels are compared in folded form.
import type { CellRange } from "./address";
import { cellAt, EMPTY_CELL, type Cell, type SheetSnapshot } from "./snapshot";
import { foldValue } from "./text";

export class SheetView {
  readonly sheet: SheetSnapshot;
  readonly rowCount: number;
  readonly columnCount: number;
  /** For every covered (non-master) cell of a merge: the merge it belongs to. Key: row * 16384 + col. */
  private readonly mergeOfCell = new Map<number, CellRange>();
  private readonly foldedCache = new Map<number, string>();

  constructor(sheet: SheetSnapshot) {
    this.sheet = sheet;
    this.rowCount = sheet.rows.length;
    let cols = 0;
    for (const row of sheet.rows) if (row && row.length > cols) cols = row.length;
    for (const m of sheet.merges) {
      if (m.right > cols) cols = m.right;
      // Guard against absurd merges (whole columns): index at most the used area.
      const bottom = Math.min(m.bottom, Math.max(this.rowCount, m.top));
      for (let r = m.top; r <= bottom; r++) {
        for (let c = m.left; c <= m.right; c++) this.mergeOfCell.set(r * 16384 + c, m);
      }
    }
    this.columnCount = cols;
  }

  get name(): string {
    return this.sheet.name;
  }

  /** The merge covering the cell, if any (also for the master cell itself). */
  mergeAt(row: number, col: number): CellRange | undefined {
    return this.mergeOfCell.get(row * 16384 + col);
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
    const key = row * 16384 + col;
    let folded = this.foldedCache.get(key);
    if (folded === undefined) {
      const cell = this.cell(row, col);
      folded = cell.type === "empty" ? "" : foldValue(cell.value);
      this.foldedCache.set(key, folded);
    }
    return folded;
  }

  /** True when the cell itself holds something (not counting merge coverage). */
  hasOwnValue(row: number, col: number): boolean {
    return this.raw(row, col).type !== "empty";
  }

  /** True when nothing shows in the row between the given columns (merges count as their master). */
  isRowBlank(row: number, left = 1, right = this.columnCount): boolean {
    for (let c = left; c <= right; c++) if (this.hasOwnValue(row, c)) return false;
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
}
