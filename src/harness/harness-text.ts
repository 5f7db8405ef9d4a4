// The harness page's own words (the pane has its own, in src/taskpane/strings.ts).
export const HARNESS_TEXT = {
  title: { zh: "工作簿测试台（模拟 Excel）", en: "Workbook harness (simulated Excel)" },
  openFile: { zh: "打开工作簿：", en: "Open a workbook:" },
  cannotOpen: { zh: "无法打开该文件", en: "Cannot open the file" },
  noWorkbook: { zh: "尚未打开工作簿", en: "No workbook open" },
  saveReopen: { zh: "保存并重新打开", en: "Save and reopen" },
  download: { zh: "下载 .xlsx", en: "Download .xlsx" },
} as const;
