// Writes tests/engine/golden/engine-output.json: the engine's output on every fixture, which the guard
// test (tests/engine/golden.test.ts) compares against. Run it only on a commit whose output is the
// reference: `npx tsx scripts/write-golden.ts`.
import { writeFileSync } from "node:fs";
import { engineOutput, GOLDEN_FILE } from "../tests/engine/golden-output";

void engineOutput().then((out) => {
  writeFileSync(GOLDEN_FILE, JSON.stringify(out, null, 1) + "\n");
  console.log(`wrote ${GOLDEN_FILE}: ${Object.keys(out).length} workbooks`);
});
