// The Excel door in the workflows where real Excel is stricter than a naive host: highlights on the
// protected sheets 新建项目 inserts, clearing after save/reopen, rename and copy, the user's own
// conditional formats, sheets with thousands of merges, reads near Excel on the web's 5 MB limit,
// hidden sheets, cell edit mode, manual calculation and a template insertion that fails part-way.
// All over the simulated host, which refuses what Excel refuses (office-contract.test.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Edit } from "../../src/core/edits";
import type { Finding } from "../../src/core/report/finding";
import { highlightEdits } from "../../src/core/report/highlights";
import { inputCells, planTemplate, type TemplateKind } from "../../src/core/templates";
import { sheetFromGrid, type WorkbookSnapshot } from "../../src/core/workbook/snapshot";
import { createExcelHost } from "../../src/excel/excel-host";
import { HIGHLIGHT_MARKER, isHighlightFormula } from "../../src/excel/highlights";
import { harnessRequirements } from "../../src/harness/harness-host";
import { simulatedWorkbookFrom } from "../../src/harness/load-workbook";
import { reopenWorkbook } from "../../src/harness/reopen";
import { simulatedExcelRun } from "../../src/harness/simulated-excel";
import { cellKey, type SimulatedConditionalFormat, type SimulatedWorkbook } from "../../src/harness/simulated-workbook";
import { readWorkbook } from "../../src/io/xlsx-reader";
import { runCheck } from "../../src/taskpane/check-workflow";

const FIXTURE = path.resolve(__dirname, "..", "..", "..", "shared", "fixtures", "minimal-project.xlsx");
const PROJECT = { projectName: "社区图书室图书购置", department: "区文化和旅游局", implementingUnit: "区图书馆", year: 2025, funds: { fiscal: "12.50", carryOver: "3.25", other: "0" } };

const hostOver = (workbook: SimulatedWorkbook) => createExcelHost(simulatedExcelRun(workbook), harnessRequirements);

async function fixtureWorkbook(): Promise<SimulatedWorkbook> {
  return simulatedWorkbookFrom(await readWorkbook(new Uint8Array(readFileSync(FIXTURE))));
}

async function insertTemplate(workbook: SimulatedWorkbook, kind: TemplateKind = "project-performance-target") {
  const host = hostOver(workbook);
  const plan = planTemplate(kind, { ...PROJECT, existing: await host.readInsertionContext() });
  const select = { sheet: plan.layout.sheet, cell: inputCells(plan.layout)[0].at };
  await host.insertTemplate(plan.edits, select);
  return { plan, select };
}

function finding(sheet: string, cell: string, severity: Finding["severity"] = "error"): Finding {
  return { id: `${sheet}!${cell}`, rule: "test/rule", category: "sum-mismatch", severity, sheet, cell, message: { zh: "合计不符", en: "total differs" } };
}

const ours = (workbook: SimulatedWorkbook, sheet: string) => workbook.sheet(sheet)!.conditionalFormats.filter((format) => isHighlightFormula(format.formula));
const allOurs = (workbook: SimulatedWorkbook) => workbook.sheets.flatMap((sheet) => ours(workbook, sheet.name));

/** Rules of several types, as a user makes them in Excel's Home → Conditional Formatting. */
function addUserRules(workbook: SimulatedWorkbook, sheet: string): SimulatedConditionalFormat[] {
  const column = (col: number) => [{ top: 1, left: col, bottom: 8, right: col }];
  return [
    workbook.userAddConditionalFormat(sheet, { type: "Custom", ranges: column(1), formula: "=A1>0", fill: "#CCCCCC", fontColor: null }),
    workbook.userAddConditionalFormat(sheet, { type: "CellValue", ranges: column(2), formula: "=100", fill: "#FFEB9C", fontColor: "#9C5700" }),
    workbook.userAddConditionalFormat(sheet, { type: "ColorScale", ranges: column(3), formula: "", fill: null, fontColor: null }),
    workbook.userAddConditionalFormat(sheet, { type: "DataBar", ranges: column(4), formula: "", fill: null, fontColor: null }),
    workbook.userAddConditionalFormat(sheet, { type: "IconSet", ranges: column(5), formula: "", fill: null, fontColor: null }),
  ];
}

describe("highlights on the protected sheets 新建项目 inserts", () => {
  it("marks a finding on an inserted template, keeps the sheet protected, and clears it again", async () => {
    const workbook = await fixtureWorkbook();
    const { plan } = await insertTemplate(workbook);
    const sheet = plan.layout.sheet;
    expect(workbook.sheet(sheet)!.protection.protected).toBe(true);
    const before = workbook.dump();

    const { result, highlights } = await runCheck(hostOver(workbook), true, () => undefined);
    const onTemplate = result.findings.filter((each) => each.sheet === sheet);
    expect(onTemplate.length).toBeGreaterThan(0);
    expect(highlights.unmarked).toEqual([]);
    expect(ours(workbook, sheet).length).toBeGreaterThan(0);
    expect(workbook.sheet(sheet)!.protection).toEqual({ protected: true, options: { allowFormatRows: true, allowFormatColumns: true } });

    const cleared = await hostOver(workbook).clearHighlights();
    expect(cleared.unmarked).toEqual([]);
    expect(allOurs(workbook)).toEqual([]);
    expect(workbook.dump()).toEqual(before);
  });

  it("lists the findings of a sheet the user protected without marking them, and says why", async () => {
    const workbook = simulatedWorkbookFrom({ sheets: [sheetFromGrid("表1", [["合计", 4]]), sheetFromGrid("表2", [["合计", 5]])] });
    workbook.userProtectSheet("表2");
    const outcome = await hostOver(workbook).applyHighlights(highlightEdits([finding("表1", "B1"), finding("表2", "B1")]));
    expect(outcome.unmarked).toEqual([{ sheet: "表2", reason: "protected" }]);
    expect(ours(workbook, "表1")).toHaveLength(1);
    expect(workbook.sheet("表2")!.conditionalFormats).toEqual([]);
    expect(workbook.sheet("表2")!.protection.protected).toBe(true);
  });

  it("clears marks on a sheet the user protected with a password later, as far as Excel allows, and says which stay", async () => {
    const workbook = simulatedWorkbookFrom({ sheets: [sheetFromGrid("表1", [["合计", 4]]), sheetFromGrid("表2", [["合计", 5]])] });
    const host = hostOver(workbook);
    await host.applyHighlights(highlightEdits([finding("表1", "B1"), finding("表2", "B1")]));
    workbook.userProtectSheet("表2", "secret");
    const outcome = await host.clearHighlights();
    expect(outcome.unmarked).toEqual([expect.objectContaining({ sheet: "表2", reason: "refused" })]);
    expect(ours(workbook, "表1")).toEqual([]);
    expect(ours(workbook, "表2")).toHaveLength(1);
    expect(workbook.sheet("表2")!.protection).toMatchObject({ protected: true, password: "secret" });
  });
});

describe("clearing finds the add-in's marks by their content", () => {
  const grid = [
    ["项目", "金额", "c", "d", "e"],
    ["甲", 1, 1, 1, 1],
    ["乙", 2, 2, 2, 2],
    ["合计", 4, 3, 3, 3],
  ];
  const workbookWithUserRules = () => {
    const workbook = simulatedWorkbookFrom({ sheets: [sheetFromGrid("表1", grid), sheetFromGrid("表2", grid)] });
    const userRules = [...addUserRules(workbook, "表1"), ...addUserRules(workbook, "表2")];
    return { workbook, userRules };
  };

  it("leaves the user's own conditional formats of every type untouched by check, highlight and clear", async () => {
    const { workbook, userRules } = workbookWithUserRules();
    const userRulesOf = (sheet: string) => workbook.sheet(sheet)!.conditionalFormats.filter((format) => !isHighlightFormula(format.formula));
    const host = hostOver(workbook);
    await runCheck(host, true, () => undefined);
    expect(workbook.sheets.flatMap((sheet) => sheet.conditionalFormats)).toEqual(userRules);
    await host.applyHighlights(highlightEdits([finding("表1", "B4"), finding("表1", "A2", "info"), finding("表2", "B2", "warning")]));
    expect(ours(workbook, "表1")).toHaveLength(2);
    expect([...userRulesOf("表1"), ...userRulesOf("表2")]).toEqual(userRules);
    await host.applyHighlights(highlightEdits([finding("表2", "B3")]));
    expect(ours(workbook, "表1")).toEqual([]);
    expect(ours(workbook, "表2")).toHaveLength(1);
    await host.clearHighlights();
    expect(allOurs(workbook)).toEqual([]);
    expect(workbook.sheets.flatMap((sheet) => sheet.conditionalFormats)).toEqual(userRules);
  });

  it("writes its marker into every rule it adds", async () => {
    const { workbook } = workbookWithUserRules();
    await hostOver(workbook).applyHighlights(highlightEdits([finding("表1", "B4")]));
    expect(ours(workbook, "表1")[0].formula).toContain(HIGHLIGHT_MARKER);
  });

  it("clears after the workbook was saved as .xlsx, closed and opened again, though every id changed", async () => {
    const { workbook } = workbookWithUserRules();
    await hostOver(workbook).applyHighlights(highlightEdits([finding("表1", "B4"), finding("表2", "B2", "warning")]));
    const idsBefore = workbook.sheets.map((sheet) => [sheet.id, sheet.conditionalFormats.map((format) => format.id)]);
    const reopened = await reopenWorkbook(workbook);
    const idsAfter = reopened.sheets.map((sheet) => [sheet.id, sheet.conditionalFormats.map((format) => format.id)]);
    expect(idsAfter).not.toEqual(idsBefore);
    // The id our rule on 表1 had before now names nothing, or a rule of the user's.
    const ourIdBefore = ours(workbook, "表1")[0].id;
    expect(ours(reopened, "表1").map((format) => format.id)).not.toContain(ourIdBefore);
    expect(allOurs(reopened)).toHaveLength(2);
    const userBefore = workbook.sheets.map((sheet) => sheet.conditionalFormats.filter((format) => !isHighlightFormula(format.formula)).map(({ type, formula, ranges }) => ({ type, formula, ranges })));

    await hostOver(reopened).clearHighlights();
    expect(allOurs(reopened)).toEqual([]);
    expect(reopened.sheets.map((sheet) => sheet.conditionalFormats.map(({ type, formula, ranges }) => ({ type, formula, ranges })))).toEqual(userBefore);
  });

  it("clears after a sheet was renamed", async () => {
    const { workbook, userRules } = workbookWithUserRules();
    await hostOver(workbook).applyHighlights(highlightEdits([finding("表1", "B4")]));
    workbook.userRenameSheet("表1", "支出表（改名）");
    await hostOver(workbook).clearHighlights();
    expect(allOurs(workbook)).toEqual([]);
    expect(workbook.sheets.flatMap((sheet) => sheet.conditionalFormats)).toEqual(userRules);
  });

  it("clears a renamed template sheet, protected, through the marker's reference that Excel rewrote", async () => {
    const workbook = await fixtureWorkbook();
    const { plan } = await insertTemplate(workbook);
    await runCheck(hostOver(workbook), true, () => undefined);
    workbook.userRenameSheet(plan.layout.sheet, "图书购置");
    const outcome = await runCheck(hostOver(workbook), true, () => undefined);
    expect(outcome.highlights.unmarked).toEqual([]);
    expect(ours(workbook, "图书购置").length).toBeGreaterThan(0);
    await hostOver(workbook).clearHighlights();
    expect(allOurs(workbook)).toEqual([]);
    expect(workbook.sheet("图书购置")!.protection.protected).toBe(true);
  });

  it("clears both the original and a copy of a highlighted template sheet, each protected again", async () => {
    const workbook = await fixtureWorkbook();
    const { plan } = await insertTemplate(workbook);
    await runCheck(hostOver(workbook), true, () => undefined);
    const copy = workbook.userCopySheet(plan.layout.sheet);
    expect(ours(workbook, copy.name).length).toBeGreaterThan(0);
    expect(copy.protection.protected).toBe(true);
    const outcome = await hostOver(workbook).clearHighlights();
    expect(outcome.unmarked).toEqual([]);
    expect(allOurs(workbook)).toEqual([]);
    expect([workbook.sheet(plan.layout.sheet)!.protection.protected, workbook.sheet(copy.name)!.protection.protected]).toEqual([true, true]);
  });

  it("marks the sheets that still exist when one was deleted or renamed since the check", async () => {
    const { workbook } = workbookWithUserRules();
    const edits = highlightEdits([finding("表1", "B4"), finding("表2", "B2")]);
    workbook.userRenameSheet("表2", "表2（新）");
    const outcome = await hostOver(workbook).applyHighlights(edits);
    expect(outcome.unmarked).toEqual([{ sheet: "表2", reason: "missing" }]);
    expect(ours(workbook, "表1")).toHaveLength(1);
  });
});

describe("reading within Excel's request limits", () => {
  it("reads a sheet of 2,000 merged areas, more than one request may return", async () => {
    // 15 stacked forms' worth: rows of A:B and C:E merges, and tall merges in F.
    const rows = 1000;
    const grid = Array.from({ length: rows }, (_, r) => ["名称", null, r, null, null, r % 2 === 0 ? "说明" : null]);
    const merges = [];
    for (let row = 1; row <= rows; row++) {
      merges.push({ top: row, left: 1, bottom: row, right: 2 });
      if (row % 2 === 1) merges.push({ top: row, left: 6, bottom: row + 1, right: 6 });
      if (row % 4 === 0) merges.push({ top: row, left: 3, bottom: row, right: 5 });
    }
    expect(merges.length).toBeGreaterThanOrEqual(1750);
    const extra = Array.from({ length: 250 }, (_, i) => ({ top: rows + 1 + i * 2, left: 1, bottom: rows + 2 + i * 2, right: 3 }));
    const fullGrid = [...grid, ...Array.from({ length: 500 }, () => ["合并", null, null])];
    const snapshot: WorkbookSnapshot = { sheets: [sheetFromGrid("十五张表", fullGrid, [...merges, ...extra])] };
    const workbook = simulatedWorkbookFrom(snapshot);
    expect(workbook.sheet("十五张表")!.merges.length).toBeGreaterThanOrEqual(2000);

    const read = await hostOver(workbook).readSnapshot();
    const key = (m: { top: number; left: number; bottom: number; right: number }) => `${m.top}:${m.left}:${m.bottom}:${m.right}`;
    expect(read.sheets[0].merges.map(key).sort()).toEqual([...merges, ...extra].map(key).sort());
  });

  it("reads merges on sheets whose names need quoting, and merges of whole rows", async () => {
    const merges = [
      { top: 1, left: 1, bottom: 1, right: 4 },
      { top: 3, left: 2, bottom: 5, right: 2 },
    ];
    const workbook = simulatedWorkbookFrom({
      sheets: [sheetFromGrid("预算, 2025", [["标题"], [1], [2, 3]], merges), sheetFromGrid("It's Q1", [["说明", 1, 2]], [{ top: 1, left: 1, bottom: 1, right: 16_384 }])],
    });
    const read = await hostOver(workbook).readSnapshot();
    expect(read.sheets[0].merges).toEqual(merges);
    // A whole-row merge is cut to the used area, where the snapshot has cells.
    expect(read.sheets[1].merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
  });

  it("reads 60,000 cells of 50 Chinese characters each under Excel on the web's 5 MB per request", async () => {
    const text = (r: number, c: number) => `第${r}行第${c}列`.padEnd(50, "预算绩效目标表格内容说明");
    const grid = Array.from({ length: 6000 }, (_, r) => Array.from({ length: 10 }, (_, c) => text(r + 1, c + 1)));
    const workbook = simulatedWorkbookFrom({ sheets: [sheetFromGrid("长文本", grid)] });
    expect(workbook.limits.payloadBytes).toBe(5 * 1024 * 1024);
    // Too much for one request: the whole table weighs far more than 5 MB.
    expect(new TextEncoder().encode(JSON.stringify([grid, grid])).length).toBeGreaterThan(5 * 1024 * 1024 * 3);

    const read = await hostOver(workbook).readSnapshot();
    // Two reads refused for their size at the start, then slices sized on what the text weighs.
    expect(workbook.traffic.syncs).toBeLessThanOrEqual(20);
    expect(read.sheets[0].rows).toHaveLength(6000);
    expect(read.sheets[0].rows[5999]![9]).toEqual({ type: "string", value: text(6000, 10) });
    expect(read.sheets[0].rows.every((row, r) => row!.every((cell, c) => cell!.value === text(r + 1, c + 1)))).toBe(true);
  });
});

describe("the user's own state in Excel", () => {
  it("says a finding is on a hidden sheet instead of failing, and shows the sheet when asked", async () => {
    const workbook = simulatedWorkbookFrom({ sheets: [sheetFromGrid("目录", [["x"]]), sheetFromGrid("隐藏的表", [["合计", 4]], [], "hidden")] });
    const host = hostOver(workbook);
    await expect(host.selectCell("隐藏的表", "B1")).resolves.toEqual({ kind: "hidden", visibility: "hidden" });
    expect(workbook.activeSheet).toBe("目录");
    expect(workbook.sheet("隐藏的表")!.visibility).toBe("Hidden");
    await host.showSheetAndSelect("隐藏的表", "B1");
    expect(workbook.sheet("隐藏的表")!.visibility).toBe("Visible");
    expect(workbook.selection).toEqual({ sheet: "隐藏的表", range: { top: 1, left: 2, bottom: 1, right: 2 } });
  });

  it("waits while the user edits a cell, then runs the action", async () => {
    const workbook = simulatedWorkbookFrom({ sheets: [sheetFromGrid("表1", [["合计", 4]])] });
    workbook.userStartCellEdit();
    let done = false;
    const reading = hostOver(workbook)
      .readSnapshot()
      .then((snapshot) => {
        done = true;
        return snapshot;
      });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    workbook.userEndCellEdit();
    await expect(reading).resolves.toMatchObject({ sheets: [{ name: "表1" }] });
  });

  it("tells the pane when Excel calculates manually, and recalculates on request", async () => {
    const workbook = await fixtureWorkbook();
    const { plan } = await insertTemplate(workbook);
    workbook.calculationMode = "Manual";
    const host = hostOver(workbook);
    await expect(host.readCalculation()).resolves.toEqual({ manual: true });
    const total = workbook.sheet(plan.layout.sheet)!.cells.get(cellKey(5, 3))!;
    const fiscal = workbook.sheet(plan.layout.sheet)!.cells.get(cellKey(6, 3))!;
    fiscal.value = 20;
    expect(total.value).toBe(15.75);
    await host.recalculate();
    expect(total.value).toBe(23.25);
    workbook.calculationMode = "Automatic";
    await expect(host.readCalculation()).resolves.toEqual({ manual: false });
  });
});

describe("a template insertion that fails part-way", () => {
  /** The plan with an edit Excel refuses (a merge over another merge) in the middle of it. */
  function failingHalfWay(edits: readonly Edit[], sheet: string): Edit[] {
    const middle = Math.floor(edits.length / 2);
    return [...edits.slice(0, middle), { op: "merge", sheet, range: "A1:B1" }, ...edits.slice(middle)];
  }

  it.each([
    ["into a workbook without templates", 0],
    ["beside an earlier template, whose support sheets it writes to", 1],
  ])("leaves the workbook as it was, %s", async (_, earlier) => {
    const workbook = await fixtureWorkbook();
    for (let i = 0; i < earlier; i++) await insertTemplate(workbook);
    const before = workbook.dump();
    const host = hostOver(workbook);
    const plan = planTemplate("project-performance-target", { ...PROJECT, existing: await host.readInsertionContext() });
    await expect(host.insertTemplate(failingHalfWay(plan.edits, plan.layout.sheet), { sheet: plan.layout.sheet, cell: "B3" })).rejects.toThrow(/merge/i);
    expect(workbook.dump()).toEqual(before);
    // And the next insertion works as if nothing had happened.
    const { plan: next } = await insertTemplate(workbook);
    expect(next.layout.sheet).toBe(plan.layout.sheet);
  });
});
