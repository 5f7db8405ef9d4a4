// Generates a workbook whose check yields thousands of findings, for the pane's list: 支出总体情况表
// sheets whose 类/款/项 add up everywhere except one 款 amount per 类, typed wrong by a few 万元.
// One wrong cell is one slip (its 款 sum, its 类 sum and its row's 合计 = 基本 + 项目 all point at
// it), so the workbook holds exactly as many slips as 类 rows.
import { makeCell, type Cell, type SheetSnapshot, type WorkbookSnapshot } from "../src/core/workbook/snapshot";

/** 类 codes run 201…; a table stops before they would reach four digits. */
const CLASSES_PER_TABLE = 500;

function slippedBudgetSheet(name: string, classes: number, firstSlip: number): SheetSnapshot {
  const rows: (Cell | undefined)[][] = [];
  const line = (row: number, values: (string | number | null)[]) => {
    rows[row - 1] = values.map((value) => (value === null ? undefined : makeCell(value)));
  };
  line(1, ["支出总体情况表"]);
  line(2, ["部门(单位): 校验测试部门", null, null, null, null, null, "单位: 万元"]);
  line(3, ["科目编码", null, null, "科目名称", "合计", "基本支出", "项目支出"]);
  line(4, ["类", "款", "项"]);
  // Amounts in cents, so that every sum is exact.
  const totals = [0, 0, 0];
  let row = 6;
  for (let c = 0; c < classes; c++) {
    const classRow = row++;
    const sectionRow = row++;
    const sums = [0, 0, 0];
    for (let item = 1; item <= 2; item++) {
      const basic = 10_000 + ((row * 37 + c * 11) % 90_000);
      const project = 5_000 + ((row * 53 + c * 7) % 40_000);
      const amounts = [basic + project, basic, project];
      line(row, [null, null, String(item).padStart(2, "0"), `项名称${row}`, ...amounts.map((v) => v / 100)]);
      amounts.forEach((v, i) => (sums[i] += v));
      row++;
    }
    // The slip: the 款's 基本支出 typed 1.00–9.00 万元 off; its 合计 and the 类 keep the true sums.
    const slip = 100 * (1 + ((firstSlip + c) % 9));
    line(sectionRow, [null, "01", null, `款名称${sectionRow}`, sums[0] / 100, (sums[1] + slip) / 100, sums[2] / 100]);
    line(classRow, [String(201 + c), null, null, `类名称${classRow}`, ...sums.map((v) => v / 100)]);
    sums.forEach((v, i) => (totals[i] += v));
  }
  line(5, ["合计", null, null, null, ...totals.map((v) => v / 100)]);
  const merges = [
    { top: 1, left: 1, bottom: 1, right: 7 },
    { top: 3, left: 1, bottom: 3, right: 3 },
  ];
  return { name, visibility: "visible", rows, merges };
}

/** A workbook of 支出总体情况表 sheets holding `slips` wrong 款 amounts in all. */
export function generateSlippedWorkbook(slips: number): WorkbookSnapshot {
  const sheets: SheetSnapshot[] = [];
  for (let done = 0; done < slips; done += CLASSES_PER_TABLE) {
    sheets.push(slippedBudgetSheet(`预算${sheets.length + 1}`, Math.min(CLASSES_PER_TABLE, slips - done), done));
  }
  return { sheets };
}
