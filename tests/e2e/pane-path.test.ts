// End to end in headless Chromium: the pane's own path on large generated workbooks. On the
// benchmark's workbook, 检查工作簿 shows what the engine finds and the split of read, check,
// highlight and render; with 5,000 findings the list keeps only the rows in view in the document and
// still scrolls, walks, selects, accepts and filters. No figure is held to a time: speed is for
// `npm run bench:pane`; here the figures must only be consistent with each other and with the clock.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { BASE_SHAPE, generateWorkbook, scaled } from "../../bench/generate";
import { generateSlippedWorkbook } from "../../bench/many-findings";
import { checkWorkbook } from "../../src/core/engine";
import { MANY_FINDINGS_SLIPS } from "../../src/harness/generated-workbooks";
import { buildReportView, SHOW_ALL } from "../../src/taskpane/report-view";
import { buildPages, launchBrowser, openHarness, resultsDir, timingTotal, waitForNewTiming } from "./harness-browser";

/** A list box of at most 70 % of the 900 px page holds about ten findings; with the rows rendered
 *  around it a few dozen at most are in the document, never thousands. */
const MOST_ROWS_IN_DOCUMENT = 60;

let browser: Browser;

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  buildPages();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
});

interface PaneTiming {
  readMs: number;
  checkMs: number;
  highlightMs: number;
  renderMs: number;
  totalMs: number;
}

async function openGenerated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const state = window.budgetCheckHarness?.state();
    return state !== undefined && !state.loading && state.workbook !== undefined;
  }, undefined, { timeout: 120_000 });
}

/** Presses 检查工作簿 and waits for the list to be painted; answers the pane's figures and the time the test saw pass. */
async function checkAndTime(page: Page): Promise<{ timing: PaneTiming; wallMs: number }> {
  const before = await timingTotal(page);
  const started = Date.now();
  await page.getByTestId("check-button").click();
  await waitForNewTiming(page, before);
  const line = page.getByTestId("check-timing");
  const wallMs = Date.now() - started;
  const figure = async (name: string) => Number(await line.getAttribute(`data-${name}-ms`));
  const timing = { readMs: await figure("read"), checkMs: await figure("check"), highlightMs: await figure("highlight"), renderMs: await figure("render"), totalMs: await figure("total") };
  return { timing, wallMs };
}

function expectConsistent({ timing, wallMs }: { timing: PaneTiming; wallMs: number }): void {
  for (const value of Object.values(timing)) expect(Number.isFinite(value)).toBe(true);
  // Reading and checking a large workbook and painting a list take some time, however fast the machine.
  expect(timing.readMs).toBeGreaterThan(0);
  expect(timing.checkMs).toBeGreaterThan(0);
  expect(timing.renderMs).toBeGreaterThan(0);
  expect(timing.highlightMs).toBeGreaterThanOrEqual(0);
  // The steps follow one another inside the check, which lies inside what the test saw.
  expect(timing.readMs + timing.checkMs + timing.highlightMs + timing.renderMs).toBeLessThanOrEqual(timing.totalMs + 0.5);
  expect(timing.totalMs).toBeLessThanOrEqual(wallMs + 1);
}

function position(location: string): string {
  const bang = location.lastIndexOf("!");
  const match = /^([A-Z]+)(\d+)$/.exec(location.slice(bang + 1))!;
  const col = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return `${location.slice(0, bang)}!${match[2]}:${col}`;
}

async function waitForSelection(page: Page, location: string): Promise<void> {
  await page.waitForFunction((target) => {
    const selected = window.budgetCheckHarness!.state().workbook!.selection;
    return selected !== undefined && `${selected.sheet}!${selected.range.top}:${selected.range.left}` === target;
  }, position(location));
}

/** Whether the finding's row is rendered and lies inside the list box's visible part. */
function isInView(id: string): boolean {
  const scroller = document.querySelector('[data-testid="finding-list"]')!.getBoundingClientRect();
  const item = document.querySelector(`[data-testid="finding-item"][data-finding-id="${id}"]`)?.getBoundingClientRect();
  return item !== undefined && item.top >= scroller.top - 1 && item.bottom <= scroller.bottom + 1;
}

const inView = (page: Page, findingId: string) => page.evaluate(isInView, findingId);
/** The list scrolls to a finding over a few frames (rows are measured on the way). */
const waitUntilInView = (page: Page, findingId: string) => page.waitForFunction(isInView, findingId);

const findingItem = (page: Page, id: string) => page.locator(`[data-testid="finding-item"][data-finding-id="${id}"]`);

/** The pane's 发现的问题 section: filters, position, list; shorter than the page, so a screenshot holds it whole. */
const findingsSection = (page: Page) => page.locator('section:has([data-testid="finding-list"])');

const findingRowsInDocument = (page: Page) => page.getByTestId("finding-item").count();

/** Scrolls the list box to its end as a user drags its scrollbar down, until its end stays put
 *  (rows measured on the way change the list's height). */
async function scrollListToEnd(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const scroller = document.querySelector<HTMLElement>('[data-testid="finding-list"]')!;
      const atEnd = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1;
      scroller.scrollTop = scroller.scrollHeight;
      return atEnd;
    },
    undefined,
    { polling: 100 },
  );
}

describe("the pane's own path on large workbooks", () => {
  const figures: Record<string, PaneTiming & { wallMs: number; findings: number; tables: number }> = {};

  afterAll(() => {
    // The figures of this run, for a person to read; the benchmark is `npm run bench:pane`.
    if (Object.keys(figures).length > 0) writeFileSync(path.join(resultsDir, "pane-timing.json"), JSON.stringify(figures, null, 2));
  });

  it("checks the benchmark's workbook: every table the engine finds, its findings, and the time of each step", async () => {
    const expected = checkWorkbook(generateWorkbook(scaled(BASE_SHAPE, 1)));
    const { page, pageErrors, strayRequests } = await openHarness(browser, "?workbook=bench");
    try {
      await openGenerated(page);
      const measured = await checkAndTime(page);
      expectConsistent(measured);
      figures.bench = { ...measured.timing, wallMs: measured.wallMs, findings: expected.findings.length, tables: expected.tables.length };

      await expect(page.getByTestId("summary").textContent()).resolves.toContain(`识别到 ${expected.tables.length} 张表，发现 ${expected.findings.length} 个问题`);
      const tableIds = await page.getByTestId("table-item").evaluateAll((items) => items.map((item) => item.getAttribute("data-table-id")));
      expect(tableIds).toEqual(expected.tables.map((table) => table.id));
      if (expected.findings.length === 0) {
        await expect(page.getByTestId("no-findings").isVisible()).resolves.toBe(true);
      } else {
        await expect(page.getByTestId("finding-position").textContent()).resolves.toBe(`显示 ${expected.findings.length} 条`);
      }
      // The line reads Chinese first, each step named.
      await expect(page.getByTestId("check-timing").textContent()).resolves.toMatch(/^用时：读取 .+ · 检查 .+ · 标出 .+ · 显示 .+（共 .+）$/);

      // 重新检查 measures again, from its own press.
      expectConsistent(await checkAndTime(page));
      expect(pageErrors).toEqual([]);
      expect(strayRequests.filter((url) => !url.endsWith("/favicon.ico"))).toEqual([]);
    } finally {
      await page.close();
    }
  }, 300_000);

  it("lists 5,000 findings with only the rows in view in the document; scrolls, walks, selects, accepts and filters", async () => {
    const expected = checkWorkbook(generateSlippedWorkbook(MANY_FINDINGS_SLIPS));
    expect(expected.findings.length).toBeGreaterThanOrEqual(5000);
    const view = buildReportView(expected, SHOW_ALL, "zh");
    const first = view.ordered[0];
    const second = view.ordered[1];
    const last = view.ordered[view.ordered.length - 1];
    const { page, pageErrors } = await openHarness(browser, "?workbook=many-findings");
    try {
      await openGenerated(page);
      const measured = await checkAndTime(page);
      expectConsistent(measured);
      figures["many-findings"] = { ...measured.timing, wallMs: measured.wallMs, findings: expected.findings.length, tables: expected.tables.length };

      // Every finding is counted and listed, a few rows are in the document.
      await expect(page.getByTestId("summary").textContent()).resolves.toContain(`发现 ${expected.findings.length} 个问题`);
      await expect(page.getByTestId("finding-position").textContent()).resolves.toBe(`显示 ${expected.findings.length} 条`);
      await expect(page.getByTestId("finding-list").getAttribute("data-rows")).resolves.toBe(String(view.ordered.length + view.groups.length));
      const atTop = await findingRowsInDocument(page);
      expect(atTop).toBeGreaterThan(0);
      expect(atTop).toBeLessThanOrEqual(MOST_ROWS_IN_DOCUMENT);
      await expect(inView(page, first.id)).resolves.toBe(true);
      await expect(page.getByTestId("finding-group").first().textContent()).resolves.toBe(view.groups[0].heading);
      await findingsSection(page).screenshot({ path: path.join(resultsDir, "pane-5000-findings.png") });

      // A reason typed under a finding outlives its row being scrolled out of the document.
      const secondRow = page.locator(`li:has([data-testid="finding-item"][data-finding-id="${second.id}"])`);
      await secondRow.getByTestId("accept-button").click();
      await secondRow.getByTestId("accept-reason").fill("口径已核实");

      // Scrolled to the end: the last finding is in view, the document still holds a few rows.
      await scrollListToEnd(page);
      await findingItem(page, last.id).waitFor();
      await expect(inView(page, last.id)).resolves.toBe(true);
      await expect(findingItem(page, second.id).count()).resolves.toBe(0);
      expect(await findingRowsInDocument(page)).toBeLessThanOrEqual(MOST_ROWS_IN_DOCUMENT);
      await findingsSection(page).screenshot({ path: path.join(resultsDir, "pane-5000-findings-end.png") });

      // Clicking it selects its cell in the workbook.
      await findingItem(page, last.id).click();
      await waitForSelection(page, last.location);
      await expect(page.getByTestId("finding-position").textContent()).resolves.toBe(`第 ${view.ordered.length} / ${view.ordered.length} 条`);

      // ↓ from the last finding wraps to the first: the list scrolls back and Excel goes there; ↑ returns.
      await page.keyboard.press("ArrowDown");
      await waitForSelection(page, first.location);
      await waitUntilInView(page, first.id);
      await expect(page.evaluate(() => document.activeElement?.getAttribute("data-finding-id"))).resolves.toBe(first.id);
      await page.keyboard.press("ArrowUp");
      await waitForSelection(page, last.location);
      await waitUntilInView(page, last.id);
      expect(await findingRowsInDocument(page)).toBeLessThanOrEqual(MOST_ROWS_IN_DOCUMENT);

      // Back at the top the reason is still there; accepting it takes the finding out of the list and the count.
      await page.keyboard.press("ArrowDown");
      await waitUntilInView(page, first.id);
      await expect(secondRow.getByTestId("accept-reason").inputValue()).resolves.toBe("口径已核实");
      await secondRow.getByTestId("accept-confirm").click();
      await page.locator(`[data-testid="accepted-item"][data-location="${second.location}"]`).waitFor({ timeout: 120_000 });
      await page.getByTestId("progress").waitFor({ state: "detached" });
      await expect(page.getByTestId("summary").textContent()).resolves.toContain(`发现 ${expected.findings.length - 1} 个问题`);
      await expect(page.locator(`[data-testid="finding-item"][data-location="${second.location}"]`).count()).resolves.toBe(0);

      // The severity filter empties the list and brings it back.
      await page.getByTestId("filter-error").click();
      await page.getByText("当前筛选条件下没有问题。").waitFor();
      await expect(findingRowsInDocument(page)).resolves.toBe(0);
      await page.getByTestId("filter-error").click();
      await expect(page.getByTestId("finding-position").textContent()).resolves.toMatch(new RegExp(` / ${expected.findings.length - 1} 条$|^显示 ${expected.findings.length - 1} 条$`));
      const afterFilter = await findingRowsInDocument(page);
      expect(afterFilter).toBeGreaterThan(0);
      expect(afterFilter).toBeLessThanOrEqual(MOST_ROWS_IN_DOCUMENT);

      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 300_000);
});
