// The .xlsx reader keeps what the file holds: a formula's cached result of 0 is a calculated 0, not a
// formula without a result (exceljs leaves falsy cached results out of a cell's value).
import ExcelJS from "exceljs";
import { readWorkbook } from "../../src/io/xlsx-reader";

async function roundTrip(fill: (sheet: ExcelJS.Worksheet) => void) {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet("表"));
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return (await readWorkbook(bytes)).sheets[0];
}

it("reads a formula whose cached result is 0 as the number 0 with its formula", async () => {
  const sheet = await roundTrip((s) => {
    s.getCell("A1").value = 0;
    s.getCell("A2").value = { formula: "SUM(A1:A1)", result: 0 };
  });
  expect(sheet.rows[1]![0]).toMatchObject({ type: "number", value: 0, formula: "SUM(A1:A1)" });
  expect(sheet.rows[1]![0]!.uncalculated).toBeUndefined();
});

it("still reads a formula with no cached result as uncalculated", async () => {
  const sheet = await roundTrip((s) => {
    s.getCell("A1").value = { formula: "SUM(B1:B2)" } as ExcelJS.CellFormulaValue;
  });
  expect(sheet.rows[0]![0]).toMatchObject({ type: "empty", formula: "SUM(B1:B2)", uncalculated: true });
});
