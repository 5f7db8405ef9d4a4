// What the harness grid shows for one sheet: display text, merges as spans, the fill and font colour
// a user would see in Excel (our conditional formats over the cell's own formatting), the selection
// and which cells have a dropdown.
import { cellAddress, columnLetters, rangeContains } from "../core/workbook/address";
import { cellKey, type SimulatedSheet, type SimulatedWorkbook } from "./simulated-workbook";

export const MAX_GRID_ROWS = 1500;
export const MAX_GRID_COLUMNS = 60;

export interface GridCell {
  readonly address: string;
  readonly text: string;
  readonly rowSpan: number;
  readonly colSpan: number;
  /** Shown colours; only #RRGGBB values (theme colours are not resolved in the harness). */
  readonly fill?: string;
  readonly fontColor?: string;
  readonly bold: boolean;
  readonly highlighted: boolean;
  readonly selected: boolean;
  /** The cell has an in-cell dropdown (a list data validation). */
  readonly dropdown: boolean;
}

export interface GridRow {
  readonly rowNumber: number;
  readonly cells: readonly GridCell[];
}

export interface SheetGrid {
  readonly columnLetters: readonly string[];
  readonly rows: readonly GridRow[];
  readonly truncated: boolean;
}

function rgb(colour: string | null | undefined): string | undefined {
  return colour && /^#[0-9A-F]{6}$/i.test(colour) ? colour : undefined;
}

export function displayText(value: number | string | boolean, numberFormat: string): string {
  if (typeof value === "number") {
    if (numberFormat.includes("%")) return `${(value * 100).toFixed(numberFormat.includes("0.00") ? 2 : 0)}%`;
    if (numberFormat.includes("0.00")) {
      return value.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: numberFormat.includes(",") });
    }
    return String(value);
  }
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

export function sheetGrid(workbook: SimulatedWorkbook, sheet: SimulatedSheet): SheetGrid {
  let lastRow = 1;
  let lastColumn = 1;
  for (const key of sheet.cells.keys()) {
    const [row, col] = key.split(":").map(Number);
    lastRow = Math.max(lastRow, row);
    lastColumn = Math.max(lastColumn, col);
  }
  for (const merge of sheet.merges) {
    lastRow = Math.max(lastRow, merge.bottom);
    lastColumn = Math.max(lastColumn, merge.right);
  }
  const rowLimit = Math.min(lastRow, MAX_GRID_ROWS);
  const columnLimit = Math.min(lastColumn, MAX_GRID_COLUMNS);
  const covered = new Set<string>();
  const spanOf = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const merge of sheet.merges) {
    spanOf.set(cellKey(merge.top, merge.left), {
      rowSpan: Math.min(merge.bottom, rowLimit) - merge.top + 1,
      colSpan: Math.min(merge.right, columnLimit) - merge.left + 1,
    });
    for (let row = merge.top; row <= merge.bottom; row++) {
      for (let col = merge.left; col <= merge.right; col++) if (row !== merge.top || col !== merge.left) covered.add(cellKey(row, col));
    }
  }
  const selection = workbook.selection?.sheet === sheet.name ? workbook.selection.range : undefined;
  const rows: GridRow[] = [];
  for (let row = 1; row <= rowLimit; row++) {
    const cells: GridCell[] = [];
    for (let col = 1; col <= columnLimit; col++) {
      const key = cellKey(row, col);
      if (covered.has(key)) continue;
      const cell = sheet.cells.get(key);
      // The last conditional format added wins, as Excel gives the newest rule the top priority.
      const layer = [...sheet.conditionalFormats].reverse().find((format) => format.ranges.some((range) => rangeContains(range, row, col)));
      const span = spanOf.get(key) ?? { rowSpan: 1, colSpan: 1 };
      cells.push({
        address: cellAddress(row, col),
        text: cell ? displayText(cell.value, cell.numberFormat) : "",
        ...span,
        fill: rgb(layer?.fill) ?? rgb(cell?.style.fill),
        fontColor: rgb(layer?.fontColor) ?? rgb(cell?.style.fontColor),
        bold: cell?.style.bold ?? false,
        highlighted: layer !== undefined,
        selected: selection !== undefined && rangeContains(selection, row, col),
        dropdown: sheet.validations.some((validation) => validation.type === "list" && rangeContains(validation.range, row, col)),
      });
    }
    rows.push({ rowNumber: row, cells });
  }
  return {
    columnLetters: Array.from({ length: columnLimit }, (_, index) => columnLetters(index + 1)),
    rows,
    truncated: lastRow > rowLimit || lastColumn > columnLimit,
  };
}
