// The Office.js door's one place that applies a template's edits (src/core/templates): a new form
// sheet, its hidden support sheets and names, written in a single sync, then the new sheet shown with
// its first input cell selected. A sync is not a transaction: if Excel refuses an edit part-way, the
// edits before it stay. So the sheets and names that exist are read first, and a failed insertion is
// taken away again (new sheets, new names, cells written on earlier support sheets): no half-built
// form remains.
//
// Requirement sets: worksheets, values, formats, merges and protection are ExcelApi 1.1–1.2, names
// 1.4, data validation 1.8, Worksheet.pageLayout 1.9, NamedItem.visible 1.4, notes 1.18. Page setup
// and notes are optional extras of a form, so they are skipped where the host lacks them; the rest
// is below the manifest's floor (1.13).
import type { CellFormat, Edit } from "../core/edits";
import { MARKER_SHEET } from "../core/templates";
import { parseRange } from "../core/workbook/address";
import type { InsertionContext } from "../taskpane/new-project";

/** Office.context.requirements.isSetSupported, or a stand-in (the harness, tests). */
export type RequirementCheck = (set: string, version: string) => boolean;

/** The cell to show once the template is in: the form's sheet and its first input cell. */
export interface InsertionTarget {
  readonly sheet: string;
  readonly cell: string;
}

export class TemplateEditError extends Error {}

/**
 * What planning a template needs from the workbook, and nothing more: the sheet names, and how many
 * rows the template marker sheet uses (each inserted template has one). One sync, two when the
 * workbook already holds templates.
 */
export async function readInsertionContext(context: Excel.RequestContext): Promise<InsertionContext> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const sheetNames = worksheets.items.map((worksheet) => worksheet.name);
  const marker = worksheets.items.find((worksheet) => worksheet.name === MARKER_SHEET);
  if (!marker) return { sheetNames, templateCount: 0 };
  const used = marker.getUsedRangeOrNullObject(true);
  used.load("rowIndex,rowCount");
  await context.sync();
  // As the core's insertionContext: every used row under the header counts, valid or not.
  return { sheetNames, templateCount: used.isNullObject ? 0 : Math.max(0, used.rowIndex + used.rowCount - 1) };
}

export function officeRequirements(set: string, version: string): boolean {
  return typeof Office !== "undefined" && Office.context?.requirements?.isSetSupported(set, version) === true;
}

const VISIBILITY: Readonly<Record<"visible" | "hidden" | "veryHidden", `${Excel.SheetVisibility}`>> = {
  visible: "Visible",
  hidden: "Hidden",
  veryHidden: "VeryHidden",
};

const BORDER_LINES: Readonly<Record<NonNullable<CellFormat["borders"]>, { style: `${Excel.BorderLineStyle}`; weight: `${Excel.BorderWeight}` }>> = {
  thin: { style: "Continuous", weight: "Thin" },
  medium: { style: "Continuous", weight: "Medium" },
  thick: { style: "Continuous", weight: "Thick" },
  dashed: { style: "Dash", weight: "Thin" },
  dotted: { style: "Dot", weight: "Thin" },
  double: { style: "Double", weight: "Thick" },
};

const ALIGN: Readonly<Record<"left" | "center" | "right" | "top" | "bottom", string>> = { left: "Left", center: "Center", right: "Right", top: "Top", bottom: "Bottom" };

/** Column widths in edits are Excel's character widths (as in .xlsx); Office.js takes points.
 *  A character of the default font is 7 px plus 5 px padding, and a pixel is 0.75 pt. */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** A 2-D array of the range's shape holding one value: what Range.numberFormat takes. */
function filled<T>(range: string, value: T): T[][] {
  const { top, left, bottom, right } = parseRange(range);
  return Array.from({ length: bottom - top + 1 }, () => Array.from({ length: right - left + 1 }, () => value));
}

/** Text Excel would turn into something else when typed (a number, percentage, date or formula)
 *  gets an apostrophe, which Excel keeps as "this is text" and does not show. */
function typedText(value: string | number | boolean | null): string | number | boolean {
  if (value === null) return "";
  if (typeof value !== "string") return value;
  return /^\s*[-+=@'\d.]/.test(value) || /%\s*$/.test(value) ? `'${value}` : value;
}

function applyFormat(range: Excel.Range, address: string, format: CellFormat): void {
  const { top, left, bottom, right } = parseRange(address);
  if (format.fill === null) range.format.fill.clear();
  else if (format.fill !== undefined) range.format.fill.color = format.fill;
  if (format.fontColor !== undefined) range.format.font.color = format.fontColor;
  if (format.bold !== undefined) range.format.font.bold = format.bold;
  if (format.italic !== undefined) range.format.font.italic = format.italic;
  if (format.fontSize !== undefined) range.format.font.size = format.fontSize;
  if (format.numberFormat !== undefined) range.numberFormat = filled(address, format.numberFormat);
  if (format.horizontalAlignment !== undefined) range.format.horizontalAlignment = ALIGN[format.horizontalAlignment] as Excel.HorizontalAlignment;
  if (format.verticalAlignment !== undefined) range.format.verticalAlignment = ALIGN[format.verticalAlignment] as Excel.VerticalAlignment;
  if (format.wrapText !== undefined) range.format.wrapText = format.wrapText;
  if (format.locked !== undefined) range.format.protection.locked = format.locked;
  if (format.borders !== undefined) {
    const line = BORDER_LINES[format.borders];
    const edges: `${Excel.BorderIndex}`[] = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    // Inside borders exist only where the range has more than one row or column.
    if (bottom > top) edges.push("InsideHorizontal");
    if (right > left) edges.push("InsideVertical");
    for (const edge of edges) {
      const border = range.format.borders.getItem(edge);
      border.style = line.style;
      border.weight = line.weight;
    }
  }
}

function numberRule(edit: Extract<Edit, { op: "addNumberValidation" }>): Excel.DataValidationRule {
  const bounds: Excel.BasicDataValidation =
    edit.min !== undefined && edit.max !== undefined
      ? { operator: "Between", formula1: edit.min, formula2: edit.max }
      : edit.min !== undefined
        ? { operator: "GreaterThanOrEqualTo", formula1: edit.min }
        : edit.max !== undefined
          ? { operator: "LessThanOrEqualTo", formula1: edit.max }
          : { operator: "Between", formula1: -1e15, formula2: 1e15 };
  return edit.integer ? { wholeNumber: bounds } : { decimal: bounds };
}

/**
 * Applies a template's edits and shows its first input cell, in one sync whatever the number of
 * edits: every call only queues work, and Excel runs the queue in order, so the sheet exists before
 * it is written and is written before it is protected. Selecting needs no extra sync either: the
 * activate and select calls are queued after the writes of the same batch.
 */
export async function insertTemplate(context: Excel.RequestContext, edits: readonly Edit[], target: InsertionTarget, supports: RequirementCheck): Promise<void> {
  if (edits.some((edit) => edit.op === "highlight")) throw new TemplateEditError("a highlight is not part of a template; highlights go through replaceHighlights");
  const workbook = context.workbook;
  const before = await existingNames(context);
  const newSheets = edits.flatMap((edit) => (edit.op === "addSheet" ? [edit.sheet] : []));
  const newNames = edits.flatMap((edit) => (edit.op === "defineName" ? [edit.name] : []));
  const taken = [...newSheets.filter((name) => before.sheets.has(name.toLowerCase())), ...newNames.filter((name) => before.names.has(name.toLowerCase()))];
  if (taken.length > 0) throw new TemplateEditError(`already in the workbook: ${taken.join(", ")}`);

  const added = new Map<string, Excel.Worksheet>();
  const sheet = (name: string) => added.get(name) ?? workbook.worksheets.getItem(name);
  const printSetup = supports("ExcelApi", "1.9");
  const notes = supports("ExcelApi", "1.18");

  for (const edit of edits) {
    switch (edit.op) {
      case "addSheet": {
        const worksheet = workbook.worksheets.add(edit.sheet);
        if (edit.visibility && edit.visibility !== "visible") worksheet.visibility = VISIBILITY[edit.visibility] as Excel.SheetVisibility;
        added.set(edit.sheet, worksheet);
        break;
      }
      case "setValue":
        sheet(edit.sheet).getRange(edit.cell).values = [[typedText(edit.value)]];
        break;
      case "setFormula":
        // Excel calculates it; the cached result in the edit is for doors that cannot.
        sheet(edit.sheet).getRange(edit.cell).formulas = [[edit.formula]];
        break;
      case "setFormat":
        applyFormat(sheet(edit.sheet).getRange(edit.range), edit.range, edit.format);
        break;
      case "merge":
        sheet(edit.sheet).getRange(edit.range).merge(false);
        break;
      case "setColumnWidth":
        sheet(edit.sheet).getRangeByIndexes(0, edit.column - 1, 1, 1).format.columnWidth = columnWidthPoints(edit.width);
        break;
      case "setRowHeight":
        sheet(edit.sheet).getRangeByIndexes(edit.row - 1, 0, 1, 1).format.rowHeight = edit.height;
        break;
      case "addListValidation": {
        const validation = sheet(edit.sheet).getRange(edit.range).dataValidation;
        const source = typeof edit.source === "string" ? edit.source : edit.source.join(",");
        validation.rule = { list: { inCellDropDown: true, source } };
        if (edit.prompt) validation.prompt = { showPrompt: true, message: edit.prompt, title: "" };
        break;
      }
      case "addNumberValidation": {
        const validation = sheet(edit.sheet).getRange(edit.range).dataValidation;
        validation.rule = numberRule(edit);
        if (edit.prompt) validation.prompt = { showPrompt: true, message: edit.prompt, title: "" };
        break;
      }
      case "addNote":
        // Classic notes are ExcelApi 1.18; without it the note is left out (the form works without it).
        if (notes) workbook.notes.add(sheet(edit.sheet).getRange(edit.cell), edit.text);
        break;
      case "defineName": {
        const name = workbook.names.add(edit.name, edit.reference.startsWith("=") ? edit.reference : `=${edit.reference}`);
        if (edit.hidden) name.visible = false;
        break;
      }
      case "setPrintSetup": {
        // Worksheet.pageLayout is ExcelApi 1.9; without it the sheet prints with Excel's defaults.
        if (!printSetup) break;
        const layout = sheet(edit.sheet).pageLayout;
        layout.paperSize = "A4" as Excel.PaperType;
        layout.orientation = (edit.orientation === "landscape" ? "Landscape" : "Portrait") as Excel.PageOrientation;
        layout.centerHorizontally = true;
        if (edit.fitToWidth) layout.zoom = { horizontalFitToPages: 1 };
        if (edit.printTitleRows) layout.setPrintTitleRows(edit.printTitleRows.replace(/(\d+)/g, "$$$1"));
        break;
      }
      case "protectSheet":
        // No password (RULES 5.3): it guards formulas and labels against slips; users can unprotect.
        sheet(edit.sheet).protection.protect({ allowFormatRows: true, allowFormatColumns: true });
        break;
      case "highlight":
        break;
    }
  }
  const shown = sheet(target.sheet);
  shown.activate();
  shown.getRange(target.cell).select();
  try {
    await context.sync();
  } catch (error) {
    await takeAway(context, edits, before);
    throw error;
  }
}

interface ExistingNames {
  /** Lower case: Excel's sheet and defined names ignore case. */
  readonly sheets: ReadonlySet<string>;
  readonly names: ReadonlySet<string>;
}

async function existingNames(context: Excel.RequestContext): Promise<ExistingNames> {
  const worksheets = context.workbook.worksheets;
  const names = context.workbook.names;
  worksheets.load("items/name");
  names.load("items/name");
  await context.sync();
  return {
    sheets: new Set(worksheets.items.map((worksheet) => worksheet.name.toLowerCase())),
    names: new Set(names.items.map((name) => name.name.toLowerCase())),
  };
}

/**
 * After a refused insertion: deletes the names and sheets it added (a very hidden sheet must be made
 * hidden before Excel deletes it, office-js issue 365) and clears the cells it wrote on support
 * sheets that were there before. Two syncs; only on failure.
 */
async function takeAway(context: Excel.RequestContext, edits: readonly Edit[], before: ExistingNames): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const names = context.workbook.names;
  worksheets.load("items/name,items/visibility");
  names.load("items/name");
  await context.sync();
  const addedSheets = new Set(edits.flatMap((edit) => (edit.op === "addSheet" ? [edit.sheet.toLowerCase()] : [])));
  const addedNames = new Set(edits.flatMap((edit) => (edit.op === "defineName" ? [edit.name.toLowerCase()] : [])));
  for (const name of names.items) {
    const key = name.name.toLowerCase();
    if (addedNames.has(key) && !before.names.has(key)) name.delete();
  }
  for (const worksheet of worksheets.items) {
    const key = worksheet.name.toLowerCase();
    if (!addedSheets.has(key) || before.sheets.has(key)) continue;
    if (worksheet.visibility === "VeryHidden") worksheet.visibility = "Hidden" as Excel.SheetVisibility;
    worksheet.delete();
  }
  for (const edit of edits) {
    if ((edit.op === "setValue" || edit.op === "setFormula") && before.sheets.has(edit.sheet.toLowerCase())) {
      worksheets.getItem(edit.sheet).getRange(edit.cell).clear("Contents");
    }
  }
  await context.sync();
}
