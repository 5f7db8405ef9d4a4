// `budget-check`: the command-line program (package.json `bin`, built to build/cli/ by
// scripts/build-cli.mjs). Subcommands `check` and `template`; `--help` in Chinese or English.
// Only the help and the dispatch are loaded at start-up; a subcommand loads the engine when it runs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { HELP, type HelpLang } from "./help";

function langOf(argv: readonly string[]): HelpLang {
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i] === "--lang" ? argv[i + 1] : argv[i].startsWith("--lang=") ? argv[i].slice(7) : undefined;
    if (value === "en" || value === "zh") return value;
  }
  return "zh";
}

/** The arguments without `--lang x` (the template command's messages carry both languages). */
function withoutLang(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--lang") i++;
    else if (!argv[i].startsWith("--lang=")) out.push(argv[i]);
  }
  return out;
}

const isHelp = (arg: string) => arg === "--help" || arg === "-h" || arg === "help";

export async function main(argv: readonly string[]): Promise<number> {
  const lang = langOf(argv);
  const commandAt = argv.findIndex((arg, i) => !arg.startsWith("-") && argv[i - 1] !== "--lang");
  const command = commandAt < 0 ? undefined : argv[commandAt];
  const rest = commandAt < 0 ? [] : argv.slice(commandAt + 1);
  if (command === undefined || command === "help") {
    const stray = argv.find((arg, i) => arg.startsWith("-") && !isHelp(arg) && arg !== "--lang" && !arg.startsWith("--lang=") && argv[i - 1] !== "--lang");
    if (stray === "--version" || stray === "-v") {
      process.stdout.write(`${version()}\n`);
      return 0;
    }
    if (stray !== undefined) return usage(lang, { zh: `未知选项 ${stray}`, en: `unknown option ${stray}` });
    process.stdout.write(HELP.main[lang]);
    return 0;
  }
  if (command === "check") {
    if (rest.some(isHelp) || argv.slice(0, commandAt).some(isHelp)) {
      process.stdout.write(HELP.check[lang]);
      return 0;
    }
    const { runCheck } = await import("./check-command");
    return runCheck([...argv.slice(0, commandAt), ...rest]);
  }
  if (command === "template") {
    if (rest.some(isHelp) || argv.slice(0, commandAt).some(isHelp)) {
      process.stdout.write(HELP.template[lang]);
      return 0;
    }
    const { runTemplate } = await import("./template-command");
    return runTemplate(withoutLang(rest));
  }
  return usage(lang, { zh: `未知命令 ${command}（可用：check、template）`, en: `unknown command ${command} (available: check, template)` });
}

function usage(lang: HelpLang, text: { zh: string; en: string }): number {
  const hint = lang === "en" ? "; see budget-check --help" : "；budget-check --help 查看用法";
  process.stderr.write(`budget-check: ${text[lang]}${hint}\n`);
  return 2;
}

function version(): string {
  // The package's own package.json, two folders up from build/cli/ (or src/cli/).
  const pkg = readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8");
  return (JSON.parse(pkg) as { version: string }).version;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`budget-check: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
