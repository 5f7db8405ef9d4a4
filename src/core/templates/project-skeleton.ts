// The pre-filled indicator skeleton of a project form (RULES 5.1), from the pack's framework: every
// 二级 in pack order, the 项目总成本 row tied to the funds, 不涉及 where a cost cannot apply, and the
// satisfaction row with its usual target. Rows are chosen by 二级 role, so a bureau's spelling works.
import type { Level2Role, RulePack } from "../packs/schema";
import type { IndicatorCategorySeed, IndicatorRowSeed } from "./indicators";
import { rowsFor } from "./indicators";
import type { CellValue } from "./layout";

/** Default rows per 二级: room for a total and components under cost, two outputs each for 数量 and 质量. */
const DEFAULT_ROWS_BY_ROLE: Partial<Record<Level2Role, number>> = { "economic-cost": 3, cost: 3, quantity: 2, quality: 2 };

/** RULES 5.1: these cost rows start as 不涉及 (RULES 1.4 allows it for them). */
const NOT_APPLICABLE_ROLES: ReadonlySet<Level2Role> = new Set(["social-cost", "ecological-cost"]);

export interface SkeletonOptions {
  readonly framework: RulePack["framework"];
  readonly indicatorRows?: number | Readonly<Record<string, number>>;
  /** The cell holding the project's funds, for the 项目总成本 target formula. */
  readonly fundsCell: string;
  readonly fundsTotal: number | null;
  /** Initial values of extra columns on a 不涉及 row (self-evaluation: actual 不涉及, 分值 and 得分 0). */
  readonly notApplicableExtras?: Readonly<Record<string, CellValue>>;
}

function totalCostTarget(fundsCell: string, fundsTotal: number | null): IndicatorRowSeed["targetFormula"] {
  // Empty while the funds are not given, so an unfilled form shows a missing value, not a 0 cap.
  return {
    text: `IF(${fundsCell}=0,"","≤"&TEXT(${fundsCell},"0.00")&"万元")`,
    result: fundsTotal === null || fundsTotal === 0 ? "" : `≤${fundsTotal.toFixed(2)}万元`,
  };
}

export function projectSkeleton(options: SkeletonOptions): IndicatorCategorySeed[] {
  return options.framework.level1.map((level1) => ({
    level1: level1.name,
    groups: level1.level2.map(({ name, role }) => {
      const count = Math.max(1, rowsFor(name, DEFAULT_ROWS_BY_ROLE[role] ?? 1, options.indicatorRows));
      const rows: IndicatorRowSeed[] = Array.from({ length: count }, () => ({}));
      if (role === "economic-cost" || role === "cost") {
        rows[0] = { name: "项目总成本", targetFormula: totalCostTarget(options.fundsCell, options.fundsTotal) };
      } else if (NOT_APPLICABLE_ROLES.has(role)) {
        rows[0] = { name: "不涉及", target: "不涉及", ...(options.notApplicableExtras ? { extras: options.notApplicableExtras } : {}) };
      } else if (role === "satisfaction") {
        rows[0] = { name: "服务对象满意度", target: "≥90%" };
      }
      return { level2: name, rows };
    }),
  }));
}
