// self-evaluation/*: the arithmetic of a 项目支出绩效自评表 (RULES 3.6) and the summary against its forms.
import Decimal from "decimal.js";
import fc from "fast-check";
import { checkWorkbook } from "../../src/core/engine";
import { loadRulePack, SELF_EVAL } from "../../src/core/packs";
import { gradeOf, selfEvaluationFamily } from "../../src/core/rules/self-evaluation";
import { readFixture } from "../helpers/fixtures";
import { makeCell } from "../../src/core/workbook/snapshot";
import { consistentSelfEvaluation, run, selfEvaluationSheet, standardIndicators, summarySheet, workbookOf, type IndicatorSpec, type SelfEvaluationSpec } from "./forms-builders";

const family = selfEvaluationFamily();
const NAME = "妇女儿童工作专项经费";
const consistent = () => consistentSelfEvaluation(NAME, new Decimal(80), new Decimal("77.36"), standardIndicators());

function check(spec: SelfEvaluationSpec) {
  const layout = selfEvaluationSheet("自评", spec);
  return { layout, findings: run(workbookOf(layout.sheet), family).findings };
}
const summary = (f: { rule: string; cell: string; severity: string }) => `${f.rule}@${f.cell}:${f.severity}`;

function withIndicator(spec: SelfEvaluationSpec, index: number, change: Partial<IndicatorSpec>, totalDelta = 0): SelfEvaluationSpec {
  const indicators = spec.indicators.map((row, i) => (i === index ? { ...row, ...change } : row));
  return { ...spec, indicators, total: new Decimal(spec.total as number).plus(totalDelta).toNumber() };
}

/** Two outputs missed badly: 99.67 − 13.33 − 10 = 76.34. */
function lowScore(spec: SelfEvaluationSpec): SelfEvaluationSpec {
  const first = withIndicator(spec, 1, { actual: "10 次", score: 6.67, deviation: "活动取消" }, -13.33);
  return withIndicator(first, 4, { actual: "40%", score: 10, deviation: "宣传不足" }, -10);
}

describe("self-evaluation form", () => {
  it("a consistent form gives no finding", () => {
    expect(check(consistent()).findings).toEqual([]);
  });

  it("takes the budget row's 分值 and the total from the self-evaluation pack in force", () => {
    const pack = loadRulePack({ ...JSON.parse(JSON.stringify(SELF_EVAL)), selfEvaluation: { budgetRowName: "年度资金总额", budgetRowScore: 20, totalScore: 110 } });
    const layout = selfEvaluationSheet("自评", consistent());
    const findings = checkWorkbook(workbookOf(layout.sheet), { families: [selfEvaluationFamily()], pack }).findings.map(summary);
    expect(findings.sort()).toEqual(["self-evaluation/budget-weight@G6:error", "self-evaluation/weight-total@G12:error"]);
  });

  it.each<[string, (s: SelfEvaluationSpec) => SelfEvaluationSpec]>([
    ["the rate written as text 96.70%", (s) => ({ ...s, rate: "96.70%" })],
    ["the rate written in points 96.7", (s) => ({ ...s, rate: 96.7 })],
    ["a missed target scored in proportion", (s) => withIndicator(s, 4, { actual: "76%", score: 19 }, -1)],
    ["a 不涉及 row with 0 points", (s) => ({ ...s, indicators: [...s.indicators, { level1: "效益指标", level2: "生态效益指标", level3: "生态影响", target: "不涉及", actual: "不涉及", weight: 0, score: 0 }] })],
    ["a total below 80 with its explanation", (s) => ({ ...lowScore(s), explanation: "受场地改造影响活动减少，已调整计划。" })],
  ])("no finding for %s", (_, change) => {
    expect(check(change(consistent())).findings).toEqual([]);
  });

  it.each<[string, (s: SelfEvaluationSpec) => SelfEvaluationSpec, string[]]>([
    ["B column total ≠ its parts", (s) => ({ ...s, executed: { ...s.executed, total: 78.36 } }), ["self-evaluation/funds-composition@F6:error", "self-evaluation/execution-rate@H6:error"]],
    ["年初预算数 total ≠ its parts", (s) => ({ ...s, initial: { ...s.initial, carryOver: 5 } }), ["self-evaluation/funds-composition@D6:error"]],
    ["执行率 computed from 年初预算数 instead of A", (s) => ({ ...s, budget: { total: 82, fiscal: 80, carryOver: 2, other: 0 } }), ["self-evaluation/execution-rate@H6:error"]],
    ["B > A", (s) => ({ ...s, executed: { total: 81, fiscal: 81, carryOver: 0, other: 0 }, rate: 1.0125, score: 10, total: 100 }), ["self-evaluation/executed-over-budget@F6:warning"]],
    ["budget 得分 ≠ 分值 × 执行率", (s) => ({ ...s, score: 9.76, total: 99.76 }), ["self-evaluation/budget-score@I6:error"]],
    ["budget row 分值 8", (s) => ({ ...s, weight: 8, score: 7.74, total: 97.74 }), ["self-evaluation/budget-weight@G6:error", "self-evaluation/weight-total@G12:error"]],
    ["Σ分值 = 95", (s) => withIndicator(s, 2, { weight: 5, score: 5 }, -5), ["self-evaluation/weight-total@G12:error"]],
    ["得分 > 分值 (a proportional score left uncapped)", (s) => withIndicator(s, 1, { score: 21.33 }, 1.33), ["self-evaluation/score-within-weight@H14:error"]],
    ["得分 < 0", (s) => withIndicator(s, 5, { actual: "不健全", score: -1 }, -11), ["self-evaluation/score-within-weight@H18:error"]],
    ["总分 ≠ Σ得分 (digits swapped)", (s) => ({ ...s, total: 99.76 }), ["self-evaluation/total-score@H20:error"]],
    ["a 不涉及 row given points", (s) => ({ ...withIndicator(s, 5, { weight: 5, score: 5 }, -5), indicators: [...withIndicator(s, 5, { weight: 5, score: 5 }, -5).indicators, { level1: "效益指标", level2: "生态效益指标", level3: "生态影响", target: "不涉及", actual: "不涉及", weight: 5, score: 5 }], total: s.total }), ["self-evaluation/not-applicable-weight@G20:warning"]],
    ["a met target that lost points", (s) => withIndicator(s, 1, { score: 18 }, -2), ["self-evaluation/scoring-plausibility@H14:warning"]],
    ["a cost under its ceiling that lost points is only noted", (s) => withIndicator(s, 0, { score: 8 }, -2), ["self-evaluation/scoring-plausibility@H13:info"]],
    ["a missed target that kept full points", (s) => withIndicator(s, 6, { actual: "85%" }), ["self-evaluation/scoring-plausibility@H19:warning"]],
    ["an actual written as a fraction beside a % target", (s) => withIndicator(s, 2, { actual: "1" }), ["self-evaluation/fraction-actual@F15:info"]],
    ["a total below 80 without explanation", lowScore, ["self-evaluation/low-score-explanation@A21:warning"]],
    ["执行率 35% while every output keeps full marks", (s) => ({ ...s, executed: { total: 28, fiscal: 28, carryOver: 0, other: 0 }, rate: 0.35, score: 3.5, total: 93.5 }), ["self-evaluation/low-execution-full-output@H6:warning"]],
  ])("reports %s", (_, change, expected) => {
    expect(check(change(consistent())).findings.map(summary).sort()).toEqual([...expected].sort());
  });

  it("states the arithmetic in the message", () => {
    const { findings } = check({ ...consistent(), budget: { total: 82, fiscal: 80, carryOver: 2, other: 0 } });
    expect(findings[0].message.zh).toBe("执行率应为 94.34%（全年执行数 77.36 ÷ 全年预算数 82.00），实为 96.70%");
    expect(findings[0]).toMatchObject({ expected: "94.34", actual: "96.70" });
  });

  it.each([
    ["92.15", "优"],
    ["90", "优"],
    ["89.99", "良"],
    ["86.40", "良"],
    ["80", "良"],
    ["79.99", "中"],
    ["60", "中"],
    ["59.99", "差"],
  ])("grades %s as %s", (score, grade) => {
    expect(gradeOf(new Decimal(score))).toBe(grade);
  });

  const score2 = fc.integer({ min: 0, max: 1000 }).map((c) => new Decimal(c).div(100));
  it("property: a generated consistent form gives no finding; moving one score by more than 0.01 gives the total-score error at 总分", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 10_000_000 }),
        fc.integer({ min: 1, max: 100 }),
        fc.array(score2, { minLength: 7, maxLength: 7 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 2, max: 300 }),
        (aCents, percent, fractions, which, shiftCents) => {
          const a = new Decimal(aCents).div(100);
          const b = a.times(percent).div(100).toDecimalPlaces(2, Decimal.ROUND_DOWN);
          // Each row keeps a score between 0 and its weight; targets are written so that any score is plausible.
          const indicators = standardIndicators().map((row, i) => {
            const score = Decimal.min(new Decimal(row.weight), fractions[i].times(row.weight).div(10).toDecimalPlaces(2, Decimal.ROUND_DOWN));
            return { ...row, target: "按计划完成", actual: "已完成", score: score.toNumber() };
          });
          const spec = consistentSelfEvaluation(NAME, a, b, indicators);
          // Exact halves of a cent make the rounding of 执行率 ambiguous; they are not what this property is about.
          fc.pre(!b.div(a).times(1_000_000).mod(100).eq(50));
          const total = new Decimal(spec.total as number);
          if (total.lt(80)) spec.explanation = "原因已说明。";
          expect(check(spec).findings.filter((f) => f.severity !== "info")).toEqual([]);
          const shift = new Decimal(shiftCents).div(100);
          const row = spec.indicators[which];
          const moved = Decimal.max(0, new Decimal(row.score).minus(shift));
          fc.pre(!moved.eq(row.score) && new Decimal(row.score).minus(moved).gt(0.01));
          const changed = withIndicator(spec, which, { score: moved.toNumber() });
          const findings = check(changed).findings.filter((f) => f.severity !== "info");
          expect(findings.map(summary)).toEqual(["self-evaluation/total-score@H20:error"]);
          expect(findings[0]).toMatchObject({ expected: total.minus(new Decimal(row.score).minus(moved)).toFixed(2), actual: total.toFixed(2) });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe("self-evaluation summary", () => {
  const form = () => selfEvaluationSheet("自评", consistent()).sheet;

  it("a summary that matches its form gives no finding", () => {
    const result = run(workbookOf(summarySheet("汇总", [{ name: NAME, score: 99.67, grade: "优" }]), form()), family);
    expect(result.findings).toEqual([]);
  });

  it.each<[string, { name: string; score: number; grade: string }, string[]]>([
    ["a score that differs from the form's 总分", { name: NAME, score: 98.67, grade: "优" }, ["self-evaluation/summary-score@D3:error"]],
    ["a grade that does not fit its own score", { name: NAME, score: 99.67, grade: "良" }, ["self-evaluation/summary-grade@E3:error"]],
    ["a name written with spaces still matches", { name: "妇女儿童 工作专项经费", score: 98.67, grade: "优" }, ["self-evaluation/summary-score@D3:error"]],
  ])("reports %s", (_, line, expected) => {
    const result = run(workbookOf(summarySheet("汇总", [line]), form()), family);
    expect(result.findings.map(summary)).toEqual(expected);
  });

  it("matches rows to forms by name, not by position", () => {
    const second = selfEvaluationSheet("自评2", consistentSelfEvaluation("两馆免费开放", new Decimal(40), new Decimal("32.48"), standardIndicators())).sheet;
    const lines = [
      { name: "两馆免费开放", score: 98.12, grade: "优" },
      { name: NAME, score: 99.67, grade: "优" },
    ];
    expect(run(workbookOf(summarySheet("汇总", lines), form(), second), family).findings).toEqual([]);
  });

  it("reports a form missing from the summary at the form's name", () => {
    const second = selfEvaluationSheet("自评2", consistentSelfEvaluation("两馆免费开放", new Decimal(40), new Decimal("32.48"), standardIndicators())).sheet;
    const result = run(workbookOf(summarySheet("汇总", [{ name: NAME, score: 99.67, grade: "优" }]), form(), second), family);
    expect(result.findings.map((f) => `${f.rule}@${f.sheet}!${f.cell}`)).toEqual(["self-evaluation/summary-coverage@自评2!B3"]);
  });
});

// The rules above whose failing case no other test names: each one on its own, with a near miss that stays silent.
describe("self-evaluation rules named one by one", () => {
  type Finding = ReturnType<typeof check>["findings"][number];
  const only = (findings: readonly Finding[]) => findings.map((f) => ({ rule: f.rule, cell: f.cell, severity: f.severity, expected: f.expected, actual: f.actual }));
  const zero = { total: 0, fiscal: 0, carryOver: 0, other: 0 };

  describe("self-evaluation/rate-undefined (RULES 3.6.2: A = 0)", () => {
    it("a full-year budget above 0 gives a rate and no finding", () => {
      expect(check(consistent()).findings).toEqual([]);
    });

    it("a full-year budget of 0 leaves the rate undefined: a warning at 执行率, with no expected value", () => {
      // The whole budget withdrawn during the year: A = B = 0, 执行率 left empty, the budget row scores 0.
      const { findings } = check({ ...consistent(), budget: zero, executed: zero, rate: null, score: 0, total: 90 });
      expect(only(findings)).toEqual([{ rule: "self-evaluation/rate-undefined", cell: "H6", severity: "warning", expected: undefined, actual: undefined }]);
      expect(findings[0].category).toBe("missing-value");
      expect(findings[0].message.zh).toBe("全年预算数为 0，执行率无法计算");
    });

    it("a 执行率 typed as 0 beside A = 0 is still undefined: no low-execution or budget-score finding on top", () => {
      const { findings } = check({ ...consistent(), budget: zero, executed: zero, rate: 0, score: 0, total: 90 });
      expect(only(findings).map((f) => f.rule)).toEqual(["self-evaluation/rate-undefined"]);
    });
  });

  describe("self-evaluation/weight-shares (RULES 3.6.4: 产出 with 成本 50, 效益 30, info only)", () => {
    it("the usual split 成本 10 + 产出 40 and 效益 30 gives no finding", () => {
      expect(check(consistent()).findings).toEqual([]);
    });

    it("10 points moved from 效益 to 产出 (Σ still 100) is noted at the 分值 header", () => {
      const spec = withIndicator(withIndicator(consistent(), 1, { weight: 30, score: 30 }, 10), 4, { weight: 10, score: 10 }, -10);
      const { findings } = check(spec);
      expect(only(findings)).toEqual([{ rule: "self-evaluation/weight-shares", cell: "G12", severity: "info", expected: undefined, actual: undefined }]);
      expect(findings[0].message.zh).toBe("分值分配与常规不同：产出（含成本）60.00（常规 50），效益 20.00（常规 30）");
    });

    it("a total other than 100 is weight-total's error alone, not also a share note", () => {
      const findings = check(withIndicator(consistent(), 2, { weight: 5, score: 5 }, -5)).findings;
      expect(findings.map((f) => f.rule)).toEqual(["self-evaluation/weight-total"]);
    });
  });

  describe("self-evaluation/grade (RULES 3.6.11)", () => {
    it.each<[string, (s: SelfEvaluationSpec) => SelfEvaluationSpec]>([
      ["99.67 graded 优", (s) => ({ ...s, grade: "优" })],
      ["99.67 graded 优秀", (s) => ({ ...s, grade: "优秀" })],
      ["76.34 graded 中", (s) => ({ ...lowScore(s), explanation: "受场地改造影响活动减少，已调整计划。", grade: "中" })],
    ])("no finding for %s", (_, change) => {
      expect(check(change(consistent())).findings).toEqual([]);
    });

    it.each<[string, (s: SelfEvaluationSpec) => SelfEvaluationSpec, string, string]>([
      ["99.67 graded 良", (s) => ({ ...s, grade: "良" }), "优", "总分 99.67 对应等级“优”，表中为“良”"],
      ["76.34 graded 良", (s) => ({ ...lowScore(s), explanation: "受场地改造影响活动减少，已调整计划。", grade: "良" }), "中", "总分 76.34 对应等级“中”，表中为“良”"],
    ])("reports %s as an error at the grade", (_, change, expected, message) => {
      // 总分 on row 20, 自评等级 on the row below it.
      const { findings } = check(change(consistent()));
      expect(only(findings)).toEqual([{ rule: "self-evaluation/grade", cell: "H21", severity: "error", expected, actual: "良" }]);
      expect(findings[0].message.zh).toBe(message);
    });

    it("reads a grade written beside the 总分 without a label (the template's 等级 cell), and nothing else there", () => {
      const layout = selfEvaluationSheet("自评", consistent());
      const beside = (text: string) => {
        const rows = layout.sheet.rows.map((cells) => (cells ? [...cells] : cells));
        rows[layout.totalRow - 1]![8] = makeCell(text); // I20, right of the 总分 in H20
        return checkWorkbook(workbookOf({ ...layout.sheet, rows }), { families: [selfEvaluationFamily()] }).findings.map(summary);
      };
      expect(beside("优")).toEqual([]);
      expect(beside("差")).toEqual(["self-evaluation/grade@I20:error"]);
      expect(beside("见附件")).toEqual([]);
    });
  });

  describe("self-evaluation/early-deadline (RULES P11)", () => {
    const deadline = (target: string, actual: string) => withIndicator(consistent(), 3, { level3: "宣传活动完成时间", target, actual });

    it("a 时效 deadline in the budget year gives no finding", () => {
      expect(check(deadline("2024年12月底前", "2024年11月完成")).findings).toEqual([]);
    });

    it("a 时效 deadline in the year before the (2024年度) form is noted at the 年度指标值", () => {
      const { findings } = check(deadline("2023年12月底前", "2023年12月完成"));
      expect(only(findings)).toEqual([{ rule: "self-evaluation/early-deadline", cell: "E16", severity: "info", expected: undefined, actual: undefined }]);
      expect(findings[0].message.zh).toBe("时效指标“2023年12月底前”的年份 2023 早于预算年度 2024（是否为结转项目？）");
    });

    it("an earlier year outside a 时效 row is not a deadline", () => {
      const spec = withIndicator(consistent(), 5, { target: "2023年制度健全", actual: "2023年制度健全" });
      expect(check(spec).findings.map((f) => f.rule)).not.toContain("self-evaluation/early-deadline");
    });
  });

  it("the synthetic lixia self-evaluations (A > 0, 50/30 weights, no early deadline, no grade cell) draw none of these rules", async () => {
    const result = checkWorkbook(await readFixture("lixia-2024-self-evaluation.xlsx"), { families: [family] });
    const named = ["self-evaluation/rate-undefined", "self-evaluation/weight-shares", "self-evaluation/grade", "self-evaluation/early-deadline"];
    expect(result.tables.filter((t) => t.kind === "project-self-evaluation")).toHaveLength(4);
    expect(result.findings.filter((f) => named.includes(f.rule))).toEqual([]);
  });
});
