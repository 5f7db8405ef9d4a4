// Command-line arguments of `budget-check check`, validated with zod so that a wrong flag gets one
// precise line in the user's language.
import { z } from "zod";

export type Lang = "zh" | "en";

export const CheckArgsSchema = z.object({
  inputs: z.array(z.string()),
  format: z.enum(["text", "json", "csv"]),
  lang: z.enum(["zh", "en"]),
  rules: z.string().min(1).optional(),
  report: z.string().min(1).optional(),
  annotate: z.string().min(1).optional(),
  jobs: z.coerce.number().int().min(1).max(256).optional(),
  help: z.boolean(),
});
export type CheckArgs = z.infer<typeof CheckArgsSchema>;

const VALUE_OPTIONS = ["format", "lang", "rules", "report", "annotate", "jobs"] as const;

export class UsageError extends Error {
  readonly text: { zh: string; en: string };
  constructor(zh: string, en: string) {
    super(en);
    this.text = { zh, en };
  }
}

/** The `--lang` of an argument list, read before anything else so that every message can use it. */
export function langOf(argv: readonly string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice("--lang=".length) : undefined;
    if (value === "en" || value === "zh") return value;
  }
  return "zh";
}

export function parseCheckArgs(argv: readonly string[]): CheckArgs {
  const inputs: string[] = [];
  const options: Record<string, string> = {};
  let help = false;
  let onlyInputs = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyInputs || !arg.startsWith("-") || arg === "-") {
      inputs.push(arg);
      continue;
    }
    if (arg === "--") {
      onlyInputs = true;
      continue;
    }
    if (arg === "-h" || arg === "--help") {
      help = true;
      continue;
    }
    const [name, inline] = arg.startsWith("--") ? splitOnce(arg.slice(2)) : [arg, undefined];
    if (!(VALUE_OPTIONS as readonly string[]).includes(name)) {
      throw new UsageError(`未知选项 ${arg.split("=")[0]}（budget-check check --help 查看用法）`, `unknown option ${arg.split("=")[0]} (see budget-check check --help)`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError(`--${name} 需要一个值`, `--${name} needs a value`);
    options[name] = value;
  }
  const parsed = CheckArgsSchema.safeParse({
    inputs,
    format: options.format ?? "text",
    lang: options.lang ?? "zh",
    rules: options.rules,
    report: options.report,
    annotate: options.annotate,
    jobs: options.jobs,
    help,
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue.path[0]);
    const given = options[name];
    const allowed: Record<string, string> = { format: "text | json | csv", lang: "zh | en", jobs: "1–256" };
    throw new UsageError(
      `--${name} 的值无效：${given ?? ""}${allowed[name] ? `（可用：${allowed[name]}）` : ""}`,
      `--${name}: invalid value ${given ?? ""}${allowed[name] ? ` (expected ${allowed[name]})` : ""}`,
    );
  }
  return parsed.data;
}

function splitOnce(text: string): [string, string | undefined] {
  const at = text.indexOf("=");
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}
