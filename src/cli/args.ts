// Command-line arguments of `check`, validated with zod so a wrong flag gets a precise message.
import { z } from "zod";

export const CheckArgsSchema = z.object({
  files: z.array(z.string()),
  format: z.enum(["text", "json"]),
  lang: z.enum(["zh", "en"]),
  rules: z.string().optional(),
});
export type CheckArgs = z.infer<typeof CheckArgsSchema>;

export class UsageError extends Error {}

export function parseCheckArgs(argv: readonly string[]): CheckArgs {
  const files: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith("--")) {
      const [name, inline] = arg.slice(2).split("=", 2);
      if (!["format", "lang", "rules"].includes(name)) throw new UsageError(`unknown option --${name}`);
      const value = inline ?? argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options[name] = value;
    } else {
      files.push(arg);
    }
  }
  const parsed = CheckArgsSchema.safeParse({ files, format: options.format ?? "text", lang: options.lang ?? "zh", rules: options.rules });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--${String(issue.path[0])}: ${issue.message}`);
  }
  return parsed.data;
}
