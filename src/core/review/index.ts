// The reviewers' workflow over the engine: a check with the marks in the workbook applied, the review
// report, and re-checking after edits. Every door checks through checkForReview, so the pane, the
// harness and budget-check count the same findings.
import { checkWorkbook, type CheckOptions } from "../engine";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { applyReviewMarks, withoutReviewSheets, type ReviewedResult } from "./marks";
import { isReviewReportSheet } from "./report";

export * from "./marks";
export * from "./recheck";
export * from "./report";

/** checkWorkbook without the add-in's own sheets (marks, 审核报告), then the marks applied. */
export function checkForReview(workbook: WorkbookSnapshot, options: CheckOptions = {}): ReviewedResult {
  const forms = withoutReviewSheets(workbook, (name) => isReviewReportSheet(workbook, name));
  return applyReviewMarks(checkWorkbook(forms, options), workbook);
}
