// The Excel adapter over the simulated Excel API: what it reads equals what the .xlsx reader reads,
// a check costs the same number of syncs however many tables there are, and clearing highlights
// gives back every cell's own formatting even after the user changed things meanwhile.
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkWorkbook } from "../../src/core/engine";
import { highlightEdits, HIGHLIGHT_STYLES } from "../../src/core/report/highlights";
import type { Finding } from "../../src/core/report/finding";
import { sheetFromGrid, type WorkbookSnapshot } from "../../src/core/workbook/snapshot";
import { createExcelHost } from "../../src/excel/excel-host";
import { CELLS_PER_SLICE, CELLS_PER_SYNC, nextBatch, valueSlices } from "../../src/excel/range-reading";
import { simulatedWorkbookFrom } from "../../src/harness/load-workbook";
import { simulatedExcelRun } from "../../src/harness/simulated-excel";
import { PLAIN_STYLE, cellKey, type SimulatedWorkbook } from "../../src/harness/simulated-workbook";
import { runCheck } from "../../src/taskpane/check-workflow";
import { readWorkbook } from "../../src/io/xlsx-reader";

const fixtures = path.resolve(__dirname, "..", "..", "..", "shared", "fixtures");
const readFixture = (name: string) => readWorkbook(new Uint8Array(readFileSync(path.join(fixtures, name))));
/** The snapshot as the adapter gives it: no defined names, merges in reading order (top, then left). */
const asRead = (snapshot: WorkbookSnapshot): WorkbookSnapshot => ({
  sheets: snapshot.sheets.map((sheet) => ({ ...sheet, merges: [...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left) })),
});

function hostOver(workbook: SimulatedWorkbook) {
  return createExcelHost(simulatedExcelRun(workbook));
}

function finding(sheet: string, cell: string, severity: Finding["severity"], id = `${sheet}!${cell}`): Finding {
  return { id, rule: "test/rule", category: "sum-mismatch", severity, sheet, cell, message: { zh: "合计不符", en: "total differs" } };
}

describe("reading a workbook through the adapter", () => {
  it.each(["minimal-project.xlsx", "liaocheng-2024-formulas.xlsx", "lixia-2024-self-evaluation.xlsx"])(
    "gives the same snapshot and the same check result as the .xlsx reader for %s",
    async (fixture) => {
      const fromFile = await readFixture(fixture);
      const workbook = simulatedWorkbookFrom(fromFile);
      const fromExcel = await hostOver(workbook).readSnapshot();
      expect(fromExcel).toEqual(asRead(fromFile));
      expect(checkWorkbook(fromExcel)).toEqual(checkWorkbook(fromFile));
    },
  );

  it("reads an empty sheet as a sheet without cells and keeps sheet visibility", async () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [sheetFromGrid("空表", []), sheetFromGrid("隐藏", [["x"]], [], "hidden"), sheetFromGrid("深度隐藏", [[1]], [], "veryHidden")],
    };
    const read = await hostOver(simulatedWorkbookFrom(snapshot)).readSnapshot();
    expect(read.sheets.map((sheet) => [sheet.name, sheet.visibility, sheet.rows.length])).toEqual([
      ["空表", "visible", 0],
      ["隐藏", "hidden", 1],
      ["深度隐藏", "veryHidden", 1],
    ]);
  });
});

describe("sync discipline", () => {
  it("takes the same number of syncs for a whole check of a workbook with 1 table and with 200 tables", async () => {
    const project = (await readFixture("minimal-project.xlsx")).sheets[0];
    const workbookWith = (tables: number): WorkbookSnapshot => ({
      sheets: Array.from({ length: tables }, (_, index) => ({ ...project, name: `项目${index + 1}` })),
    });
    const syncsForCheck = async (tables: number) => {
      const workbook = simulatedWorkbookFrom(workbookWith(tables));
      const { result } = await runCheck(hostOver(workbook), true, () => undefined);
      return { tables: result.tables.length, syncs: workbook.traffic.syncs };
    };
    const one = await syncsForCheck(1);
    const many = await syncsForCheck(200);
    expect(one.tables).toBe(1);
    expect(many.tables).toBe(200);
    expect(many.syncs).toBe(one.syncs);
  });

  it("cuts large used ranges into slices under the per-read cell limit and syncs once per batch", () => {
    const pending = valueSlices([
      { sheetIndex: 0, rowIndex: 0, columnIndex: 0, rowCount: 30_000, columnCount: 12 },
      { sheetIndex: 1, rowIndex: 4, columnIndex: 2, rowCount: 10, columnCount: 5 },
    ]);
    const batches = [];
    while (pending.length > 0) batches.push(nextBatch(pending, 10));
    const slices = batches.flat();
    for (const slice of slices) expect(slice.rowCount * slice.columnCount).toBeLessThanOrEqual(CELLS_PER_SLICE);
    for (const batch of batches) expect(batch.reduce((cells, slice) => cells + slice.rowCount * slice.columnCount, 0)).toBeLessThanOrEqual(CELLS_PER_SYNC);
    const rowsOfFirstSheet = slices.filter((slice) => slice.sheetIndex === 0).reduce((rows, slice) => rows + slice.rowCount, 0);
    expect(rowsOfFirstSheet).toBe(30_000);
    expect(batches.length).toBe(Math.ceil((30_000 * 12 + 50) / CELLS_PER_SYNC));
  });

  it("throws when a property is read before load and sync, and changes nothing before sync", async () => {
    const workbook = simulatedWorkbookFrom({ sheets: [sheetFromGrid("表1", [["合计", 10]])] });
    await simulatedExcelRun(workbook)({}, async (context) => {
      const range = context.workbook.worksheets.getItem("表1").getRange("B1");
      expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
      range.load("values");
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([[10]]);
      range.select();
      expect(workbook.selection).toBeUndefined();
      await context.sync();
      expect(workbook.selection).toEqual({ sheet: "表1", range: { top: 1, left: 2, bottom: 1, right: 2 } });
    });
  });
});

describe("highlights", () => {
  const grid = [
    ["项目", "金额"],
    ["甲", 1],
    ["乙", 2],
    ["合计", 4],
  ];

  function styledWorkbook(): SimulatedWorkbook {
    const workbook = simulatedWorkbookFrom({ sheets: [sheetFromGrid("表1", grid), sheetFromGrid("表2", grid)] }, () =>
      new Map([[cellKey(4, 2), { ...PLAIN_STYLE, fill: "#E2EFDA", bold: true, borders: { ...PLAIN_STYLE.borders, top: "thin #000000" } }]]),
    );
    return workbook;
  }

  it("marks the finding cells with conditional formats and never touches values or own formats", async () => {
    const workbook = styledWorkbook();
    const before = workbook.dump();
    const edits = highlightEdits([finding("表1", "B4", "error"), finding("表1", "B4", "warning", "w"), finding("表2", "B2", "warning")]);
    await hostOver(workbook).applyHighlights(edits);
    const sheet1 = workbook.sheet("表1")!;
    expect(sheet1.conditionalFormats).toEqual([
      expect.objectContaining({ ranges: [{ top: 4, left: 2, bottom: 4, right: 2 }], fill: HIGHLIGHT_STYLES.error.fill, fontColor: HIGHLIGHT_STYLES.error.fontColor }),
    ]);
    expect(workbook.sheet("表2")!.conditionalFormats).toHaveLength(1);
    const after = workbook.dump();
    expect(after.sheets.map((sheet) => sheet.cells)).toEqual(before.sheets.map((sheet) => sheet.cells));
  });

  it("clears back to every cell's own formatting, keeping what the user changed meanwhile", async () => {
    const workbook = styledWorkbook();
    const host = hostOver(workbook);
    await host.applyHighlights(highlightEdits([finding("表1", "B4", "error"), finding("表1", "B2", "info")]));
    // The user formats a highlighted cell and another one, and adds a rule of their own.
    workbook.userSetFill("表1", 4, 2, "#FFFF00");
    workbook.userSetFill("表1", 1, 1, "#00B0F0");
    const userRule = workbook.userAddConditionalFormat("表1", { type: "Custom", ranges: [{ top: 1, left: 1, bottom: 4, right: 1 }], formula: "=A1>0", fill: "#CCCCCC", fontColor: null });
    const expected = workbook.dump();
    await host.clearHighlights();
    const cleared = workbook.dump();
    expect(cleared.sheets.map((sheet) => sheet.cells)).toEqual(expected.sheets.map((sheet) => sheet.cells));
    expect(workbook.sheet("表1")!.conditionalFormats).toEqual([userRule]);
    expect(cleared.settings).toEqual({});
  });

  it("replaces an earlier check's marks, also when the pane was reopened in between", async () => {
    const workbook = styledWorkbook();
    await hostOver(workbook).applyHighlights(highlightEdits([finding("表1", "B4", "error"), finding("表2", "B3", "warning")]));
    const reopened = hostOver(workbook);
    await reopened.applyHighlights(highlightEdits([finding("表1", "B2", "warning")]));
    expect(workbook.sheet("表1")!.conditionalFormats.map((format) => format.ranges)).toEqual([[{ top: 2, left: 2, bottom: 2, right: 2 }]]);
    expect(workbook.sheet("表2")!.conditionalFormats).toEqual([]);
    await hostOver(workbook).clearHighlights();
    expect(workbook.sheets.flatMap((sheet) => sheet.conditionalFormats)).toEqual([]);
  });

  it("selects a finding's cell on its sheet", async () => {
    const workbook = styledWorkbook();
    await hostOver(workbook).selectCell("表2", "B3");
    expect(workbook.activeSheet).toBe("表2");
    expect(workbook.selection).toEqual({ sheet: "表2", range: { top: 3, left: 2, bottom: 3, right: 2 } });
  });
});
