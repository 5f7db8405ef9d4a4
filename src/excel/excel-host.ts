// The Office.js door: reads a workbook snapshot (read-snapshot.ts), applies and removes highlights
// (highlights.ts), selects cells, inserts templates (insert-template.ts).
//
// Every batch runs with delayForCellEdit, so an action started while the user is typing in a cell
// waits until they leave the cell instead of failing.
//
// Requirement floor (see manifest.xml): Range.getMergedAreasOrNullObject is ExcelApi 1.13; everything
// else used here is older (getRanges / conditional formats on RangeAreas 1.9, getRangeByIndexes 1.7,
// customOrNullObject and conditional formats 1.6, getItemOrNullObject / getUsedRangeOrNullObject 1.4,
// protection 1.2, calculationMode and calculate 1.1). office-contract.test.ts cites each call.
import type { HighlightEdit } from "../core/report/highlights";
import type { HighlightOutcome, UnmarkedSheet, WorkbookHost } from "../taskpane/workbook-host";
import { HighlightWriteError, replaceHighlights, restoreProtection } from "./highlights";
import { insertTemplate, officeRequirements, readInsertionContext, type RequirementCheck } from "./insert-template";
import { readSnapshot } from "./read-snapshot";
import { clearMark, readChangedAreas, watchChanges, worksheetName, writeMark, writeReviewReport } from "./review";

/** Excel.run(options, batch), or the harness's stand-in for it. */
export type ExcelBatchRunner = <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Options of every batch: wait for the user to leave cell edit mode rather than fail. */
export const RUN_OPTIONS: Excel.RunOptions = { delayForCellEdit: true };

/** `supports` answers requirement-set questions: Office.js's own by default, the harness's in the harness. */
export function createExcelHost(runBatch: ExcelBatchRunner, supports: RequirementCheck = officeRequirements): WorkbookHost {
  const run = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => runBatch(RUN_OPTIONS, batch);

  /** One batch for all sheets; if Excel refuses it, one batch per sheet, so one refusal costs only its sheet. */
  const highlight = async (edits: readonly HighlightEdit[]): Promise<HighlightOutcome> => {
    try {
      return await run((context) => replaceHighlights(context, edits));
    } catch (error) {
      if (!(error instanceof HighlightWriteError)) throw error;
      const unmarked: UnmarkedSheet[] = [...error.unmarked];
      for (const { sheet, protection } of error.sheets) {
        await run((context) => restoreProtection(context, sheet, protection));
        try {
          const outcome = await run((context) =>
            replaceHighlights(
              context,
              edits.filter((edit) => edit.sheet === sheet),
              sheet,
            ),
          );
          unmarked.push(...outcome.unmarked);
        } catch (sheetError) {
          if (!(sheetError instanceof HighlightWriteError)) throw sheetError;
          await run((context) => restoreProtection(context, sheet, protection));
          unmarked.push({ sheet, reason: "refused", detail: sheetError.message });
        }
      }
      return { unmarked };
    }
  };

  return {
    readSnapshot: () => run(readSnapshot),
    readCalculation: () =>
      run(async (context) => {
        const application = context.workbook.application;
        application.load("calculationMode");
        await context.sync();
        return { manual: application.calculationMode === "Manual" };
      }),
    recalculate: () =>
      run(async (context) => {
        context.workbook.application.calculate("Recalculate");
        await context.sync();
      }),
    applyHighlights: (edits) => highlight(edits),
    clearHighlights: () => highlight([]),
    selectCell: (sheet, cell) =>
      run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.load("visibility");
        await context.sync();
        // A hidden sheet cannot be activated: the pane offers to show it instead.
        if (worksheet.visibility !== "Visible") return { kind: "hidden", visibility: worksheet.visibility === "VeryHidden" ? "veryHidden" : "hidden" } as const;
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
        return { kind: "selected" } as const;
      }),
    showSheetAndSelect: (sheet, cell) =>
      run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(sheet);
        worksheet.visibility = "Visible";
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      }),
    readInsertionContext: () => run(readInsertionContext),
    insertTemplate: (edits, select) => run((context) => insertTemplate(context, edits, select, supports)),
    saveMark: (values) => run((context) => writeMark(context, values)),
    resetMark: (mark) => run((context) => clearMark(context, mark)),
    writeReviewReport: (rows, widths) => run((context) => writeReviewReport(context, rows, widths)),
    readAreas: (requests) => run((context) => readChangedAreas(context, requests)),
    watchChanges: (onSignal) =>
      run((context) =>
        watchChanges(context, onSignal, (worksheetId) => run((lookup) => worksheetName(lookup, worksheetId))),
      ),
  };
}
