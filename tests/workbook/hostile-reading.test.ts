// Hostile packages: the benchmark's workbook with a 50 MB shared-strings part is read whole; a part
// past a reading limit, as the package states it or as it inflates, is refused with a message that
// names the part, its size and the limit; a row past Excel's last row is refused.
import JSZip from "jszip";
import { HOSTILE_CASES } from "../../bench/hostile";
import { declaredSize } from "../../src/io/xlsx-parts";
import { READ_LIMITS, readWorkbook, WorkbookReadError } from "../../src/io/xlsx-reader";
import { smallWorkbook, withStatedSize } from "../helpers/stated-sizes";
import { oddPackage } from "./odd-packages";

const MB = 1024 * 1024;

async function refusal(bytes: Uint8Array, limits = READ_LIMITS): Promise<WorkbookReadError> {
  const error = await readWorkbook(bytes, limits).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(WorkbookReadError);
  return error as WorkbookReadError;
}

it("reads the benchmark's workbook with a 50 MB shared-strings part, every text", async () => {
  const bytes = await HOSTILE_CASES.find((c) => c.name === "strings")!.build();
  const sharedStrings = (await JSZip.loadAsync(bytes)).file("xl/sharedStrings.xml")!;
  expect(declaredSize(sharedStrings)).toBeGreaterThan(45 * MB); // 49 million bytes
  const workbook = await readWorkbook(bytes);
  const rows = workbook.sheets[0].rows;
  expect(rows).toHaveLength(240_000);
  expect(rows[0]).toEqual([{ type: "string", value: expect.stringMatching(/^第0条说明：本单位.*编号0。$/) }]);
  expect(rows[239_999]).toEqual([{ type: "string", value: expect.stringMatching(/^第239999条说明：.*编号239999。$/) }]);
  expect(rows.every((row) => row?.length === 1 && row[0]?.type === "string")).toBe(true);
});

it("refuses a shared-strings part the package states at 300 MB, before inflating it", async () => {
  const bytes = withStatedSize(await smallWorkbook(), "xl/sharedStrings.xml", 300 * MB);
  const error = await refusal(bytes);
  expect(error.code).toBe("too-large");
  expect(error.text.zh).toBe("共享字符串部分 xl/sharedStrings.xml 有 300 MB，超过上限 128 MB：未读取（预算工作簿的这一部分通常只有几 MB）");
  expect(error.text.en).toBe("the shared-strings part xl/sharedStrings.xml is 300 MB, above the limit of 128 MB: not read (a budget workbook's is a few MB)");
});

it("refuses a shared-strings part that inflates past the limit though the package states it small", async () => {
  const long = (row: number) => `第${row}行：${"预算绩效管理要求全面梳理".repeat(20)}`;
  const bytes = withStatedSize(await smallWorkbook(3000, long), "xl/sharedStrings.xml", 1000);
  const error = await refusal(bytes, { ...READ_LIMITS, sharedStringsBytes: 1 * MB });
  expect(error.code).toBe("too-large");
  expect(error.text.zh).toBe("共享字符串部分 xl/sharedStrings.xml 解压后超过上限 1 MB：未读取（预算工作簿的这一部分通常只有几 MB）");
  expect(error.text.en).toContain("inflates past the limit of 1 MB");
  // The same workbook is read when its part is within the limit.
  expect((await readWorkbook(await smallWorkbook(3000, long))).sheets[0].rows).toHaveLength(3000);
});

it("refuses a worksheet part the package states at 600 MB", async () => {
  const bytes = withStatedSize(await smallWorkbook(), "xl/worksheets/sheet1.xml", 600 * MB);
  const error = await refusal(bytes);
  expect(error.code).toBe("too-large");
  expect(error.text.zh).toBe("工作表部分 xl/worksheets/sheet1.xml 有 600 MB，超过上限 256 MB：未读取（预算工作簿的一张工作表通常只有几 MB）");
});

it("refuses a workbook with more non-empty cells than the limit, counted over all its sheets", async () => {
  const twoSheets = {
    sheets: ["甲", "乙"].map((name) => ({ name, body: `<sheetData>${Array.from({ length: 30 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c><c r="B${r + 1}"/></row>`).join("")}</sheetData>` })),
  };
  const bytes = await oddPackage(twoSheets);
  expect((await readWorkbook(bytes, { ...READ_LIMITS, cells: 60 })).sheets.map((s) => s.rows.length)).toEqual([30, 30]);
  const error = await refusal(bytes, { ...READ_LIMITS, cells: 59 });
  expect(error.code).toBe("too-large");
  expect(error.text.zh).toBe("工作簿的非空单元格超过上限 59 个：未读取（预算工作簿通常只有几千到几万个）");
  expect(READ_LIMITS.cells.toLocaleString("en")).toBe("2,000,000");
});

it("reads a row at Excel's last row and refuses one past it", async () => {
  const sheet = (row: number) => ({ sheets: [{ name: "末行", body: `<sheetData><row r="${row}"><c r="A${row}"><v>1</v></c></row></sheetData>` }] });
  expect((await readWorkbook(await oddPackage(sheet(1_048_576)))).sheets[0].rows).toHaveLength(1_048_576);
  const error = await refusal(await oddPackage(sheet(1_048_577)));
  expect(error.code).toBe("corrupt-file");
  expect(error.text.zh).toBe("工作表部分 xl/worksheets/sheet1.xml 有第 1048577 行，超出 Excel 的最后一行（第 1048576 行）：文件已损坏或不是 Excel 保存的");
});
