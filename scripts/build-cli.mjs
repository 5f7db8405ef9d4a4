// Builds the command-line program `budget-check` into build/cli/ (plain JavaScript, run by Node with
// no TypeScript runner): the entry and the worker that checks files in parallel. Packages stay in
// node_modules (not bundled); the engine, the reader and the rule packs (JSON) are bundled in.
// Runs on `npm install` / `npm ci` (the `prepare` script) and before `npm run check`.
import { build } from "esbuild";
import { chmodSync, mkdtempSync, renameSync, readdirSync, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "..", "..");
const outdir = join(root, "build", "cli");
mkdirSync(outdir, { recursive: true });
// Written beside the output and then renamed into place, so that two builds at once (parallel test
// files) never leave a half-written file for a run to load.
const staging = mkdtempSync(join(root, "build", ".cli-"));
try {
  await build({
    entryPoints: { "budget-check": join(root, "src/cli/budget-check.ts"), "check-worker": join(root, "src/cli/check-worker.ts") },
    outdir: staging,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    sourcemap: false,
    logLevel: "warning",
    banner: { js: "#!/usr/bin/env node" },
  });
  for (const name of readdirSync(staging)) {
    chmodSync(join(staging, name), 0o755);
    renameSync(join(staging, name), join(outdir, name));
  }
} finally {
  rmSync(staging, { recursive: true, force: true });
}
