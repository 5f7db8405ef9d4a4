// Inserting a template through the Excel adapter (src/excel/insert-template.ts) over the simulated
// Excel API: one write sync however big the form (after one read of the names it must not take),
// nothing existing touched, the form's values, formulas,
// dropdowns, names, print setup and protection as the core planned them, the first input selected.
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkWorkbook } from "../../src/core/engine";
import type { Edit } from "../../src/core/edits";
import { inputCells, insertionContext, LISTS_SHEET, MARKER_SHEET, planTemplate, type TemplateKind, type TemplateOptionsInput } from "../../src/core/templates";
import { cellKey, type SimulatedWorkbook } from "../../src/harness/simulated-workbook";
import { parseCellAddress, parseRange } from "../../src/core/workbook/address";
import { createExcelHost } from "../../src/excel/excel-host";
import { columnWidthPoints, insertTemplate, type RequirementCheck } from "../../src/excel/insert-template";
import { harnessRequirements } from "../../src/harness/harness-host";
import { simulatedWorkbookFrom } from "../../src/harness/load-workbook";
import { simulatedExcelRun } from "../../src/harness/simulated-excel";
import { readWorkbook } from "../../src/io/xlsx-reader";

const FIXTURE = path.resolve(__dirname, "..", "..", "..", "shared", "fixtures", "minimal-project.xlsx");

async function fixtureWorkbook(): Promise<SimulatedWorkbook> {
  return simulatedWorkbookFrom(await readWorkbook(new Uint8Array(readFileSync(FIXTURE))));
}

/** Plans a template against what the workbook holds now, as the pane does, and inserts it. */
async function insert(workbook: SimulatedWorkbook, kind: TemplateKind, options: Omit<TemplateOptionsInput, "existing">, supports: RequirementCheck = harnessRequirements) {
  const host = createExcelHost(simulatedExcelRun(workbook), supports);
  const plan = planTemplate(kind, { ...options, existing: await host.readInsertionContext() });
  const target = { sheet: plan.layout.sheet, cell: inputCells(plan.layout)[0].at };
  const syncsBefore = workbook.traffic.syncs;
  await host.insertTemplate(plan.edits, target);
  return { plan, target, syncs: workbook.traffic.syncs - syncsBefore };
}

function cell(workbook: SimulatedWorkbook, sheet: string, address: string) {
  const { row, col } = parseCellAddress(address);
  return workbook.sheet(sheet)?.cells.get(cellKey(row, col));
}

const PROJECT = { projectName: "社区图书室图书购置", department: "区文化和旅游局", implementingUnit: "区图书馆", year: 2025, funds: { fiscal: "12.50", carryOver: "3.25", other: "0" } };

describe("inserting a template through the Excel adapter", () => {
  it.each([1, 5, 20])("takes one read and one write sync for a project form with %i indicator rows per category", async (rows) => {
    const workbook = await fixtureWorkbook();
    const { plan, syncs } = await insert(workbook, "project-performance-target", { ...PROJECT, indicatorRows: rows });
    expect(syncs).toBe(2);
    // The form really grew with the rows (about 11 二级 categories): one sync is not because the form is small.
    expect(plan.layout.range.bottom).toBeGreaterThanOrEqual(10 + 11 * rows);
  });

  it.each<TemplateKind>(["project-performance-target", "department-performance-target", "project-self-evaluation"])(
    "inserts a %s form in one write sync that the checker then detects as that kind",
    async (kind) => {
      const workbook = await fixtureWorkbook();
      const { plan, syncs } = await insert(workbook, kind, PROJECT);
      expect(syncs).toBe(2);
      const snapshot = await createExcelHost(simulatedExcelRun(workbook), harnessRequirements).readSnapshot();
      const found = checkWorkbook(snapshot).tables.filter((table) => table.sheet === plan.layout.sheet);
      expect(found.map((table) => table.kind)).toContain(kind);
    },
  );

  it("writes the labels, entered values and a calculated funds total, leaving the existing sheet as it was", async () => {
    const workbook = await fixtureWorkbook();
    const original = workbook.dump().sheets[0];
    const { plan, target } = await insert(workbook, "project-performance-target", PROJECT);
    const sheet = plan.layout.sheet;

    expect(workbook.dump().sheets[0]).toEqual(original);
    expect(workbook.sheets.map((s) => [s.name, s.visibility])).toEqual([
      [original.name, "Visible"],
      [sheet, "Visible"],
      [MARKER_SHEET, "VeryHidden"],
      [LISTS_SHEET, "Hidden"],
    ]);
    expect(cell(workbook, sheet, "A1")?.value).toBe("项目支出绩效目标表");
    expect(cell(workbook, sheet, "A2")?.value).toBe("（2025年度）");
    expect(cell(workbook, sheet, "B3")?.value).toBe(PROJECT.projectName);
    expect(cell(workbook, sheet, "B4")?.value).toBe(PROJECT.department);
    expect(cell(workbook, sheet, "E4")?.value).toBe(PROJECT.implementingUnit);
    expect([6, 7, 8].map((row) => cell(workbook, sheet, `C${row}`)?.value)).toEqual([12.5, 3.25, 0]);
    expect(cell(workbook, sheet, "C5")).toMatchObject({ formula: "=SUM(C6:C8)", value: 15.75, valueType: "Double", numberFormat: "#,##0.00" });
    expect(cell(workbook, sheet, "B3")?.style).toMatchObject({ fill: "#FFF2CC", locked: false });
    expect(cell(workbook, sheet, "A1")?.style).toMatchObject({ bold: true, fontSize: 16, locked: true });
    expect(workbook.sheet(sheet)!.merges).toContainEqual(parseRange("A1:E1"));
    expect(workbook.sheet(sheet)!.columnWidths.get(3)).toBe(columnWidthPoints(plan.layout.columnWidths[2]));
    expect(workbook.selection).toEqual({ sheet, range: parseRange(target.cell) });
    expect(workbook.activeSheet).toBe(sheet);
  });

  it("gives the 一级 cells the 一级 list and the 二级 cells a list that follows their row's 一级", async () => {
    const workbook = await fixtureWorkbook();
    const { plan } = await insert(workbook, "project-performance-target", PROJECT);
    const validations = workbook.sheet(plan.layout.sheet)!.validations;
    const level1 = inputCells(plan.layout).filter((c) => c.input!.role === "indicator.level1");
    const level2 = inputCells(plan.layout).filter((c) => c.input!.role === "indicator.level2");
    expect(level1.length).toBeGreaterThan(2);
    const ruleAt = (address: string) => validations.find((v) => v.range.top === parseRange(address).top && v.range.left === parseRange(address).left);
    for (const c of level1) expect(ruleAt(c.at)).toMatchObject({ type: "list", source: "=bc_t1_l1" });
    for (const c of level2) expect(ruleAt(c.at)?.source).toMatch(/^=INDIRECT\("bc_t1_l2_"&MATCH\(\$B\$\d+,bc_t1_l1,0\)\)$/);
    expect(ruleAt("C6")).toMatchObject({ type: "decimal", operator: "GreaterThanOrEqualTo", formula1: 0 });
    expect(workbook.names.get("bc_t1_l1")).toEqual({ reference: "='_bc_lists'!$C$2:$C$5", visible: false });
  });

  it("sets up A4 printing and protects the form without a password, after writing it", async () => {
    const workbook = await fixtureWorkbook();
    const { plan } = await insert(workbook, "project-performance-target", PROJECT);
    const sheet = workbook.sheet(plan.layout.sheet)!;
    expect(sheet.pageLayout).toEqual({ paperSize: "A4", orientation: "Portrait", centerHorizontally: true, fitToPagesWide: 1, printTitleRows: "$1:$2" });
    expect(sheet.protection.protected).toBe(true);
  });

  it("leaves the page setup to Excel where Worksheet.pageLayout (ExcelApi 1.9) is missing", async () => {
    const workbook = await fixtureWorkbook();
    const { plan, syncs } = await insert(workbook, "project-performance-target", PROJECT, (set, version) => set === "ExcelApi" && Number(version.split(".")[1]) < 9);
    expect(syncs).toBe(2);
    expect(workbook.sheet(plan.layout.sheet)!.pageLayout).toEqual({});
  });

  it("inserts a second form under a new name beside the first, with its own lists", async () => {
    const workbook = await fixtureWorkbook();
    const first = await insert(workbook, "project-performance-target", PROJECT);
    const second = await insert(workbook, "project-performance-target", PROJECT);
    expect(second.plan.layout.sheet).toBe(`${first.plan.layout.sheet} (2)`);
    expect(workbook.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name)).toEqual(["项目支出绩效目标表", first.plan.layout.sheet, second.plan.layout.sheet]);
    expect(cell(workbook, second.plan.layout.sheet, "C5")?.value).toBe(15.75);
    expect(workbook.names.has("bc_t2_l1")).toBe(true);
  });

  it("plans against sheet names and marker rows alone, read without the snapshot, as the core counts them", async () => {
    const workbook = await fixtureWorkbook();
    const host = createExcelHost(simulatedExcelRun(workbook), harnessRequirements);
    const empty = { sheetNames: ["项目支出绩效目标表"], templateCount: 0 };
    expect(await host.readInsertionContext()).toEqual(empty);
    await insert(workbook, "project-performance-target", PROJECT);
    await insert(workbook, "project-self-evaluation", PROJECT);
    const start = { syncs: workbook.traffic.syncs, bytes: workbook.traffic.responseBytes };
    const context = await host.readInsertionContext();
    // Two small syncs, the sheet list and the marker sheet's used rows; no cell values.
    expect(workbook.traffic.syncs - start.syncs).toBe(2);
    expect(workbook.traffic.responseBytes - start.bytes).toBeLessThan(2000);
    expect(context.templateCount).toBe(2);
    expect(context).toEqual(insertionContext(await host.readSnapshot()));
  });

  it("keeps text that Excel would read as a number as text", async () => {
    const workbook = await fixtureWorkbook();
    const { plan } = await insert(workbook, "project-performance-target", { ...PROJECT, projectName: "2025" });
    expect(cell(workbook, plan.layout.sheet, "B3")).toMatchObject({ value: "2025", valueType: "String" });
  });

  it("refuses a highlight edit: highlights have their own place in the adapter", async () => {
    const workbook = await fixtureWorkbook();
    const run = simulatedExcelRun(workbook);
    const highlight: Edit = { op: "highlight", sheet: "项目支出绩效目标表", ranges: ["A1"], severity: "error", fill: "#FFC7CE", fontColor: "#9C0006" };
    await expect(run({}, (context) => insertTemplate(context, [highlight], { sheet: "项目支出绩效目标表", cell: "A1" }, harnessRequirements))).rejects.toThrow(/highlight/);
    expect(workbook.traffic.syncs).toBe(0);
  });
});
