// The harness page: the real pane beside a grid, over a simulated Excel host; no Office.js at all.
// Rendering without Office is this page's purpose, so it does not wait for Office.onReady.
/* global document, window */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { paneLanguage } from "../taskpane/check-workflow";
import { isGeneratedWorkbookName } from "./generated-workbooks";
import { HarnessApp, type HarnessState } from "./HarnessApp";
import { saveWorkbook } from "./reopen";
import { userEditCells } from "./simulated-excel";

declare global {
  interface Window {
    /** For end-to-end tests: the workbook as it stands, and the traffic of the last check. */
    budgetCheckHarness?: {
      state: () => HarnessState;
      /** The user typing or pasting into cells (Excel raises its change event). */
      editCells: (sheet: string, address: string, values: (string | number)[][]) => void;
      /** The workbook as the .xlsx a save would write, base64. */
      savedBase64: () => Promise<string>;
    };
  }
}

let latest: HarnessState = { fileName: "", loading: true };
window.budgetCheckHarness = {
  state: () => latest,
  editCells: (sheet, address, values) => {
    if (latest.workbook) userEditCells(latest.workbook, sheet, address, values);
  },
  savedBase64: async () => {
    if (!latest.workbook) return "";
    const bytes = await saveWorkbook(latest.workbook);
    let binary = "";
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
  },
};

const query = new URLSearchParams(window.location.search);
const lang = paneLanguage(query.get("lang") ?? "zh-CN");
// ?workbook=bench or ?workbook=many-findings: a generated workbook instead of the sample;
// ?grid=off: the pane without the grid, to time the pane's own path.
const generated = query.get("workbook");
document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
const container = document.getElementById("container");
if (!container) throw new Error("harness.html lacks #container");
createRoot(container).render(
  <FluentProvider theme={webLightTheme}>
    <HarnessApp
      lang={lang}
      sampleUrl="sample-workbook.xlsx"
      generated={isGeneratedWorkbookName(generated) ? generated : undefined}
      showGrid={query.get("grid") !== "off"}
      onState={(state) => (latest = state)}
    />
  </FluentProvider>,
);
