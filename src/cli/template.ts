// The template command run from the sources (`tsx src/cli/template.ts …`); the installed program is
// `budget-check template`, built from the same module.
import { runTemplate } from "./template-command";

runTemplate(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`template: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
