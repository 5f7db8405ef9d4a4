// listing/total-row: the 合计 row of a project listing (自评结果汇总表, 绩效目标情况表) is the sum of the
// projects listed above it, in every amount column; rates, scores and grades are not summed.
import fc from "fast-check";
import { checkWorkbook } from "../../src/core/engine";
import { sheetFromGrid, type SheetSnapshot } from "../../src/core/workbook/snapshot";

type Value = number | string | null;

/** 序号 | 项目名称 | 全年预算数 | 全年执行数 | 执行率 | 自评得分 | 自评等级, projects from row 3, then 合计. */
function summary(projects: Array<[string, number, number, number]>, total: [Value, Value]): SheetSnapshot {
  const grid: Value[][] = [
    ["某县2024年度项目支出绩效自评结果汇总表", null, null, null, null, null, null],
    ["序号", "项目名称", "全年预算数", "全年执行数", "执行率", "自评得分", "自评等级"],
    ...projects.map(([name, a, b, score], i) => [i + 1, name, a, b, `${((b / a) * 100).toFixed(2)}%`, score, score >= 90 ? "优" : "良"]),
    ["合计", null, total[0], total[1], null, "—", "—"],
  ];
  return sheetFromGrid("汇总", grid, [{ top: 1, left: 1, bottom: 1, right: 7 }]);
}

const findings = (sheet: SheetSnapshot) =>
  checkWorkbook({ sheets: [sheet] })
    .findings.filter((f) => f.rule === "listing/total-row")
    .map((f) => `${f.cell} ${f.severity} ${f.expected}/${f.actual}`);

const PROJECTS: Array<[string, number, number, number]> = [
  ["城乡居民临时救助资金", 126, 121.38, 95.38],
  ["社区养老服务站运营补助", 96, 96, 98.01],
  ["地名标志设置维护", 18.5, 15.94, 87.1],
];

describe("listing/total-row", () => {
  it("is silent when each 合计 is the sum of the projects", () => expect(findings(summary(PROJECTS, [240.5, 233.32]))).toEqual([]));

  it("reports a 合计 that is not the sum, at its cell, and only in that column", () =>
    expect(findings(summary(PROJECTS, [240.5, 232.33]))).toEqual(["D6 error 233.32/232.33"]));

  it("property: a consistent listing is silent; a 合计 off by 1.00 or more (beyond any rounding residue) gives one error at the 合计", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 10_000_000 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 100, max: 100_000 }), (cents, shift) => {
        const projects = cents.map((c, i) => [`项目${i + 1}号`, c / 100, c / 100, 95] as [string, number, number, number]);
        const sum = cents.reduce((a, b) => a + b, 0) / 100;
        expect(findings(summary(projects, [sum, sum]))).toEqual([]);
        const wrong = (cents.reduce((a, b) => a + b, 0) + shift) / 100;
        expect(findings(summary(projects, [sum, wrong]))).toEqual([`D${projects.length + 3} error ${sum.toFixed(2)}/${wrong.toFixed(2)}`]);
      }),
      { numRuns: 40 },
    );
  });
});
