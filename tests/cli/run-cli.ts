// Runs the built `budget-check` program as a user does (node build/cli/budget-check.js …), after
// building it from the current sources once per test file.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(__dirname, "..", "..");
export const PROGRAM = path.join(ROOT, "build", "cli", "budget-check.js");

let built = false;

export function buildCli(): void {
  if (built) return;
  const result = spawnSync(process.execPath, [path.join(ROOT, "scripts", "build-cli.mjs")], { cwd: ROOT, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`build-cli failed: ${result.stderr}`);
  built = true;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function budgetCheck(args: readonly string[], options: SpawnSyncOptions = {}): CliResult {
  buildCli();
  const result = spawnSync(process.execPath, [PROGRAM, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120000, maxBuffer: 64 * 1024 * 1024, ...options });
  return { code: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}
