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
