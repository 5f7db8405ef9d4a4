// Checks files on disk with the engine and shapes the per-file report that `check` prints.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { summariseTable, type CheckOptions } from "../core/engine";
import { checkForReview } from "../core/review";
import { pick, type Lang } from "../core/report/i18n";
import type { Finding, TableSummary } from "../core/report/finding";
import type { Severity } from "../core/report/vocabulary";
import { annotateWorkbook } from "../io/annotate";
import { readWorkbook, WorkbookReadError } from "../io/xlsx-reader";

export interface FindingOut {
  id: string;
  rule: string;
  category: string;
  severity: Severity;
  sheet: string;
  cell: string;
  range?: string;
  tableId?: string;
  message: string;
  expected?: string;
  actual?: string;
  /** The other checks the same slip breaks, each at its cell. */
  corroboration?: { rule: string; sheet: string; cell: string; message: string }[];
}

/** A finding a reviewer accepted in the workbook (its mark sheet): listed apart, never counted. */
export interface AcceptedOut extends FindingOut {
  reason: string;
  acceptedAt: string;
}

/** A mark that no longer fits its finding: "changed" (the finding counts again) or "gone". */
export interface StaleMarkOut {
  rule: string;
  sheet: string;
  cell: string;
  reason: string;
  why: "changed" | "gone";
}

export interface FileReport {
  file: string;
  tables: TableSummary[];
  /** Findings that count (accepted ones are in `accepted`). */
  findings: FindingOut[];
  accepted?: AcceptedOut[];
  staleMarks?: StaleMarkOut[];
  notChecked: { rule: string; sheet: string; cell?: string; tableId?: string; reason: string }[];
  error?: { code: string; message: string };
  /** Where the annotated copy was written (`--annotate`), or why it could not be. */
  annotated?: string;
  annotateError?: string;
}

/**
 * The JSON shape other tools read has no list of cells: a grouped finding gives its cells as an Excel
 * multi-area address in `range` ("D12,D15,D20").
 */
function findingOut(lang: Lang) {
  return ({ cells, message, corroboration, ...rest }: Finding): FindingOut => ({
    ...rest,
    ...(cells && cells.length > 0 ? { range: [rest.cell, ...cells].join(",") } : {}),
    message: pick(message, lang),
    ...(corroboration ? { corroboration: corroboration.map((c) => ({ ...c, message: pick(c.message, lang) })) } : {}),
  });
}

/**
 * Reads and checks one file. With `annotateTo`, also writes the annotated copy there (the original
 * bytes with the findings marked; see src/io/annotate.ts).
 */
export async function checkFile(file: string, lang: Lang, options: CheckOptions = {}, annotateTo?: string): Promise<FileReport> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === "ENOENT"
        ? pick({ zh: `找不到文件：${file}`, en: `file not found: ${file}` }, lang)
        : pick({ zh: `无法打开文件：${file}（${code ?? "error"}）`, en: `cannot open file: ${file} (${code ?? "error"})` }, lang);
    return { file, tables: [], findings: [], notChecked: [], error: { code: code === "ENOENT" ? "not-found" : "unreadable", message } };
  }
  try {
    const workbook = await readWorkbook(bytes);
    const result = checkForReview(workbook, options);
    const report: FileReport = {
      file,
      tables: result.tables.map(summariseTable),
      findings: result.findings.map(findingOut(lang)),
      accepted: result.accepted.map(({ finding, mark }) => ({ ...findingOut(lang)(finding), reason: mark.reason, acceptedAt: mark.acceptedAt })),
      staleMarks: result.staleMarks.map(({ mark, why }) => ({ rule: mark.rule, sheet: mark.sheet, cell: mark.cell, reason: mark.reason, why })),
      notChecked: result.notChecked.map((n) => ({ ...n, reason: pick(n.reason, lang) })),
    };
    if (annotateTo !== undefined) {
      try {
        const copy = await annotateWorkbook(
          bytes,
          result.findings,
          lang,
          result.accepted.map(({ finding, mark }) => ({ finding, reason: mark.reason })),
        );
        await mkdir(path.dirname(annotateTo), { recursive: true });
        await writeFile(annotateTo, copy);
        report.annotated = annotateTo;
      } catch (error) {
        const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
        report.annotateError = pick({ zh: `无法写入批注副本 ${annotateTo}（${detail}）`, en: `cannot write the annotated copy ${annotateTo} (${detail})` }, lang);
      }
    }
    return report;
  } catch (error) {
    if (error instanceof WorkbookReadError) {
      return { file, tables: [], findings: [], notChecked: [], error: { code: error.code, message: `${file}: ${pick(error.text, lang)}` } };
    }
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return {
      file,
      tables: [],
      findings: [],
      notChecked: [],
      error: { code: "internal-error", message: `${file}: ${pick({ zh: "检查时出错", en: "error while checking" }, lang)} (${detail})` },
    };
  }
}
