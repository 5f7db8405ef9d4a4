import {
  Body1,
  Button,
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
import { useMemo, useState } from "react";
import type { CheckResult } from "../core/engine";
import type { Lang } from "../core/report/i18n";
import { errorText, runCheck, setHighlights, type WorkStep } from "./check-workflow";
import { CheckActions } from "./components/CheckActions";
import { FindingFilters } from "./components/FindingFilters";
import { FindingList } from "./components/FindingList";
import { NewProjectForm } from "./components/NewProjectForm";
import { NotCheckedList } from "./components/NotCheckedList";
import { TableList } from "./components/TableList";
import { SHOW_ALL, buildReportView, listPosition, stepFinding, toggleSeverity, type FindingFilter, type FindingRow } from "./report-view";
import { UI, hiddenSheetText, text, unmarkedText } from "./strings";
import type { UnmarkedSheet, WorkbookHost } from "./workbook-host";

export interface AppProps {
  host: WorkbookHost;
  lang: Lang;
}

const STEP_TEXT = {
  reading: UI.stepReading,
  checking: UI.stepChecking,
  highlighting: UI.stepHighlighting,
  clearing: UI.stepClearing,
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
});

export function App({ host, lang }: AppProps) {
  const styles = useStyles();
  const [result, setResult] = useState<CheckResult>();
  const [step, setStep] = useState<WorkStep>();
  const [failure, setFailure] = useState<string>();
  const [highlightOn, setHighlightOn] = useState(true);
  const [filter, setFilter] = useState<FindingFilter>(SHOW_ALL);
  const [activeId, setActiveId] = useState<string>();
  const [tab, setTab] = useState<"check" | "new-project">("check");
  const [manualCalculation, setManualCalculation] = useState(false);
  const [unmarked, setUnmarked] = useState<readonly UnmarkedSheet[]>([]);
  const [hiddenTarget, setHiddenTarget] = useState<{ sheet: string; cell: string; visibility: "hidden" | "veryHidden" }>();

  const view = useMemo(() => (result ? buildReportView(result, filter, lang) : undefined), [result, filter, lang]);

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
      setHiddenTarget(undefined);
      const checked = await runCheck(host, highlightOn, setStep);
      setResult(checked.result);
      setManualCalculation(checked.manualCalculation);
      setUnmarked(checked.highlights.unmarked);
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
      setResult(undefined);
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

  const showHidden = () =>
    attempt(async () => {
      if (!hiddenTarget) return;
      await host.showSheetAndSelect(hiddenTarget.sheet, hiddenTarget.cell);
      setHiddenTarget(undefined);
    });

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
                  />
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
