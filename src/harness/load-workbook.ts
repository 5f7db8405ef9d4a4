// Opens an .xlsx as the harness's simulated Excel workbook. Values, formulas, number formats, merges
// and visibility come from the project's own reader (so the harness sees what the command line
// sees, and a corrupt file fails with the reader's bilingual message); each cell's own formatting
// (fill, font colour, bold, borders), the sheets' conditional formats and protection, and the
// defined names are read with exceljs beside it. Ids are numbered as Excel numbers them for a file
// it opens: by position, not as they were in the session that saved the file.
import ExcelJS from "exceljs";
import { parseRange } from "../core/workbook/address";
import { readWorkbook } from "../io/xlsx-reader";
import type { Cell, SheetVisibility, WorkbookSnapshot } from "../core/workbook/snapshot";
import {
  cellKey,
  emptySheet,
  PLAIN_STYLE,
  SimulatedWorkbook,
  type CellStyle,
  type ConditionalFormatType,
  type ExcelSheetVisibility,
  type SimulatedCell,
  type SimulatedConditionalFormat,
  type SimulatedSheet,
} from "./simulated-workbook";

const CF_TYPES: Readonly<Record<string, ConditionalFormatType>> = {
  expression: "Custom",
  cellIs: "CellValue",
  colorScale: "ColorScale",
  dataBar: "DataBar",
  iconSet: "IconSet",
  top10: "TopBottom",
  containsText: "ContainsText",
};

/** A file's conditional formats, in priority order, with ids as Excel gives them on opening. */
type SavedRule = ExcelJS.ConditionalFormattingRule & { formulae?: string[]; style?: Partial<ExcelJS.Style> };
/** What exceljs reads into a worksheet beyond its typings: conditional formats and protection. */
type ReadWorksheet = ExcelJS.Worksheet & {
  conditionalFormattings?: { ref: string; rules: SavedRule[] }[];
  sheetProtection?: { sheet?: boolean; hashValue?: string; password?: string } | null;
};

function conditionalFormatsOf(worksheet: ReadWorksheet | undefined): SimulatedConditionalFormat[] {
  const rules = (worksheet?.conditionalFormattings ?? []).flatMap((formatting) => formatting.rules.map((rule) => ({ ref: formatting.ref, rule })));
  rules.sort((a, b) => (a.rule.priority ?? 0) - (b.rule.priority ?? 0));
  return rules.map(({ ref, rule }, index) => {
    const fill = rule.style?.fill as ExcelJS.FillPattern | undefined;
    return {
      id: String(index + 1),
      type: CF_TYPES[rule.type] ?? "PresetCriteria",
      ranges: ref.split(/\s+/).filter(Boolean).map((range) => parseRange(range)),
      formula: rule.formulae?.[0] !== undefined ? `=${rule.formulae[0]}` : "",
      fill: colourOf(fill?.bgColor),
      fontColor: colourOf(rule.style?.font?.color),
    };
  });
}

export async function loadSimulatedWorkbook(bytes: Uint8Array): Promise<SimulatedWorkbook> {
  const snapshot = await readWorkbook(bytes);
  const styled = new ExcelJS.Workbook();
  await styled.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const workbook = simulatedWorkbookFrom(snapshot, (sheetName) => {
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
  workbook.sheets.forEach((sheet, index) => {
    const worksheet = styled.getWorksheet(sheet.name) as ReadWorksheet | undefined;
    sheet.id = `{00000000-0001-0000-${String(index).padStart(4, "0")}-000000000000}`;
    sheet.conditionalFormats.push(...conditionalFormatsOf(worksheet));
    const protection = worksheet?.sheetProtection;
    if (protection?.sheet) sheet.protection = { protected: true, options: {}, ...(protection.hashValue || protection.password ? { password: "(set in the file)" } : {}) };
  });
  for (const { name, ranges } of (styled.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model) {
    if (ranges[0]) workbook.names.set(name, { reference: `=${ranges[0]}`, visible: true });
  }
  return workbook;
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
