// Real files from many spreadsheet programs, none holding a budget table: never crash, never a false
// table; formats that are not .xlsx get a clear message.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { checkWorkbook } from "../../src/core/engine";
import { readWorkbook, WorkbookReadError } from "../../src/io/xlsx-reader";
import { SHARED_DIR } from "../helpers/fixtures";

const CORPUS = path.join(SHARED_DIR, "robustness");
const files = readdirSync(CORPUS).filter((f) => /\.(xlsx|xlsm|xlsb|xls|ods|numbers|csv)$/i.test(f));

describe("the robustness corpus", () => {
  it("holds spreadsheets to test", () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files.filter((f) => /\.(xlsx|xlsm)$/i.test(f)))("%s: reads without crashing and reports no table", async (file) => {
    let tables;
    try {
      tables = checkWorkbook(await readWorkbook(readFileSync(path.join(CORPUS, file)))).tables;
    } catch (error) {
      // A file exceljs cannot take apart must still be refused with a specific message.
      expect(error).toBeInstanceOf(WorkbookReadError);
      expect((error as WorkbookReadError).text.zh.length).toBeGreaterThan(5);
      return;
    }
    expect(tables).toEqual([]);
  });

  it.each(files.filter((f) => !/\.(xlsx|xlsm)$/i.test(f)))("%s: is refused with a clear one-line message", async (file) => {
    const error = await readWorkbook(readFileSync(path.join(CORPUS, file))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookReadError);
    const { zh, en } = (error as WorkbookReadError).text;
    expect(zh).not.toContain("\n");
    expect(en).toMatch(/not supported|not an|non-standard/);
  });
});
