// What the pane's buttons do, as plain async steps over a WorkbookHost: read → check → highlight.
import type { CheckResult } from "../core/engine";
import { highlightEdits } from "../core/report/highlights";
import { checkForReview, patchSnapshot, planReRead, REVIEW_REPORT_SHEET, REVIEW_SHEET, type ChangeSignal, type ReviewedResult } from "../core/review";
import type { WorkbookSnapshot } from "../core/workbook/snapshot";
import type { HighlightOutcome, WorkbookHost } from "./workbook-host";

export type WorkStep = "reading" | "checking" | "highlighting" | "clearing";

/** A check's result, with what the workbook could not show of it. */
export interface CheckRun {
  readonly result: ReviewedResult;
  /** The snapshot checked, kept for re-checking after edits. */
  readonly snapshot: WorkbookSnapshot;
  /** Excel calculates manually: formula results may be stale. */
  readonly manualCalculation: boolean;
  readonly highlights: HighlightOutcome;
  /** How long reading, checking and highlighting took; the pane adds the time to show the list. */
  readonly timing: CheckTiming;
}

/** Milliseconds each step of a check took, as the pane shows them. */
export interface CheckTiming {
  /** The calculation mode and the snapshot, from Excel (or the harness). */
  readonly readMs: number;
  /** The engine on the snapshot. */
  readonly checkMs: number;
  /** Marking the finding cells in the workbook (or removing the marks when highlighting is off). */
  readonly highlightMs: number;
  /** From the results to the list painted; measured by the pane after its commit. */
  readonly renderMs?: number;
  /** From the button press to the list painted, waits between the steps included. */
  readonly totalMs?: number;
}

export type Clock = () => number;
const monotonicClock: Clock = () => performance.now();

export async function runCheck(host: WorkbookHost, highlight: boolean, onStep: (step: WorkStep) => void, clock: Clock = monotonicClock): Promise<CheckRun> {
  onStep("reading");
  const readStart = clock();
  const calculation = await host.readCalculation();
  const snapshot = await host.readSnapshot();
  const readMs = clock() - readStart;
  onStep("checking");
  // Let the progress text paint before the synchronous check runs.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const checkStart = clock();
  const result = checkForReview(snapshot);
  const checkMs = clock() - checkStart;
  onStep(highlight ? "highlighting" : "clearing");
  const highlightStart = clock();
  const highlights = await setHighlights(host, result, highlight);
  const highlightMs = clock() - highlightStart;
  return { result, snapshot, manualCalculation: calculation.manual, highlights, timing: { readMs, checkMs, highlightMs } };
}

/** Calls `measured` once the browser has painted what was just committed: a frame is requested,
 *  and a task queued from it runs after that frame's paint. */
export function afterNextPaint(measured: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(measured, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
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

/** A check the pane holds: the snapshot it was made on and its result with the marks applied. */
export interface ReviewState {
  readonly snapshot: WorkbookSnapshot;
  readonly result: ReviewedResult;
}

/** What an incremental re-check read: the tables re-checked, or why the whole workbook was read. */
export type RecheckOutcome = { readonly kind: "areas"; readonly tables: readonly string[]; readonly areas: number } | { readonly kind: "full"; readonly why: string };

/** Sheets the add-in writes itself: a change there is not the user's edit of a form. */
export function isOwnSheet(sheet: string): boolean {
  return sheet === REVIEW_SHEET || sheet === REVIEW_REPORT_SHEET || sheet.startsWith(`${REVIEW_REPORT_SHEET} (`);
}

/**
 * After edits: reads again only what the change signals touched (core's planReRead), puts it into the
 * snapshot and checks that; a signal the plan cannot place, or a sheet gone since, reads everything.
 */
export async function recheckAfterEdits(host: WorkbookHost, state: ReviewState, signals: readonly ChangeSignal[]): Promise<{ state: ReviewState; outcome: RecheckOutcome }> {
  const userSignals = signals.filter((signal) => !isOwnSheet(signal.sheet));
  const plan = planReRead(state.result.tables, state.snapshot, userSignals);
  let snapshot: WorkbookSnapshot | undefined;
  let outcome: RecheckOutcome;
  if (plan.kind === "areas") {
    try {
      snapshot = patchSnapshot(state.snapshot, await host.readAreas(plan.areas));
      outcome = { kind: "areas", tables: plan.tables, areas: plan.areas.length };
    } catch (error) {
      // A sheet renamed or deleted since: the plan no longer fits the workbook.
      outcome = { kind: "full", why: error instanceof Error ? error.message : String(error) };
    }
  } else {
    outcome = plan;
  }
  snapshot ??= await host.readSnapshot();
  return { state: { snapshot, result: checkForReview(snapshot) }, outcome };
}

/** After a mark was saved or reset: the mark sheet alone is read again and the marks re-applied. */
export async function refreshMarks(host: WorkbookHost, state: ReviewState): Promise<ReviewState> {
  const [read] = await host.readAreas([{ sheet: REVIEW_SHEET }]);
  const known = state.snapshot.sheets.some((sheet) => sheet.name === REVIEW_SHEET);
  const snapshot = known ? patchSnapshot(state.snapshot, [read]) : { ...state.snapshot, sheets: [...state.snapshot.sheets, read.sheet] };
  return { snapshot, result: checkForReview(snapshot) };
}
