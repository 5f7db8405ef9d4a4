// Which rule pack a template is built on, and the indicator framework it pre-fills and offers in its
// dropdowns: the pack's own (RULES 1.1–1.4), so a bureau's pack shapes its forms as well as checks them.
import { DEPT_OVERALL_JINAN, loadRulePack, PROJECT_COST_FIRST, PROJECT_LEGACY, SELF_EVAL, type RulePack } from "../packs";
import type { TemplateKind } from "./options";

export type ProjectVariant = "cost-first" | "legacy";

/** RULES 5.1 [ADVICE]: the 项目类别 choices. */
export const PROJECT_CATEGORIES = ["特定目标类", "其他运转类", "公用经费运转类"] as const;

const FORM_KIND: Readonly<Record<TemplateKind, RulePack["formKind"]>> = {
  "project-performance-target": "project",
  "department-performance-target": "department",
  "project-self-evaluation": "self-eval",
};

export function packFormKind(kind: TemplateKind): RulePack["formKind"] {
  return FORM_KIND[kind];
}

/**
 * The self-evaluation pack follows the cost-first layout; a legacy self-evaluation keeps its scoring
 * settings with the legacy framework and requirements.
 */
const SELF_EVAL_LEGACY: RulePack = loadRulePack({
  ...SELF_EVAL,
  id: "self-eval-legacy",
  name: { zh: "项目支出绩效自评表（成本指标在产出指标下）", en: "Project self-evaluation (cost under outputs)" },
  framework: PROJECT_LEGACY.framework,
  requirements: PROJECT_LEGACY.requirements,
});

export interface ChosenPack {
  readonly pack: RulePack;
  /** JSON to embed in the workbook; absent for a pack shipped with the checker (its id is enough). */
  readonly embeddedJson?: string;
}

export function defaultPackFor(kind: TemplateKind, variant: ProjectVariant): ChosenPack {
  switch (kind) {
    case "project-performance-target":
      return { pack: variant === "legacy" ? PROJECT_LEGACY : PROJECT_COST_FIRST };
    case "department-performance-target":
      return { pack: DEPT_OVERALL_JINAN };
    case "project-self-evaluation":
      return variant === "legacy" ? { pack: SELF_EVAL_LEGACY, embeddedJson: JSON.stringify(SELF_EVAL_LEGACY) } : { pack: SELF_EVAL };
  }
}
