// Shared set-up of the end-to-end tests: one production build of the pages into test-results/, and a
// headless Chromium that serves it from a fake origin with no network at all.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";

export const repoRoot = path.resolve(__dirname, "..", "..");
export const fixturesDir = path.join(repoRoot, "..", "shared", "fixtures");
export const resultsDir = path.join(repoRoot, "test-results");
const buildDir = path.join(resultsDir, "e2e-dist");
const ORIGIN = "http://harness.test";

/** Chromium flags that work headless on this kind of machine (see the project's Office notes). */
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

export function buildPages(): void {
  const build = spawnSync("npx", ["webpack", "--mode", "production", "--env", `output=${buildDir}`], { cwd: repoRoot, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xlsx": "application/octet-stream",
};

export interface OpenedPage {
  page: Page;
  strayRequests: string[];
  pageErrors: string[];
}

/** Opens a built page; requests are answered from the build (or by the given scripts for outside
 *  addresses), anything else is refused and recorded. */
export async function openBuiltPage(
  browser: Browser,
  pageAndQuery: string,
  viewport = { width: 1280, height: 900 },
  outsideScripts: Record<string, string> = {},
): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport });
  const strayRequests: string[] = [];
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.route("**/*", async (route) => {
    const url = new URL(route.request().url());
    const file = path.join(buildDir, decodeURIComponent(url.pathname));
    if (outsideScripts[url.href] !== undefined) {
      await route.fulfill({ body: outsideScripts[url.href], contentType: CONTENT_TYPES[".js"] });
    } else if (url.origin === ORIGIN && file.startsWith(buildDir) && existsSync(file)) {
      await route.fulfill({ body: readFileSync(file), contentType: CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream" });
    } else {
      strayRequests.push(url.href);
      await route.abort();
    }
  });
  await page.goto(`${ORIGIN}/${pageAndQuery}`);
  await page.getByTestId("check-button").waitFor();
  return { page, strayRequests, pageErrors };
}

export function openHarness(browser: Browser, query = ""): Promise<OpenedPage> {
  return openBuiltPage(browser, `harness.html${query}`);
}

/** Opens a workbook through the harness's file input and waits until it shows. */
export async function openWorkbook(page: Page, name: string, bytes: Buffer): Promise<void> {
  await page.getByTestId("file-input").setInputFiles({ name, mimeType: "application/octet-stream", buffer: bytes });
  await page.waitForFunction((fileName) => {
    const state = window.budgetCheckHarness?.state();
    return state !== undefined && !state.loading && (state.fileName === fileName || state.loadError !== undefined);
  }, name);
}

/** A finding as the pane lists it: its id, its location and the cells it names. */
export interface ListedFinding {
  readonly id: string;
  readonly location: string;
  readonly cells: readonly string[];
}

/**
 * Scrolls the findings list from the top, a screenful at a time, as a user would: the list keeps only
 * the rows in view in the document. `collect` reads every finding on the way; `find` stops once the
 * finding with that id is rendered and brings it into view.
 */
async function scrollFindings(page: Page, goal: { kind: "collect" } | { kind: "find"; id: string }): Promise<{ listed: ListedFinding[]; found: boolean }> {
  return page.evaluate(async (target) => {
    const scroller = document.querySelector<HTMLElement>('[data-testid="finding-list"]');
    const seen = new Map<string, [number, ListedFinding]>();
    if (!scroller) return { listed: [], found: false };
    const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    scroller.scrollTop = 0;
    await frames();
    let found = false;
    for (;;) {
      for (const item of scroller.querySelectorAll<HTMLElement>('[data-testid="finding-item"]')) {
        const row = item.closest("li")!;
        const id = item.getAttribute("data-finding-id")!;
        const cells = [...row.querySelectorAll('[data-testid="finding-cell"]')].map((cell) => cell.getAttribute("data-cell")!);
        seen.set(id, [Number(row.getAttribute("aria-posinset")), { id, location: item.getAttribute("data-location")!, cells }]);
        if (target.kind === "find" && id === target.id) {
          row.scrollIntoView({ block: "nearest" });
          found = true;
        }
      }
      if (found || scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
      scroller.scrollTop += Math.max(1, Math.floor(scroller.clientHeight * 0.8));
      await frames();
    }
    if (target.kind === "collect") scroller.scrollTop = 0;
    await frames();
    const listed = [...seen.values()].sort((a, b) => a[0] - b[0]).map(([, finding]) => finding);
    return { listed, found };
  }, goal);
}

/** Every finding the pane lists, in list order, read by scrolling through the list. */
export async function listedFindings(page: Page): Promise<ListedFinding[]> {
  return (await scrollFindings(page, { kind: "collect" })).listed;
}

/** Scrolls the findings list until the finding with this id is in view. */
export async function revealFinding(page: Page, findingId: string): Promise<void> {
  if (!(await scrollFindings(page, { kind: "find", id: findingId })).found) throw new Error(`finding ${findingId} is not in the list`);
}

/** The timing line's total before a press: the press's own line is the one with another total and a render. */
export async function timingTotal(page: Page): Promise<string | null> {
  const line = page.getByTestId("check-timing");
  return (await line.count()) > 0 ? line.getAttribute("data-total-ms") : null;
}

/** Waits until the pane shows the figures of a check other than the one whose total was `before`. */
export async function waitForNewTiming(page: Page, before: string | null): Promise<void> {
  await page.waitForFunction(
    (previous) => {
      const line = document.querySelector('[data-testid="check-timing"]');
      return line !== null && line.hasAttribute("data-render-ms") && line.getAttribute("data-total-ms") !== previous;
    },
    before,
    { timeout: 300_000 },
  );
  await page.getByTestId("progress").waitFor({ state: "detached" });
}
