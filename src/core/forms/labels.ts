// Finding labelled fields in a form: a label cell (项目名称, 主管部门 …) and the value written to its right.
import type { CellRange } from "../workbook/address";
import type { SheetView } from "../workbook/sheet-view";
import { cellTextAt, positionOf, type CellPosition, type CellText } from "./cells";

/** The first cell in the rows whose folded text matches the pattern. */
export function findLabel(view: SheetView, range: CellRange, pattern: RegExp, rows?: { top: number; bottom: number }): CellPosition | undefined {
  const top = rows?.top ?? range.top;
  const bottom = rows?.bottom ?? range.bottom;
  for (let r = top; r <= bottom; r++) {
    for (let c = range.left; c <= range.right; c++) {
      const merge = view.mergeAt(r, c);
      if (merge && (merge.top !== r || merge.left !== c)) continue;
      if (pattern.test(view.text(r, c))) return positionOf(r, c);
    }
  }
  return undefined;
}

/** The position just right of a label (past its merge): where its value is typed. */
export function valueCellRightOf(view: SheetView, label: CellPosition): CellPosition {
  const merge = view.mergeAt(label.row, label.col);
  return positionOf(label.row, (merge ? merge.right : label.col) + 1);
}

/** The first value shown right of a label on its row, stopping at the next label-like text. */
export function valueRightOf(view: SheetView, label: CellPosition, range: CellRange, isLabel: (folded: string) => boolean = () => false): CellText | null {
  const start = valueCellRightOf(view, label).col;
  for (let c = start; c <= range.right; c++) {
    const text = cellTextAt(view, label.row, c);
    if (!text) continue;
    if (text.col < start && text.row === label.row) continue;
    if (isLabel(view.text(label.row, c))) return null;
    return text;
  }
  return null;
}

/** A cell that shows an amount: a number, a formula, or digits typed as text. */
export function isAmountLike(view: SheetView, row: number, col: number): boolean {
  const master = view.masterOf(row, col);
  const cell = view.raw(master.row, master.col);
  return cell.type === "number" || cell.formula !== undefined || (cell.type === "string" && /^-?[\d,，.\s]+$/.test(String(cell.value)) && /\d/.test(String(cell.value)));
}

/**
 * The amount under a label that heads a column: a header row of fund labels over a row of amounts
 * (年度资金总额 | 财政拨款 | 其他资金, the figures on the row below). Read so only when the label's row
 * holds at least one other label of the same kind (it is a header row) and the cell below shows an
 * amount, or is empty while a neighbour of the label is another such label; undefined otherwise.
 */
export function amountBelowHeader(view: SheetView, label: CellPosition, range: CellRange, isSibling: (folded: string) => boolean): CellPosition | undefined {
  const merge = view.mergeAt(label.row, label.col);
  const below = (merge ? merge.bottom : label.row) + 1;
  if (below > range.bottom) return undefined;
  // Its siblings sit on its row, or, for a label merged down a two-row header (资金总额 beside 按收入性质分
  // over 财政拨款 | 其他资金), on the header's lower rows.
  let siblings = 0;
  for (let r = label.row; r < below; r++) {
    for (let c = range.left; c <= range.right; c++) {
      const master = view.masterOf(r, c);
      if (master.row !== r || master.col !== c || c === label.col) continue;
      if (isSibling(view.text(r, c))) siblings++;
    }
  }
  if (siblings === 0) return undefined;
  const master = view.masterOf(below, label.col);
  if (master.row !== below) return undefined;
  if (isAmountLike(view, below, label.col)) return positionOf(master.row, master.col);
  // Nothing typed yet: still the value cell when the label stands between labels of its kind (the cell
  // next to it, on either side, is another fund label), so that no value belongs beside it.
  if (view.raw(master.row, master.col).type !== "empty") return undefined;
  const right = valueCellRightOf(view, label);
  const left = label.col > range.left ? view.masterOf(label.row, label.col - 1) : undefined;
  const besideLabel =
    (right.col <= range.right && isSibling(view.text(right.row, right.col))) || (left !== undefined && left.row === label.row && isSibling(view.text(left.row, left.col)));
  return besideLabel ? positionOf(master.row, master.col) : undefined;
}
