import {
  Body1,
  Divider,
  MessageBar,
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
import { insertionContext } from "../core/templates";
import { CheckActions } from "./components/CheckActions";
import { FindingFilters } from "./components/FindingFilters";
import { FindingList } from "./components/FindingList";
import { NewProjectForm } from "./components/NewProjectForm";
import { NotCheckedList } from "./components/NotCheckedList";
import { TableList } from "./components/TableList";
import { SHOW_ALL, buildReportView, listPosition, stepFinding, toggleSeverity, type FindingFilter, type FindingRow } from "./report-view";
import { UI, text } from "./strings";
import type { WorkbookHost } from "./workbook-host";

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
      const checked = await runCheck(host, highlightOn, setStep);
      setResult(checked);
      setActiveId(undefined);
    });

  const clear = () =>
    attempt(async () => {
      setStep("clearing");
      await host.clearHighlights();
      setResult(undefined);
      setActiveId(undefined);
      setFilter(SHOW_ALL);
    });

  const changeHighlight = (on: boolean) =>
    attempt(async () => {
      setHighlightOn(on);
      if (!result) return;
      setStep(on ? "highlighting" : "clearing");
      await setHighlights(host, result, on);
    });

  const select = (finding: FindingRow, cell: string = finding.cell) =>
    attempt(async () => {
      setActiveId(finding.id);
      await host.selectCell(finding.sheet, cell);
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
          // The whole snapshot, because the core's insertionContext reads sheet names and marker rows from it.
          readContext={async () => insertionContext(await host.readSnapshot())}
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
