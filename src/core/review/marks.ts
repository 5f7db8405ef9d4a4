// Reviewers' marks: a finding accepted with a reason, kept in the workbook itself so that it travels
// with the file and every door (the pane, the harness, budget-check) reads the same marks.
//
// Where marks live: a very hidden sheet, REVIEW_SHEET, one row per mark. Why a sheet and not a
// Custom XML part or the add-in's settings:
// - cells are what coauthoring synchronises, cell by cell ("Coauthoring only synchronizes the content
//   within the shared workbook"); a mark is one row, so two reviewers accepting different findings at
//   the same time touch different cells, where a Custom XML part is one document replaced whole by
//   setXml and the last writer would drop the other's marks;
// - every reader already sees it: the .xlsx reader and Office.js read very hidden sheets like any
//   other (the template marker sheet works the same way), exceljs keeps sheets when the harness saves,
//   and a Custom XML part would be dropped by exceljs and needs its own reader in each door;
// - very hidden keeps it out of 取消隐藏 (Unhide), so it is not edited by accident, and it survives
//   save and reopen as plain cells do; worksheet ids, which do not survive, are never stored.
// Two reviewers can still pick the same free row in the same moment; then one mark is lost and its
// finding counts again, which is the safe way to fail (a mark is never invented).
//
// A mark is keyed by what survives: rule id + sheet + cell, and a fingerprint of what was checked
// (the cell's value and formula, the other cells of a grouped finding, and the figures of the
// message). Finding ids (F0001) are positions in one result and are never stored. A mark whose
// fingerprint no longer matches, or whose finding is gone, is stale: shown apart, never applied.
import type { CheckResult } from "../engine";
import type { Finding } from "../report/finding";
import { cellAt, type Cell, type WorkbookSnapshot } from "../workbook/snapshot";
import { parseCellAddress } from "../workbook/address";

export const REVIEW_SHEET = "_bc_review";
/** A1 of REVIEW_SHEET: tells our sheet apart from a user's sheet of the same name. */
export const REVIEW_MARKER = "BudgetCheck.review/1";

export const REVIEW_COLUMNS = ["rule", "sheet", "cell", "fingerprint", "reason", "acceptedAt", "cellText", "message"] as const;
export const REVIEW_HEADER: readonly string[] = [REVIEW_MARKER, "工作表 sheet", "单元格 cell", "指纹 fingerprint", "理由 reason", "接受时间 accepted at", "当时内容 cell then", "当时说明 message then"];
export const REVIEW_WIDTH = REVIEW_COLUMNS.length;

export interface ReviewMark {
  readonly rule: string;
  readonly sheet: string;
  readonly cell: string;
  readonly fingerprint: string;
  readonly reason: string;
  /** ISO time the mark was given. */
  readonly acceptedAt: string;
  /** The cell's value (or formula) when the mark was given, to show what changed. */
  readonly cellText: string;
  /** The finding's message when the mark was given (Chinese), to show a stale mark. */
  readonly message: string;
  /** Row of REVIEW_SHEET holding it. */
  readonly row: number;
}

export interface AcceptedFinding {
  readonly finding: Finding;
  readonly mark: ReviewMark;
}

export type StaleReason = "changed" | "gone";

export interface StaleMark {
  readonly mark: ReviewMark;
  /** "changed": the finding is still there but its cell or figures are not what was accepted (it
   *  counts again); "gone": no such finding any more. */
  readonly why: StaleReason;
  /** The finding as it is now, for "changed". */
  readonly finding?: Finding;
  /** The cell's value (or formula) now. */
  readonly cellTextNow: string;
}

/** A check result with the reviewers' marks applied: `findings` holds only what still counts. */
export interface ReviewedResult extends CheckResult {
  readonly accepted: readonly AcceptedFinding[];
  readonly staleMarks: readonly StaleMark[];
}

/** A cell as text for the fingerprint and for people: its formula when it has one, else its value. */
export function cellText(cell: Cell): string {
  if (cell.formula !== undefined) return `=${cell.formula}`;
  return cell.value === null ? "" : String(cell.value);
}

function cellTextAt(workbook: WorkbookSnapshot, sheetName: string, address: string): string {
  const sheet = workbook.sheets.find((s) => s.name === sheetName);
  if (!sheet) return "";
  try {
    const { row, col } = parseCellAddress(address);
    const cell = cellAt(sheet, row, col);
    // The value too for a formula: a changed input behind a formula changes what was checked.
    return cell.formula !== undefined ? `${cellText(cell)}→${cell.value === null ? "" : String(cell.value)}` : cellText(cell);
  } catch {
    return "";
  }
}

/** FNV-1a, 32 bits, as 8 hex digits: short, stable across doors and runs; not a secret. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/** The figures of a message, in order: what the check compared. */
function figures(message: string): string {
  return (message.match(/-?\d[\d,]*(?:\.\d+)?%?/g) ?? []).join(" ");
}

/** What was checked, reduced to a fingerprint: the rule, its cells' contents and the message's figures. */
export function findingFingerprint(finding: Finding, workbook: WorkbookSnapshot): string {
  const cells = [finding.cell, ...(finding.cells ?? [])].map((address) => `${address}=${cellTextAt(workbook, finding.sheet, address)}`);
  return hash([finding.rule, finding.sheet, ...cells, figures(finding.message.en), finding.expected ?? "", finding.actual ?? ""].join("\u0001"));
}

const markKey = (rule: string, sheet: string, cell: string) => `${rule}\u0000${sheet}\u0000${cell}`;

/** Whether a sheet of the snapshot is the add-in's mark sheet. */
export function isReviewSheet(workbook: WorkbookSnapshot, sheetName: string): boolean {
  if (sheetName !== REVIEW_SHEET) return false;
  const sheet = workbook.sheets.find((s) => s.name === sheetName);
  return sheet !== undefined && cellAt(sheet, 1, 1).value === REVIEW_MARKER;
}

/** Marks from rows as any door reads them (row 1 is the header): values as text, blanks skipped. */
export function marksFromRows(rows: ReadonlyArray<ReadonlyArray<unknown> | undefined>): ReviewMark[] {
  const marks: ReviewMark[] = [];
  rows.forEach((line, index) => {
    if (index === 0 || !line) return;
    const text = (col: number) => {
      const value = line[col];
      return value === null || value === undefined ? "" : String(value);
    };
    const [rule, sheet, cell, fingerprint] = [0, 1, 2, 3].map(text);
    if (rule === "" || sheet === "" || cell === "" || fingerprint === "") return;
    marks.push({ rule, sheet, cell, fingerprint, reason: text(4), acceptedAt: text(5), cellText: text(6), message: text(7), row: index + 1 });
  });
  return marks;
}

export function readReviewMarks(workbook: WorkbookSnapshot): ReviewMark[] {
  if (!isReviewSheet(workbook, REVIEW_SHEET)) return [];
  const sheet = workbook.sheets.find((s) => s.name === REVIEW_SHEET)!;
  return marksFromRows(sheet.rows.map((line) => line?.map((cell) => cell?.value ?? null)));
}

/**
 * Applies marks to a check: a finding whose rule, sheet, cell and fingerprint match a mark is
 * accepted (out of `findings`, so out of every count and the exit code); a mark that matches no
 * finding exactly is stale, and a finding behind a stale mark still counts.
 */
export function applyReviewMarks(result: CheckResult, workbook: WorkbookSnapshot, marks: readonly ReviewMark[] = readReviewMarks(workbook)): ReviewedResult {
  const marksByKey = new Map<string, ReviewMark[]>();
  for (const mark of marks) {
    const key = markKey(mark.rule, mark.sheet, mark.cell);
    marksByKey.set(key, [...(marksByKey.get(key) ?? []), mark]);
  }
  const used = new Set<ReviewMark>();
  const findings: Finding[] = [];
  const accepted: AcceptedFinding[] = [];
  const changed: StaleMark[] = [];
  for (const finding of result.findings) {
    const candidates = marksByKey.get(markKey(finding.rule, finding.sheet, finding.cell));
    if (!candidates) {
      findings.push(finding);
      continue;
    }
    const fingerprint = findingFingerprint(finding, workbook);
    const match = candidates.find((mark) => mark.fingerprint === fingerprint && !used.has(mark));
    if (match) {
      used.add(match);
      accepted.push({ finding, mark: match });
      continue;
    }
    findings.push(finding);
    const stale = candidates.find((mark) => !used.has(mark));
    if (stale) {
      used.add(stale);
      changed.push({ mark: stale, why: "changed", finding, cellTextNow: cellTextAt(workbook, finding.sheet, finding.cell) });
    }
  }
  const gone: StaleMark[] = marks
    .filter((mark) => !used.has(mark))
    .map((mark) => ({ mark, why: "gone" as const, cellTextNow: cellTextAt(workbook, mark.sheet, mark.cell) }));
  return { ...result, findings, accepted, staleMarks: [...changed, ...gone] };
}

/** The values of one mark's row, in REVIEW_COLUMNS order. */
export function markRowValues(finding: Finding, workbook: WorkbookSnapshot, reason: string, acceptedAt: Date): string[] {
  return [
    finding.rule,
    finding.sheet,
    finding.cell,
    findingFingerprint(finding, workbook),
    reason,
    acceptedAt.toISOString(),
    cellTextAt(workbook, finding.sheet, finding.cell),
    finding.message.zh,
  ];
}

/**
 * The row a new mark goes to, from the mark sheet as read just before writing (row 1 the header):
 * the row of an older mark for the same finding (replaced), else the first blank row (a reset leaves
 * one), else the next row.
 */
export function rowForMark(rows: ReadonlyArray<ReadonlyArray<unknown> | undefined>, rule: string, sheet: string, cell: string): number {
  const existing = marksFromRows(rows).find((mark) => mark.rule === rule && mark.sheet === sheet && mark.cell === cell);
  if (existing) return existing.row;
  for (let index = 1; index < rows.length; index++) {
    const line = rows[index];
    if (!line || line.every((value) => value === null || value === undefined || value === "")) return index + 1;
  }
  return Math.max(2, rows.length + 1);
}

/** Drops the add-in's own sheets (marks, the pane's review report) before a check: they are not forms. */
export function withoutReviewSheets(workbook: WorkbookSnapshot, reportSheet?: (name: string) => boolean): WorkbookSnapshot {
  const drop = (name: string) => isReviewSheet(workbook, name) || (reportSheet?.(name) ?? false);
  if (!workbook.sheets.some((sheet) => drop(sheet.name))) return workbook;
  return { ...workbook, sheets: workbook.sheets.filter((sheet) => !drop(sheet.name)) };
}
