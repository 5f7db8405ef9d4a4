// The reviewers' workflow through the real Office.js door over the strict simulated host: accepted
// marks saved in the workbook, surviving save and reopen, read by the .xlsx reader too, stale once
// the cell changes; and re-checking after an edit that reads only the table it touched.
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkForReview, markRowValues, REVIEW_REPORT_WIDTHS, REVIEW_SHEET, reviewReportRows, type ChangeSignal } from "../../src/core/review";
import { rangeAddress } from "../../src/core/workbook/address";
import { createExcelHost } from "../../src/excel/excel-host";
import { harnessRequirements } from "../../src/harness/harness-host";
import { loadSimulatedWorkbook } from "../../src/harness/load-workbook";
import { reopenWorkbook, saveWorkbook } from "../../src/harness/reopen";
import { simulatedExcelRun, userEditCells, userInsertRows } from "../../src/harness/simulated-excel";
import type { SimulatedWorkbook } from "../../src/harness/simulated-workbook";
import { readWorkbook } from "../../src/io/xlsx-reader";
import { recheckAfterEdits, refreshMarks, runCheck, type ReviewState } from "../../src/taskpane/check-workflow";
import type { WorkbookHost } from "../../src/taskpane/workbook-host";

const FIXTURE = path.join(__dirname, "..", "..", "..", "shared", "fixtures", "liaocheng-2024-formulas.xlsx");
const REASON = "口径不同，已与财政局核实 / checked with the bureau";

async function open(): Promise<{ workbook: SimulatedWorkbook; host: WorkbookHost }> {
  const workbook = await loadSimulatedWorkbook(new Uint8Array(readFileSync(FIXTURE)));
  return { workbook, host: createExcelHost(simulatedExcelRun(workbook), harnessRequirements) };
}

async function check(host: WorkbookHost): Promise<ReviewState> {
  const run = await runCheck(host, true, () => undefined);
  return { snapshot: run.snapshot, result: run.result };
}

const key = (f: { rule: string; sheet: string; cell: string }) => `${f.rule}@${f.sheet}!${f.cell}`;

/** Collects change signals until `count` have arrived (Excel raises them after the change). */
async function signalsAfter(host: WorkbookHost, act: () => void, count = 1): Promise<ChangeSignal[]> {
  const signals: ChangeSignal[] = [];
  const stop = await host.watchChanges((signal) => signals.push(signal));
  act();
  for (let waited = 0; signals.length < count && waited < 100; waited++) await new Promise((resolve) => setTimeout(resolve, 5));
  await stop();
  return signals;
}

describe("accepted findings kept in the workbook", () => {
  it("saves a mark in one batch, keeps it through save and reopen, and the .xlsx reader sees it too", async () => {
    const { workbook, host } = await open();
    const before = await check(host);
    const target = before.result.findings.find((finding) => finding.rule === "totals/hierarchy-sum")!;
    expect(target).toBeDefined();

    const syncsBefore = workbook.traffic.syncs;
    await host.saveMark(markRowValues(target, before.snapshot, REASON, new Date("2025-03-01T08:00:00Z")));
    // One batch: is the sheet there, its rows, the write.
    expect(workbook.traffic.syncs - syncsBefore).toBeLessThanOrEqual(3);
    expect(workbook.sheet(REVIEW_SHEET)?.visibility).toBe("VeryHidden");

    const marked = await refreshMarks(host, before);
    expect(marked.result.accepted.map(({ finding, mark }) => [key(finding), mark.reason])).toEqual([[key(target), REASON]]);
    expect(marked.result.findings.map(key)).not.toContain(key(target));
    expect(marked.result.findings).toHaveLength(before.result.findings.length - 1);
    expect(marked.result.staleMarks).toEqual([]);

    const reopened = await reopenWorkbook(workbook);
    expect(reopened.sheet(REVIEW_SHEET)?.visibility).toBe("VeryHidden");
    const after = await check(createExcelHost(simulatedExcelRun(reopened), harnessRequirements));
    expect(after.result.accepted.map(({ finding }) => key(finding))).toEqual([key(target)]);
    expect(after.result.findings).toHaveLength(before.result.findings.length - 1);
    // The tables are the same as without the mark sheet: it is never read as a form.
    expect(after.result.tables.map((table) => table.id)).toEqual(before.result.tables.map((table) => table.id));

    const fromFile = checkForReview(await readWorkbook(await saveWorkbook(reopened)));
    expect(fromFile.accepted.map(({ finding, mark }) => [key(finding), mark.reason])).toEqual([[key(target), REASON]]);
  });

  it("shows a mark as stale, and counts its finding again, once the cell changes; a reset removes it", async () => {
    const { workbook, host } = await open();
    const before = await check(host);
    const target = before.result.findings.find((finding) => finding.rule === "totals/hierarchy-sum")!;
    await host.saveMark(markRowValues(target, before.snapshot, REASON, new Date()));

    // A different wrong total at the same cell: the finding is still there, its figures are not.
    userEditCells(workbook, target.sheet, target.cell, [[12345.67]]);
    const changed = await check(host);
    expect(changed.result.accepted).toEqual([]);
    expect(changed.result.findings.map(key)).toContain(key(target));
    expect(changed.result.staleMarks.map((stale) => [key(stale.mark), stale.why, stale.mark.reason])).toEqual([[key(target), "changed", REASON]]);
    expect(changed.result.staleMarks[0].cellTextNow).toBe("12345.67");

    await host.resetMark(target);
    const reset = await check(host);
    expect(reset.result.staleMarks).toEqual([]);
    expect(reset.result.accepted).toEqual([]);
  });

  it("reuses a reset row for the next mark and replaces a mark given again for the same finding", async () => {
    const { workbook, host } = await open();
    const state = await check(host);
    const [first, second] = state.result.findings;
    await host.saveMark(markRowValues(first, state.snapshot, "甲", new Date()));
    await host.saveMark(markRowValues(first, state.snapshot, "乙", new Date()));
    let marked = await refreshMarks(host, state);
    expect(marked.result.accepted.map(({ mark }) => [mark.reason, mark.row])).toEqual([["乙", 2]]);
    await host.resetMark(first);
    await host.saveMark(markRowValues(second, state.snapshot, "丙", new Date()));
    marked = await refreshMarks(host, marked);
    expect(marked.result.accepted.map(({ mark }) => [mark.reason, mark.row])).toEqual([["丙", 2]]);
    expect(workbook.sheet(REVIEW_SHEET)!.cells.get("3:1")).toBeUndefined();
  });

  it("keeps a reason that starts with = or a fingerprint of digits as text", async () => {
    const { host } = await open();
    const state = await check(host);
    const target = state.result.findings[0];
    await host.saveMark(markRowValues(target, state.snapshot, "=A1 无需更正", new Date()));
    const marked = await refreshMarks(host, state);
    expect(marked.result.accepted.map(({ mark }) => mark.reason)).toEqual(["=A1 无需更正"]);
  });
});

describe("the 审核报告 sheet", () => {
  it("is inserted, refreshed in place on the next press, lists accepted findings with their reasons, and never replaces a user's own sheet of that name", async () => {
    const { workbook, host } = await open();
    let state = await check(host);
    await host.saveMark(markRowValues(state.result.findings[0], state.snapshot, REASON, new Date()));
    state = await refreshMarks(host, state);
    const rows = reviewReportRows(state.result, "zh");
    expect(await host.writeReviewReport(rows, REVIEW_REPORT_WIDTHS)).toBe("审核报告");
    expect(await host.writeReviewReport(rows, REVIEW_REPORT_WIDTHS)).toBe("审核报告");
    const report = workbook.sheet("审核报告")!;
    expect(workbook.sheets.filter((sheet) => sheet.name.startsWith("审核报告"))).toHaveLength(1);
    expect(workbook.activeSheet).toBe("审核报告");
    const column = (col: number) => [...report.cells.entries()].filter(([k, cell]) => k.endsWith(`:${col}`) && cell.valueType !== "Empty").map(([, cell]) => cell.value);
    expect(column(11)).toEqual(["接受理由", REASON]);
    expect(column(1)).toContain("已接受（不计入问题数）");
    // The report sheet is not a form: the next check finds the same tables.
    const again = await check(host);
    expect(again.result.tables.map((table) => table.id)).toEqual(state.result.tables.map((table) => table.id));

    report.name = "我的审核报告";
    workbook.sheet("我的审核报告")!.name = "审核报告";
    report.cells.set("1:1", { ...report.cells.get("1:1")!, value: "用户自己的表" });
    expect(await host.writeReviewReport(rows, REVIEW_REPORT_WIDTHS)).toBe("审核报告 (2)");
    expect(workbook.sheet("审核报告")!.cells.get("1:1")!.value).toBe("用户自己的表");
  });
});

describe("re-checking after edits", () => {
  it("re-reads only the table an edited cell belongs to, and finds what a full check finds", async () => {
    const { workbook, host } = await open();
    const state = await check(host);
    const forms = state.result.tables.filter((table) => table.sheet === "项目绩效目标表");
    const middle = forms[1];
    const cell = `C${middle.range.top + 5}`;
    const signals = await signalsAfter(host, () => userEditCells(workbook, middle.sheet, cell, [["≥95"]]));
    expect(signals).toEqual([{ sheet: middle.sheet, address: cell, structural: false }]);

    const cellsBefore = workbook.traffic.cellsRead ?? 0;
    const { state: next, outcome } = await recheckAfterEdits(host, state, signals);
    const tableCells = (middle.range.bottom - middle.range.top + 1) * (middle.range.right - middle.range.left + 1);
    expect(outcome).toEqual({ kind: "areas", tables: [middle.id], areas: 1 });
    // The harness counts every cell whose values were read: exactly the table's.
    expect((workbook.traffic.cellsRead ?? 0) - cellsBefore).toBe(tableCells);

    const full = await check(host);
    // The edit matters (a value without its unit), so the comparison below is not of two old lists.
    expect(next.result.findings.map(key)).not.toEqual(state.result.findings.map(key));
    expect(next.result.findings.map(key)).toEqual(full.result.findings.map(key));
    expect(next.result.tables.map((table) => `${table.id}:${rangeAddress(table.range)}`)).toEqual(full.result.tables.map((table) => `${table.id}:${rangeAddress(table.range)}`));
  });

  it("re-reads the whole sheet for a paste reaching outside the table and for inserted rows", async () => {
    const { workbook, host } = await open();
    const state = await check(host);
    const sheet = "项目绩效目标表";
    const sheetCells = (() => {
      const used = state.snapshot.sheets.find((each) => each.name === sheet)!;
      return used.rows.length * Math.max(...used.rows.map((line) => line?.length ?? 0));
    })();
    const form = state.result.tables.find((table) => table.sheet === sheet)!;
    const below = form.range.bottom;
    const paste = await signalsAfter(host, () => userEditCells(workbook, sheet, `B${below}`, [["x"], ["y"]]));
    const { outcome } = await recheckAfterEdits(host, state, paste);
    expect(outcome.kind).toBe("areas");
    expect(outcome.kind === "areas" && outcome.tables).toEqual(state.result.tables.filter((table) => table.sheet === sheet).map((table) => table.id));

    const inserted = await signalsAfter(host, () => userInsertRows(workbook, sheet, 3));
    expect(inserted).toEqual([{ sheet, address: "3:3", structural: true }]);
    const cellsBefore = workbook.traffic.cellsRead ?? 0;
    const after = await recheckAfterEdits(host, state, inserted);
    expect((workbook.traffic.cellsRead ?? 0) - cellsBefore).toBeGreaterThanOrEqual(sheetCells);
    const full = await check(host);
    expect(after.state.result.findings.map(key)).toEqual(full.result.findings.map(key));
  });

  it("reads everything when a signal names a sheet the snapshot does not know", async () => {
    const { host } = await open();
    const state = await check(host);
    const { outcome } = await recheckAfterEdits(host, state, [{ sheet: "新表", address: "A1", structural: false }]);
    expect(outcome.kind).toBe("full");
  });
});
