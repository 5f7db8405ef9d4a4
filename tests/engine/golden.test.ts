// Guard: the engine's output on every fixture workbook (tables, findings, not-checked, messages
// included) is exactly the reference written by scripts/write-golden.ts. Speed work must not change it.
import { existsSync, readFileSync } from "node:fs";
import { engineOutput, GOLDEN_FILE } from "./golden-output";

it("gives exactly the reference output on every fixture workbook", async () => {
  expect(existsSync(GOLDEN_FILE)).toBe(true);
  const golden = JSON.parse(readFileSync(GOLDEN_FILE, "utf8")) as Record<string, unknown>;
  const now = JSON.parse(JSON.stringify(await engineOutput())) as Record<string, unknown>;
  expect(Object.keys(now).sort()).toEqual(Object.keys(golden).sort());
  for (const name of Object.keys(golden)) expect({ name, output: now[name] }).toEqual({ name, output: golden[name] });
}, 300_000);
