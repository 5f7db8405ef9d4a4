// budget-check on a workbook whose reviewer accepted findings in the pane: the marks are read from
// the file, the accepted findings listed apart with their reasons in every output, left out of the
// counts and the exit code; a mark whose cell changed is listed as stale and its finding counts.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { checkForReview, markRowValues } from "../../src/core/review";
import { createExcelHost } from "../../src/excel/excel-host";
import { harnessRequirements } from "../../src/harness/harness-host";
import { loadSimulatedWorkbook } from "../../src/harness/load-workbook";
import { saveWorkbook } from "../../src/harness/reopen";
import { simulatedExcelRun, userEditCells } from "../../src/harness/simulated-excel";
import { readWorkbook } from "../../src/io/xlsx-reader";
import { FIXTURES_DIR } from "../helpers/fixtures";
import { budgetCheck } from "./run-cli";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "bc-accepted-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const FORMULAS = path.join(FIXTURES_DIR, "liaocheng-2024-formulas.xlsx");
const REASON = "口径差异，已核实";

interface JsonFile {
  findings: { rule: string; sheet: string; cell: string; severity: string }[];
  accepted: { rule: string; sheet: string; cell: string; reason: string; acceptedAt: string }[];
  staleMarks?: { rule: string; sheet: string; cell: string; why: string; reason: string }[];
}

/** The fixture with every error-level finding accepted in the pane's door, saved as .xlsx. */
async function acceptedWorkbook(): Promise<{ file: string; accepted: string[]; original: ReturnType<typeof checkForReview> }> {
  const bytes = new Uint8Array(fs.readFileSync(FORMULAS));
  const original = checkForReview(await readWorkbook(bytes));
  const workbook = await loadSimulatedWorkbook(bytes);
  const host = createExcelHost(simulatedExcelRun(workbook), harnessRequirements);
  const snapshot = await host.readSnapshot();
  const errors = original.findings.filter((finding) => finding.severity === "error");
  for (const finding of errors) await host.saveMark(markRowValues(finding, snapshot, REASON, new Date("2025-03-01T00:00:00Z")));
  const file = path.join(work, "accepted.xlsx");
  fs.writeFileSync(file, await saveWorkbook(workbook));
  return { file, accepted: errors.map((f) => `${f.rule}@${f.sheet}!${f.cell}`), original };
}

describe("budget-check on a workbook with accepted findings", () => {
  it("lists them apart in JSON, text, CSV and the 审核汇总 workbook, and leaves them out of the counts and the exit code", async () => {
    const { file, accepted, original } = await acceptedWorkbook();
    expect(accepted.length).toBeGreaterThan(0);
    expect(budgetCheck(["check", FORMULAS]).code).toBe(1);

    const json = budgetCheck(["check", file, "--format", "json"]);
    expect(json.code).toBe(0);
    const [report] = (JSON.parse(json.stdout) as { files: JsonFile[] }).files;
    expect(report.accepted.map((f) => `${f.rule}@${f.sheet}!${f.cell}`)).toEqual(accepted);
    expect(report.accepted.every((f) => f.reason === REASON && f.acceptedAt === "2025-03-01T00:00:00.000Z")).toBe(true);
    expect(report.findings.some((f) => f.severity === "error")).toBe(false);
    expect(report.findings).toHaveLength(original.findings.length - accepted.length);
    expect(report.staleMarks).toBeUndefined();

    const text = budgetCheck(["check", file]);
    expect(text.code).toBe(0);
    const row = text.stdout.split("\n").find((line) => line.startsWith(file))!;
    expect(row.slice(file.length).trim().split(/\s+/)).toEqual([String(original.tables.length), "0", ...["warning", "info"].map((s) => String(report.findings.filter((f) => f.severity === s).length)), String(accepted.length), "有警告"]);
    expect(text.stdout).toContain(`已接受（不计入）: ${accepted.length}`);
    expect(text.stdout).toContain(`理由: ${REASON}`);

    const csv = budgetCheck(["check", file, "--format", "csv"]).stdout.slice(1).split("\r\n").filter(Boolean);
    expect(csv[0].endsWith(",接受理由")).toBe(true);
    const withReason = csv.filter((line) => line.endsWith(`,${REASON}`));
    expect(withReason).toHaveLength(accepted.length);
    // Listed apart: after every finding that counts.
    expect(csv.indexOf(withReason[0])).toBe(csv.length - accepted.length);

    const summaryFile = path.join(work, "审核汇总.xlsx");
    expect(budgetCheck(["check", file, "--report", summaryFile]).code).toBe(0);
    const summary = new ExcelJS.Workbook();
    await summary.xlsx.readFile(summaryFile);
    const cells = (sheet: string, r: number) => (summary.getWorksheet(sheet)!.getRow(r).values as unknown[]).slice(1);
    expect(cells("汇总", 1)[5]).toBe("已接受");
    expect(cells("汇总", 2)[5]).toBe(accepted.length);
    expect(cells("汇总", 2)[2]).toBe(0);
    const detail = summary.getWorksheet("明细")!;
    expect(detail.rowCount).toBe(original.findings.length + 1);
    expect(cells("明细", detail.rowCount)[10]).toBe(REASON);

    // The annotated copy's 审核报告 lists them after the others, with the reason, and does not mark their cells.
    const copies = path.join(work, "批注副本");
    expect(budgetCheck(["check", file, "--annotate", copies]).code).toBe(0);
    const copy = new ExcelJS.Workbook();
    await copy.xlsx.readFile(path.join(copies, "accepted.xlsx"));
    const reportSheet = copy.getWorksheet("审核报告")!;
    const column = (c: number) => reportSheet.getColumn(c).values.slice(1).map((v) => (v === undefined || v === null ? "" : String(v)));
    expect(column(11)[0]).toBe("接受理由");
    expect(column(11).filter((v) => v === REASON)).toHaveLength(accepted.length);
    const heading = column(1).indexOf("已接受（不计入问题数）");
    expect(heading).toBe(original.findings.length - accepted.length + 1);
    expect(column(2).slice(heading + 1)).toEqual(accepted.map((key) => key.split("@")[1]));
  });

  it("lists a mark whose cell changed as stale, and counts its finding again", async () => {
    const { file, accepted } = await acceptedWorkbook();
    const workbook = await loadSimulatedWorkbook(new Uint8Array(fs.readFileSync(file)));
    const [rule, where] = accepted[0].split("@");
    const [sheet, cell] = [where.slice(0, where.lastIndexOf("!")), where.slice(where.lastIndexOf("!") + 1)];
    userEditCells(workbook, sheet, cell, [[99999.99]]);
    const changed = path.join(work, "changed.xlsx");
    fs.writeFileSync(changed, await saveWorkbook(workbook));

    const run = budgetCheck(["check", changed, "--format", "json"]);
    expect(run.code).toBe(1);
    const [report] = (JSON.parse(run.stdout) as { files: JsonFile[] }).files;
    expect(report.staleMarks).toEqual([{ rule, sheet, cell, reason: REASON, why: expect.stringMatching(/^(changed|gone)$/) }]);
    expect(report.accepted).toHaveLength(accepted.length - 1);
  });
});
