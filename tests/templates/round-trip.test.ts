// Every template kind and variant, written with the xlsx writer and read back: the cells, merges,
// formulas, dropdowns and markers are as the layout defines them, and detection finds the form as
// its kind over its exact range.
import { checkWorkbook } from "../../src/core/engine";
import { INPUT_FILL, readTemplateMarkers, requiredEmptyInputs, TEMPLATE_VERSION } from "../../src/core/templates";
import { cellAt } from "../../src/core/workbook/snapshot";
import { parseCellAddress, parseRange, rangeAddress } from "../../src/core/workbook/address";
import { readWorkbook } from "../../src/io/xlsx-reader";
import { loadExcel, TEMPLATE_CASES, writeCase } from "./template-cases";

const EXPECTED_PACK: Record<string, string> = {
  "project-cost-first": "project-cost-first",
  "project-legacy": "project-legacy",
  department: "dept-overall-jinan",
  "self-evaluation-cost-first": "self-eval",
  "self-evaluation-legacy": "self-eval-legacy",
};

describe.each(TEMPLATE_CASES.map((c) => [c.name, c] as const))("template %s", (_name, testCase) => {
  let written: Awaited<ReturnType<typeof writeCase>>;
  beforeAll(async () => {
    written = await writeCase(testCase);
  });

  test("reads back with every label, formula and merge of its layout", async () => {
    const { layout, bytes } = written;
    const workbook = await readWorkbook(bytes);
    const sheet = workbook.sheets.find((s) => s.name === layout.sheet)!;
    expect(sheet.visibility).toBe("visible");
    for (const cell of layout.cells) {
      const { row, col } = parseCellAddress(cell.at);
      const read = cellAt(sheet, row, col);
      if (cell.formula) {
        expect({ at: cell.at, formula: read.formula }).toEqual({ at: cell.at, formula: cell.formula.text });
      } else if (typeof cell.text === "string" && cell.text !== "") {
        expect({ at: cell.at, value: read.value }).toEqual({ at: cell.at, value: cell.text });
      }
    }
    const expectedMerges = layout.cells.filter((c) => c.to).map((c) => `${c.at}:${c.to}`).sort();
    expect(sheet.merges.map(rangeAddress).sort()).toEqual(expectedMerges);
  });

  test("shows the year from the year input, with its cached value", async () => {
    const workbook = await readWorkbook(written.bytes);
    const sheet = workbook.sheets.find((s) => s.name === written.layout.sheet)!;
    const yearLine = cellAt(sheet, 2, 1);
    expect(yearLine.formula).toMatch(/^"（"&'_bc_meta'!\$E\$2&"年(度)?）"$/);
    expect(yearLine.value).toMatch(/^（2025年(度)?）$/);
  });

  test("is detected as its kind over exactly its range", async () => {
    const { layout, bytes } = written;
    const result = checkWorkbook(await readWorkbook(bytes));
    expect(result.tables.map((t) => ({ sheet: t.sheet, kind: t.kind, range: rangeAddress(t.range) }))).toEqual([
      { sheet: layout.sheet, kind: testCase.kind, range: rangeAddress(layout.range) },
    ]);
  });

  test("offers dropdowns and number checks where the layout asks, and marks inputs with one fill", async () => {
    const { layout, bytes } = written;
    const worksheet = (await loadExcel(bytes)).getWorksheet(layout.sheet)!;
    for (const cell of layout.cells) {
      const excelCell = worksheet.getCell(cell.at);
      if (cell.list) {
        const expected = "values" in cell.list ? `"${cell.list.values.join(",")}"` : cell.list.formula.replace(/^=/, "");
        expect({ at: cell.at, type: excelCell.dataValidation?.type, formulae: excelCell.dataValidation?.formulae }).toEqual({
          at: cell.at,
          type: "list",
          formulae: [expected],
        });
      } else if (cell.bounds) {
        expect({ at: cell.at, type: excelCell.dataValidation?.type }).toEqual({ at: cell.at, type: cell.bounds.integer ? "whole" : "decimal" });
      }
      const fill = excelCell.fill as { fgColor?: { argb?: string } } | undefined;
      const filled = fill?.fgColor?.argb === `FF${INPUT_FILL.slice(1)}`;
      expect({ at: cell.at, input: filled, unlocked: excelCell.protection?.locked === false }).toEqual({
        at: cell.at,
        input: cell.input !== undefined,
        unlocked: cell.input !== undefined,
      });
    }
    const protection = (worksheet as unknown as { sheetProtection: unknown }).sheetProtection;
    expect(protection).toMatchObject({ sheet: true });
    expect(protection).not.toHaveProperty("hashValue");
    expect(worksheet.pageSetup).toMatchObject({ paperSize: 9, printTitlesRow: "1:2", fitToWidth: 1 });
  });

  test("a 二级 dropdown offers only the 二级 of its row's 一级", async () => {
    const { layout, bytes } = written;
    const excel = await loadExcel(bytes);
    const lists = excel.getWorksheet("_bc_lists")!;
    expect(lists.state).toBe("hidden");
    const level2Cells = layout.cells.filter((c) => c.input?.role === "indicator.level2");
    for (const cell of level2Cells) {
      const formula = (cell.list as { formula: string }).formula;
      const match = /^=INDIRECT\("(bc_t1_l2_)"&MATCH\(\$B\$(\d+),(bc_t1_l1),0\)\)$/.exec(formula);
      expect(match).not.toBeNull();
      // Resolve the dependent list as Excel would: the 一级 in the row's group, its place in the 一级 list.
      const level1 = String(excel.getWorksheet(layout.sheet)!.getCell(`B${match![2]}`).value);
      const level1Names = listValues(excel, match![3]);
      const position = level1Names.indexOf(level1) + 1;
      expect(position).toBeGreaterThan(0);
      expect(listValues(excel, `${match![1]}${position}`)).toContain(cell.input!.initial);
    }
  });

  test("records its kind, template version, rule pack and year for the checker", async () => {
    const { layout, bytes } = written;
    const workbook = await readWorkbook(bytes);
    expect(readTemplateMarkers(workbook)).toEqual([
      {
        sheet: layout.sheet,
        kind: testCase.kind,
        version: TEMPLATE_VERSION,
        packId: EXPECTED_PACK[testCase.name],
        year: 2025,
        requiredInputs: requiredEmptyInputs(layout),
        ...(testCase.name === "self-evaluation-legacy" ? { packJson: expect.any(String) } : {}),
      },
    ]);
    expect(workbook.sheets.find((s) => s.name === "_bc_meta")?.visibility).toBe("veryHidden");
    expect(Object.keys(workbook.definedNames ?? {})).toEqual(expect.arrayContaining(["_bc_kind", "_bc_tplver", "_bc_pack", "_bc_sheet", "_bc_year"]));
  });
});

function listValues(excel: Awaited<ReturnType<typeof loadExcel>>, name: string): string[] {
  const model = (excel.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  const entry = model.find((m) => m.name === name);
  if (!entry) throw new Error(`no defined name ${name}`);
  const [sheetPart, rangePart] = entry.ranges[0].split("!");
  const sheet = excel.getWorksheet(sheetPart.replace(/^'|'$/g, ""))!;
  const range = parseRange(rangePart.replace(/\$/g, ""));
  const values: string[] = [];
  for (let row = range.top; row <= range.bottom; row++) values.push(String(sheet.getCell(row, range.left).value));
  return values;
}
