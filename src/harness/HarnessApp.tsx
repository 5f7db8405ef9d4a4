import { Body1, Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { memo, useEffect, useMemo, useState, type ChangeEvent } from "react";
import type { Lang } from "../core/report/i18n";
import { App } from "../taskpane/App";
import { errorText } from "../taskpane/check-workflow";
import { GENERATED_WORKBOOKS, generatedWorkbook, type GeneratedWorkbookName } from "./generated-workbooks";
import { measuredHarnessHost, trafficText } from "./harness-host";
import { HARNESS_TEXT } from "./harness-text";
import { loadSimulatedWorkbook } from "./load-workbook";
import { reopenWorkbook, saveWorkbook } from "./reopen";
import type { ApiTraffic, SimulatedWorkbook } from "./simulated-workbook";
import { WorkbookGrid } from "./WorkbookGrid";

/** The pane renders again only when its own props change, as in Excel, not on the page's traffic figures. */
const Pane = memo(App);

const useStyles = makeStyles({
  page: { display: "flex", flexDirection: "column", height: "100vh", boxSizing: "border-box", padding: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  bar: { display: "flex", alignItems: "center", flexWrap: "wrap", columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  body: { display: "flex", columnGap: tokens.spacingHorizontalM, flexGrow: 1, minHeight: 0 },
  pane: {
    width: "320px",
    flexShrink: 0,
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

export interface HarnessState {
  workbook?: SimulatedWorkbook;
  fileName: string;
  lastCheck?: ApiTraffic;
  /** Traffic of the last template insertion (新建项目). */
  lastInsert?: ApiTraffic;
  /** Traffic of the last re-check after an edit (cellsRead: what was read again). */
  lastRecheck?: ApiTraffic;
  /** Bumped each time a workbook is opened (or reopened after saving). */
  generation?: number;
  loading: boolean;
  loadError?: string;
}

export interface HarnessAppProps {
  lang: Lang;
  sampleUrl: string;
  /** A workbook to generate on start instead of opening the sample. */
  generated?: GeneratedWorkbookName;
  /** false: the pane alone, as in Excel, where no grid of ours renders and lays out beside it. */
  showGrid?: boolean;
  onState: (state: HarnessState) => void;
}

export function HarnessApp({ lang, sampleUrl, generated, showGrid = true, onState }: HarnessAppProps) {
  const styles = useStyles();
  const [state, setState] = useState<HarnessState>({ fileName: generated ? GENERATED_WORKBOOKS[generated].fileName[lang] : "sample-workbook.xlsx", loading: true });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    onState({ ...state, generation });
  }, [state, generation, onState]);

  const open = async (fileName: string, load: () => Promise<SimulatedWorkbook>) => {
    setState((current) => ({ ...current, loading: true, loadError: undefined }));
    try {
      const workbook = await load();
      setState({ workbook, fileName, loading: false });
      setGeneration((current) => current + 1);
    } catch (error) {
      setState((current) => ({ ...current, loading: false, loadError: `${fileName}: ${errorText(error, lang)}` }));
    }
  };

  useEffect(() => {
    if (generated) void open(GENERATED_WORKBOOKS[generated].fileName[lang], () => generatedWorkbook(generated));
    else void open("sample-workbook.xlsx", async () => loadSimulatedWorkbook(new Uint8Array(await (await fetch(sampleUrl)).arrayBuffer())));
    // The first workbook is opened once, on start.
  }, []);

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (file) void open(file.name, async () => loadSimulatedWorkbook(new Uint8Array(await file.arrayBuffer())));
  };

  const workbook = state.workbook;

  /** As a user saves, closes and reopens the file in Excel: what survives is what the .xlsx keeps. */
  const saveAndReopen = async () => {
    if (!workbook) return;
    setState((current) => ({ ...current, loading: true }));
    const reopened = await reopenWorkbook(workbook);
    setState((previous) => ({ ...previous, workbook: reopened, loading: false, lastCheck: undefined, lastRecheck: undefined }));
    setGeneration((current) => current + 1);
  };

  const download = async () => {
    if (!workbook) return;
    const url = URL.createObjectURL(new Blob([(await saveWorkbook(workbook)) as BlobPart]));
    const link = document.createElement("a");
    link.href = url;
    link.download = state.fileName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const host = useMemo(
    () =>
      workbook &&
      measuredHarnessHost(
        workbook,
        (lastCheck) => setState((current) => ({ ...current, lastCheck })),
        (lastInsert) => setState((current) => ({ ...current, lastInsert })),
        (lastRecheck) => setState((current) => ({ ...current, lastRecheck })),
      ),
    [workbook],
  );

  return (
    <div className={styles.page}>
      <Title3 as="h1">{HARNESS_TEXT.title[lang]}</Title3>
      <div className={styles.bar}>
        <label>
          <Caption1>{HARNESS_TEXT.openFile[lang]} </Caption1>
          <input type="file" accept=".xlsx,.xlsm" onChange={onFile} data-testid="file-input" />
        </label>
        <Body1 data-testid="file-name">{state.fileName}</Body1>
        <Button size="small" disabled={!workbook || state.loading} onClick={() => void saveAndReopen()} data-testid="save-reopen-button">
          {HARNESS_TEXT.saveReopen[lang]}
        </Button>
        <Button size="small" disabled={!workbook} onClick={() => void download()} data-testid="download-button">
          {HARNESS_TEXT.download[lang]}
        </Button>
        <Caption1 className={styles.muted} data-testid="traffic">
          {trafficText(state.lastCheck, lang)}
        </Caption1>
        {state.loading && <Spinner size="tiny" />}
      </div>
      {state.loadError && (
        <MessageBar intent="error" data-testid="load-error">
          <MessageBarBody>
            <MessageBarTitle>{HARNESS_TEXT.cannotOpen[lang]}</MessageBarTitle>
            {state.loadError}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.body}>
        {showGrid && (workbook ? <WorkbookGrid workbook={workbook} /> : <Body1>{HARNESS_TEXT.noWorkbook[lang]}</Body1>)}
        <aside className={styles.pane} data-testid="pane-frame">
          {host ? <Pane key={generation} host={host} lang={lang} /> : <Spinner />}
        </aside>
      </div>
    </div>
  );
}
