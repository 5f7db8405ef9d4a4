// Splits a sheet into rectangular blocks of content separated by blank rows or blank columns
// (a recursive XY-cut). Stacked tables with blank rows between them and side-by-side tables with a
// blank column between them fall apart into separate blocks; a merged cell that spans a gap (the
// 绩效指标 label merged down a whole indicator block) keeps its table together.
import type { CellRange } from "../workbook/address";
import { CellKind, SheetView } from "../workbook/sheet-view";
import { isSolidChar } from "../workbook/text";
import type { Cell } from "../workbook/snapshot";
import { keepShape } from "../shapes";

/**
 * Occupied column intervals per row: own non-empty cells plus the area of non-empty merges. The cells'
 * intervals are kept flat (rows come in order); the merges', few and out of order, per row apart.
 */
class Occupancy {
  /** The cells' intervals, flat: left, right, left, right …; row r's are at cellStart[r] … cellStart[r + 1]. */
  private cellIntervals: Int32Array;
  private readonly cellStart: Int32Array;
  /** The merges' intervals by row, flat as above. */
  private readonly mergeIntervals = new Map<number, number[]>();
  private readonly rows: number[] = [];
  private lastRow = 0;
  private sorted = true;

  constructor(view: SheetView) {
    const rowCount = view.sheet.rows.length;
    this.cellStart = new Int32Array(rowCount + 2);
    let intervals = new Int32Array(64);
    let n = 0;
    const push = (left: number, right: number) => {
      if (n + 2 > intervals.length) {
        const grown = new Int32Array(intervals.length * 2);
        grown.set(intervals);
        intervals = grown;
      }
      intervals[n++] = left;
      intervals[n++] = right;
    };
    let filledTo = 1;
    for (const r of view.rowsWithCells) {
      this.cellStart.fill(n, filledTo, r + 1);
      filledTo = r + 1;
      const length = view.storedLength(r);
      // Runs of occupied cells, as intervals.
      let start = 0;
      let end = -1;
      for (let c = 1; c <= length; c++) {
        const kind = view.kindAt(r, c);
        if (kind === CellKind.empty || (kind === CellKind.emptyFormula && !view.raw(r, c).formula)) continue;
        if (kind === CellKind.string && !isSolidChar((view.raw(r, c).value as string).charCodeAt(0)) && view.text(r, c) === "") continue; // whitespace only
        if (c === end + 1) end = c;
        else {
          if (start > 0) push(start, end);
          start = end = c;
        }
      }
      if (start > 0) push(start, end);
      if (n > this.cellStart[r]) this.noteRow(r);
    }
    this.cellStart.fill(n, filledTo);
    this.cellIntervals = intervals;
    for (const m of view.sheet.merges) {
      if (view.raw(m.top, m.left).type === "empty") continue; // an empty merge is formatting, not content
      const bottom = Math.min(m.bottom, rowCount);
      for (let r = m.top; r <= bottom; r++) {
        let list = this.mergeIntervals.get(r);
        if (!list) {
          this.mergeIntervals.set(r, (list = []));
          if (!this.hasCells(r)) this.noteRow(r);
        }
        list.push(m.left, m.right);
      }
    }
  }

  private noteRow(row: number): void {
    if (row < this.lastRow) this.sorted = false;
    this.rows.push(row);
    if (row > this.lastRow) this.lastRow = row;
  }

  private hasCells(row: number): boolean {
    return row >= 1 && row + 1 < this.cellStart.length && this.cellStart[row + 1] > this.cellStart[row];
  }

  rowOccupied(row: number, left: number, right: number): boolean {
    if (this.hasCells(row)) {
      const intervals = this.cellIntervals;
      for (let i = this.cellStart[row], end = this.cellStart[row + 1]; i < end; i += 2) if (intervals[i] <= right && intervals[i + 1] >= left) return true;
    }
    const list = this.mergeIntervals.get(row);
    if (list) for (let i = 0; i < list.length; i += 2) if (list[i] <= right && list[i + 1] >= left) return true;
    return false;
  }

  /** Marks, for columns left..right, whether any row in top..bottom occupies them. */
  columnsOccupied(top: number, bottom: number, left: number, right: number): boolean[] {
    const occupied = new Array<boolean>(right - left + 1).fill(false);
    const mark = (from: number, to: number) => {
      const last = Math.min(to, right);
      for (let c = Math.max(from, left); c <= last; c++) occupied[c - left] = true;
    };
    for (let r = top; r <= bottom; r++) {
      if (this.hasCells(r)) for (let i = this.cellStart[r], end = this.cellStart[r + 1]; i < end; i += 2) mark(this.cellIntervals[i], this.cellIntervals[i + 1]);
      const list = this.mergeIntervals.get(r);
      if (list) for (let i = 0; i < list.length; i += 2) mark(list[i], list[i + 1]);
    }
    return occupied;
  }

  /** The last row that occupies something. */
  get rowCount(): number {
    return this.lastRow;
  }

  /** The occupied rows in ascending order (a used range may be a million rows with a few filled). */
  get occupiedRows(): readonly number[] {
    // Rows come in order from the cells; merges may add rows out of order.
    if (!this.sorted) {
      this.rows.sort((a, b) => a - b);
      this.sorted = true;
    }
    return this.rows;
  }

  /** Runs of consecutive rows in top..bottom that occupy some column in left..right. */
  rowRuns(top: number, bottom: number, left: number, right: number): Run[] {
    const rows = this.occupiedRows;
    let lo = 0;
    let hi = rows.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid] < top) lo = mid + 1;
      else hi = mid;
    }
    const runs: Run[] = [];
    for (let i = lo; i < rows.length && rows[i] <= bottom; i++) {
      const r = rows[i];
      if (!this.rowOccupied(r, left, right)) continue;
      const last = runs[runs.length - 1];
      if (last && last.end === r - 1) last.end = r;
      else runs.push({ start: r, end: r });
    }
    return runs;
  }
}

interface Run {
  start: number;
  end: number;
}

function runsOf(flags: boolean[], offset: number): Run[] {
  const runs: Run[] = [];
  let start = -1;
  for (let i = 0; i <= flags.length; i++) {
    if (i < flags.length && flags[i]) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      runs.push({ start: start + offset, end: i - 1 + offset });
      start = -1;
    }
  }
  return runs;
}

export function segmentSheet(view: SheetView): CellRange[] {
  if (view.rowCount === 0 || view.columnCount === 0) return [];
  const occupancy = new Occupancy(view);
  const blocks: CellRange[] = [];
  const pending: CellRange[] = [{ top: 1, left: 1, bottom: Math.max(view.rowCount, occupancy.rowCount), right: view.columnCount }];
  while (pending.length > 0) {
    const region = pending.pop()!;
    const rowRuns = occupancy.rowRuns(region.top, region.bottom, region.left, region.right);
    if (rowRuns.length === 0) continue;
    if (rowRuns.length > 1) {
      for (const run of rowRuns) pending.push({ top: run.start, bottom: run.end, left: region.left, right: region.right });
      continue;
    }
    const top = rowRuns[0].start;
    const bottom = rowRuns[0].end;
    const colRuns = runsOf(occupancy.columnsOccupied(top, bottom, region.left, region.right), region.left);
    if (colRuns.length > 1) {
      for (const run of colRuns) pending.push({ top, bottom, left: run.start, right: run.end });
      continue;
    }
    blocks.push({ top, bottom, left: colRuns[0].start, right: colRuns[0].end });
  }
  return blocks.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** The tight bounds of the occupied cells of a region (used after a block is cut into tables). */
export function tightBounds(view: SheetView, region: CellRange): CellRange | undefined {
  let top = Infinity;
  let bottom = -Infinity;
  let left = Infinity;
  let right = -Infinity;
  const merged = view.hasMerges;
  const rows = view.sheet.rows;
  const occupied = (r: number, c: number, line: ReadonlyArray<Cell | undefined> | undefined): boolean => {
    const merge = merged ? view.mergeAt(r, c) : undefined;
    if (merge) return view.raw(merge.top, merge.left).type !== "empty" || view.hasOwnValue(r, c);
    const cell = line?.[c - 1];
    if (!cell) return false;
    return cell.type === "empty" ? cell.formula !== undefined : cell.type === "number" || view.text(r, c) !== "" || cell.formula !== undefined;
  };
  for (let r = region.top; r <= region.bottom; r++) {
    const line = rows[r - 1];
    // Without merges, only the row's own cells can be occupied.
    const last = merged ? region.right : Math.min(region.right, line ? line.length : 0);
    // Only the row's first and last occupied columns count: look from each end.
    let first = -1;
    for (let c = region.left; c <= last; c++) {
      if (occupied(r, c, line)) {
        first = c;
        break;
      }
    }
    if (first < 0) continue;
    let end = first;
    for (let c = last; c > first; c--) {
      if (occupied(r, c, line)) {
        end = c;
        break;
      }
    }
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (first < left) left = first;
    if (end > right) right = end;
  }
  return top === Infinity ? undefined : { top, bottom, left, right };
}

keepShape(new Occupancy(new SheetView({ name: "", visibility: "visible", rows: [], merges: [] })));
