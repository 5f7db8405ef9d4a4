// `budget-check check [file or folder…] [--format text|json|csv] [--lang zh|en] [--rules pack.json]
//   [--report summary.xlsx] [--annotate outdir] [--jobs n]`
// Exit code: 0 no error-severity finding, 1 at least one, 2 a file could not be read or bad arguments.
// The arguments, the rule pack and the paths are checked before the engine and the reader are
// loaded, so that a mistake is reported at once.
import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pick, type Lang } from "../core/report/i18n";
import { langOf, parseCheckArgs, UsageError, type CheckArgs } from "./args";
import type { FileReport } from "./check-files";
import { HELP } from "./help";
import { collectInputs, type InputFile } from "./inputs";
import type { CheckTask } from "./pool";
import { progressBar } from "./progress";
import { renderSummary } from "./summary";

export const SAMPLE_WORKBOOK = path.join(__dirname, "..", "..", "samples", "sample-workbook.xlsx");

const say = (line: string) => process.stderr.write(`budget-check: ${line}\n`);

export async function runCheck(argv: readonly string[]): Promise<number> {
  const lang = langOf(argv);
  let args: CheckArgs;
  try {
    args = parseCheckArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      say(pick(error.text, lang));
      return 2;
    }
    throw error;
  }
  if (args.help) {
    process.stdout.write(HELP.check[lang]);
    return 0;
  }
  let packJson: string | undefined;
  if (args.rules) {
    const loaded = await readPackFile(args.rules, lang);
    if (loaded.problem !== undefined) {
      say(loaded.problem);
      return 2;
    }
    packJson = loaded.json;
  }
  const inputs = args.inputs.length > 0 ? collectInputs(args.inputs) : { files: [{ file: SAMPLE_WORKBOOK }], skipped: [], missing: [] };
  if (inputs.missing.length > 0) {
    for (const m of inputs.missing) say(pick(m.message, lang));
    return 2;
  }
  let tasks: CheckTask[] = inputs.files.map((f) => ({ file: f.file }));
  if (args.annotate !== undefined) {
    const planned = planAnnotatedCopies(inputs.files, args.annotate, lang);
    if (typeof planned === "string") {
      say(planned);
      return 2;
    }
    tasks = planned;
  }

  const { checkAll } = await import("./pool");
  const bar = progressBar();
  let reports: FileReport[];
  try {
    reports = await checkAll(tasks, { lang, packJson, jobs: args.jobs }, (p) => bar.update(p));
  } finally {
    bar.finish();
  }

  let status = reports.some((r) => r.error) ? 2 : reports.some((r) => r.findings.some((f) => f.severity === "error")) ? 1 : 0;
  let reportWritten = false;
  if (args.report !== undefined) {
    const { renderReportWorkbook } = await import("./report-xlsx");
    try {
      writeFileSync(args.report, await renderReportWorkbook(reports, inputs.skipped, lang));
      reportWritten = true;
    } catch (error) {
      const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
      say(pick({ zh: `无法写入 ${args.report}（${detail}）`, en: `cannot write ${args.report} (${detail})` }, lang));
      status = 2;
    }
  }

  if (args.format === "json") {
    const files = reports.map((r) =>
      r.error
        ? { file: r.file, error: r.error }
        : { file: r.file, tables: r.tables, findings: r.findings, accepted: r.accepted ?? [], ...(r.staleMarks?.length ? { staleMarks: r.staleMarks } : {}), notChecked: r.notChecked },
    );
    const skipped = inputs.skipped.map((s) => ({ file: s.file, reason: pick(s.reason, lang) }));
    process.stdout.write(JSON.stringify(skipped.length > 0 ? { files, skipped } : { files }, null, 2) + "\n");
  } else if (args.format === "csv") {
    const { renderCsv } = await import("./report-csv");
    process.stdout.write(renderCsv(reports, lang));
  } else {
    const { renderText } = await import("./report-text");
    process.stdout.write(renderText(reports, lang));
    process.stdout.write("\n" + renderSummary(reports, inputs.skipped, lang));
    const annotated = reports.filter((r) => r.annotated !== undefined).length;
    if (args.annotate !== undefined) {
      process.stdout.write(pick({ zh: `批注副本 ${annotated} 个，写入 ${args.annotate}\n`, en: `${annotated} annotated copies written to ${args.annotate}\n` }, lang));
    }
    if (reportWritten) process.stdout.write(pick({ zh: `审核汇总已写入 ${args.report}\n`, en: `review summary written to ${args.report}\n` }, lang));
  }
  if (args.format !== "text") for (const r of reports) if (r.error) say(r.error.message);
  for (const r of reports) if (r.annotateError) say(r.annotateError);
  if (reports.some((r) => r.annotateError)) status = 2;
  return status;
}

/**
 * Where each annotated copy goes: the file's path under its folder argument, or its name for a file
 * named by itself; a second file of the same name gets " (2)". Never the original's own path.
 */
function planAnnotatedCopies(files: readonly InputFile[], outdir: string, lang: Lang): CheckTask[] | string {
  const taken = new Set<string>();
  const tasks: CheckTask[] = [];
  for (const input of files) {
    const relative = input.root !== undefined ? path.relative(input.root, input.file) : path.basename(input.file);
    let target = path.resolve(outdir, relative);
    const ext = path.extname(target);
    for (let n = 2; taken.has(target); n++) target = path.resolve(outdir, `${relative.slice(0, relative.length - ext.length)} (${n})${ext}`);
    taken.add(target);
    const original = realpathSync(input.file);
    if (target === original || (existsSync(target) && realpathSync(target) === original)) {
      return pick(
        { zh: `批注副本会覆盖原文件 ${input.file}：请为 --annotate 指定另一个文件夹`, en: `the annotated copy would overwrite the original ${input.file}: give --annotate another folder` },
        lang,
      );
    }
    tasks.push({ file: input.file, annotateTo: target });
  }
  return tasks;
}

/** The user's rule pack, validated here so that a bad pack is one line before any work starts. */
async function readPackFile(file: string, lang: Lang): Promise<{ json: string; problem?: undefined } | { problem: string }> {
  let text: string;
  let json: unknown;
  try {
    text = readFileSync(file, "utf8");
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return { problem: pick({ zh: `无法读取规则包 ${file}：${detail}`, en: `cannot read the rule pack ${file}: ${detail}` }, lang) };
  }
  const { loadRulePack, RulePackError } = await import("../core/packs");
  try {
    loadRulePack(json);
  } catch (error) {
    if (error instanceof RulePackError) return { problem: `${file}: ${pick(error.text, lang).replace(/\s*\n\s*/g, "; ")}` };
    throw error;
  }
  return { json: text };
}
