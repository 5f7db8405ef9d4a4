// Generates large, internally consistent workbooks in memory for the benchmark: project target forms,
// classification-coded budget tables whose 类/款/项 and 合计 add up, and self-evaluations.
import type { CellRange } from "../src/core/workbook/address";
import { makeCell, type Cell, type SheetSnapshot, type WorkbookSnapshot } from "../src/core/workbook/snapshot";

type Value = number | string | null;

class SheetBuilder {
  readonly rows: (Cell | undefined)[][] = [];
  readonly merges: CellRange[] = [];
  constructor(readonly name: string) {}

  put(row: number, col: number, value: Value, numberFormat?: string): void {
    if (value === null) return;
    (this.rows[row - 1] ??= [])[col - 1] = makeCell(value, numberFormat ? { numberFormat } : {});
  }

  line(row: number, values: Value[], left = 1): void {
    values.forEach((v, i) => this.put(row, left + i, v));
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push({ top, left, bottom, right });
  }

  build(): SheetSnapshot {
    return { name: this.name, visibility: "visible", rows: Array.from({ length: this.rows.length }, (_, i) => this.rows[i]), merges: this.merges };
  }
}

const cents = (n: number) => Math.round(n * 100) / 100;

/** One 项目支出绩效目标表 at `top`; returns the next free row. */
function projectForm(sheet: SheetBuilder, top: number, index: number, indicatorRows: number): number {
  const funds = cents(10 + (index % 97) * 3.17);
  sheet.line(top, ["项目支出绩效目标表"]);
  sheet.merge(top, 1, top, 5);
  sheet.line(top + 1, ["(2024 年度)"]);
  sheet.merge(top + 1, 1, top + 1, 5);
  sheet.line(top + 2, ["项目名称", `基准测试项目${index}`, null, "项目类别", "特定目标类"]);
  sheet.line(top + 3, ["主管部门", "某区财政局", null, "实施单位", "某区财政局"]);
  sheet.line(top + 4, ["项目资金 (万元)", "年度预算资金总额:", funds]);
  sheet.line(top + 5, [null, "其中: 财政拨款", funds]);
  sheet.line(top + 6, [null, "上年结转资金", 0]);
  sheet.line(top + 7, [null, "其他资金", 0]);
  sheet.merge(top + 4, 1, top + 7, 1);
  sheet.line(top + 8, ["年度总体绩效目标", `完成基准测试项目${index}的全部任务，服务对象满意度不低于 90%。`]);
  sheet.merge(top + 8, 2, top + 8, 5);
  const header = top + 9;
  sheet.line(header, ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"]);
  // Cost components split the funds exactly (in cents), so a clean form draws no cost finding.
  const costRows = Math.max(1, Math.floor(indicatorRows / 6));
  const componentCents = Math.floor((funds * 100) / Math.max(1, costRows - 1));
  const costValue = (i: number) => {
    if (i === 0 || costRows === 1) return `≤${funds} 万元`;
    const cents = i === costRows - 1 ? Math.round(funds * 100) - componentCents * (costRows - 2) : componentCents;
    return `≤${(cents / 100).toFixed(2)} 万元`;
  };
  const categories: [string, string, (i: number) => string][] = [
    ["成本指标", "经济成本指标", costValue],
    ["产出指标", "数量指标", (i) => `≥${10 + i} 个`],
    ["产出指标", "质量指标", () => "=100%"],
    ["产出指标", "时效指标", () => "≥95%"],
    ["效益指标", "社会效益指标", () => "有效提升"],
    ["满意度指标", "服务对象满意度指标", () => "≥90%"],
  ];
  let row = header + 1;
  for (let i = 0; i < indicatorRows; i++) {
    const [level1, level2, value] = i < costRows ? categories[0] : categories[1 + Math.min(Math.floor(((i - costRows) * (categories.length - 1)) / (indicatorRows - costRows)), categories.length - 2)];
    // Names of varied length and wording, as real forms have; a column of equal-width names looks cut off.
    const words = ["服务", "覆盖", "完成", "按期", "群众", "设施", "活动", "培训", "宣传", "保障"];
    const name =
      i === 0
        ? "项目总成本"
        : `${words[(i + index) % words.length]}${words.slice(0, 1 + ((i * 7 + index) % 4)).join("")}${level2.replace("指标", "")}${(i + index) % 2 === 0 ? "率" : ""}${i}`;
    sheet.line(row, [null, level1, level2, name, value(i)]);
    row++;
  }
  sheet.merge(header, 1, row - 1, 1);
  return row;
}

/** A 支出总体情况表-like table with 类/款/项 rows whose parents and 合计 add up, plus extra amount columns. */
function budgetTable(sheet: SheetBuilder, subjectRows: number, amountColumns: number): void {
  const title = "支出总体情况表";
  sheet.line(1, [title]);
  sheet.merge(1, 1, 1, 4 + amountColumns);
  sheet.line(2, ["部门(单位): 基准测试部门"]);
  sheet.put(2, 4 + amountColumns, "单位: 万元");
  const headers = ["科目编码", null, null, "科目名称", "合计", "基本支出", "项目支出"];
  for (let c = 3; c < amountColumns; c++) headers.push(`其他资金${c}`);
  sheet.line(3, headers);
  sheet.line(4, ["类", "款", "项"]);
  sheet.merge(3, 1, 3, 3);
  const totalRow = 5;
  sheet.line(totalRow, ["合计"]);
  const columnTotals = new Array<number>(amountColumns).fill(0);
  let row = totalRow + 1;
  let classCode = 201;
  while (row < totalRow + 1 + subjectRows) {
    const classRow = row++;
    const classSums = new Array<number>(amountColumns).fill(0);
    for (let k = 1; k <= 4 && row < totalRow + 1 + subjectRows; k++) {
      const itemRow = row++;
      const itemSums = new Array<number>(amountColumns).fill(0);
      for (let x = 1; x <= 4 && row < totalRow + 1 + subjectRows; x++) {
        const parts = Array.from({ length: amountColumns - 1 }, (_, c) => cents(((row * 7 + c * 13) % 500) + 0.37 * c));
        const total = cents(parts.reduce((a, b) => a + b, 0));
        const amounts = [total, ...parts];
        sheet.line(row, [null, null, String(x).padStart(2, "0"), `项名称${row}`, ...amounts]);
        amounts.forEach((v, c) => (itemSums[c] = cents(itemSums[c] + v)));
        row++;
      }
      sheet.line(itemRow, [null, String(k).padStart(2, "0"), null, `款名称${itemRow}`, ...itemSums]);
      itemSums.forEach((v, c) => (classSums[c] = cents(classSums[c] + v)));
    }
    sheet.line(classRow, [String(classCode++), null, null, `类名称${classRow}`, ...classSums]);
    classSums.forEach((v, c) => (columnTotals[c] = cents(columnTotals[c] + v)));
  }
  columnTotals.forEach((v, c) => sheet.put(totalRow, 5 + c, v));
}

export interface BenchmarkShape {
  readonly projectForms: number;
  readonly indicatorRowsPerForm: number;
  readonly budgetTables: number;
  readonly subjectRowsPerBudget: number;
  readonly amountColumns: number;
}

export const BASE_SHAPE: BenchmarkShape = { projectForms: 400, indicatorRowsPerForm: 40, budgetTables: 6, subjectRowsPerBudget: 2000, amountColumns: 16 };

export function scaled(shape: BenchmarkShape, factor: number): BenchmarkShape {
  return { ...shape, projectForms: shape.projectForms * factor, budgetTables: shape.budgetTables * factor };
}

export function generateWorkbook(shape: BenchmarkShape): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  const formsPerSheet = 20;
  for (let s = 0; s * formsPerSheet < shape.projectForms; s++) {
    const sheet = new SheetBuilder(`项目${s + 1}`);
    let row = 1;
    for (let i = s * formsPerSheet; i < Math.min((s + 1) * formsPerSheet, shape.projectForms); i++) row = projectForm(sheet, row, i + 1, shape.indicatorRowsPerForm) + 2;
    sheets.push(sheet.build());
  }
  for (let b = 0; b < shape.budgetTables; b++) {
    const sheet = new SheetBuilder(`预算${b + 1}`);
    budgetTable(sheet, shape.subjectRowsPerBudget, shape.amountColumns);
    sheets.push(sheet.build());
  }
  return { sheets };
}

export function countCells(workbook: WorkbookSnapshot): number {
  let n = 0;
  for (const sheet of workbook.sheets) for (const row of sheet.rows) if (row) for (const cell of row) if (cell && cell.type !== "empty") n++;
  return n;
}
