// Start-up inside Office: wait for Office.js, then render the pane over the real Excel adapter.
/* global document, Office, Excel */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { createExcelHost } from "../excel/excel-host";
import { App } from "./App";
import { paneLanguage } from "./check-workflow";

const container = document.getElementById("container");
if (!container) throw new Error("taskpane.html lacks #container");
const root = createRoot(container);

Office.onReady(() => {
  const lang = paneLanguage(Office.context?.displayLanguage);
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
  const host = createExcelHost((options, batch) => Excel.run(options, batch));
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} lang={lang} />
    </FluentProvider>,
  );
});
