// What the pane needs from a workbook, as plain async functions. Real Excel (src/excel) and the
// browser harness (src/harness) both provide it, so the components never see Office.js.
import type { Edit } from "../core/edits";
import type { HighlightEdit } from "../core/report/highlights";
import type { AreaRead, AreaRequest, ChangeSignal } from "../core/review";
import type { WorkbookSnapshot } from "../core/workbook/snapshot";
import type { InsertionContext } from "./new-project";

/** A sheet whose findings stay unmarked (or whose old marks stay): gone since the check, protected
 *  by the user, or Excel refused the change. */
export interface UnmarkedSheet {
  readonly sheet: string;
  readonly reason: "missing" | "protected" | "refused";
  readonly detail?: string;
}

export interface HighlightOutcome {
  readonly unmarked: readonly UnmarkedSheet[];
}

export type SelectOutcome = { readonly kind: "selected" } | { readonly kind: "hidden"; readonly visibility: "hidden" | "veryHidden" };

export interface WorkbookHost {
  /** Reads every sheet (values, formulas, number formats, merges, visibility) into a snapshot. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /** Whether Excel calculates by hand only, so that formula results may be stale. */
  readCalculation(): Promise<{ readonly manual: boolean }>;
  /** Has Excel recalculate the workbook now. */
  recalculate(): Promise<void>;
  /** Replaces the marks of an earlier check by these; never changes a cell's value or own format. */
  applyHighlights(edits: readonly HighlightEdit[]): Promise<HighlightOutcome>;
  /** Removes every mark this add-in made; the cells look exactly as their own formatting says. */
  clearHighlights(): Promise<HighlightOutcome>;
  /** Activates the sheet and selects the cell, so the user sees what a finding points at; a hidden
   *  sheet is left hidden and said so. */
  selectCell(sheet: string, cell: string): Promise<SelectOutcome>;
  /** Makes a hidden sheet visible, then activates it and selects the cell. */
  showSheetAndSelect(sheet: string, cell: string): Promise<void>;
  /** What planning a new form needs: sheet names and the count of inserted templates. */
  readInsertionContext(): Promise<InsertionContext>;
  /** Applies a template's edits (new sheets only, nothing existing is written) and selects `select`. */
  insertTemplate(edits: readonly Edit[], select: { sheet: string; cell: string }): Promise<void>;
  /** Saves an accepted mark (its row values) in the workbook's very hidden mark sheet, in one batch. */
  saveMark(values: readonly string[]): Promise<void>;
  /** Resets the marks of a finding (rule, sheet, cell). */
  resetMark(mark: { rule: string; sheet: string; cell: string }): Promise<void>;
  /** Inserts or refreshes the 审核报告 sheet with these rows; answers the sheet's name. */
  writeReviewReport(rows: readonly (readonly (string | number)[])[], widths: readonly number[]): Promise<string>;
  /** Reads only these areas (a table's range, or a whole sheet when no range is given). */
  readAreas(requests: readonly AreaRequest[]): Promise<AreaRead[]>;
  /** Calls `onSignal` for every change Excel reports; answers the way to stop. */
  watchChanges(onSignal: (signal: ChangeSignal) => void): Promise<() => Promise<void>>;
}
