// What the pane's buttons do, as plain async steps over a WorkbookHost: read → check → highlight.
import { checkWorkbook, type CheckResult } from "../core/engine";
import { highlightEdits } from "../core/report/highlights";
import type { HighlightOutcome, WorkbookHost } from "./workbook-host";

export type WorkStep = "reading" | "checking" | "highlighting" | "clearing";

/** A check's result, with what the workbook could not show of it. */
export interface CheckRun {
  readonly result: CheckResult;
  /** Excel calculates manually: formula results may be stale. */
  readonly manualCalculation: boolean;
  readonly highlights: HighlightOutcome;
}

export async function runCheck(host: WorkbookHost, highlight: boolean, onStep: (step: WorkStep) => void): Promise<CheckRun> {
  onStep("reading");
  const calculation = await host.readCalculation();
  const snapshot = await host.readSnapshot();
  onStep("checking");
  // Let the progress text paint before the synchronous check runs.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const result = checkWorkbook(snapshot);
  onStep(highlight ? "highlighting" : "clearing");
  const highlights = await setHighlights(host, result, highlight);
  return { result, manualCalculation: calculation.manual, highlights };
}

export async function setHighlights(host: WorkbookHost, result: CheckResult | undefined, on: boolean): Promise<HighlightOutcome> {
  if (on && result) return host.applyHighlights(highlightEdits(result.findings));
  return host.clearHighlights();
}

/** Office's display language ("en-US", "zh-CN", …) → the pane's language; Chinese unless English. */
export function paneLanguage(displayLanguage: string | undefined): "zh" | "en" {
  return displayLanguage?.toLowerCase().startsWith("en") ? "en" : "zh";
}

export function errorText(error: unknown, lang: "zh" | "en"): string {
  const bilingualText = (error as { text?: { zh?: unknown; en?: unknown } } | undefined)?.text;
  const localized = bilingualText?.[lang];
  if (typeof localized === "string") return localized;
  return error instanceof Error ? error.message : String(error);
}
