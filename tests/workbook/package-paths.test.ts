// A valid package may keep its workbook part outside xl/ (the package relationships say where, and
// Excel opens it): it is read, not refused.
import { readFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { checkWorkbook } from "../../src/core/engine";
import { readWorkbook, withWorkbookUnderXl } from "../../src/io/xlsx-reader";
import { SHARED_DIR } from "../helpers/fixtures";

const WTF = path.join(SHARED_DIR, "robustness", "wtf_path.xlsx");

it("reads wtf_path.xlsx, whose parts sit under wtf/", async () => {
  const workbook = await readWorkbook(readFileSync(WTF));
  expect(workbook.sheets.map((s) => s.name)).toEqual(["SheetJS", "Hidden"]);
  expect(workbook.sheets[0].rows[0]?.[0]).toEqual({ type: "number", value: 1 });
  expect(workbook.sheets[1].visibility).toBe("hidden");
  expect(checkWorkbook(workbook).tables).toEqual([]);
});

it("moves the workbook's folder to xl/ with its relationships and content types", async () => {
  const moved = await JSZip.loadAsync(await withWorkbookUnderXl(readFileSync(WTF)));
  const names = Object.keys(moved.files).sort();
  expect(names).toContain("xl/workbook.xml");
  expect(names).toContain("xl/_rels/workbook.xml.rels");
  expect(names).toContain("xl/worksheets/sheet1.xml");
  expect(names.some((n) => n.startsWith("wtf/"))).toBe(false);
  expect(await moved.file("_rels/.rels")!.async("string")).toContain('Target="xl/workbook.xml"');
  const types = await moved.file("[Content_Types].xml")!.async("string");
  expect(types).toContain('PartName="/xl/worksheets/sheet1.xml"');
  expect(types).not.toContain("/wtf/");
});

it("leaves a standard package as it is", async () => {
  const bytes = readFileSync(path.join(SHARED_DIR, "fixtures", "minimal-project.xlsx"));
  expect(await withWorkbookUnderXl(bytes)).toBe(bytes);
});
