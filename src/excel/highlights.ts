// Highlights as Excel keeps them: conditional formats that the add-in adds and later deletes, never
// changes to the cells' own fill, font or borders. So clearing only ever removes our layer: whatever
// the user formatted or typed meanwhile stays exactly as they left it.
//
// The add-in's rules are recognised by their content, not by a stored id: ConditionalFormat.id is
// the format's priority in its collection and worksheet ids change on reopening (see
// office-contract.test.ts), so an id kept in the document could point at the user's own rule later.
// Every rule we add carries HIGHLIGHT_MARKER in its formula, a text constant that Excel keeps through
// saving, renaming and copying a sheet. Nothing is remembered between calls, so a batch that fails
// half-way leaves nothing that a later clear cannot find.
//
// Protected sheets refuse conditional formats. The add-in's own template sheets (named in the
// template marker sheet, always protected without a password) and sheets that already carry our
// rules are unprotected, changed and protected again with the same options in the same batch; any
// other protected sheet keeps its findings unmarked, and the pane says why.
import type { HighlightEdit } from "../core/report/highlights";
import { MARKER_SHEET, MAX_TEMPLATES, referencedSheet } from "../core/templates";
import type { HighlightOutcome, UnmarkedSheet } from "../taskpane/workbook-host";

/** A text constant in every rule the add-in adds; the rule itself is always true. */
export const HIGHLIGHT_MARKER = "BudgetCheck.highlight";
export const HIGHLIGHT_FORMULA = `=ISTEXT("${HIGHLIGHT_MARKER}")`;

export function isHighlightFormula(formula: unknown): boolean {
  return typeof formula === "string" && formula.includes(`"${HIGHLIGHT_MARKER}"`);
}

/** The write of a highlight batch failed: the sheets it was changing (to retry one by one) and the
 *  protection each had, to put back where the failure left a sheet unprotected. */
export class HighlightWriteError extends Error {
  constructor(
    readonly sheets: readonly { readonly sheet: string; readonly protection: Excel.WorksheetProtectionOptions | undefined }[],
    /** Sheets already known to stay unmarked before the write was tried. */
    readonly unmarked: readonly UnmarkedSheet[],
    readonly failure: unknown,
  ) {
    super(failure instanceof Error ? failure.message : String(failure));
  }
}

interface SheetPlan {
  readonly worksheet: Excel.Worksheet;
  readonly ours: readonly Excel.ConditionalFormat[];
  readonly edits: readonly HighlightEdit[];
  /** The protection options to restore once changed; undefined for an unprotected sheet. */
  readonly reprotect: Excel.WorksheetProtectionOptions | undefined;
}

/**
 * The one place that applies highlight edits: deletes the add-in's rules on every sheet (or on
 * `onlySheet`), adds one rule per edit. Three syncs whatever the number of edits or sheets: the
 * sheet list with protection; every sheet's conditional formats and the template marker links; the
 * writes. Throws HighlightWriteError when the writes fail, so the caller can go sheet by sheet.
 */
export async function replaceHighlights(context: Excel.RequestContext, edits: readonly HighlightEdit[], onlySheet?: string): Promise<HighlightOutcome> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/protection/protected,items/protection/options");
  await context.sync();

  const present = new Set(worksheets.items.map((worksheet) => worksheet.name));
  const marker = worksheets.items.find((worksheet) => worksheet.name === MARKER_SHEET);
  const markerLinks = marker?.getRange(`A2:A${MAX_TEMPLATES + 1}`);
  markerLinks?.load("formulas");
  const scanned = worksheets.items
    .filter((worksheet) => onlySheet === undefined || worksheet.name === onlySheet)
    .map((worksheet) => {
      // customOrNullObject: loading `custom` fails when the sheet also has rules of other types (office-js issue 2180).
      const formats = worksheet.getRange().conditionalFormats;
      formats.load("items/type,items/customOrNullObject/rule/formula");
      return { worksheet, formats };
    });
  await context.sync();

  const templateSheets = new Set(
    (markerLinks?.formulas ?? []).map((row) => referencedSheet(typeof row[0] === "string" ? row[0].replace(/^=/, "") : undefined)).filter((name): name is string => name !== undefined),
  );
  const editsBySheet = new Map<string, HighlightEdit[]>();
  for (const edit of edits) editsBySheet.set(edit.sheet, [...(editsBySheet.get(edit.sheet) ?? []), edit]);

  const unmarked: UnmarkedSheet[] = [];
  // Findings on a sheet renamed or deleted since the check: nothing to mark, and getItem would fail the batch.
  for (const sheet of editsBySheet.keys()) if (!present.has(sheet)) unmarked.push({ sheet, reason: "missing" });

  const plans: SheetPlan[] = [];
  for (const { worksheet, formats } of scanned) {
    const ours = formats.items.filter((format) => format.type === "Custom" && isHighlightFormula(format.customOrNullObject.rule.formula));
    const sheetEdits = editsBySheet.get(worksheet.name) ?? [];
    if (ours.length === 0 && sheetEdits.length === 0) continue;
    const isProtected = worksheet.protection.protected;
    if (isProtected && !templateSheets.has(worksheet.name) && ours.length === 0) {
      unmarked.push({ sheet: worksheet.name, reason: "protected" });
      continue;
    }
    plans.push({ worksheet, ours, edits: sheetEdits, reprotect: isProtected ? worksheet.protection.options : undefined });
  }

  // Unprotected sheets first: if lifting a protection is refused, the other sheets are already done.
  plans.sort((a, b) => Number(a.reprotect !== undefined) - Number(b.reprotect !== undefined));
  for (const plan of plans) queueSheetPlan(plan);
  try {
    await context.sync();
  } catch (error) {
    throw new HighlightWriteError(
      plans.map((plan) => ({ sheet: plan.worksheet.name, protection: plan.reprotect })),
      unmarked,
      error,
    );
  }
  return { unmarked };
}

/** Unprotect (our own sheets only), delete our rules, add the new ones, protect again as it was. */
function queueSheetPlan({ worksheet, ours, edits, reprotect }: SheetPlan): void {
  if (reprotect) worksheet.protection.unprotect();
  for (const format of ours) format.delete();
  for (const edit of edits) {
    const format = worksheet.getRanges(edit.ranges.join(",")).conditionalFormats.add("Custom");
    format.custom.rule.formula = HIGHLIGHT_FORMULA;
    format.custom.format.fill.color = edit.fill;
    format.custom.format.font.color = edit.fontColor;
  }
  if (reprotect) worksheet.protection.protect(reprotect);
}

/** After a refused write on a sheet we had unprotected: protect it again if it was left open. */
export async function restoreProtection(context: Excel.RequestContext, sheet: string, wasProtected: Excel.WorksheetProtectionOptions | undefined): Promise<void> {
  if (!wasProtected) return;
  const worksheet = context.workbook.worksheets.getItemOrNullObject(sheet);
  worksheet.load("protection/protected");
  await context.sync();
  if (worksheet.isNullObject || worksheet.protection.protected) return;
  worksheet.protection.protect(wasProtected);
  await context.sync();
}
