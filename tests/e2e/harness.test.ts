// End to end in headless Chromium: the real pane over the simulated Excel host, on the fixtures, and
// the task-pane page itself. One file, so the pages are built once.
// Expected tables and findings come from checkWorkbook on the same file, never from fixed numbers.
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import type { Browser, Page } from "playwright-core";
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import { rangeAddress, type CellRange } from "../../src/core/workbook/address";
import { readWorkbook } from "../../src/io/xlsx-reader";
import type { WorkbookDump } from "../../src/harness/simulated-workbook";
import { buildPages, fixturesDir, launchBrowser, listedFindings, openBuiltPage, openHarness, openWorkbook, resultsDir, revealFinding } from "./harness-browser";

const FIXTURES = ["minimal-project.xlsx", "liaocheng-2024-formulas.xlsx", "lixia-2024-self-evaluation.xlsx", "lixia-2024-performance.xlsx"];

/** An Excel with one empty sheet: enough for a check that finds no tables. Excel.run takes its
 *  options first, as the adapter calls it. */
const OFFICE_STUB = `
  window.Office = {
    context: { displayLanguage: "zh-CN" },
    onReady(callback) { callback({ host: "Excel", platform: "OfficeOnline" }); return Promise.resolve({ host: "Excel" }); },
  };
  const emptyRange = () => ({ load() {}, rowIndex: 0, columnIndex: 0, rowCount: 1, columnCount: 1,
    values: [[""]], valueTypes: [["Empty"]], formulas: [[""]], numberFormat: [["General"]], untrack() {},
    getMergedAreasOrNullObject: () => ({ load() {}, isNullObject: true }),
    conditionalFormats: { load() {}, items: [] } });
  const sheet = { name: "Sheet1", visibility: "Visible", protection: { protected: false, options: {} },
    getUsedRange: emptyRange, getRangeByIndexes: emptyRange, getRange: emptyRange };
  window.excelSyncs = 0;
  window.excelRunOptions = [];
  window.Excel = { run: (options, batch) => { window.excelRunOptions.push(options); return batch({
    workbook: {
      worksheets: { load() {}, items: [sheet] },
      application: { load() {}, calculationMode: "Automatic" },
    },
    sync: async () => { window.excelSyncs += 1; },
  }); } };
`;

let browser: Browser;

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  buildPages();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

async function expectedResult(bytes: Buffer): Promise<CheckResult> {
  return checkWorkbook(await readWorkbook(new Uint8Array(bytes)));
}

const dumpWorkbook = (page: Page): Promise<WorkbookDump> => page.evaluate(() => window.budgetCheckHarness!.state().workbook!.dump());

async function highlightedCells(page: Page): Promise<string[]> {
  const bySheet = await page.evaluate(() =>
    window.budgetCheckHarness!.state().workbook!.sheets.map((sheet) => ({ sheet: sheet.name, ranges: sheet.conditionalFormats.flatMap((format) => format.ranges) })),
  );
  return bySheet.flatMap(({ sheet, ranges }) => ranges.map((range: CellRange) => `${sheet}!${rangeAddress(range)}`)).sort();
}

async function selection(page: Page): Promise<string | undefined> {
  return page.evaluate(() => {
    const selected = window.budgetCheckHarness!.state().workbook!.selection;
    if (!selected) return undefined;
    const { top, left } = selected.range;
    return `${selected.sheet}!${top}:${left}`;
  });
}

function position(location: string): string {
  const [sheet, cell] = [location.slice(0, location.lastIndexOf("!")), location.slice(location.lastIndexOf("!") + 1)];
  const match = /^([A-Z]+)(\d+)$/.exec(cell)!;
  const col = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return `${sheet}!${match[2]}:${col}`;
}

async function check(page: Page): Promise<void> {
  await page.getByTestId("check-button").click();
  await page.getByTestId("summary").waitFor();
  await page.getByTestId("progress").waitFor({ state: "detached" });
}

describe("the workbook harness", () => {
  const syncsPerCheck: Record<string, number> = {};

  it.each(FIXTURES)("checks %s: tables, findings, selection, highlights and a clear that restores every cell", async (fixture) => {
    const bytes = readFileSync(path.join(fixturesDir, fixture));
    const expected = await expectedResult(bytes);
    const { page, strayRequests, pageErrors } = await openHarness(browser);
    try {
      await openWorkbook(page, fixture, bytes);
      const before = await dumpWorkbook(page);

      await check(page);

      // Tables: the same ids, in the same order, with their sheet and range.
      const tableIds = await page.getByTestId("table-item").evaluateAll((items) => items.map((item) => item.getAttribute("data-table-id")));
      expect(tableIds).toEqual(expected.tables.map((table) => table.id));
      const tableLocations = await page.getByTestId("table-location").allTextContents();
      expect(tableLocations).toEqual(expected.tables.map((table) => `${table.sheet}!${rangeAddress(table.range)}`));

      // Findings: every one the engine reports, and nothing else.
      const listed = await listedFindings(page);
      const findingLocations = listed.map((finding) => `${finding.id}@${finding.location}`);
      expect(findingLocations.sort()).toEqual(expected.findings.map((finding) => `${finding.id}@${finding.sheet}!${finding.cell}`).sort());
      await expect(page.getByTestId("not-checked-item").count()).resolves.toBe(expected.notChecked.length);

      // The pane is 320 px wide in the harness: nothing may stick out sideways.
      await expect(page.getByTestId("pane-frame").evaluate((frame) => frame.scrollWidth - frame.clientWidth)).resolves.toBe(0);

      // Highlights: exactly the finding cells are marked, in the model and in the grid.
      const findingCells = [...new Set(expected.findings.flatMap((finding) => [finding.cell, ...(finding.cells ?? [])].map((cell) => `${finding.sheet}!${cell}`)))].sort();
      expect(await highlightedCells(page)).toEqual(findingCells);

      if (expected.findings.length > 0) {
        // Clicking a finding selects its cell; the grid shows that sheet with the cell selected.
        const items = page.getByTestId("finding-item");
        const first = (await items.nth(0).getAttribute("data-location"))!;
        await items.nth(0).click();
        await page.waitForFunction((target) => {
          const selected = window.budgetCheckHarness!.state().workbook!.selection;
          return selected !== undefined && `${selected.sheet}!${selected.range.top}:${selected.range.left}` === target;
        }, position(first));
        const firstCell = first.slice(first.lastIndexOf("!") + 1);
        await page.locator(`td[data-cell="${firstCell}"][data-selected="true"]`).waitFor();
        const gridHighlights = await page.locator("td[data-highlighted]").evaluateAll((cells) => cells.map((cell) => cell.getAttribute("data-cell")));
        const sheetOfFirst = first.slice(0, first.lastIndexOf("!"));
        expect(gridHighlights.sort()).toEqual(
          [...new Set(expected.findings.filter((finding) => finding.sheet === sheetOfFirst).flatMap((finding) => [finding.cell, ...(finding.cells ?? [])]))].sort(),
        );

        if (expected.findings.length > 1) {
          // The arrow key walks to the next finding and selects it.
          const second = (await items.nth(1).getAttribute("data-location"))!;
          await page.keyboard.press("ArrowDown");
          await page.waitForFunction(
            (target) => {
              const selected = window.budgetCheckHarness!.state().workbook!.selection;
              return selected !== undefined && `${selected.sheet}!${selected.range.top}:${selected.range.left}` === target;
            },
            position(second),
          );
          expect(await selection(page)).toBe(position(second));
        }

        // A finding naming several cells lists them; each one selects its own cell.
        const grouped = expected.findings.find((finding) => (finding.cells ?? []).length > 0);
        expect(listed.filter((finding) => finding.cells.length > 1)).toHaveLength(expected.findings.filter((finding) => (finding.cells ?? []).length > 0).length);
        if (grouped) {
          await revealFinding(page, grouped.id);
          const list = page.locator(`li:has([data-finding-id="${grouped.id}"]) [data-testid="finding-cells"]`);
          await expect(list.getByTestId("finding-cell").evaluateAll((buttons) => buttons.map((b) => b.getAttribute("data-cell")))).resolves.toEqual([grouped.cell, ...grouped.cells!]);
          await page.locator(`li:has([data-finding-id="${grouped.id}"])`).screenshot({ path: path.join(resultsDir, "grouped-finding.png") });
          const last = grouped.cells![grouped.cells!.length - 1]!;
          await list.locator(`[data-cell="${last}"]`).click();
          await page.waitForFunction((target) => {
            const selected = window.budgetCheckHarness!.state().workbook!.selection;
            return selected !== undefined && `${selected.sheet}!${selected.range.top}:${selected.range.left}` === target;
          }, position(`${grouped.sheet}!${last}`));
        }

        // Highlight off removes the marks, on brings them back.
        await page.getByTestId("highlight-switch").click();
        await page.waitForFunction(() => window.budgetCheckHarness!.state().workbook!.sheets.every((sheet) => sheet.conditionalFormats.length === 0));
        await page.getByTestId("highlight-switch").click();
        await page.waitForFunction(() => window.budgetCheckHarness!.state().workbook!.sheets.some((sheet) => sheet.conditionalFormats.length > 0));
        expect(await highlightedCells(page)).toEqual(findingCells);

        if (fixture === "lixia-2024-self-evaluation.xlsx") {
          await page.screenshot({ path: path.join(resultsDir, "harness-with-findings.png") });
          // Tall enough that the whole pane, findings included, is in the picture.
          await page.setViewportSize({ width: 1280, height: 2400 });
          await page.getByTestId("pane").screenshot({ path: path.join(resultsDir, "pane-with-findings.png") });
          await page.setViewportSize({ width: 1280, height: 900 });
        }
      }

      syncsPerCheck[fixture] = (await page.evaluate(() => window.budgetCheckHarness!.state().lastCheck!.syncs)) ?? -1;
      await expect(page.getByTestId("traffic").textContent()).resolves.toMatch(/\d+ 次 sync/);

      // Clear: every value and every format exactly as before the check, no marks left.
      await page.getByTestId("clear-button").click();
      await page.getByTestId("summary").waitFor({ state: "detached" });
      const after = await dumpWorkbook(page);
      expect(after).toEqual(before);
      expect(after.sheets.every((sheet) => sheet.conditionalFormats === 0)).toBe(true);
      const gridTable = page.getByTestId("grid-table");
      await expect(gridTable.locator("td[data-highlighted]").count()).resolves.toBe(0);

      expect(pageErrors).toEqual([]);
      expect(strayRequests.filter((url) => !url.endsWith("/favicon.ico"))).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);

  it("costs every fixture the same number of syncs per check", () => {
    const counts = new Set(Object.values(syncsPerCheck));
    expect(Object.keys(syncsPerCheck)).toHaveLength(FIXTURES.length);
    expect(counts.size).toBe(1);
  });

  it("shows a clear message for a corrupt file and keeps the pane and the open workbook", async () => {
    const { page } = await openHarness(browser);
    try {
      await page.waitForFunction(() => window.budgetCheckHarness?.state().workbook !== undefined);
      const fileBefore = await page.getByTestId("file-name").textContent();
      const real = readFileSync(path.join(fixturesDir, "minimal-project.xlsx"));
      await openWorkbook(page, "truncated.xlsx", real.subarray(0, 3000));
      const message = page.getByTestId("load-error");
      await message.waitFor();
      await expect(message.textContent()).resolves.toMatch(/truncated\.xlsx.*(损坏|无法读取)/);
      await openWorkbook(page, "notes.xlsx", Buffer.from("这不是工作簿"));
      await expect(message.textContent()).resolves.toMatch(/notes\.xlsx.*不是 Excel 工作簿/);
      await expect(page.getByTestId("file-name").textContent()).resolves.toBe(fileBefore);
      await expect(page.getByTestId("check-button").isVisible()).resolves.toBe(true);
      await check(page);
      await expect(page.getByTestId("pane-error").count()).resolves.toBe(0);
    } finally {
      await page.close();
    }
  }, 120_000);

  it("says so when a workbook holds no budget tables, in English when Office speaks English", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Notes").addRows([["Meeting notes"], ["Bring the 2024 figures"]]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    expect((await expectedResult(bytes)).tables).toEqual([]);
    const { page } = await openHarness(browser, "?lang=en-US");
    try {
      await openWorkbook(page, "notes.xlsx", bytes);
      await expect(page.getByTestId("check-button").textContent()).resolves.toBe("Check workbook");
      await check(page);
      await expect(page.getByTestId("empty-state").textContent()).resolves.toMatch(/No budget or performance tables found/);
    } finally {
      await page.close();
    }
  }, 120_000);
});

describe("the pane over sheets Excel treats specially", () => {
  it("lists findings of a protected sheet without marking them, says why, and offers to show a hidden sheet", async () => {
    const file = new ExcelJS.Workbook();
    await file.xlsx.load(readFileSync(path.join(fixturesDir, "lixia-2024-self-evaluation.xlsx")) as unknown as ExcelJS.Buffer);
    const hiddenSheet = "妇联-妇女儿童工作";
    const protectedSheet = "审批局-政务大厅";
    file.getWorksheet(hiddenSheet)!.state = "hidden";
    await file.getWorksheet(protectedSheet)!.protect("", {});
    const bytes = Buffer.from(await file.xlsx.writeBuffer());
    const expected = await expectedResult(bytes);
    expect(expected.findings.some((finding) => finding.sheet === hiddenSheet)).toBe(true);
    expect(expected.findings.some((finding) => finding.sheet === protectedSheet)).toBe(true);

    const { page, pageErrors } = await openHarness(browser);
    try {
      await openWorkbook(page, "special.xlsx", bytes);
      await check(page);
      // The protected sheet: its findings are listed, not marked, and the pane says why.
      const unmarked = page.locator(`[data-testid="unmarked-sheet"][data-sheet="${protectedSheet}"]`);
      await expect(unmarked.getAttribute("data-reason")).resolves.toBe("protected");
      await expect(unmarked.innerText()).resolves.toContain("受保护");
      expect((await highlightedCells(page)).some((cell) => cell.startsWith(`${protectedSheet}!`))).toBe(false);
      expect((await highlightedCells(page)).some((cell) => cell.startsWith(`${hiddenSheet}!`))).toBe(true);

      // The hidden sheet: clicking its finding says it is hidden; showing it goes to the cell.
      const hiddenFinding = expected.findings.find((finding) => finding.sheet === hiddenSheet)!;
      await revealFinding(page, hiddenFinding.id);
      const onHidden = page.locator(`[data-testid="finding-item"][data-finding-id="${hiddenFinding.id}"]`);
      const location = (await onHidden.getAttribute("data-location"))!;
      await onHidden.click();
      await page.getByTestId("hidden-sheet").waitFor();
      await expect(page.getByTestId("hidden-sheet").innerText()).resolves.toContain("已隐藏");
      await expect(page.getByTestId("pane-error").count()).resolves.toBe(0);
      await page.getByTestId("show-sheet-button").click();
      await page.waitForFunction((target) => {
        const selected = window.budgetCheckHarness!.state().workbook!.selection;
        return selected !== undefined && `${selected.sheet}!${selected.range.top}:${selected.range.left}` === target;
      }, position(location));
      await expect(page.evaluate((name) => window.budgetCheckHarness!.state().workbook!.sheet(name)!.visibility, hiddenSheet)).resolves.toBe("Visible");
      await page.getByTestId("hidden-sheet").waitFor({ state: "detached" });
      await page.getByTestId("pane").screenshot({ path: path.join(resultsDir, "pane-protected-and-hidden.png") });
      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 180_000);
});

describe("the task-pane page", () => {
  // The real page, started the way Office starts it: office.js from the CDN address, answered here by a
  // stub with Office.onReady and a minimal Excel.run, at the narrow width of a pane.
  it("starts inside Office, fits a 320 px pane and reports a workbook without tables", async () => {
    const { page, strayRequests, pageErrors } = await openBuiltPage(browser, "taskpane.html", { width: 320, height: 700 }, {
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js": OFFICE_STUB,
    });
    try {
      await page.getByTestId("check-button").click();
      await page.getByTestId("empty-state").waitFor();
      await expect(page.getByTestId("empty-state").textContent()).resolves.toMatch(/没有找到预算或绩效表格/);
      await expect(page.evaluate(() => (window as unknown as { excelSyncs: number }).excelSyncs)).resolves.toBeGreaterThan(0);
      // Every batch waits for the user to leave cell edit mode.
      const runOptions = await page.evaluate(() => (window as unknown as { excelRunOptions: unknown[] }).excelRunOptions);
      expect(runOptions.length).toBeGreaterThan(0);
      expect(runOptions.every((options) => JSON.stringify(options) === JSON.stringify({ delayForCellEdit: true }))).toBe(true);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
      expect(pageErrors).toEqual([]);
      expect(strayRequests).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
