// One worker thread of `check` (see pool.ts): checks the files it is handed, one at a time, and
// sends each report back.
import { parentPort, workerData } from "node:worker_threads";
import { checkFile } from "./check-files";
import { optionsOf, type WorkerInit, type WorkerReply, type WorkerRequest } from "./pool";

const init = workerData as WorkerInit;
const options = optionsOf(init.packJson);

parentPort!.on("message", (request: WorkerRequest) => {
  void checkFile(request.task.file, init.lang, options, request.task.annotateTo).then((report) => {
    parentPort!.postMessage({ index: request.index, report } satisfies WorkerReply);
  });
});
