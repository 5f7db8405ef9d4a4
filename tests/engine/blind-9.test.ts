// The whole engine on tests/fixtures/blind-9 (built from the published formats without reference to the
// checker's code: a 单位决算 with 公开06's three column triples and 行次 in the middle of 公开03, a 元
// 部门预算 with six income sources and a long-list 基本支出表 grouped under 人员经费 / 公用经费,
// target forms whose 年度指标值 is split over 符号 | 数值 | 单位 under a merged header, with a 中期
// column and goal beside the 年度 one, self-evaluations with 原因分析 | 改进措施, and a 合计 column
// typed as text throughout).
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseProjectTargetForm } from "../../src/core/forms/project-target";
import { detectTables } from "../../src/core/detect/detect";
import { SheetView } from "../../src/core/workbook/sheet-view";
import { readWorkbook } from "../../src/io/xlsx-reader";
import { errorsOutsideKeys, missedAnomalies } from "../helpers/fixtures";
import { blindSet } from "../helpers/blind-set";

const set = blindSet("blind-9");
const { keys, results } = set;

const brief = set.brief;

it("the folder holds the nine workbooks, four of them clean", () => {
  expect(keys).toHaveLength(9);
  expect(keys.filter((key) => key.anomalies.length === 0)).toHaveLength(4);
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

it("the clean workbooks: nothing but the one warning RULES 2.5 asks for (a qualitative 质量指标 value)", () => {
  const clean = keys.filter((k) => k.anomalies.length === 0).flatMap((key) => brief(key.workbook).map((f) => `${key.workbook} ${f}`));
  expect(clean).toEqual(["targets-split-value-2025-clean.xlsx indicators/value-format 目标表-惠民演出!E22 warning"]);
});

it("a 年度指标值 merged over 符号 | 数值 | 单位 reads its value, operator and unit from the three columns below it", async () => {
  const workbook = await readWorkbook(readFileSync(path.join(set.dir, "targets-split-value-2025-clean.xlsx")));
  const views: SheetView[] = [];
  const view = (i: number) => (views[i] ??= new SheetView(workbook.sheets[i]));
  const table = detectTables(workbook, view).find((t) => t.sheet === "目标表-惠民演出")!;
  const form = parseProjectTargetForm(view(table.sheetIndex), table);
  expect(form.indicators!.columns).toMatchObject({ level3: 3, nature: 4, target: 5, unit: 6 });
  expect(form.indicators!.subHeaderRow).toBe(13);
  const first = form.indicators!.rows[0]!;
  expect([first.row, first.level3?.text, first.nature?.text, first.target?.text, first.unit?.text]).toEqual([14, "项目总成本", "≤", "86", "万元"]);
  // The goal is the 年度目标's text under its sub-label, not the 中期目标 sub-label beside the goal label.
  expect(form.goal?.address).toBe("E11");
});

it("a 人员经费 line above its 类 in a long 基本支出表 is the sum of 301 and 303", () => {
  expect(brief("budget-yuan-sources-2025-slips.xlsx")).toContain("totals/economic-group 基本支出表!C6 error");
  expect(brief("budget-yuan-sources-2025-clean.xlsx")).toEqual([]);
});

it("one slip, one finding in a self-evaluation: a rate typed wrong is not also a wrong score, a score over its weight carries the 总分, a weight typed wrong carries the Σ分值 and the full-marks note", () => {
  expect(brief("selfeval-split-reasons-2024-slips.xlsx").filter((f) => !f.startsWith("cells/"))).toEqual([
    "self-evaluation/funds-composition 自评-森林防火!F6 error",
    "self-evaluation/execution-rate 自评-森林防火!H6 error",
    "self-evaluation/score-within-weight 自评-森林防火!H17 error",
    "self-evaluation/weight-total 自评-有害生物防治!G16 error",
    "self-evaluation/total-score 自评-有害生物防治!H22 error",
  ]);
  const merged = results.get("selfeval-split-reasons-2024-slips.xlsx")!.findings.find((f) => f.cell === "G16")!;
  expect((merged.corroboration ?? []).map((c) => c.cell)).toEqual(["H16"]);
});
