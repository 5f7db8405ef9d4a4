// `npm run --silent check -- <file.xlsx>… [--format text|json] [--lang zh|en] [--rules pack.json]`
// Exit code: 0 no error-severity finding, 1 at least one, 2 a file could not be read or bad arguments.
import path from "node:path";
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
  const reports: FileReport[] = [];
  for (const file of files) reports.push(await checkFile(file, args.lang));
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

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`check: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
