// Opens an .xlsx as the harness's simulated Excel workbook. Values, formulas, number formats, merges
// and visibility come from the project's own reader (so the harness sees what the command line
// sees, and a corrupt file fails with the reader's bilingual message); each cell's own formatting
// (fill, font colour, bold, borders) is read with exceljs beside it, for the grid and for the
// "clear restores everything" comparison.
import ExcelJS from "exceljs";
import { readWorkbook } from "../io/xlsx-reader";
import type { Cell, SheetVisibility, WorkbookSnapshot } from "../core/workbook/snapshot";
import { cellKey, emptySheet, PLAIN_STYLE, SimulatedWorkbook, type CellStyle, type ExcelSheetVisibility, type SimulatedCell, type SimulatedSheet } from "./simulated-workbook";

export async function loadSimulatedWorkbook(bytes: Uint8Array): Promise<SimulatedWorkbook> {
  const snapshot = await readWorkbook(bytes);
  const styled = new ExcelJS.Workbook();
  await styled.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return simulatedWorkbookFrom(snapshot, (sheetName) => {
    const worksheet = styled.getWorksheet(sheetName);
    const styles = new Map<string, CellStyle>();
    worksheet?.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
        const style = styleOf(cell);
        if (style) styles.set(cellKey(rowNumber, colNumber), style);
      });
    });
    return styles;
  });
}

/** Builds the simulated workbook from a snapshot (and each sheet's own cell styles, if known). */
export function simulatedWorkbookFrom(
  snapshot: WorkbookSnapshot,
  stylesOf: (sheetName: string) => Map<string, CellStyle> = () => new Map(),
): SimulatedWorkbook {
  const sheets: SimulatedSheet[] = snapshot.sheets.map((sheet) => {
    const cells = new Map<string, SimulatedCell>();
    const styles = stylesOf(sheet.name);
    sheet.rows.forEach((line, r) =>
      line?.forEach((cell, c) => {
        if (!cell) return;
        const key = cellKey(r + 1, c + 1);
        cells.set(key, { ...excelValueOf(cell), numberFormat: cell.numberFormat ?? "General", style: styles.get(key) ?? PLAIN_STYLE });
      }),
    );
    // Formatted cells without a value (borders of an empty table cell, a filled blank).
    for (const [key, style] of styles) {
      if (!cells.has(key)) cells.set(key, { value: "", valueType: "Empty", numberFormat: "General", style });
    }
    const simulated = emptySheet(sheet.name, excelVisibility(sheet.visibility));
    for (const [key, cell] of cells) simulated.cells.set(key, cell);
    simulated.merges.push(...sheet.merges);
    return simulated;
  });
  return new SimulatedWorkbook(sheets);
}

function excelValueOf(cell: Cell): Pick<SimulatedCell, "value" | "valueType" | "formula"> {
  const formula = cell.formula !== undefined ? { formula: `=${cell.formula}` } : {};
  switch (cell.type) {
    case "number":
      return { value: cell.value as number, valueType: "Double", ...formula };
    case "boolean":
      return { value: cell.value as boolean, valueType: "Boolean", ...formula };
    case "error":
      return { value: String(cell.value), valueType: "Error", ...formula };
    case "string":
      return { value: String(cell.value), valueType: "String", ...formula };
    default:
      // A formula showing "" has a result (an empty text); one never calculated has none.
      return { value: "", valueType: cell.formula !== undefined && !cell.uncalculated ? "String" : "Empty", ...formula };
  }
}

function excelVisibility(visibility: SheetVisibility): ExcelSheetVisibility {
  if (visibility === "hidden") return "Hidden";
  if (visibility === "veryHidden") return "VeryHidden";
  return "Visible";
}

function colourOf(colour: Partial<ExcelJS.Color> | undefined): string | null {
  if (!colour) return null;
  if (typeof colour.argb === "string" && colour.argb.length >= 6) return `#${colour.argb.slice(-6).toUpperCase()}`;
  if (typeof colour.theme === "number") return `theme:${colour.theme}`;
  return null;
}

function borderOf(border: Partial<ExcelJS.Border> | undefined): string | null {
  if (!border?.style) return null;
  return `${border.style} ${colourOf(border.color) ?? "auto"}`;
}

function styleOf(cell: ExcelJS.Cell): CellStyle | undefined {
  const fill = cell.fill?.type === "pattern" && cell.fill.pattern !== "none" ? colourOf(cell.fill.fgColor) : null;
  const fontColor = colourOf(cell.font?.color);
  const bold = cell.font?.bold === true;
  const borders = {
    top: borderOf(cell.border?.top),
    bottom: borderOf(cell.border?.bottom),
    left: borderOf(cell.border?.left),
    right: borderOf(cell.border?.right),
  };
  if (!fill && !fontColor && !bold && !borders.top && !borders.bottom && !borders.left && !borders.right) return undefined;
  return { fill, fontColor, bold, borders };
}
