// What the pane needs from a workbook, as plain async functions. Real Excel (src/excel) and the
// browser harness (src/harness) both provide it, so the components never see Office.js.
import type { Edit } from "../core/edits";
import type { HighlightEdit } from "../core/report/highlights";
import type { WorkbookSnapshot } from "../core/workbook/snapshot";

export interface WorkbookHost {
  /** Reads every sheet (values, formulas, number formats, merges, visibility) into a snapshot. */
  readSnapshot(): Promise<WorkbookSnapshot>;
  /** Replaces the marks of an earlier check by these; never changes a cell's value or own format. */
  applyHighlights(edits: readonly HighlightEdit[]): Promise<void>;
  /** Removes every mark this add-in made; the cells look exactly as their own formatting says. */
  clearHighlights(): Promise<void>;
  /** Activates the sheet and selects the cell, so the user sees what a finding points at. */
  selectCell(sheet: string, cell: string): Promise<void>;
  /** Applies a template's edits (new sheets only, nothing existing is written) and selects `select`. */
  insertTemplate(edits: readonly Edit[], select: { sheet: string; cell: string }): Promise<void>;
}
