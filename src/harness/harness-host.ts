// The pane's WorkbookHost in the harness: the real Excel adapter over the simulated Excel API, with
// the API traffic of each check (read + highlight) measured for display.
import { createExcelHost } from "../excel/excel-host";
import type { WorkbookHost } from "../taskpane/workbook-host";
import { simulatedExcelRun } from "./simulated-excel";
import type { ApiTraffic, SimulatedWorkbook } from "./simulated-workbook";

/** The simulated API covers ExcelApi up to 1.17 for what the adapter uses; notes (1.18) are not simulated. */
export function harnessRequirements(set: string, version: string): boolean {
  return set === "ExcelApi" && Number(version.split(".")[1] ?? 0) <= 17;
}

export function measuredHarnessHost(
  workbook: SimulatedWorkbook,
  onCheckMeasured: (traffic: ApiTraffic) => void,
  onInsertMeasured: (traffic: ApiTraffic) => void = () => undefined,
  onRecheckMeasured: (traffic: ApiTraffic) => void = () => undefined,
): WorkbookHost {
  const adapter = createExcelHost(simulatedExcelRun(workbook), harnessRequirements);
  let checkStartedAt: ApiTraffic | undefined;
  const finishCheck = () => {
    if (!checkStartedAt) return;
    const start = checkStartedAt;
    checkStartedAt = undefined;
    onCheckMeasured({
      syncs: workbook.traffic.syncs - start.syncs,
      requestBytes: workbook.traffic.requestBytes - start.requestBytes,
      responseBytes: workbook.traffic.responseBytes - start.responseBytes,
      cellsRead: (workbook.traffic.cellsRead ?? 0) - (start.cellsRead ?? 0),
    });
  };
  return {
    readSnapshot: () => {
      checkStartedAt = { ...workbook.traffic };
      return adapter.readSnapshot();
    },
    readCalculation: () => adapter.readCalculation(),
    recalculate: () => adapter.recalculate(),
    applyHighlights: async (edits) => {
      const outcome = await adapter.applyHighlights(edits);
      finishCheck();
      return outcome;
    },
    clearHighlights: async () => {
      const outcome = await adapter.clearHighlights();
      finishCheck();
      return outcome;
    },
    selectCell: (sheet, cell) => adapter.selectCell(sheet, cell),
    showSheetAndSelect: (sheet, cell) => adapter.showSheetAndSelect(sheet, cell),
    readInsertionContext: () => adapter.readInsertionContext(),
    saveMark: (values) => adapter.saveMark(values),
    resetMark: (mark) => adapter.resetMark(mark),
    writeReviewReport: (rows, widths) => adapter.writeReviewReport(rows, widths),
    readAreas: async (requests) => {
      const start = { ...workbook.traffic };
      try {
        return await adapter.readAreas(requests);
      } finally {
        onRecheckMeasured({
          syncs: workbook.traffic.syncs - start.syncs,
          requestBytes: workbook.traffic.requestBytes - start.requestBytes,
          responseBytes: workbook.traffic.responseBytes - start.responseBytes,
          cellsRead: (workbook.traffic.cellsRead ?? 0) - (start.cellsRead ?? 0),
        });
      }
    },
    watchChanges: (onSignal) => adapter.watchChanges(onSignal),
    insertTemplate: async (edits, select) => {
      const start = { ...workbook.traffic };
      try {
        await adapter.insertTemplate(edits, select);
      } finally {
        onInsertMeasured({
          syncs: workbook.traffic.syncs - start.syncs,
          requestBytes: workbook.traffic.requestBytes - start.requestBytes,
          responseBytes: workbook.traffic.responseBytes - start.responseBytes,
        });
      }
    },
  };
}

export function trafficText(traffic: ApiTraffic | undefined, lang: "zh" | "en"): string {
  if (!traffic) return lang === "en" ? "No check yet" : "尚未检查";
  const kilobytes = (bytes: number) => (bytes / 1024).toFixed(1);
  return lang === "en"
    ? `Last check: ${traffic.syncs} syncs, sent ${kilobytes(traffic.requestBytes)} KB, received ${kilobytes(traffic.responseBytes)} KB`
    : `上次检查：${traffic.syncs} 次 sync，发送 ${kilobytes(traffic.requestBytes)} KB，接收 ${kilobytes(traffic.responseBytes)} KB`;
}
