// project-funds/total-composition: 年度预算资金总额 = 财政拨款 + 上年结转资金 + 其他资金 (RULES 3.5, 3.0 tolerance).
import Decimal from "decimal.js";
import fc from "fast-check";
import { projectFundsFamily } from "../../src/core/rules/project-funds";
import { projectForm, run, workbookOf, type ProjectFormSpec } from "./forms-builders";

const base: ProjectFormSpec = { name: "社区图书室图书购置", total: 80, fiscal: 80, carryOver: 0, other: 0 };

describe("project funds composition", () => {
  it.each<[string, Partial<ProjectFormSpec>]>([
    ["parts add up", {}],
    ["three non-zero parts add up", { total: 100.5, fiscal: 60.25, carryOver: 30.25, other: 10 }],
    ["one cent off is silent", { total: 80.01 }],
    ["empty 其他资金 and 上年结转 count as 0", { carryOver: null, other: null }],
    ["labels vary: 年度资金总额 / 财政拨款 / 上年结转", { totalLabel: "年度资金总额", fiscalLabel: "财政拨款", carryOverLabel: "上年结转" }],
    ["numbers typed as text are still read", { total: "1,616.61", fiscal: "1,616.61" }],
  ])("no composition finding when %s", (_, change) => {
    const result = run(workbookOf(projectForm("项目", { ...base, ...change })), projectFundsFamily);
    expect(result.findings.filter((f) => f.category === "composition-mismatch")).toEqual([]);
  });

  it.each<[string, Partial<ProjectFormSpec>, string, string, "error" | "info"]>([
    ["the total misses the carry-over", { total: 80, fiscal: 80, carryOver: 12 }, "92.00", "80.00", "error"],
    ["the total is larger than its parts", { total: 90 }, "80.00", "90.00", "error"],
    ["two cents over three parts exceed the rounding allowance (3 × 0.005)", { total: 100.02, fiscal: 50, carryOver: 30, other: 20 }, "100.00", "100.02", "error"],
  ])("reports at the total when %s", (_, change, expected, actual, severity) => {
    const result = run(workbookOf(projectForm("项目", { ...base, ...change })), projectFundsFamily);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ rule: "project-funds/total-composition", category: "composition-mismatch", cell: "C5", expected, actual, severity });
    expect(result.findings[0].message.zh).toContain(`应为 ${new Decimal(expected).toFixed(2)}`);
  });

  it("flags a total typed as text once as number-as-text and still checks it", () => {
    const result = run(workbookOf(projectForm("项目", { ...base, total: "2,010.00", fiscal: 2010 })), projectFundsFamily);
    expect(result.findings.map((f) => [f.category, f.cell])).toEqual([["number-as-text", "C5"]]);
  });

  const cents = fc.integer({ min: 0, max: 10_000_000 }).map((c) => new Decimal(c).div(100));
  it("property: consistent funds give no finding; a part moved by more than 0.05 gives one error at the total", () => {
    fc.assert(
      fc.property(cents, cents, cents, fc.integer({ min: 0, max: 2 }), fc.integer({ min: 6, max: 100_000 }), fc.boolean(), (fiscal, carry, other, which, shiftCents, up) => {
        const total = fiscal.plus(carry).plus(other);
        const spec = { ...base, total: total.toNumber(), fiscal: fiscal.toNumber(), carryOver: carry.toNumber(), other: other.toNumber() };
        expect(run(workbookOf(projectForm("项目", spec)), projectFundsFamily).findings).toEqual([]);
        const shift = new Decimal(shiftCents).div(100).times(up ? 1 : -1);
        const key = (["fiscal", "carryOver", "other"] as const)[which];
        const moved = { ...spec, [key]: new Decimal(spec[key] as number).plus(shift).toNumber() };
        const findings = run(workbookOf(projectForm("项目", moved)), projectFundsFamily).findings;
        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({ cell: "C5", severity: "error", expected: total.plus(shift).toFixed(2), actual: total.toFixed(2) });
      }),
      { numRuns: 60 },
    );
  });
});
