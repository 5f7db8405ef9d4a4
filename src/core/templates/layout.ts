// A template is a layout held as data: which cell shows what (label, formula, input), how it is
// styled, merged and restricted. One function turns any layout into edits, so the forms differ
// only in their data and every door inserts them the same way.
import type { CellFormat, Edit } from "../edits";
import { cellAddress, parseCellAddress, parseRange, rangeAddress, type CellRange } from "../workbook/address";
import type { TemplateKind } from "./options";

export type CellValue = number | string | boolean | null;

export type StyleName =
  | "title"
  | "subtitle"
  | "unitNote"
  | "label"
  | "header"
  | "fixedText"
  | "fixedNumber"
  | "textInput"
  | "longTextInput"
  | "choiceInput"
  | "amountInput"
  | "countInput"
  | "scoreInput"
  | "amountFormula"
  | "percentFormula"
  | "scoreFormula"
  | "textFormula";

export type InputValueType = "text" | "choice" | "amount" | "count" | "score" | "indicator-value";

export interface InputSpec {
  /** What the cell asks for, e.g. "projectName", "funds.fiscal", "indicator.target". */
  readonly role: string;
  readonly valueType: InputValueType;
  /** Left empty, a required input is a missing value (RULES P15, 3.5). */
  readonly required: boolean;
  /** A pre-filled default the user may overwrite. */
  readonly initial?: CellValue;
}

export type ListSource = { readonly values: readonly string[] } | { readonly formula: string };

export interface LayoutCell {
  /** The cell, or the master cell of a merge. */
  readonly at: string;
  /** Bottom-right cell when the cell is merged over a range. */
  readonly to?: string;
  readonly style: StyleName;
  readonly text?: CellValue;
  readonly formula?: { readonly text: string; readonly result: CellValue };
  readonly input?: InputSpec;
  readonly list?: ListSource;
  readonly prompt?: string;
  /** Number validation of an input (amounts ≥ 0, head counts, scores). */
  readonly bounds?: { readonly integer: boolean; readonly min?: number; readonly max?: number };
}

export interface TemplateLayout {
  readonly kind: TemplateKind;
  readonly sheet: string;
  readonly packId: string;
  readonly version: string;
  /** The form's title line as the detector names it: project or department name. */
  readonly title: string;
  readonly columnWidths: readonly number[];
  readonly rowHeights: ReadonlyMap<number, number>;
  readonly cells: readonly LayoutCell[];
  /** The form's whole extent: what detection must find. */
  readonly range: CellRange;
  /** First row drawn with grid lines (the title lines above have none). */
  readonly gridFrom: number;
  readonly orientation: "portrait" | "landscape";
  readonly printTitleRows: string;
}

export const TEMPLATE_VERSION = "1";

/** One light fill marks every cell the user is meant to fill in (RULES 5.3). */
export const INPUT_FILL = "#FFF2CC";

const INPUT_BASE: CellFormat = { fill: INPUT_FILL, locked: false, verticalAlignment: "center", wrapText: true };
const LABEL_BASE: CellFormat = { horizontalAlignment: "center", verticalAlignment: "center", wrapText: true, locked: true };

export const STYLE_FORMATS: Readonly<Record<StyleName, CellFormat>> = {
  title: { bold: true, fontSize: 16, horizontalAlignment: "center", verticalAlignment: "center", locked: true },
  subtitle: { fontSize: 11, horizontalAlignment: "center", verticalAlignment: "center", locked: true },
  unitNote: { fontSize: 10, horizontalAlignment: "right", verticalAlignment: "center", locked: true },
  label: LABEL_BASE,
  header: { ...LABEL_BASE, bold: true },
  fixedText: { ...LABEL_BASE, horizontalAlignment: "left" },
  fixedNumber: { ...LABEL_BASE, numberFormat: "0" },
  // Text format keeps 指标值 such as 100% or ≥95% verbatim (RULES 5.1).
  textInput: { ...INPUT_BASE, horizontalAlignment: "left", numberFormat: "@" },
  longTextInput: { ...INPUT_BASE, horizontalAlignment: "left", verticalAlignment: "top", numberFormat: "@" },
  choiceInput: { ...INPUT_BASE, horizontalAlignment: "center", numberFormat: "@" },
  amountInput: { ...INPUT_BASE, horizontalAlignment: "right", numberFormat: "#,##0.00" },
  countInput: { ...INPUT_BASE, horizontalAlignment: "right", numberFormat: "0" },
  scoreInput: { ...INPUT_BASE, horizontalAlignment: "right", numberFormat: "0.00" },
  amountFormula: { horizontalAlignment: "right", verticalAlignment: "center", numberFormat: "#,##0.00", locked: true },
  percentFormula: { horizontalAlignment: "right", verticalAlignment: "center", numberFormat: "0.00%", locked: true },
  scoreFormula: { horizontalAlignment: "right", verticalAlignment: "center", numberFormat: "0.00", locked: true },
  textFormula: { horizontalAlignment: "left", verticalAlignment: "center", wrapText: true, locked: true },
};

/** The input cells of a layout, in sheet order: what the pane's form and the tests fill in. */
export function inputCells(layout: TemplateLayout): LayoutCell[] {
  return layout.cells.filter((c) => c.input !== undefined);
}

function spanOf(cell: LayoutCell): string {
  return cell.to ? `${cell.at}:${cell.to}` : cell.at;
}

function listFormula(source: ListSource): string[] | string {
  return "values" in source ? [...source.values] : source.formula;
}

export function layoutToEdits(layout: TemplateLayout): Edit[] {
  const sheet = layout.sheet;
  const edits: Edit[] = [{ op: "addSheet", sheet }];
  layout.columnWidths.forEach((width, i) => edits.push({ op: "setColumnWidth", sheet, column: i + 1, width }));
  for (const [row, height] of layout.rowHeights) edits.push({ op: "setRowHeight", sheet, row, height });

  const { right, bottom } = layout.range;
  edits.push({
    op: "setFormat",
    sheet,
    range: rangeAddress({ top: layout.gridFrom, left: 1, bottom, right }),
    format: { borders: "thin", fontSize: 10, verticalAlignment: "center", wrapText: true },
  });

  for (const cell of layout.cells) {
    if (cell.formula) {
      edits.push({ op: "setFormula", sheet, cell: cell.at, formula: `=${cell.formula.text}`, result: cell.formula.result });
    } else if (cell.text !== undefined && cell.text !== null && cell.text !== "") {
      edits.push({ op: "setValue", sheet, cell: cell.at, value: cell.text });
    } else if (cell.input?.initial !== undefined && cell.input.initial !== null) {
      edits.push({ op: "setValue", sheet, cell: cell.at, value: cell.input.initial });
    }
    edits.push({ op: "setFormat", sheet, range: spanOf(cell), format: STYLE_FORMATS[cell.style] });
    if (cell.to) edits.push({ op: "merge", sheet, range: spanOf(cell) });
    if (cell.list) {
      edits.push({ op: "addListValidation", sheet, range: cell.at, source: listFormula(cell.list), ...(cell.prompt ? { prompt: cell.prompt } : {}) });
    } else if (cell.bounds) {
      edits.push({ op: "addNumberValidation", sheet, range: cell.at, ...cell.bounds, ...(cell.prompt ? { prompt: cell.prompt } : {}) });
    }
  }
  edits.push({
    op: "setPrintSetup",
    sheet,
    paperSize: "A4",
    orientation: layout.orientation,
    printTitleRows: layout.printTitleRows,
    fitToWidth: true,
  });
  return edits;
}

/** Row and column arithmetic for layouts, so builders say "row r, column C" rather than strings. */
export function at(row: number, column: string): string {
  return `${column}${row}`;
}

export function shiftRow(address: string, rows: number): string {
  const { row, col } = parseCellAddress(address);
  return cellAddress(row + rows, col);
}

export function layoutRange(cells: readonly LayoutCell[]): CellRange {
  let bottom = 1;
  let right = 1;
  for (const cell of cells) {
    const r = parseRange(spanOf(cell));
    bottom = Math.max(bottom, r.bottom);
    right = Math.max(right, r.right);
  }
  return { top: 1, left: 1, bottom, right };
}
