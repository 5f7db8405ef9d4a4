// One worker thread of `check` (see pool.ts): checks the files it is handed, one at a time, and
// sends each report back (a report with an error, should checking throw, so the pool never waits).
import { parentPort, workerData } from "node:worker_threads";
import { checkFile, type FileReport } from "./check-files";
import { optionsOf, type WorkerInit, type WorkerReply, type WorkerRequest } from "./pool";

const init = workerData as WorkerInit;
const options = optionsOf(init.packJson);

parentPort!.on("message", (request: WorkerRequest) => {
  const { file, annotateTo } = request.task;
  void checkFile(file, init.lang, options, annotateTo)
    .catch((error: unknown): FileReport => {
      const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
      return { file, tables: [], findings: [], notChecked: [], error: { code: "internal-error", message: `${file}: ${detail}` } };
    })
    .then((report) => parentPort!.postMessage({ index: request.index, report } satisfies WorkerReply));
});
