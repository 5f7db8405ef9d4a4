// Builds the benchmark (bench/engine.bench.ts) into build/bench/ the way the command line is built
// (esbuild, plain JavaScript, packages external), so that `npm run bench` measures the engine as it
// ships rather than through a TypeScript runner (tsx keeps every function's name at run time, which
// costs a property definition per closure made, and its transformer's memory counts in the RSS).
import { build } from "esbuild";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(fileURLToPath(import.meta.url), "..", "..");
await build({
  entryPoints: { "engine.bench": join(root, "bench/engine.bench.ts") },
  outdir: join(root, "build", "bench"),
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external",
  sourcemap: false,
  logLevel: "warning",
});
