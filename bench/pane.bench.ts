// `npm run bench:pane`: the pane's own path in the harness, in headless Chromium, on the generated
// workbooks (harness.html?workbook=…): the benchmark's workbook and the one with 5,000 findings,
// each with the harness's grid beside the pane and without it (?grid=off: the pane alone, as in
// Excel, where no grid of ours is laid out in the same page). Each run opens a fresh page and
// presses 检查工作簿 (a first check, as a user's) and then 重新检查; the pane's own figures are read
// from its timing line (read, check, highlight, render, total) and the median of the runs
// (BENCH_RUNS, default 5) is printed, with the finding rows in the document.
// The pages are built as the end-to-end tests build them, into the same folder.
import type { Browser, Page } from "playwright-core";
import { buildPages, launchBrowser, openHarness, timingTotal, waitForNewTiming } from "../tests/e2e/harness-browser";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CASES = [
  { workbook: "bench", grid: true },
  { workbook: "bench", grid: false },
  { workbook: "many-findings", grid: true },
  { workbook: "many-findings", grid: false },
] as const;
const STEPS = ["read", "check", "highlight", "render", "total"] as const;

type Figures = Record<(typeof STEPS)[number], number> & { rowsInDocument: number };

interface Summary {
  readonly tables: number;
  readonly findings: number;
}

async function pressCheck(page: Page): Promise<Figures> {
  const before = await timingTotal(page);
  await page.getByTestId("check-button").click();
  await waitForNewTiming(page, before);
  const line = page.getByTestId("check-timing");
  const figures = {} as Figures;
  for (const step of STEPS) figures[step] = Number(await line.getAttribute(`data-${step}-ms`));
  figures.rowsInDocument = await page.getByTestId("finding-item").count();
  return figures;
}

async function runOnce(browser: Browser, workbook: string, grid: boolean): Promise<{ first: Figures; again: Figures; summary: Summary }> {
  const { page, pageErrors } = await openHarness(browser, `?workbook=${workbook}${grid ? "" : "&grid=off"}`);
  try {
    await page.waitForFunction(() => {
      const state = window.budgetCheckHarness?.state();
      return state !== undefined && !state.loading && state.workbook !== undefined;
    }, undefined, { timeout: 120_000 });
    const first = await pressCheck(page);
    const again = await pressCheck(page);
    const summary = await page.getByTestId("summary").textContent();
    const counts = /识别到 (\d+) 张表，发现 (\d+) 个问题/.exec(summary ?? "");
    if (!counts) throw new Error(`unexpected summary: ${summary}`);
    if (pageErrors.length > 0) throw new Error(`page errors: ${pageErrors.join("; ")}`);
    return { first, again, summary: { tables: Number(counts[1]), findings: Number(counts[2]) } };
  } finally {
    await page.close();
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  buildPages();
  const browser = await launchBrowser();
  const pad = (value: string | number, width: number) => String(value).padStart(width);
  const rows: string[] = [];
  try {
    for (const { workbook, grid } of CASES) {
      const runs: Awaited<ReturnType<typeof runOnce>>[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await runOnce(browser, workbook, grid));
      const { tables, findings } = runs[0].summary;
      for (const press of ["first", "again"] as const) {
        const cells = STEPS.map((step) => pad(median(runs.map((run) => run[press][step])).toFixed(0), 10));
        const rowsInDocument = median(runs.map((run) => run[press].rowsInDocument));
        const label = `${workbook}${grid ? "" : ", no grid"}`;
        rows.push(`${label.padEnd(23)}  ${pad(tables, 6)}  ${pad(findings, 8)}  ${(press === "first" ? "first check" : "check again").padEnd(11)}  ${cells.join("  ")}  ${pad(rowsInDocument, 11)}`);
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`the pane in the harness (headless Chromium), median of ${RUNS} fresh pages; ms from the pane's own timing line`);
  console.log("workbook                 tables  findings  press         read (ms)  check (ms)  highl. (ms)  render (ms)  total (ms)  rows in DOM");
  for (const row of rows) console.log(row);
  console.log("  read: calculation mode + snapshot through the simulated Excel; check: the engine; highlight: the marks;");
  console.log("  render: results → list painted; total: button press → list painted; rows in DOM: finding rows rendered");
}

void main();
