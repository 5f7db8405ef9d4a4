// Checks many files on all cores: N worker threads (N = the available cores, at most one per file),
// each handed one file at a time. The queue of work is the list of paths; a worker holds at most
// one workbook, so memory stays bounded whatever the number of files. Results come back in input
// order. With one file or one job, the file is checked in this thread (no worker start-up).
import { availableParallelism } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { CheckOptions } from "../core/engine";
import { loadRulePack } from "../core/packs";
import type { Lang } from "../core/report/i18n";
import { checkFile, type FileReport } from "./check-files";

export interface CheckTask {
  file: string;
  annotateTo?: string;
}

export interface PoolSettings {
  lang: Lang;
  /** The text of the `--rules` pack, already validated; each worker loads it itself. */
  packJson?: string;
  jobs?: number;
}

export interface WorkerInit {
  lang: Lang;
  packJson?: string;
}

export type WorkerRequest = { index: number; task: CheckTask };
export type WorkerReply = { index: number; report: FileReport };

export interface Progress {
  done: number;
  total: number;
  current?: string;
}

export function optionsOf(packJson: string | undefined): CheckOptions {
  return packJson === undefined ? {} : { pack: loadRulePack(JSON.parse(packJson)) };
}

export function workerCount(files: number, jobs?: number): number {
  return Math.max(1, Math.min(files, jobs ?? availableParallelism()));
}

export async function checkAll(tasks: readonly CheckTask[], settings: PoolSettings, onProgress?: (p: Progress) => void): Promise<FileReport[]> {
  const count = workerCount(tasks.length, settings.jobs);
  const results: FileReport[] = new Array(tasks.length);
  if (count === 1) {
    const options = optionsOf(settings.packJson);
    for (let i = 0; i < tasks.length; i++) {
      onProgress?.({ done: i, total: tasks.length, current: tasks[i].file });
      results[i] = await checkFile(tasks[i].file, settings.lang, options, tasks[i].annotateTo);
    }
    onProgress?.({ done: tasks.length, total: tasks.length });
    return results;
  }
  const init: WorkerInit = { lang: settings.lang, packJson: settings.packJson };
  const workerFile = path.join(__dirname, "check-worker.js");
  let next = 0;
  let done = 0;
  let current: string | undefined;
  await new Promise<void>((resolve, reject) => {
    let failed = false;
    const workers: Worker[] = [];
    const retired = new Set<Worker>();
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const w of workers) void w.terminate();
      reject(error);
    };
    const feed = (worker: Worker) => {
      if (next >= tasks.length) {
        retired.add(worker);
        void worker.terminate();
        return;
      }
      const index = next++;
      current = tasks[index].file;
      onProgress?.({ done, total: tasks.length, current });
      worker.postMessage({ index, task: tasks[index] } satisfies WorkerRequest);
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(workerFile, { workerData: init });
      workers.push(worker);
      worker.on("message", (reply: WorkerReply) => {
        results[reply.index] = reply.report;
        done++;
        onProgress?.({ done, total: tasks.length, current });
        if (done === tasks.length) {
          for (const w of workers) retired.add(w);
          for (const w of workers) void w.terminate();
          resolve();
        } else feed(worker);
      });
      worker.on("error", fail);
      worker.on("exit", (code) => {
        if (!retired.has(worker) && !failed) fail(new Error(`a check worker stopped (exit code ${code})`));
      });
      feed(worker);
    }
  });
  return results;
}
