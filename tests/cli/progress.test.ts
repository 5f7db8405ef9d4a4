// The progress line: drawn on a terminal only, with files done / total, elapsed time and the file
// being checked (its end, when the path is long), and wiped at the end.
import { progressBar } from "../../src/cli/progress";
import { displayWidth } from "../../src/cli/summary";

function fakeStream(isTTY: boolean, columns = 60) {
  const writes: string[] = [];
  const stream = { isTTY, columns, write: (text: string) => writes.push(text) > 0 } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

test("draws files done / total, elapsed time and the current file on a terminal, and wipes itself", () => {
  const { stream, writes } = fakeStream(true);
  const bar = progressBar(stream);
  bar.update({ done: 3, total: 12, current: "/很长的/路径/各单位/第03批/项目绩效目标表-某某街道办事处.xlsx" });
  bar.finish();
  expect(writes).toHaveLength(2);
  const line = writes[0].replace("\r\x1b[2K", "");
  expect(line).toMatch(/^\[█{5}░{15}\] 3\/12 {2}00:00 {2}…/);
  expect(line.endsWith("某某街道办事处.xlsx")).toBe(true);
  expect(displayWidth(line)).toBeLessThanOrEqual(60);
  expect(writes[1]).toBe("\r\x1b[2K");
});

test("draws nothing when the stream is not a terminal", () => {
  const { stream, writes } = fakeStream(false);
  const bar = progressBar(stream);
  bar.update({ done: 1, total: 2, current: "a.xlsx" });
  bar.finish();
  expect(writes).toEqual([]);
});

test("counts a Chinese character as two terminal columns", () => {
  expect(displayWidth("审核a（）")).toBe(9);
});
