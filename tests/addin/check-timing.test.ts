// The pane's check measures its own steps: each step's time goes to its own figure. A clock that
// moves only when the host is called makes every figure exact, so nothing here depends on speed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { createExcelHost } from "../../src/excel/excel-host";
import { harnessRequirements } from "../../src/harness/harness-host";
import { simulatedWorkbookFrom } from "../../src/harness/load-workbook";
import { simulatedExcelRun } from "../../src/harness/simulated-excel";
import { readWorkbook } from "../../src/io/xlsx-reader";
import { runCheck } from "../../src/taskpane/check-workflow";
import { timingText } from "../../src/taskpane/strings";
import type { WorkbookHost } from "../../src/taskpane/workbook-host";

const FIXTURE = path.resolve(__dirname, "..", "..", "..", "shared", "fixtures", "liaocheng-2024-formulas.xlsx");

/** The simulated Excel, each call of which takes `cost[name]` ms on a clock that moves for nothing else. */
async function hostOnAClock(cost: Partial<Record<keyof WorkbookHost, number>>): Promise<{ host: WorkbookHost; clock: () => number }> {
  const workbook = simulatedWorkbookFrom(await readWorkbook(new Uint8Array(readFileSync(FIXTURE))));
  const adapter = createExcelHost(simulatedExcelRun(workbook), harnessRequirements);
  let now = 1000;
  const timed = <K extends keyof WorkbookHost>(name: K) =>
    (async (...args: unknown[]) => {
      const answer = await (adapter[name] as (...a: unknown[]) => Promise<unknown>)(...args);
      now += cost[name] ?? 0;
      return answer;
    }) as WorkbookHost[K];
  const host: WorkbookHost = {
    ...adapter,
    readCalculation: timed("readCalculation"),
    readSnapshot: timed("readSnapshot"),
    applyHighlights: timed("applyHighlights"),
    clearHighlights: timed("clearHighlights"),
  };
  return { host, clock: () => now };
}

describe("the check's timing split", () => {
  it("counts the calculation mode and the snapshot as read, the engine as check and the marks as highlight", async () => {
    const { host, clock } = await hostOnAClock({ readCalculation: 5, readSnapshot: 40, applyHighlights: 7, clearHighlights: 1000 });
    const run = await runCheck(host, true, () => undefined, clock);
    expect(run.result.findings.length).toBeGreaterThan(0);
    expect(run.timing).toEqual({ readMs: 45, checkMs: 0, highlightMs: 7 });
  });

  it("counts removing the marks as highlight when highlighting is off", async () => {
    const { host, clock } = await hostOnAClock({ readSnapshot: 12, applyHighlights: 1000, clearHighlights: 3 });
    const run = await runCheck(host, false, () => undefined, clock);
    expect(run.timing).toEqual({ readMs: 12, checkMs: 0, highlightMs: 3 });
  });

  it("says each step in the pane's language, the render and the total once they are known", () => {
    expect(timingText("zh", { readMs: 1234, checkMs: 310.4, highlightMs: 56 })).toBe("用时：读取 1.23 秒 · 检查 310 毫秒 · 标出 56 毫秒");
    expect(timingText("en", { readMs: 1234, checkMs: 310.4, highlightMs: 56, renderMs: 88, totalMs: 1702 })).toBe(
      "Time: read 1.23 s · check 310 ms · highlight 56 ms · render 88 ms (total 1.70 s)",
    );
  });
});
