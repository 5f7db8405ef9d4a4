// The streamed reader reads every package as the reader did when exceljs loaded the whole workbook:
// the same snapshot (holes, formats, formulas and all), or the same refusal with the same message.
// Compared on small packages written part by part to hold what files hold now and then
// (odd-packages.ts), on every shared fixture and on the robustness corpus.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { readWorkbook, WorkbookReadError } from "../../src/io/xlsx-reader";
import { readWithWholeExceljs } from "../helpers/exceljs-whole-reader";
import { FIXTURES_DIR, SHARED_DIR } from "../helpers/fixtures";
import { ODD_PACKAGES, oddPackage } from "./odd-packages";

async function outcome(read: (bytes: Uint8Array) => Promise<unknown>, bytes: Uint8Array): Promise<unknown> {
  try {
    return { snapshot: await read(bytes) };
  } catch (error) {
    if (!(error instanceof WorkbookReadError)) throw error;
    return { code: error.code, text: error.text };
  }
}

const ROBUSTNESS = path.join(SHARED_DIR, "robustness");
const files = [
  ...readdirSync(FIXTURES_DIR)
    .filter((f) => f.endsWith(".xlsx"))
    .map((f) => path.join(FIXTURES_DIR, f)),
  ...readdirSync(ROBUSTNESS)
    .filter((f) => /\.(xlsx|xlsm)$/i.test(f))
    .map((f) => path.join(ROBUSTNESS, f)),
];

describe("packages written part by part", () => {
  it.each(Object.keys(ODD_PACKAGES))("%s", async (name) => {
    const bytes = await oddPackage(ODD_PACKAGES[name]);
    expect(await outcome(readWorkbook, bytes)).toStrictEqual(await outcome(readWithWholeExceljs, bytes));
  });

  it("hold workbooks that are read, not only ones that are refused", async () => {
    const read = [];
    for (const spec of Object.values(ODD_PACKAGES)) if ("snapshot" in ((await outcome(readWorkbook, await oddPackage(spec))) as object)) read.push(spec);
    expect(read.length).toBeGreaterThanOrEqual(10);
  });
});

describe("real files", () => {
  it("are there to compare", () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files.map((f) => [path.relative(SHARED_DIR, f), f]))("%s", async (_, file) => {
    const bytes = readFileSync(file);
    expect(await outcome(readWorkbook, bytes)).toStrictEqual(await outcome(readWithWholeExceljs, bytes));
  });
});
