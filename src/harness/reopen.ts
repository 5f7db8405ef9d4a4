// Saving the simulated workbook as a real .xlsx (exceljs) and opening it again, as a user saves,
// closes and reopens a file in Excel. What survives is what a file keeps: values, formulas with their
// results, number formats, cell styles, merges, visibility, sheet protection, conditional formats.
// What does not is what Excel keeps only per session: worksheet ids (office-js-docs issue 297,
// office-js issue 1390) and conditional-format ids, which Excel documents as the format's priority
// in its collection. The reopened workbook numbers both afresh, so an id saved before can name
// another sheet's or another rule's object afterwards.
import ExcelJS from "exceljs";
import { rangeAddress, type CellRange } from "../core/workbook/address";
import { loadSimulatedWorkbook } from "./load-workbook";
import type { SimulatedConditionalFormat, SimulatedSheet, SimulatedWorkbook } from "./simulated-workbook";

const argb = (colour: string) => (colour.startsWith("#") ? `FF${colour.slice(1).toUpperCase()}` : "FF000000");

function borderOf(description: string | null): Partial<ExcelJS.Border> | undefined {
  if (!description) return undefined;
  const [style, colour] = description.split(" ");
  return { style: style as ExcelJS.BorderStyle, ...(colour && colour !== "auto" && colour.startsWith("#") ? { color: { argb: argb(colour) } } : {}) };
}

function ruleOf(format: SimulatedConditionalFormat, priority: number): ExcelJS.ConditionalFormattingRule {
  const style: Partial<ExcelJS.Style> = {
    ...(format.fill ? { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(format.fill) } } as ExcelJS.Fill } : {}),
    ...(format.fontColor ? { font: { color: { argb: argb(format.fontColor) } } } : {}),
  };
  const formula = format.formula.replace(/^=/, "");
  switch (format.type) {
    case "Custom":
      return { type: "expression", priority, formulae: [formula], style } as ExcelJS.ConditionalFormattingRule;
    case "CellValue":
      return { type: "cellIs", priority, operator: "greaterThan", formulae: [formula || "0"], style } as ExcelJS.ConditionalFormattingRule;
    case "ColorScale":
      return { type: "colorScale", priority, cfvo: [{ type: "min" }, { type: "max" }], color: [{ argb: "FFF8696B" }, { argb: "FF63BE7B" }] } as ExcelJS.ConditionalFormattingRule;
    case "DataBar":
      return { type: "dataBar", priority, cfvo: [{ type: "min" }, { type: "max" }], color: { argb: "FF638EC6" } } as unknown as ExcelJS.ConditionalFormattingRule;
    case "IconSet":
      return { type: "iconSet", priority, iconSet: "3TrafficLights", cfvo: [{ type: "percent", value: 0 }, { type: "percent", value: 33 }, { type: "percent", value: 67 }] } as unknown as ExcelJS.ConditionalFormattingRule;
    default:
      throw new Error(`a ${format.type} conditional format is not saved by this harness`);
  }
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: SimulatedSheet, priorityStart: number): number {
  const worksheet = workbook.addWorksheet(sheet.name, { state: sheet.visibility === "Visible" ? "visible" : sheet.visibility === "Hidden" ? "hidden" : "veryHidden" });
  for (const [key, cell] of sheet.cells) {
    const [row, col] = key.split(":").map(Number);
    const target = worksheet.getCell(row, col);
    const result = cell.valueType === "Empty" ? undefined : cell.valueType === "Error" ? { error: String(cell.value) } : cell.value;
    if (cell.formula) target.value = { formula: cell.formula.replace(/^=/, ""), result } as ExcelJS.CellFormulaValue;
    else if (cell.valueType === "Error") target.value = { error: String(cell.value) } as ExcelJS.CellErrorValue;
    else if (cell.valueType !== "Empty") target.value = cell.value;
    if (cell.numberFormat && cell.numberFormat !== "General") target.numFmt = cell.numberFormat;
    const style = cell.style;
    if (style.fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
    if (style.fontColor || style.bold) target.font = { ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}), ...(style.bold ? { bold: true } : {}) };
    const border = { top: borderOf(style.borders.top), bottom: borderOf(style.borders.bottom), left: borderOf(style.borders.left), right: borderOf(style.borders.right) };
    if (border.top || border.bottom || border.left || border.right) target.border = border as ExcelJS.Borders;
  }
  for (const merge of sheet.merges) worksheet.mergeCells(merge.top, merge.left, merge.bottom, merge.right);
  let priority = priorityStart;
  for (const format of sheet.conditionalFormats) {
    worksheet.addConditionalFormatting({ ref: format.ranges.map((range: CellRange) => rangeAddress(range)).join(" "), rules: [ruleOf(format, priority++)] });
  }
  if (sheet.protection.protected) {
    (worksheet as unknown as { sheetProtection: unknown }).sheetProtection = { sheet: true, ...(sheet.protection.password ? { hashValue: "saved", algorithmName: "SHA-512", saltValue: "c2FsdA==", spinCount: 1 } : {}) } as never;
  }
  return priority;
}

/** The workbook as .xlsx bytes. */
export async function saveWorkbook(workbook: SimulatedWorkbook): Promise<Uint8Array> {
  const file = new ExcelJS.Workbook();
  let priority = 1;
  for (const sheet of workbook.sheets) priority = writeSheet(file, sheet, priority);
  for (const [name, definition] of workbook.names) {
    const reference = definition.reference.replace(/^=/, "");
    if (/^'?[^!]+'?!\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/.test(reference)) file.definedNames.add(reference, name);
  }
  return new Uint8Array(await file.xlsx.writeBuffer());
}

/** Save, close and open again: a new workbook object with the file's content and fresh ids. */
export async function reopenWorkbook(workbook: SimulatedWorkbook): Promise<SimulatedWorkbook> {
  const reopened = await loadSimulatedWorkbook(await saveWorkbook(workbook));
  reopened.limits = { ...workbook.limits };
  return reopened;
}
