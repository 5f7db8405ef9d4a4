// `budget-check template --kind <kind> [--variant cost-first|legacy] [--rules pack.json]
//   [--year 2025] [--project 名称] [--department 部门] [--unit 实施单位] [--rows n] --out file.xlsx`
// Writes a blank template workbook for a finance bureau to distribute. The rule pack named is
// embedded, so the checker applies it to the filled-in workbook by itself.
// Exit code: 0 written, 2 bad arguments, unreadable pack or unwritable output (one bilingual line).
import fs from "node:fs";
import { z } from "zod";
import { RulePackError } from "../core/packs";
import { bilingual, type Bilingual } from "../core/report/i18n";
import { buildTemplate, TemplateKindSchema, TemplateOptionsError } from "../core/templates";
import { writeEdits } from "../io/xlsx-writer";

const USAGE =
  "usage: template --kind project-performance-target|department-performance-target|project-self-evaluation " +
  "[--variant cost-first|legacy] [--rules pack.json] [--year 2025] [--project 名称] [--department 部门] [--unit 实施单位] [--rows n] --out file.xlsx";

const OPTION_NAMES = ["kind", "variant", "rules", "year", "project", "department", "unit", "rows", "out"] as const;

const TemplateArgsSchema = z.object({
  kind: TemplateKindSchema,
  variant: z.enum(["cost-first", "legacy"]).default("cost-first"),
  rules: z.string().min(1).optional(),
  // Targets are set for the coming budget year.
  year: z.coerce.number().int().min(2000).max(2100).default(new Date().getFullYear() + 1),
  project: z.string().optional(),
  department: z.string().optional(),
  unit: z.string().optional(),
  rows: z.coerce.number().int().min(1).max(50).optional(),
  out: z.string().min(1),
});

class UsageError extends Error {
  readonly text: Bilingual;
  constructor(text: Bilingual) {
    super(text.en);
    this.text = text;
  }
}

function parseArgs(argv: readonly string[]): z.infer<typeof TemplateArgsSchema> {
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) throw new UsageError(bilingual(`多余的参数：${arg}`, `unexpected argument: ${arg}`));
    const [name, inline] = arg.slice(2).split("=", 2);
    if (!(OPTION_NAMES as readonly string[]).includes(name)) throw new UsageError(bilingual(`未知选项 --${name}`, `unknown option --${name}`));
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(bilingual(`--${name} 需要一个值`, `--${name} needs a value`));
    options[name] = value;
  }
  const parsed = TemplateArgsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0]);
    const missing = options[name] === undefined;
    throw new UsageError(
      missing ? bilingual(`缺少 --${name}`, `--${name} is required`) : bilingual(`--${name} 的值无效：${issue.message}`, `--${name}: ${issue.message}`),
    );
  }
  return parsed.data;
}

function readPack(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UsageError(bilingual(`无法读取规则包 ${file}（${detail}）`, `cannot read the rule pack ${file} (${detail})`));
  }
}

/** One line for the terminal: a pack's problems, one per line in the error, are joined. */
function oneLine(text: Bilingual): string {
  const flat = (s: string) => s.replace(/([:：])\s*\n\s*/g, "$1 ").replace(/\s*\n\s*/g, "; ");
  return `template: ${flat(text.zh)} / ${flat(text.en)}`;
}

export async function runTemplate(argv: readonly string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    const edits = buildTemplate(args.kind, {
      year: args.year,
      variant: args.variant,
      projectName: args.project ?? "",
      department: args.department ?? "",
      implementingUnit: args.unit ?? "",
      ...(args.rows !== undefined ? { indicatorRows: args.rows } : {}),
      ...(args.rules !== undefined ? { rulePackJson: readPack(args.rules) } : {}),
    });
    const bytes = await writeEdits(edits);
    try {
      fs.writeFileSync(args.out, bytes);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new UsageError(bilingual(`无法写入 ${args.out}（${detail}）`, `cannot write ${args.out} (${detail})`));
    }
    process.stdout.write(`已写入 ${args.out} / wrote ${args.out}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof TemplateOptionsError || error instanceof RulePackError) {
      process.stderr.write(`${oneLine(error.text)}\n`);
      if (argv.length === 0) process.stderr.write(`${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}
