// End to end in headless Chromium: a reviewer accepts a finding with a reason in the pane, saves and
// reopens the workbook (the mark is still there and not counted), budget-check reads the saved file
// and lists it as accepted, the cell is changed and the mark shows as stale; one edited cell makes
// the pane re-read only its table (the harness's read counter says how many cells were read).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { checkForReview } from "../../src/core/review";
import { readWorkbook } from "../../src/io/xlsx-reader";
import { buildCli, PROGRAM, ROOT } from "../cli/run-cli";
import { buildPages, fixturesDir, launchBrowser, listedFindings, openHarness, openWorkbook, resultsDir, revealFinding } from "./harness-browser";

const FIXTURE = "liaocheng-2024-formulas.xlsx";
const REASON = "科目口径不同，已与财政局核实";

let browser: Browser;
const work = mkdtempSync(path.join(os.tmpdir(), "bc-review-e2e-"));

beforeAll(async () => {
  mkdirSync(resultsDir, { recursive: true });
  buildPages();
  buildCli();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

async function check(page: Page): Promise<void> {
  await page.getByTestId("check-button").click();
  await page.getByTestId("summary").waitFor();
  await page.getByTestId("progress").waitFor({ state: "detached" });
}

const findingLocations = async (page: Page) => (await listedFindings(page)).map((finding) => finding.location);

describe("the reviewers' workflow in the pane", () => {
  it("accepts a finding with a reason, keeps it through save and reopen, budget-check lists it as accepted, and a changed cell makes it stale", async () => {
    const bytes = readFileSync(path.join(fixturesDir, FIXTURE));
    const expected = checkForReview(await readWorkbook(new Uint8Array(bytes)));
    const target = expected.findings.find((finding) => finding.rule === "totals/hierarchy-sum")!;
    const location = `${target.sheet}!${target.cell}`;
    const { page, pageErrors, strayRequests } = await openHarness(browser);
    try {
      await openWorkbook(page, FIXTURE, bytes);
      await check(page);
      expect((await findingLocations(page)).sort()).toEqual(expected.findings.map((f) => `${f.sheet}!${f.cell}`).sort());

      // 接受…: a reason is required before the mark can be saved.
      await revealFinding(page, target.id);
      const item = page.locator(`li:has([data-testid="finding-item"][data-location="${location}"])`).first();
      await item.getByTestId("accept-button").click();
      await expect(item.getByTestId("accept-confirm").isDisabled()).resolves.toBe(true);
      await item.getByTestId("accept-reason").fill(REASON);
      await item.getByTestId("accept-confirm").click();
      await page.locator(`[data-testid="accepted-item"][data-location="${location}"]`).waitFor();
      await expect(page.getByTestId("mark-reason").first().textContent()).resolves.toContain(REASON);
      expect(await findingLocations(page)).not.toContain(location);
      expect(await findingLocations(page)).toHaveLength(expected.findings.length - 1);
      await expect(page.getByTestId("summary").textContent()).resolves.toContain(`发现 ${expected.findings.length - 1} 个问题`);
      // The accepted cell is no longer highlighted.
      const marked = await page.evaluate(
        (sheet) => window.budgetCheckHarness!.state().workbook!.sheet(sheet)!.conditionalFormats.flatMap((format) => format.ranges.map((r) => `${r.top}:${r.left}`)),
        target.sheet,
      );
      const { row, col } = { row: Number(/\d+/.exec(target.cell)![0]), col: /^[A-Z]+/.exec(target.cell)![0].split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) };
      expect(marked).not.toContain(`${row}:${col}`);
      await page.getByTestId("pane").screenshot({ path: path.join(resultsDir, "pane-accepted.png") });

      // Save, close and reopen: the mark is in the file, the finding still not counted.
      const generation = await page.evaluate(() => window.budgetCheckHarness!.state().generation);
      await page.getByTestId("save-reopen-button").click();
      await page.waitForFunction((before) => {
        const state = window.budgetCheckHarness!.state();
        return state.generation !== before && !state.loading;
      }, generation);
      await check(page);
      await page.locator(`[data-testid="accepted-item"][data-location="${location}"]`).waitFor();
      expect(await findingLocations(page)).not.toContain(location);
      expect(await findingLocations(page)).toHaveLength(expected.findings.length - 1);

      // budget-check on the saved file lists it as accepted, with its reason, and does not count it.
      const saved = path.join(work, "saved.xlsx");
      writeFileSync(saved, Buffer.from(await page.evaluate(() => window.budgetCheckHarness!.savedBase64()), "base64"));
      const run = spawnSync(process.execPath, [PROGRAM, "check", saved, "--format", "json"], { cwd: ROOT, encoding: "utf8" });
      const [report] = JSON.parse(run.stdout).files as { findings: { sheet: string; cell: string }[]; accepted: { sheet: string; cell: string; reason: string }[] }[];
      expect(report.accepted).toEqual([expect.objectContaining({ sheet: target.sheet, cell: target.cell, reason: REASON })]);
      expect(report.findings.map((f) => `${f.sheet}!${f.cell}`)).not.toContain(location);
      expect(report.findings).toHaveLength(expected.findings.length - 1);

      // The cell changes: the pane re-checks on Excel's change event and shows the mark as stale.
      await page.evaluate(({ sheet, cell }) => window.budgetCheckHarness!.editCells(sheet, cell, [[99999.99]]), { sheet: target.sheet, cell: target.cell });
      await page.locator(`[data-testid="stale-item"][data-location="${location}"]`).waitFor();
      await expect(page.locator(`[data-testid="stale-item"][data-location="${location}"]`).getByTestId("stale-why").textContent()).resolves.toContain("99999.99");
      await expect(page.locator(`[data-testid="accepted-item"][data-location="${location}"]`).count()).resolves.toBe(0);
      expect(await findingLocations(page)).toContain(location);

      // 撤销接受 resets it.
      await page.locator(`[data-testid="stale-item"][data-location="${location}"]`).getByTestId("reset-mark").click();
      await page.getByTestId("stale-item").waitFor({ state: "detached" });

      expect(pageErrors).toEqual([]);
      expect(strayRequests.filter((url) => !url.endsWith("/favicon.ico"))).toEqual([]);
    } finally {
      await page.close();
    }
  }, 240_000);

  it("re-reads only the table an edited cell belongs to, and writes the 审核报告 sheet", async () => {
    const bytes = readFileSync(path.join(fixturesDir, FIXTURE));
    const expected = checkForReview(await readWorkbook(new Uint8Array(bytes)));
    const form = expected.tables.filter((table) => table.kind === "project-performance-target")[1];
    const tableCells = (form.range.bottom - form.range.top + 1) * (form.range.right - form.range.left + 1);
    const { page, pageErrors } = await openHarness(browser);
    try {
      await openWorkbook(page, FIXTURE, bytes);
      await check(page);
      const fullRead = await page.evaluate(() => window.budgetCheckHarness!.state().lastCheck!.cellsRead!);

      await page.evaluate(({ sheet, cell }) => window.budgetCheckHarness!.editCells(sheet, cell, [["≥95"]]), { sheet: form.sheet, cell: `C${form.range.top + 5}` });
      await page.waitForFunction(() => document.querySelector('[data-testid="recheck-status"]') !== null);
      await page.getByTestId("progress").waitFor({ state: "detached" });
      await expect(page.getByTestId("recheck-status").getAttribute("data-tables")).resolves.toBe(form.id);
      const reread = await page.evaluate(() => window.budgetCheckHarness!.state().lastRecheck!.cellsRead!);
      expect(reread).toBe(tableCells);
      expect(reread).toBeLessThan(fullRead / 5);

      // The list now shows what a full check of the edited workbook shows.
      const edited = checkForReview(await readWorkbook(new Uint8Array(Buffer.from(await page.evaluate(() => window.budgetCheckHarness!.savedBase64()), "base64"))));
      expect((await findingLocations(page)).sort()).toEqual(edited.findings.map((f) => `${f.sheet}!${f.cell}`).sort());

      // 导出 CSV saves the same list: a BOM, the report's header, one row per finding.
      const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-csv-button").click()]);
      expect(download.suggestedFilename()).toBe("审核报告.csv");
      const csv = readFileSync((await download.path())!, "utf8");
      expect(csv.startsWith("\uFEFF序号,位置,工作表,单元格,严重程度,规则,类别,说明,应为,实为,接受理由\r\n")).toBe(true);
      expect(csv.trimEnd().split("\r\n")).toHaveLength(edited.findings.length + 1);

      // 生成审核报告 inserts the sheet; pressing it again refreshes the same sheet.
      for (let round = 0; round < 2; round++) {
        await page.getByTestId("write-report-button").click();
        await page.getByTestId("report-written").waitFor();
      }
      const sheets = await page.evaluate(() => window.budgetCheckHarness!.state().workbook!.sheets.map((sheet) => sheet.name));
      expect(sheets.filter((name) => name.startsWith("审核报告"))).toEqual(["审核报告"]);
      const reportRows = await page.evaluate(() => {
        const sheet = window.budgetCheckHarness!.state().workbook!.sheet("审核报告")!;
        return [...sheet.cells.keys()].filter((key) => key.endsWith(":1")).length;
      });
      expect(reportRows).toBe(edited.findings.length + 1);
      // The report sheet is not read as a form on the next check.
      await check(page);
      await expect(page.getByTestId("table-item").count()).resolves.toBe(expected.tables.length);
      expect(pageErrors).toEqual([]);
    } finally {
      await page.close();
    }
  }, 240_000);
});
