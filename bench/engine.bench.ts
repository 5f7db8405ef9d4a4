// `npm run bench`: times the engine (detection + validation over a snapshot, no file I/O) on a large
// generated workbook at 1× and 4× its size, as the median of several runs, and reports peak memory.
import { checkWorkbook } from "../src/core/engine";
import { BASE_SHAPE, countCells, generateWorkbook, scaled } from "./generate";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(factor: number): { factor: number; cells: number; tables: number; findings: number; medianMs: number; heapMb: number } {
  const workbook = generateWorkbook(scaled(BASE_SHAPE, factor));
  const times: number[] = [];
  let tables = 0;
  let findings = 0;
  let peakHeap = 0;
  checkWorkbook(workbook); // warm-up: JIT and caches
  for (let i = 0; i < RUNS; i++) {
    // Each run starts from a collected heap, so no run pays for the garbage of the one before.
    (globalThis as { gc?: () => void }).gc?.();
    const start = process.hrtime.bigint();
    const result = checkWorkbook(workbook);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    tables = result.tables.length;
    findings = result.findings.length;
    peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  }
  return { factor, cells: countCells(workbook), tables, findings, medianMs: median(times), heapMb: peakHeap / 2 ** 20 };
}

const rows = [measure(1), measure(4)];
console.log("size  non-empty cells  tables  findings  median check (ms)  heap used (MB)");
for (const r of rows) {
  console.log(
    `${String(r.factor).padStart(3)}×  ${String(r.cells).padStart(15)}  ${String(r.tables).padStart(6)}  ${String(r.findings).padStart(8)}  ${r.medianMs.toFixed(0).padStart(17)}  ${r.heapMb.toFixed(0).padStart(14)}`,
  );
}
const ratio = rows[1].medianMs / rows[0].medianMs;
console.log(`4× / 1× time ratio: ${ratio.toFixed(2)} (target < 4.5); 1× target < 1000 ms; peak RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
