// Pure parts of the add-in: findings → highlight edits, and the pane's report view.
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import { highlightEdits, HIGHLIGHT_STYLES, MAX_ADDRESS_TEXT_PER_EDIT } from "../../src/core/report/highlights";
import type { Finding } from "../../src/core/report/finding";
import type { DetectedTable } from "../../src/core/detect/types";
import { buildReportView, SHOW_ALL, stepFinding, toggleSeverity } from "../../src/taskpane/report-view";
import { paneLanguage } from "../../src/taskpane/check-workflow";

function finding(id: string, sheet: string, cell: string, severity: Finding["severity"], extra: Partial<Finding> = {}): Finding {
  return { id, rule: "totals/column-sum", category: "sum-mismatch", severity, sheet, cell, message: { zh: `问题 ${id}`, en: `problem ${id}` }, ...extra };
}

function table(id: string, sheet: string): DetectedTable {
  return { id, sheet, sheetIndex: 0, range: { top: 1, left: 1, bottom: 20, right: 5 }, kind: "project-performance-target", title: `项目${id}`, columns: [] };
}

describe("highlightEdits", () => {
  it("marks each cell once, with its most severe finding, grouped per sheet and severity", () => {
    const edits = highlightEdits([
      finding("1", "表1", "C5", "warning"),
      finding("2", "表1", "C5", "error"),
      finding("3", "表1", "A2", "error"),
      finding("4", "表2", "B3", "info"),
    ]);
    expect(edits).toEqual([
      { op: "highlight", sheet: "表1", ranges: ["A2", "C5"], severity: "error", ...HIGHLIGHT_STYLES.error },
      { op: "highlight", sheet: "表2", ranges: ["B3"], severity: "info", ...HIGHLIGHT_STYLES.info },
    ]);
  });

  it("splits long address lists so that no edit exceeds the address length Excel accepts", () => {
    const findings = Array.from({ length: 900 }, (_, index) => finding(`${index}`, "表1", `B${index + 1}`, "error"));
    const edits = highlightEdits(findings);
    expect(edits.length).toBeGreaterThan(1);
    for (const edit of edits) expect(edit.ranges.join(",").length).toBeLessThanOrEqual(MAX_ADDRESS_TEXT_PER_EDIT);
    expect(edits.flatMap((edit) => edit.ranges)).toHaveLength(900);
  });

  it("gives no edits for a clean workbook", () => {
    expect(highlightEdits([])).toEqual([]);
  });
});

describe("the pane's report view", () => {
  const result: CheckResult = {
    tables: [table("t1", "项目(1-5)"), table("t2", "项目(6-10)")],
    findings: [
      finding("a", "项目(6-10)", "E7", "warning", { tableId: "t2", category: "unit-mismatch" }),
      finding("b", "项目(1-5)", "D9", "error", { tableId: "t1", expected: "10.00", actual: "12.00" }),
      finding("c", "项目(1-5)", "D3", "warning", { tableId: "t1", cells: ["D5", "D8"] }),
      finding("d", "项目(1-5)", "D4", "error", { tableId: "t1" }),
      finding("e", "汇总", "A1", "info"),
    ],
    notChecked: [{ rule: "totals/column-sum", sheet: "项目(1-5)", cell: "E6", reason: { zh: "公式没有计算结果", en: "formula has no cached result" } }],
  };

  it("groups findings by table in detection order, then by severity, findings outside tables last", () => {
    const view = buildReportView(result, SHOW_ALL, "zh");
    expect(view.groups.map((group) => [group.tableTitle, group.severity, group.findings.map((row) => row.id)])).toEqual([
      ["项目t1（项目(1-5)）", "error", ["b", "d"]],
      ["项目t1（项目(1-5)）", "warning", ["c"]],
      ["项目t2（项目(6-10)）", "warning", ["a"]],
      ["表格之外", "info", ["e"]],
    ]);
    expect(view.ordered.map((row) => row.id)).toEqual(["b", "d", "c", "a", "e"]);
    expect(view.tables.map((row) => [row.kindName, row.location, row.errorCount, row.warningCount])).toEqual([
      ["项目支出绩效目标表", "项目(1-5)!A1:E20", 2, 1],
      ["项目支出绩效目标表", "项目(6-10)!A1:E20", 0, 1],
    ]);
    expect(view.ordered[0]).toMatchObject({ expected: "10.00", actual: "12.00", location: "项目(1-5)!D9", severityName: "错误", cells: ["D9"] });
    expect(view.ordered.find((row) => row.id === "c")!.cells).toEqual(["D3", "D5", "D8"]);
    expect(view.notChecked).toEqual([{ key: "0", location: "项目(1-5)!E6", rule: "totals/column-sum", reason: "公式没有计算结果" }]);
  });

  it("filters by severity and by category, and speaks English when asked", () => {
    const warningsOnly = buildReportView(result, toggleSeverity(toggleSeverity(SHOW_ALL, "error"), "info"), "en");
    expect(warningsOnly.ordered.map((row) => row.id)).toEqual(["c", "a"]);
    expect(warningsOnly.ordered[0].message).toBe("problem c");
    const units = buildReportView(result, { ...SHOW_ALL, category: "unit-mismatch" }, "zh");
    expect(units.ordered.map((row) => row.id)).toEqual(["a"]);
    expect(units.categories.map((category) => category.id)).toEqual(["sum-mismatch", "unit-mismatch"]);
  });

  it("walks the list with next and previous, wrapping at both ends", () => {
    const { ordered } = buildReportView(result, SHOW_ALL, "zh");
    expect(stepFinding(ordered, undefined, "next")?.id).toBe("b");
    expect(stepFinding(ordered, "b", "next")?.id).toBe("d");
    expect(stepFinding(ordered, "e", "next")?.id).toBe("b");
    expect(stepFinding(ordered, "b", "previous")?.id).toBe("e");
    expect(stepFinding([], undefined, "next")).toBeUndefined();
  });

  it("reports an empty workbook as having no tables", () => {
    const view = buildReportView(checkWorkbook({ sheets: [] }), SHOW_ALL, "zh");
    expect(view.hasTables).toBe(false);
    expect(view.groups).toEqual([]);
  });

  it("chooses English only for an English Office display language", () => {
    expect([paneLanguage("en-US"), paneLanguage("en-GB"), paneLanguage("zh-CN"), paneLanguage("fr-FR"), paneLanguage(undefined)]).toEqual(["en", "en", "zh", "zh", "zh"]);
  });
});
