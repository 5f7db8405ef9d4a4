// Builds samples/sample-workbook.xlsx from sheets of the shared fixtures (real 2024 data, values
// kept as they are), so the checker and the harness have one workbook showing many table kinds.
// Run: npx tsx scripts/build-sample.ts [path/to/shared/fixtures]
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";

const fixtures = path.resolve(process.argv[2] ?? path.join(__dirname, "..", "..", "shared", "fixtures"));
const output = path.join(__dirname, "..", "samples", "sample-workbook.xlsx");

/** Which sheets to take from which fixture, in the order they appear in the sample. */
const PICKS: { file: string; sheets: string[] }[] = [
  { file: "liaocheng-2024-formulas.xlsx", sheets: ["支出总体情况表", "一般公共预算支出情况表", "项目绩效目标表"] },
  { file: "liaocheng-2024-department-budget.xlsx", sheets: ["一般公共预算“三公”经费支出情况表", "政府采购预算表"] },
  { file: "pingyin-2024-project-targets.xlsx", sheets: ["7-就业困难人员灵活就业", "15-80-89周岁高龄津"] },
  { file: "lixia-2024-performance.xlsx", sheets: ["部门-建筑新村街道", "项目(1-5)"] },
  { file: "lixia-2024-self-evaluation.xlsx", sheets: ["自评情况汇总表", "妇联-妇女儿童工作", "审批局-政务大厅", "文旅局-两馆及专项", "收支总体情况表"] },
];

function copySheet(source: ExcelJS.Worksheet, target: ExcelJS.Workbook): void {
  const sheet = target.addWorksheet(source.name, { properties: source.properties, pageSetup: source.pageSetup, views: source.views });
  source.columns?.forEach((column, i) => {
    if (column.width) sheet.getColumn(i + 1).width = column.width;
  });
  source.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const copy = sheet.getRow(rowNumber);
    if (row.height) copy.height = row.height;
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const into = copy.getCell(colNumber);
      if (cell.type !== ExcelJS.ValueType.Merge) into.value = cell.value;
      into.style = JSON.parse(JSON.stringify(cell.style ?? {}));
    });
  });
  for (const range of (source.model as { merges?: string[] }).merges ?? []) sheet.mergeCells(range);
}

async function main(): Promise<void> {
  const sample = new ExcelJS.Workbook();
  sample.creator = "Budget Check";
  for (const pick of PICKS) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(path.join(fixtures, pick.file)) as unknown as ExcelJS.Buffer);
    for (const name of pick.sheets) {
      const sheet = workbook.getWorksheet(name);
      if (!sheet) throw new Error(`${pick.file} has no sheet ${name}`);
      copySheet(sheet, sample);
    }
  }
  writeFileSync(output, new Uint8Array(await sample.xlsx.writeBuffer()));
  console.log(`wrote ${path.relative(process.cwd(), output)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
