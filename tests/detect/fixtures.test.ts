// Every table of every fixture's answer key is found with its kind, exact range and title, and no other.
import { checkWorkbook } from "../../src/core/engine";
import { rangeAddress } from "../../src/core/workbook/address";
import { answerKeys, fold, readFixture } from "../helpers/fixtures";

describe.each(answerKeys().map((key) => [key.workbook, key] as const))("detection on %s", (_name, key) => {
  it("reports exactly the answer key's tables, with kind, range and title", async () => {
    const workbook = await readFixture(key.workbook);
    const { tables } = checkWorkbook(workbook);
    const found = tables.map((t) => ({ sheet: t.sheet, range: rangeAddress(t.range), kind: t.kind, title: fold(t.title) }));
    const expected = key.tables.map((t) => ({ sheet: t.sheet, range: t.range, kind: t.kind, title: fold(t.title) }));
    const order = (a: { sheet: string; range: string }, b: { sheet: string; range: string }) =>
      a.sheet.localeCompare(b.sheet) || a.range.localeCompare(b.range);
    expect(found.sort(order)).toEqual(expected.sort(order));
  });
});
