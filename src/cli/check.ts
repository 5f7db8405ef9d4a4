// `npm run --silent check -- <file.xlsx>… [--format text|json] [--lang zh|en] [--rules pack.json]`
// Exit code: 0 no error-severity finding, 1 at least one, 2 a file could not be read or bad arguments.
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CheckOptions } from "../core/engine";
import { pick, type Lang } from "../core/report/i18n";
import { loadRulePack, RulePackError } from "../core/packs";
import { parseCheckArgs, UsageError } from "./args";
import { checkFile, type FileReport } from "./check-files";
import { renderText } from "./report-text";

export const SAMPLE_WORKBOOK = path.join(__dirname, "..", "..", "samples", "sample-workbook.xlsx");

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseCheckArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`check: ${error.message}\nusage: check <file.xlsx>… [--format text|json] [--lang zh|en] [--rules pack.json]\n`);
      return 2;
    }
    throw error;
  }
  const files = args.files.length > 0 ? args.files : [SAMPLE_WORKBOOK];
  let options: CheckOptions = {};
  if (args.rules) {
    const loaded = loadPackFile(args.rules, args.lang);
    if (typeof loaded === "string") {
      process.stderr.write(`check: ${loaded}\n`);
      return 2;
    }
    options = { pack: loaded };
  }
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await checkFile(file, args.lang, options));
  if (args.format === "json") {
    const files = reports.map((r) =>
      r.error ? { file: r.file, error: r.error } : { file: r.file, tables: r.tables, findings: r.findings, notChecked: r.notChecked },
    );
    process.stdout.write(JSON.stringify({ files }, null, 2) + "\n");
  } else {
    process.stdout.write(renderText(reports, args.lang));
  }
  if (args.format === "json") for (const r of reports) if (r.error) process.stderr.write(`check: ${r.error.message}\n`);
  if (reports.some((r) => r.error)) return 2;
  return reports.some((r) => r.findings.some((f) => f.severity === "error")) ? 1 : 0;
}

/** The user's rule pack, or a message saying exactly what is wrong with the file. */
function loadPackFile(file: string, lang: Lang): ReturnType<typeof loadRulePack> | string {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return pick({ zh: `无法读取规则包 ${file}：${detail}`, en: `cannot read the rule pack ${file}: ${detail}` }, lang);
  }
  try {
    return loadRulePack(json);
  } catch (error) {
    if (error instanceof RulePackError) return `${file}: ${pick(error.text, lang)}`;
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`check: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
