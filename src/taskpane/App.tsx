import {
  Body1,
  Button,
  Caption1,
  Divider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { Lang } from "../core/report/i18n";
import { markRowValues, REVIEW_REPORT_WIDTHS, REVIEW_SHEET, reviewReportCsv, reviewReportRows, type ChangeSignal } from "../core/review";
import { afterNextPaint, errorText, isOwnSheet, recheckAfterEdits, refreshMarks, runCheck, setHighlights, type CheckTiming, type RecheckOutcome, type ReviewState, type WorkStep } from "./check-workflow";
import { AcceptFinding } from "./components/AcceptFinding";
import { ReviewMarksList } from "./components/ReviewMarksList";
import { CheckActions } from "./components/CheckActions";
import { FindingFilters } from "./components/FindingFilters";
import { FindingList } from "./components/FindingList";
import { NewProjectForm } from "./components/NewProjectForm";
import { NotCheckedList } from "./components/NotCheckedList";
import { TableList } from "./components/TableList";
import { SHOW_ALL, buildReportView, listPosition, markRows, stepFinding, toggleSeverity, type FindingFilter, type FindingRow, type MarkRow } from "./report-view";
import { UI, hiddenSheetText, recheckText, reportWrittenText, text, timingText, unmarkedText } from "./strings";
import type { UnmarkedSheet, WorkbookHost } from "./workbook-host";

export interface AppProps {
  host: WorkbookHost;
  lang: Lang;
  /** Saves a text file for the user (导出 CSV); a browser download by default. */
  saveFile?: (name: string, content: string) => void;
  /** How long to wait after the last change event before re-checking (ms). */
  recheckDelay?: number;
}

function downloadFile(name: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function withDraft(drafts: ReadonlyMap<string, string>, key: string, draft: string | undefined): ReadonlyMap<string, string> {
  const next = new Map(drafts);
  if (draft === undefined) next.delete(key);
  else next.set(key, draft);
  return next;
}

const STEP_TEXT = {
  reading: UI.stepReading,
  checking: UI.stepChecking,
  highlighting: UI.stepHighlighting,
  clearing: UI.stepClearing,
  saving: UI.stepSaving,
  rechecking: UI.stepRechecking,
} as const;

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  intro: { color: tokens.colorNeutralForeground2 },
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
});

export function App({ host, lang, saveFile = downloadFile, recheckDelay = 300 }: AppProps) {
  const styles = useStyles();
  const [review, setReview] = useState<ReviewState>();
  const result = review?.result;
  const [step, setStep] = useState<WorkStep | "saving" | "rechecking">();
  const [recheckOutcome, setRecheckOutcome] = useState<RecheckOutcome>();
  const [reportSheet, setReportSheet] = useState<string>();
  const [failure, setFailure] = useState<string>();
  const [highlightOn, setHighlightOn] = useState(true);
  const [filter, setFilter] = useState<FindingFilter>(SHOW_ALL);
  const [activeId, setActiveId] = useState<string>();
  const [tab, setTab] = useState<"check" | "new-project">("check");
  const [manualCalculation, setManualCalculation] = useState(false);
  const [unmarked, setUnmarked] = useState<readonly UnmarkedSheet[]>([]);
  const [hiddenTarget, setHiddenTarget] = useState<{ sheet: string; cell: string; visibility: "hidden" | "veryHidden" }>();
  const [timing, setTiming] = useState<CheckTiming>();
  /** Reasons being typed under findings (接受…), by finding key: they outlive the list's rows. */
  const [acceptDrafts, setAcceptDrafts] = useState<ReadonlyMap<string, string>>(new Map());
  /** A check whose list is yet to be painted: when it started and when its results were ready. */
  const paintPending = useRef<{ startedAt: number; resultsAt: number; timing: CheckTiming }>(undefined);

  const view = useMemo(() => (result ? buildReportView(result, filter, lang) : undefined), [result, filter, lang]);
  const marks = useMemo(() => (result ? markRows(result, lang) : undefined), [result, lang]);

  // A layout effect runs before the browser paints this commit, so the frame it waits for is the one
  // that shows the new list.
  useLayoutEffect(() => {
    const pending = paintPending.current;
    if (!pending) return undefined;
    paintPending.current = undefined;
    return afterNextPaint(() => {
      const paintedAt = performance.now();
      setTiming({ ...pending.timing, renderMs: paintedAt - pending.resultsAt, totalMs: paintedAt - pending.startedAt });
    });
  }, [review]);

  // The latest state for the change listener, which outlives renders.
  const latest = useRef({ review, highlightOn, busy: false });
  latest.current = { review, highlightOn, busy: step !== undefined };
  const pending = useRef<ChangeSignal[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const recheckPending = async () => {
    const current = latest.current;
    if (!current.review || pending.current.length === 0) return;
    if (current.busy) {
      timer.current = setTimeout(() => void recheckPending(), recheckDelay);
      return;
    }
    const signals = pending.current;
    pending.current = [];
    // The add-in's own writes (marks, 审核报告) raise change events too; a coauthor's new mark is read.
    const edits = signals.filter((signal) => !isOwnSheet(signal.sheet));
    const coauthorMarks = signals.some((signal) => signal.remote === true && signal.sheet === REVIEW_SHEET);
    if (edits.length === 0 && !coauthorMarks) return;
    await attempt(async () => {
      setStep("rechecking");
      let state = current.review!;
      if (edits.length > 0) {
        const rechecked = await recheckAfterEdits(host, state, edits);
        state = rechecked.state;
        setRecheckOutcome(rechecked.outcome);
      }
      if (coauthorMarks) state = await refreshMarks(host, state);
      // The figures shown are those of a full check; this one read only part of the workbook.
      setTiming(undefined);
      setReview(state);
      setUnmarked((await setHighlights(host, state.result, latest.current.highlightOn)).unmarked);
    });
  };

  // Excel's change events drive the re-check; listening starts with the first check.
  const checked = review !== undefined;
  useEffect(() => {
    if (!checked) return undefined;
    let stop: (() => Promise<void>) | undefined;
    let cancelled = false;
    const watch = async () =>
      host.watchChanges((signal) => {
        pending.current.push(signal);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => void recheckPending(), recheckDelay);
      });
    // A host without change events (ExcelApi below 1.9) still has 重新检查.
    watch()
      .then((remove) => {
        if (cancelled) void remove();
        else stop = remove;
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      clearTimeout(timer.current);
      void stop?.().catch(() => undefined);
    };
    // recheckPending reads everything it needs through refs.
  }, [checked, host]);

  const attempt = async (action: () => Promise<void>) => {
    setFailure(undefined);
    try {
      await action();
    } catch (error) {
      setFailure(errorText(error, lang));
    } finally {
      setStep(undefined);
    }
  };

  const check = () =>
    attempt(async () => {
      const startedAt = performance.now();
      setTiming(undefined);
      setHiddenTarget(undefined);
      const run = await runCheck(host, highlightOn, setStep);
      paintPending.current = { startedAt, resultsAt: performance.now(), timing: run.timing };
      setTiming(run.timing);
      pending.current = [];
      setReview({ snapshot: run.snapshot, result: run.result });
      setRecheckOutcome(undefined);
      setManualCalculation(run.manualCalculation);
      setUnmarked(run.highlights.unmarked);
      setActiveId(undefined);
    });

  const recalculateAndCheck = () =>
    attempt(async () => {
      setStep("reading");
      await host.recalculate();
      await check();
    });

  const clear = () =>
    attempt(async () => {
      setStep("clearing");
      const outcome = await host.clearHighlights();
      setReview(undefined);
      setTiming(undefined);
      setAcceptDrafts(new Map());
      setRecheckOutcome(undefined);
      setReportSheet(undefined);
      setUnmarked(outcome.unmarked);
      setManualCalculation(false);
      setHiddenTarget(undefined);
      setActiveId(undefined);
      setFilter(SHOW_ALL);
    });

  const changeHighlight = (on: boolean) =>
    attempt(async () => {
      setHighlightOn(on);
      if (!result) return;
      setStep(on ? "highlighting" : "clearing");
      setUnmarked((await setHighlights(host, result, on)).unmarked);
    });

  const select = (finding: FindingRow, cell: string = finding.cell) =>
    attempt(async () => {
      setActiveId(finding.id);
      const outcome = await host.selectCell(finding.sheet, cell);
      setHiddenTarget(outcome.kind === "hidden" ? { sheet: finding.sheet, cell, visibility: outcome.visibility } : undefined);
    });

  const selectMark = (row: MarkRow) =>
    attempt(async () => {
      const outcome = await host.selectCell(row.sheet, row.cell);
      setHiddenTarget(outcome.kind === "hidden" ? { sheet: row.sheet, cell: row.cell, visibility: outcome.visibility } : undefined);
    });

  const showHidden = () =>
    attempt(async () => {
      if (!hiddenTarget) return;
      await host.showSheetAndSelect(hiddenTarget.sheet, hiddenTarget.cell);
      setHiddenTarget(undefined);
    });

  /** Saves or resets a mark, then re-reads only the mark sheet; highlights follow what still counts. */
  const changeMark = (write: () => Promise<void>) =>
    attempt(async () => {
      if (!review) return;
      setStep("saving");
      await write();
      const next = await refreshMarks(host, review);
      setReview(next);
      setUnmarked((await setHighlights(host, next.result, highlightOn)).unmarked);
    });

  const accept = (row: FindingRow, reason: string) => {
    const finding = review?.result.findings.find((each) => each.id === row.id);
    if (!finding || !review) return;
    void changeMark(() => host.saveMark(markRowValues(finding, review.snapshot, reason, new Date())));
  };

  const resetMark = (row: MarkRow) => void changeMark(() => host.resetMark(row));

  const writeReport = () =>
    attempt(async () => {
      if (!result) return;
      setStep("saving");
      setReportSheet(await host.writeReviewReport(reviewReportRows(result, lang), REVIEW_REPORT_WIDTHS));
    });

  const exportCsv = () => {
    if (result) saveFile(lang === "en" ? "review-report.csv" : "审核报告.csv", reviewReportCsv(result, lang));
  };

  const walk = (direction: "next" | "previous") => {
    const target = view && stepFinding(view.ordered, activeId, direction);
    if (target) void select(target);
  };

  return (
    <main className={styles.root} data-testid="pane">
      <Title3 as="h1">{text(UI.title, lang)}</Title3>
      <TabList size="small" selectedValue={tab} onTabSelect={(_, data) => setTab(data.value === "new-project" ? "new-project" : "check")}>
        <Tab value="check" data-testid="tab-check">
          {text(UI.tabCheck, lang)}
        </Tab>
        <Tab value="new-project" data-testid="tab-new-project">
          {text(UI.tabNewProject, lang)}
        </Tab>
      </TabList>
      {tab === "new-project" && (
        <NewProjectForm
          lang={lang}
          // Only sheet names and the template marker rows: planning needs nothing else.
          readContext={() => host.readInsertionContext()}
          insert={(edits, select) => host.insertTemplate(edits, select)}
        />
      )}
      {tab === "check" && (
        <>
          {!view && <Body1 className={styles.intro}>{text(UI.intro, lang)}</Body1>}
          <CheckActions
            lang={lang}
            busyText={step && text(STEP_TEXT[step], lang)}
            hasResult={result !== undefined}
            highlightOn={highlightOn}
            onCheck={check}
            onClear={clear}
            onHighlightChange={changeHighlight}
          />
          {failure !== undefined && (
            <MessageBar intent="error" data-testid="pane-error">
              <MessageBarBody>
                <MessageBarTitle>{text(UI.failedTitle, lang)}</MessageBarTitle>
                {failure}
              </MessageBarBody>
            </MessageBar>
          )}
          {manualCalculation && view && (
            <MessageBar intent="warning" data-testid="manual-calculation">
              <MessageBarBody>
                <MessageBarTitle>{text(UI.manualCalcTitle, lang)}</MessageBarTitle>
                {text(UI.manualCalcBody, lang)}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => void recalculateAndCheck()} data-testid="recalculate-button">
                  {text(UI.recalculateAndCheck, lang)}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {unmarked.length > 0 && (
            <MessageBar intent="warning" data-testid="unmarked">
              <MessageBarBody>
                <MessageBarTitle>{text(UI.unmarkedTitle, lang)}</MessageBarTitle>
                {unmarked.map((entry) => (
                  <div key={entry.sheet} data-testid="unmarked-sheet" data-sheet={entry.sheet} data-reason={entry.reason}>
                    {unmarkedText(lang, entry.sheet, entry.reason, entry.detail)}
                  </div>
                ))}
              </MessageBarBody>
            </MessageBar>
          )}
          {hiddenTarget && (
            <MessageBar intent="info" data-testid="hidden-sheet">
              <MessageBarBody>
                <MessageBarTitle>{text(UI.hiddenSheetTitle, lang)}</MessageBarTitle>
                {hiddenSheetText(lang, hiddenTarget.sheet, hiddenTarget.visibility)}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" onClick={() => void showHidden()} data-testid="show-sheet-button">
                  {text(UI.showSheet, lang)}
                </Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {view && (
            <>
              <Body1 data-testid="summary">{view.summary}</Body1>
              {timing && (
                <Caption1
                  className={styles.intro}
                  data-testid="check-timing"
                  data-read-ms={timing.readMs.toFixed(1)}
                  data-check-ms={timing.checkMs.toFixed(1)}
                  data-highlight-ms={timing.highlightMs.toFixed(1)}
                  data-render-ms={timing.renderMs?.toFixed(1)}
                  data-total-ms={timing.totalMs?.toFixed(1)}
                >
                  {timingText(lang, timing)}
                </Caption1>
              )}
              {marks && (marks.accepted.length > 0 || marks.stale.length > 0) && <Body1 data-testid="accepted-summary">{marks.summary}</Body1>}
              {recheckOutcome && (
                <Body1 className={styles.intro} data-testid="recheck-status" data-kind={recheckOutcome.kind} data-tables={recheckOutcome.kind === "areas" ? recheckOutcome.tables.join(",") : ""}>
                  {recheckText(lang, recheckOutcome)}
                </Body1>
              )}
              <div className={styles.actions}>
                <Button size="small" disabled={step !== undefined} onClick={() => void writeReport()} data-testid="write-report-button">
                  {text(UI.writeReport, lang)}
                </Button>
                <Button size="small" disabled={step !== undefined} onClick={exportCsv} data-testid="export-csv-button">
                  {text(UI.exportCsv, lang)}
                </Button>
              </div>
              {reportSheet && (
                <MessageBar intent="success" data-testid="report-written">
                  <MessageBarBody>
                    <MessageBarTitle>{text(UI.reportWrittenTitle, lang)}</MessageBarTitle>
                    {reportWrittenText(lang, reportSheet)}
                  </MessageBarBody>
                </MessageBar>
              )}
              {!view.hasTables && (
                <MessageBar intent="info" data-testid="empty-state">
                  <MessageBarBody>
                    <MessageBarTitle>{text(UI.noTablesTitle, lang)}</MessageBarTitle>
                    {text(UI.noTablesBody, lang)}
                  </MessageBarBody>
                </MessageBar>
              )}
              {view.hasTables && (
                <section className={styles.section}>
                  <Subtitle2 as="h2">{text(UI.tables, lang)}</Subtitle2>
                  <TableList tables={view.tables} />
                </section>
              )}
              {view.totalFindings > 0 && (
                <section className={styles.section}>
                  <Divider />
                  <Subtitle2 as="h2">{text(UI.findings, lang)}</Subtitle2>
                  <FindingFilters
                    lang={lang}
                    filter={filter}
                    categories={view.categories}
                    onToggleSeverity={(severity) => setFilter((current) => toggleSeverity(current, severity))}
                    onCategoryChange={(category) => setFilter((current) => ({ ...current, category }))}
                  />
                  {view.ordered.length === 0 && <Body1>{text(UI.noFindingsFiltered, lang)}</Body1>}
                  <FindingList
                    lang={lang}
                    groups={view.groups}
                    activeId={activeId}
                    positionText={listPosition(view.ordered, activeId, lang)}
                    onSelect={select}
                    onStep={walk}
                    renderActions={(finding) => (
                      <AcceptFinding
                        lang={lang}
                        findingId={finding.id}
                        disabled={step !== undefined}
                        onAccept={(reason) => accept(finding, reason)}
                        draft={acceptDrafts.get(finding.key)}
                        onDraftChange={(draft) => setAcceptDrafts((current) => withDraft(current, finding.key, draft))}
                      />
                    )}
                  />
                </section>
              )}
              {marks && marks.stale.length > 0 && (
                <section className={styles.section}>
                  <Divider />
                  <Subtitle2 as="h2">{text(UI.staleMarks, lang)}</Subtitle2>
                  <ReviewMarksList lang={lang} kind="stale" rows={marks.stale} disabled={step !== undefined} onReset={resetMark} onSelect={(row) => void selectMark(row)} />
                </section>
              )}
              {marks && marks.accepted.length > 0 && (
                <section className={styles.section}>
                  <Divider />
                  <Subtitle2 as="h2">{text(UI.accepted, lang)}</Subtitle2>
                  <ReviewMarksList lang={lang} kind="accepted" rows={marks.accepted} disabled={step !== undefined} onReset={resetMark} onSelect={(row) => void selectMark(row)} />
                </section>
              )}
              {view.hasTables && view.totalFindings === 0 && <Body1 data-testid="no-findings">{text(UI.noFindings, lang)}</Body1>}
              {view.notChecked.length > 0 && (
                <section className={styles.section}>
                  <Divider />
                  <Subtitle2 as="h2">{text(UI.notChecked, lang)}</Subtitle2>
                  <NotCheckedList items={view.notChecked} />
                </section>
              )}
            </>
          )}
        </>
      )}
    </main>
  );
}
