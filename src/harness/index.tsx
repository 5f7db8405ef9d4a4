// The harness page: the real pane beside a grid, over a simulated Excel host; no Office.js at all.
// Rendering without Office is this page's purpose, so it does not wait for Office.onReady.
/* global document, window */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { paneLanguage } from "../taskpane/check-workflow";
import { HarnessApp, type HarnessState } from "./HarnessApp";

declare global {
  interface Window {
    /** For end-to-end tests: the workbook as it stands, and the traffic of the last check. */
    budgetCheckHarness?: { state: () => HarnessState };
  }
}

let latest: HarnessState = { fileName: "", loading: true };
window.budgetCheckHarness = { state: () => latest };

const lang = paneLanguage(new URLSearchParams(window.location.search).get("lang") ?? "zh-CN");
document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
const container = document.getElementById("container");
if (!container) throw new Error("harness.html lacks #container");
createRoot(container).render(
  <FluentProvider theme={webLightTheme}>
    <HarnessApp lang={lang} sampleUrl="sample-workbook.xlsx" onState={(state) => (latest = state)} />
  </FluentProvider>,
);
