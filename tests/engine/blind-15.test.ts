// The whole engine on tests/fixtures/blind-15 (built from the published formats without reference to the
// checker's code: a 一般公共预算支出表 with 上年执行数 | 本年预算数 | 增减额 | 增减率 and its 科目编码
// stored as numbers, a 项目支出表 with five fund sources and unit 小计 lines after their groups, a
// target form whose 一级 is written on a group's first row only, and a self-evaluation whose 预算执行
// block sits under the indicators, above the 总分).
import { errorsOutsideKeys, missedAnomalies } from "../helpers/fixtures";
import { blindSet } from "../helpers/blind-set";

const set = blindSet("blind-15");
const { keys, results } = set;

it("the folder holds the six workbooks, three of them clean", () => {
  expect(keys).toHaveLength(6);
  expect(keys.filter((key) => key.anomalies.length === 0)).toHaveLength(3);
});

it("finds every keyed table with its kind and exact range", () => {
  for (const { found, keyed } of set.tables()) expect(found).toEqual(keyed);
});

it("reports every keyed slip at its cell with its category", () => {
  expect(missedAnomalies(keys, results)).toEqual([]);
});

it("gives no error-level finding outside the keys", () => {
  expect(errorsOutsideKeys(keys, results)).toEqual([]);
});

it("the clean workbooks: no finding of any severity (a cost spent under its = target keeps its full score)", () => {
  for (const key of keys.filter((k) => k.anomalies.length === 0)) expect(set.brief(key.workbook)).toEqual([]);
});

it("a 预算执行 block under the indicators is read: its rate and the 总分 that counts its score", () => {
  expect(set.brief("target-selfeval-2024-slips.xlsx")).toEqual(expect.arrayContaining(["self-evaluation/execution-rate 绩效自评表!G20 error", "self-evaluation/total-score 绩效自评表!G24 error"]));
});
