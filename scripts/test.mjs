// `npm test`: system packages for the browser and LibreOffice tests, type-check, then every Jest
// suite (unit, fixtures, end-to-end). Ends with a plain "N passed, N failed" line.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit", shell: false });
  return result.status ?? 1;
}

if (run("bash", ["scripts/ensure-system-packages.sh"]) !== 0) process.exit(1);
if (run("npx", ["tsc", "--noEmit", "-p", "."]) !== 0) {
  console.error("Type-check failed.");
  process.exit(1);
}
mkdirSync("test-results", { recursive: true });
const jestStatus = run("npx", ["jest", "--json", "--outputFile=test-results/jest.json", ...process.argv.slice(2)]);
let summary;
try {
  summary = JSON.parse(readFileSync("test-results/jest.json", "utf8"));
} catch {
  console.error("Jest wrote no results.");
  process.exit(1);
}
console.log(`${summary.numPassedTests} passed, ${summary.numFailedTests} failed`);
process.exit(jestStatus === 0 && summary.numTotalTests > 0 ? 0 : 1);
