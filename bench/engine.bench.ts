// `npm run bench`: times the engine (detection + validation over a snapshot, no file I/O) on a large
// generated workbook at 1× and 4× its size, and reader + engine on generated hostile workbooks. Each
// case runs in a process of its own, so that its peak RSS is its own; a check is timed as the median
// of several runs (BENCH_RUNS, default 5), the heap collected before each.
import { spawnSync } from "node:child_process";
import { checkWorkbook } from "../src/core/engine";
import type { WorkbookSnapshot } from "../src/core/workbook/snapshot";
import { readWorkbook } from "../src/io/xlsx-reader";
import { BASE_SHAPE, countCells, generateWorkbook, scaled } from "./generate";
import { HOSTILE_CASES } from "./hostile";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

interface CaseResult {
  readonly name: string;
  readonly what: string;
  readonly cells: number;
  readonly tables: number;
  readonly findings: number;
  readonly notChecked: number;
  readonly readMs?: number;
  readonly checkMs: number;
  readonly checkCpuMs: number;
  readonly peakRssMb: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const gc = () => (globalThis as { gc?: () => void }).gc?.();

function timeChecks(workbook: WorkbookSnapshot): Omit<CaseResult, "name" | "what" | "peakRssMb" | "readMs"> {
  checkWorkbook(workbook); // warm-up: JIT and caches
  const times: number[] = [];
  const cpu: number[] = [];
  let result = checkWorkbook(workbook);
  for (let i = 0; i < RUNS; i++) {
    // Each run starts from a collected heap, so no run pays for the garbage of the one before.
    gc();
    const start = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    result = checkWorkbook(workbook);
    const used = process.cpuUsage(cpuStart);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    cpu.push((used.user + used.system) / 1000);
  }
  return { cells: countCells(workbook), tables: result.tables.length, findings: result.findings.length, notChecked: result.notChecked.length, checkMs: median(times), checkCpuMs: median(cpu) };
}

async function runCase(name: string): Promise<CaseResult> {
  const factor = /^(\d+)x$/.exec(name);
  if (factor) {
    const workbook = generateWorkbook(scaled(BASE_SHAPE, Number(factor[1])));
    const timed = timeChecks(workbook);
    return { name, what: `${factor[1]}× the generated workbook (snapshot, no reading)`, ...timed, peakRssMb: process.resourceUsage().maxRSS / 1024 };
  }
  const hostile = HOSTILE_CASES.find((c) => c.name === name);
  if (!hostile) throw new Error(`no bench case ${name}`);
  let bytes: Uint8Array | undefined = await hostile.build();
  gc();
  const start = process.hrtime.bigint();
  const workbook = await readWorkbook(bytes);
  const readMs = Number(process.hrtime.bigint() - start) / 1e6;
  bytes = undefined;
  return { name, what: hostile.what, readMs, ...timeChecks(workbook), peakRssMb: process.resourceUsage().maxRSS / 1024 };
}

async function main(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith("--case="))?.slice("--case=".length);
  if (only) {
    process.stdout.write(JSON.stringify(await runCase(only)) + "\n");
    return;
  }
  const names = (process.env.BENCH_CASES ?? ["1x", "4x", ...HOSTILE_CASES.map((c) => c.name)].join(",")).split(",");
  const results: CaseResult[] = [];
  for (const name of names) {
    const child = spawnSync(process.execPath, [...process.execArgv, __filename, `--case=${name}`], { encoding: "utf8", maxBuffer: 1 << 24 });
    const line = child.stdout.trim().split("\n").pop() ?? "";
    if (child.status !== 0 || !line.startsWith("{")) {
      console.error(`${name}: failed (${child.status})\n${child.stderr}`);
      continue;
    }
    results.push(JSON.parse(line) as CaseResult);
  }
  const pad = (v: string | number, n: number) => String(v).padStart(n);
  console.log(`median of ${RUNS} checks per case; read = the .xlsx reader, once; peak RSS of the case's own process`);
  console.log("case        non-empty cells  tables  findings  read (ms)  check (ms)  cpu (ms)  cells/s (check)  peak RSS (MB)");
  for (const r of results) {
    console.log(
      `${r.name.padEnd(10)}  ${pad(r.cells, 15)}  ${pad(r.tables, 6)}  ${pad(r.findings, 8)}  ${pad(r.readMs === undefined ? "-" : r.readMs.toFixed(0), 9)}  ${pad(r.checkMs.toFixed(0), 10)}  ${pad(r.checkCpuMs.toFixed(0), 8)}  ${pad(Math.round(r.cells / (r.checkMs / 1000)).toLocaleString("en"), 15)}  ${pad(r.peakRssMb.toFixed(0), 13)}`,
    );
  }
  for (const r of results) if (r.readMs !== undefined) console.log(`  ${r.name}: ${r.what}`);
  const one = results.find((r) => r.name === "1x");
  const four = results.find((r) => r.name === "4x");
  if (one && four) {
    const ratio = four.checkMs / one.checkMs;
    console.log(
      `targets: 1× ≤ 300 ms: ${one.checkMs.toFixed(0)} ms ${one.checkMs <= 300 ? "met" : "NOT met"}; 4×/1× ≤ 4.2: ${ratio.toFixed(2)} ${ratio <= 4.2 ? "met" : "NOT met"}; peak RSS at 1× ≤ 250 MB: ${one.peakRssMb.toFixed(0)} MB ${one.peakRssMb <= 250 ? "met" : "NOT met"}`,
    );
  }
}

void main();
