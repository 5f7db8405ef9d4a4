// What the pane's buttons do, as plain async steps over a WorkbookHost: read → check → highlight.
import { checkWorkbook, type CheckResult } from "../core/engine";
import { highlightEdits } from "../core/report/highlights";
import type { WorkbookHost } from "./workbook-host";

export type WorkStep = "reading" | "checking" | "highlighting" | "clearing";

export async function runCheck(host: WorkbookHost, highlight: boolean, onStep: (step: WorkStep) => void): Promise<CheckResult> {
  onStep("reading");
  const snapshot = await host.readSnapshot();
  onStep("checking");
  // Let the progress text paint before the synchronous check runs.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const result = checkWorkbook(snapshot);
  onStep(highlight ? "highlighting" : "clearing");
  if (highlight) await host.applyHighlights(highlightEdits(result.findings));
  else await host.clearHighlights();
  return result;
}

export async function setHighlights(host: WorkbookHost, result: CheckResult | undefined, on: boolean): Promise<void> {
  if (on && result) await host.applyHighlights(highlightEdits(result.findings));
  else await host.clearHighlights();
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
