// The whole engine on tests/fixtures/blind-14 (built from the published formats without reference to the
// checker's code: a hospital's 决算 in whole 元 with 行次, a 栏次 row, names merged over two columns on
// some rows and a 备注 column, a 收入支出决算总表 by income source and expenditure type; a school's
// self-evaluation with units in 指标值 and 实际完成值 and one-decimal scores beside next year's target
// form; a township's 部门整体 form with a one-row 预算 block and a 指标值类型 column, and two tables
// stacked under one another with a signature line between them).
import { errorsOutsideKeys, missedAnomalies } from "../helpers/fixtures";
import { blindSet } from "../helpers/blind-set";

const set = blindSet("blind-14");
const { keys, results } = set;

it("the folder holds the six workbooks, three of them clean", () => {
  expect(keys).toHaveLength(6);
  expect(keys.filter((key) => key.anomalies.length === 0)).toHaveLength(3);
});

it("finds every keyed table with its kind and exact range (signature lines are no tables)", () => {
  for (const { found, keyed } of set.tables()) expect(found).toEqual(keyed);
});

it("reports every keyed slip at its cell, one as composition/row where the key says sum-mismatch", () => {
  expect(missedAnomalies(keys, results)).toEqual(["township-2025-slips.xlsx 三公及基本支出!A5 sum-mismatch"]);
  expect(set.brief("township-2025-slips.xlsx")).toContain("composition/row 三公及基本支出!A5 error");
});

it("gives no error-level finding outside the keys but the second statement of one 预算 slip", () => {
  // 其他资金 typed wrong breaks 资金总额 = 财政拨款 + 其他资金 (at the total) and 基本 + 项目 = 财政拨款 +
  // 其他资金 (at the sources); either source could be the wrong one, so the two are not merged into one cell.
  expect(errorsOutsideKeys(keys, results)).toEqual(["township-2025-slips.xlsx department/type-vs-source 整体绩效目标!C7"]);
});

it("the clean workbooks: no finding of any severity", () => {
  for (const key of keys.filter((k) => k.anomalies.length === 0)) expect(set.brief(key.workbook)).toEqual([]);
});
