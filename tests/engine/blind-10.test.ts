// The whole engine on tests/fixtures/blind-10 (built from the published formats without reference to the
// checker's code: a 决算 公开01 with 行次 on both halves and a 财政拨款 总表 by fund type, a cover and a
// contents sheet, two budget tables side by side with a blank column and two touching with none, 三公
// with 增减额 / 增减率, three-decimal 万元, counts and areas beside money, a county 部门整体 form whose
// 年度主要任务 table puts its 合计 first, and targets with period and date values).
import { errorsOutsideKeys, missedAnomalies } from "../helpers/fixtures";
import { blindSet } from "../helpers/blind-set";

const set = blindSet("blind-10");
const { keys, results } = set;

const brief = set.brief;

it("the folder holds the eight workbooks, four of them clean", () => {
  expect(keys).toHaveLength(8);
  expect(keys.filter((key) => key.anomalies.length === 0)).toHaveLength(4);
});

it("finds every keyed table with its kind and exact range, two touching tables apart at their titles, and no table on a cover, contents or asset sheet", () => {
  for (const { found, keyed } of set.tables()) expect(found).toEqual(keyed);
});

it("reports every keyed slip at its cell with its category", () => {
  expect(missedAnomalies(keys, results)).toEqual([]);
});

it("a 三公 增减率 0.09 point off the figures shown is a warning (amounts printed rounded could explain it), a money unit in a 计量单位 column too", () => {
  expect(brief("budget-pairs-2025-slips.xlsx")).toContain("composition/change-rate 三公及采购!E9 warning");
  expect(brief("procure-assets-3dec-2025-slips.xlsx")).toContain("change/quantity-unit 政府采购预算表!D6 warning");
});

it("gives no error-level finding outside the keys (a 二级 renamed 数据指标 is named once, and the 数量指标 it may be is said to be not checked)", () => {
  expect(errorsOutsideKeys(keys, results)).toEqual([]);
  const notChecked = results.get("targets-county-2025-slips.xlsx")!.notChecked.filter((item) => item.rule === "indicators/required");
  expect(notChecked.map((item) => `${item.sheet}!${item.cell}`)).toEqual(["项目-动物防疫!B15"]);
});

it("the clean workbooks: no finding of any severity (a task table's 合计 first, 3-decimal rows within the rounding, counts beside money)", () => {
  for (const key of keys.filter((k) => k.anomalies.length === 0)) expect(brief(key.workbook)).toEqual([]);
});

it("a task table whose 合计 comes first adds up the tasks below it", () => {
  expect(brief("targets-county-2025-slips.xlsx")).toContain("department/task-composition 部门整体目标!G14 error");
});
