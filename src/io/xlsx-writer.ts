// Applies the core's declarative edits to an exceljs workbook (new or loaded) and writes .xlsx
// bytes: the command line's one place that carries out edits. Takes and returns bytes, never paths.
import ExcelJS from "exceljs";
import type { CellFormat, Edit } from "../core/edits";
import { parseRange, type CellRange } from "../core/workbook/address";

const A4 = 9; // paperSize code of the OOXML page setup

export class EditApplyError extends Error {}

/** A new workbook, or the one in `bytes` (an .xlsx to insert into). */
export async function openWorkbook(bytes?: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (bytes) await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

export async function writeWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Applies the edits to a new workbook (or the one in `base`) and returns the .xlsx bytes. */
export async function writeEdits(edits: readonly Edit[], base?: Uint8Array): Promise<Uint8Array> {
  const workbook = await openWorkbook(base);
  await applyEdits(workbook, edits);
  return writeWorkbook(workbook);
}

function sheetOf(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new EditApplyError(`no sheet named ${name}`);
  return sheet;
}

function eachCell(sheet: ExcelJS.Worksheet, range: CellRange, visit: (cell: ExcelJS.Cell) => void): void {
  for (let row = range.top; row <= range.bottom; row++) {
    for (let col = range.left; col <= range.right; col++) visit(sheet.getCell(row, col));
  }
}

function argb(hex: string): string {
  return `FF${hex.replace(/^#/, "").toUpperCase()}`;
}

/** Only the properties a format names change; the rest of each cell's style stays as it was. */
function applyFormat(cell: ExcelJS.Cell, format: CellFormat): void {
  if (format.fill === null) cell.fill = { type: "pattern", pattern: "none" };
  else if (format.fill !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(format.fill) } };
  if (format.bold !== undefined || format.italic !== undefined || format.fontSize !== undefined || format.fontColor !== undefined) {
    cell.font = {
      ...cell.font,
      ...(format.bold !== undefined ? { bold: format.bold } : {}),
      ...(format.italic !== undefined ? { italic: format.italic } : {}),
      ...(format.fontSize !== undefined ? { size: format.fontSize } : {}),
      ...(format.fontColor !== undefined ? { color: { argb: argb(format.fontColor) } } : {}),
    };
  }
  if (format.numberFormat !== undefined) cell.numFmt = format.numberFormat;
  if (format.horizontalAlignment !== undefined || format.verticalAlignment !== undefined || format.wrapText !== undefined) {
    cell.alignment = {
      ...cell.alignment,
      ...(format.horizontalAlignment !== undefined ? { horizontal: format.horizontalAlignment } : {}),
      ...(format.verticalAlignment !== undefined ? { vertical: format.verticalAlignment === "center" ? "middle" : format.verticalAlignment } : {}),
      ...(format.wrapText !== undefined ? { wrapText: format.wrapText } : {}),
    };
  }
  if (format.borders !== undefined) {
    const side: Partial<ExcelJS.Border> = { style: format.borders };
    cell.border = { top: side, left: side, bottom: side, right: side };
  }
  if (format.locked !== undefined) cell.protection = { ...cell.protection, locked: format.locked };
}

function listFormula(source: string | readonly string[]): string {
  if (typeof source !== "string") return `"${source.join(",")}"`;
  return source.startsWith("=") ? source.slice(1) : source;
}

export async function applyEdits(workbook: ExcelJS.Workbook, edits: readonly Edit[]): Promise<void> {
  for (const edit of edits) {
    switch (edit.op) {
      case "addSheet": {
        if (workbook.getWorksheet(edit.sheet)) throw new EditApplyError(`a sheet named ${edit.sheet} already exists`);
        workbook.addWorksheet(edit.sheet, { state: edit.visibility ?? "visible" });
        break;
      }
      case "setValue":
        sheetOf(workbook, edit.sheet).getCell(edit.cell).value = edit.value;
        break;
      case "setFormula": {
        const formula = edit.formula.replace(/^=/, "");
        sheetOf(workbook, edit.sheet).getCell(edit.cell).value =
          edit.result === undefined || edit.result === null ? { formula, date1904: false } : ({ formula, result: edit.result } as ExcelJS.CellFormulaValue);
        break;
      }
      case "setFormat": {
        const sheet = sheetOf(workbook, edit.sheet);
        eachCell(sheet, parseRange(edit.range), (cell) => applyFormat(cell, edit.format));
        break;
      }
      case "merge":
        sheetOf(workbook, edit.sheet).mergeCells(edit.range);
        break;
      case "setColumnWidth":
        sheetOf(workbook, edit.sheet).getColumn(edit.column).width = edit.width;
        break;
      case "setRowHeight":
        sheetOf(workbook, edit.sheet).getRow(edit.row).height = edit.height;
        break;
      case "addListValidation": {
        const sheet = sheetOf(workbook, edit.sheet);
        const formula = listFormula(edit.source);
        eachCell(sheet, parseRange(edit.range), (cell) => {
          cell.dataValidation = {
            type: "list",
            allowBlank: true,
            formulae: [formula],
            showErrorMessage: true,
            ...(edit.prompt ? { showInputMessage: true, prompt: edit.prompt } : {}),
          };
        });
        break;
      }
      case "addNumberValidation": {
        const sheet = sheetOf(workbook, edit.sheet);
        const bounds =
          edit.min !== undefined && edit.max !== undefined
            ? { operator: "between" as const, formulae: [edit.min, edit.max] }
            : edit.min !== undefined
              ? { operator: "greaterThanOrEqual" as const, formulae: [edit.min] }
              : edit.max !== undefined
                ? { operator: "lessThanOrEqual" as const, formulae: [edit.max] }
                : { operator: "between" as const, formulae: [-1e15, 1e15] };
        eachCell(sheet, parseRange(edit.range), (cell) => {
          cell.dataValidation = {
            type: edit.integer ? "whole" : "decimal",
            allowBlank: true,
            showErrorMessage: true,
            ...bounds,
            ...(edit.prompt ? { showInputMessage: true, prompt: edit.prompt } : {}),
          };
        });
        break;
      }
      case "addNote":
        sheetOf(workbook, edit.sheet).getCell(edit.cell).note = edit.text;
        break;
      case "defineName":
        // exceljs keeps names as cell sets; the hidden flag is not written (the sheets behind them are hidden).
        workbook.definedNames.add(edit.reference.replace(/^=/, ""), edit.name);
        break;
      case "setPrintSetup": {
        const sheet = sheetOf(workbook, edit.sheet);
        sheet.pageSetup.paperSize = A4;
        sheet.pageSetup.orientation = edit.orientation;
        if (edit.fitToWidth) {
          sheet.pageSetup.fitToPage = true;
          sheet.pageSetup.fitToWidth = 1;
          sheet.pageSetup.fitToHeight = 0;
        }
        if (edit.printTitleRows) sheet.pageSetup.printTitlesRow = edit.printTitleRows;
        sheet.pageSetup.horizontalCentered = true;
        break;
      }
      case "protectSheet":
        // No password (RULES 5.3): protection guards formulas and labels against slips, not against the user.
        await sheetOf(workbook, edit.sheet).protect("", { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true });
        break;
    }
  }
}
