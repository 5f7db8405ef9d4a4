// End to end in headless Chromium: the pane's 新建项目 form inserts a project form into the harness
// workbook through the real Excel adapter. Expected cells come from the core's plan for the same
// options against the same fixture, never from fixed addresses alone.
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { inputCells, insertionContext, planTemplate, type TemplatePlan } from "../../src/core/templates";
import { TABLE_KIND_NAMES } from "../../src/core/report/vocabulary";
import { rangeAddress } from "../../src/core/workbook/address";
import type { WorkbookDump } from "../../src/harness/simulated-workbook";
import { readWorkbook } from "../../src/io/xlsx-reader";
import { buildPages, fixturesDir, launchBrowser, openHarness, openWorkbook, resultsDir } from "./harness-browser";

const FIXTURE = "minimal-project.xlsx";
const ENTERED = { projectName: "社区图书室图书购置", department: "区文化和旅游局", implementingUnit: "区图书馆", year: "2026", fiscal: "12.50", carryOver: "3.25", other: "1.1" };

let browser: Browser;
let bytes: Buffer;
let plan: TemplatePlan;

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  buildPages();
  browser = await launchBrowser();
  bytes = readFileSync(path.join(fixturesDir, FIXTURE));
  plan = planTemplate("project-performance-target", {
    ...ENTERED,
    year: Number(ENTERED.year),
    funds: { fiscal: ENTERED.fiscal, carryOver: ENTERED.carryOver, other: ENTERED.other },
    indicatorRows: 1,
    existing: insertionContext(await readWorkbook(new Uint8Array(bytes))),
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

const dumpWorkbook = (page: Page): Promise<WorkbookDump> => page.evaluate(() => window.budgetCheckHarness!.state().workbook!.dump());

async function openFormOnFixture(): Promise<{ page: Page; pageErrors: string[]; strayRequests: string[] }> {
  const opened = await openHarness(browser);
  await openWorkbook(opened.page, FIXTURE, bytes);
  await opened.page.getByTestId("tab-new-project").click();
  await opened.page.getByTestId("new-project-form").waitFor();
  return opened;
}

async function fillForm(page: Page): Promise<void> {
  for (const [field, value] of Object.entries(ENTERED)) await page.getByTestId(`new-project-${field}`).fill(value);
}

/** Submits and waits for the outcome; returns the new sheet's name from the success message. */
async function submit(page: Page): Promise<string> {
  await page.getByTestId("new-project-submit").click();
  const success = page.getByTestId("new-project-success");
  await Promise.race([success.waitFor(), page.getByTestId("new-project-error").waitFor().then(async () => Promise.reject(new Error(await page.getByTestId("new-project-error").innerText())))]);
  return (await success.getAttribute("data-sheet"))!;
}

function sheetCells(dump: WorkbookDump, sheet: string): Map<string, WorkbookDump["sheets"][number]["cells"][number]> {
  return new Map(dump.sheets.find((entry) => entry.name === sheet)!.cells.map((cell) => [cell.address, cell]));
}

describe("新建项目 in the pane", () => {
  it("inserts a project form with the entered values, formulas and dropdowns, selects its first input, and the checker detects it", async () => {
    const { page, pageErrors, strayRequests } = await openFormOnFixture();
    try {
      const before = await dumpWorkbook(page);
      await fillForm(page);
      // Tall enough that the whole form shows without scrolling the pane.
      await page.setViewportSize({ width: 1280, height: 1300 });
      await page.getByTestId("pane-frame").screenshot({ path: path.join(resultsDir, "new-project-form.png") });

      const sheet = await submit(page);
      expect(sheet).toBe(plan.layout.sheet);
      expect(before.sheets.map((entry) => entry.name)).not.toContain(sheet);
      await expect(page.getByTestId("new-project-success").innerText()).resolves.toContain(sheet);

      // The original sheet is unchanged, cell for cell; the new one sits beside it.
      const after = await dumpWorkbook(page);
      expect(after.sheets.find((entry) => entry.name === before.sheets[0].name)).toEqual(before.sheets[0]);
      expect(after.sheets.filter((entry) => entry.visibility === "Visible").map((entry) => entry.name)).toEqual([...before.sheets.map((entry) => entry.name), sheet]);

      // Labels and entered values.
      const cells = sheetCells(after, sheet);
      expect(cells.get("A1")?.value).toBe("项目支出绩效目标表");
      expect(cells.get("A2")?.value).toBe("（2026年度）");
      expect(cells.get("A5")?.value).toMatch(/项目资金/);
      expect(cells.get("B3")?.value).toBe(ENTERED.projectName);
      expect(cells.get("B4")?.value).toBe(ENTERED.department);
      expect(cells.get("E4")?.value).toBe(ENTERED.implementingUnit);
      expect(["C6", "C7", "C8"].map((address) => cells.get(address)?.value)).toEqual([12.5, 3.25, 1.1]);
      // The total is a formula, and its value is the sum (12.50 + 3.25 + 1.10 = 16.85).
      expect(cells.get("C5")).toMatchObject({ formula: "=SUM(C6:C8)", valueType: "Double" });
      expect(cells.get("C5")!.value).toBeCloseTo(16.85, 10);

      // 一级 cells offer the 一级 list; each 二级 cell's list follows the 一级 of its own block.
      const validations = await page.evaluate(
        (name) => window.budgetCheckHarness!.state().workbook!.sheet(name)!.validations.map((v) => ({ top: v.range.top, left: v.range.left, type: v.type, source: v.source })),
        sheet,
      );
      const ruleAt = (address: string) => {
        const match = /^([A-Z]+)(\d+)$/.exec(address)!;
        const col = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
        return validations.find((v) => v.top === Number(match[2]) && v.left === col);
      };
      const inputs = inputCells(plan.layout);
      const level1 = inputs.filter((cell) => cell.input!.role === "indicator.level1");
      const level2 = inputs.filter((cell) => cell.input!.role === "indicator.level2");
      expect(level1.length).toBeGreaterThanOrEqual(4);
      for (const cell of level1) expect(ruleAt(cell.at)).toMatchObject({ type: "list", source: "=bc_t1_l1" });
      for (const cell of level2) {
        const source = ruleAt(cell.at)?.source ?? "";
        expect(source).toMatch(/^=INDIRECT\("bc_t1_l2_"&MATCH\(\$B\$(\d+),bc_t1_l1,0\)\)$/);
        // The 一级 it follows is the nearest 一级 cell at or above its row.
        const row = Number(/\d+$/.exec(cell.at)![0]);
        const owner = level1.filter((l1) => Number(/\d+$/.exec(l1.at)![0]) <= row).pop()!;
        expect(source).toContain(`$B$${/\d+$/.exec(owner.at)![0]}`);
      }

      // Selection on the first input cell, shown in the grid on the new sheet's tab.
      const first = inputs[0].at;
      await expect(page.evaluate(() => window.budgetCheckHarness!.state().workbook!.selection)).resolves.toMatchObject({ sheet, range: { top: 3, left: 2 } });
      expect(first).toBe("B3");
      await expect(page.locator('[role="tab"][aria-selected="true"]', { hasText: sheet }).count()).resolves.toBe(1);
      await expect(page.getByTestId("grid-table").getAttribute("data-sheet")).resolves.toBe(sheet);
      await expect(page.locator(`[data-cell="${first}"]`).getAttribute("data-selected")).resolves.toBe("true");
      await expect(page.locator(`[data-cell="${level1[0].at}"]`).getAttribute("data-dropdown")).resolves.toBe("true");
      await expect(page.locator('[data-cell="C5"]').innerText()).resolves.toBe("16.85");
      // The insertion is one batch: one sync reading which sheets and names exist, one writing the form.
      await expect(page.evaluate(() => window.budgetCheckHarness!.state().lastInsert?.syncs)).resolves.toBe(2);
      // The form said before inserting that Excel's undo history goes.
      await expect(page.getByTestId("undo-note").innerText()).resolves.toContain("撤消");
      await page.getByTestId("grid").screenshot({ path: path.join(resultsDir, "new-project-grid.png") });

      // 检查工作簿 finds the new sheet as a project performance-target form.
      await page.getByTestId("tab-check").click();
      await page.getByTestId("check-button").click();
      await page.getByTestId("summary").waitFor();
      const items = await page.getByTestId("table-item").evaluateAll((nodes) =>
        nodes.map((node) => ({ location: node.querySelector('[data-testid="table-location"]')?.textContent ?? "", text: node.textContent ?? "" })),
      );
      const ours = items.find((item) => item.location === `${sheet}!${rangeAddress(plan.layout.range)}`);
      expect(ours?.text).toContain(TABLE_KIND_NAMES["project-performance-target"].zh);

      expect(pageErrors).toEqual([]);
      expect(strayRequests).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);

  it("inserts a second form under a new name when the wanted name is taken, leaving the first as it was", async () => {
    const { page, pageErrors } = await openFormOnFixture();
    try {
      await fillForm(page);
      const firstSheet = await submit(page);
      const afterFirst = await dumpWorkbook(page);
      const secondSheet = await submit(page);
      const afterSecond = await dumpWorkbook(page);

      expect(secondSheet).toBe(`${firstSheet} (2)`);
      expect(afterSecond.sheets.find((entry) => entry.name === firstSheet)).toEqual(afterFirst.sheets.find((entry) => entry.name === firstSheet));
      expect(afterSecond.sheets.filter((entry) => entry.visibility === "Visible").map((entry) => entry.name)).toEqual(["项目支出绩效目标表", firstSheet, secondSheet]);
      expect(sheetCells(afterSecond, secondSheet).get("B3")?.value).toBe(ENTERED.projectName);
      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 120_000);

  it("shows field messages and inserts nothing when the year or an amount is wrong", async () => {
    const { page } = await openFormOnFixture();
    try {
      const before = await dumpWorkbook(page);
      await fillForm(page);
      await page.getByTestId("new-project-year").fill("26");
      await page.getByTestId("new-project-fiscal").fill("12.505");
      await page.getByTestId("new-project-submit").click();
      await page.getByTestId("new-project-error").waitFor();
      const form = await page.getByTestId("new-project-form").innerText();
      expect(form).toContain("年度应为 2000–2100 之间的四位年份");
      expect(form).toContain("金额应为不小于 0 的数字");
      expect(await dumpWorkbook(page)).toEqual(before);
    } finally {
      await page.close();
    }
  }, 120_000);
});
