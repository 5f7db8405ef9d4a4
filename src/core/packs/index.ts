// The rule packs shipped with the checker (RULES section 1) and automatic pack choice (RULES 1.5).
import { normaliseIndicatorName } from "../indicators/framework";
import type { Bilingual } from "../report/i18n";
import { foldText } from "../workbook/text";
import costFirstJson from "./builtin/project-cost-first.json";
import legacyJson from "./builtin/project-legacy.json";
import departmentJson from "./builtin/dept-overall-jinan.json";
import selfEvalJson from "./builtin/self-eval.json";
import { loadRulePack } from "./load";
import type { RulePack } from "./schema";

export { loadRulePack, RulePackError } from "./load";
export type { RulePack } from "./schema";

export const PROJECT_COST_FIRST: RulePack = loadRulePack(costFirstJson);
export const PROJECT_LEGACY: RulePack = loadRulePack(legacyJson);
export const DEPT_OVERALL_JINAN: RulePack = loadRulePack(departmentJson);
export const SELF_EVAL: RulePack = loadRulePack(selfEvalJson);

export const BUILTIN_PACKS: readonly RulePack[] = [PROJECT_COST_FIRST, PROJECT_LEGACY, DEPT_OVERALL_JINAN, SELF_EVAL];

export function builtinPack(id: string): RulePack | undefined {
  return BUILTIN_PACKS.find((pack) => pack.id === id);
}

/** What a form shows that tells its framework: its indicator names and its column headers. */
export interface PackEvidence {
  /** (一级, 二级) of each indicator row, as written (merged 一级 filled down or null). */
  readonly indicatorPairs: ReadonlyArray<{ readonly level1: string | null; readonly level2: string | null }>;
  /** Header and label texts of the form (column headers, block labels such as 投入管理指标). */
  readonly headers?: readonly string[];
}

export interface PackChoice {
  readonly pack: RulePack;
  /** True when the form's own names decided; false when the default was used. */
  readonly detected: boolean;
  readonly reason: Bilingual;
}

export interface ChoosePackOptions {
  /** The user's default when nothing decides (RULES 1.5 step 5). */
  readonly defaultPack?: RulePack;
  /** Packs to choose from, by id; the built-ins unless given. A bureau's own pack can replace one. */
  readonly packs?: readonly RulePack[];
}

/**
 * RULES 1.5. The self-evaluation headers are tested first: a self-evaluation also has 成本指标 as a
 * 一级, so the order of 1.5 would otherwise never reach step 4.
 */
/** Words only a 部门整体 form has, as a header or as an indicator's name. */
const DEPARTMENT_WORDS = ["投入管理", "职责履行", "履职效益"];
const DEPARTMENT_NAMES: ReadonlySet<string> = new Set(DEPARTMENT_WORDS);

/** True when a form's headers or 一级/二级 names are those of the 部门整体 framework (投入管理 / 职责履行 / 履职效益). */
export function namesDepartmentFramework(evidence: PackEvidence): boolean {
  const headers = (evidence.headers ?? []).map(foldText);
  return (
    DEPARTMENT_WORDS.some((word) => headers.some((header) => header.includes(word))) ||
    evidence.indicatorPairs.some(
      (pair) => (pair.level1 !== null && DEPARTMENT_NAMES.has(normaliseIndicatorName(pair.level1))) || (pair.level2 !== null && DEPARTMENT_NAMES.has(normaliseIndicatorName(pair.level2))),
    )
  );
}

export function choosePack(evidence: PackEvidence, options: ChoosePackOptions = {}): PackChoice {
  const packs = options.packs ?? BUILTIN_PACKS;
  const byId = (id: string): RulePack => packs.find((pack) => pack.id === id) ?? builtinPack(id) ?? PROJECT_COST_FIRST;
  const headers = (evidence.headers ?? []).map(foldText);
  const hasHeader = (word: string): boolean => headers.some((header) => header.includes(word));
  const level1Names = evidence.indicatorPairs.map((pair) => (pair.level1 === null ? "" : normaliseIndicatorName(pair.level1)));

  if (hasHeader("年度指标值") && hasHeader("实际完成") && hasHeader("分值") && hasHeader("得分")) {
    return { pack: byId("self-eval"), detected: true, reason: { zh: "表头含年度指标值、实际完成值、分值、得分（自评表）", en: "headers 年度指标值, 实际完成值, 分值, 得分 (self-evaluation)" } };
  }
  if (namesDepartmentFramework(evidence)) {
    return { pack: byId("dept-overall-jinan"), detected: true, reason: { zh: "含投入管理指标 / 职责履行 / 履职效益（部门整体）", en: "names 投入管理指标 / 职责履行 / 履职效益 (department form)" } };
  }
  if (level1Names.includes("成本")) {
    return { pack: byId("project-cost-first"), detected: true, reason: { zh: "成本指标为一级指标", en: "成本指标 is a first-level indicator" } };
  }
  const costUnderOutput = evidence.indicatorPairs.some(
    (pair) => pair.level1 !== null && pair.level2 !== null && normaliseIndicatorName(pair.level1) === "产出" && normaliseIndicatorName(pair.level2) === "成本",
  );
  if (costUnderOutput) {
    return { pack: byId("project-legacy"), detected: true, reason: { zh: "成本指标在产出指标之下", en: "成本指标 is a 二级 under 产出指标" } };
  }
  const fallback = options.defaultPack ?? byId("project-cost-first");
  return { pack: fallback, detected: false, reason: { zh: `未能识别，使用默认规则包 ${fallback.id}`, en: `not recognised; using the default pack ${fallback.id}` } };
}

const LEGACY_READINGS = new WeakMap<RulePack, RulePack>();

/**
 * RULES 1.4: a self-evaluation uses the framework of the project pack in force, and the form shows
 * which. With 成本指标 as a 一级 it is the cost-first one, as the pack has it. With 成本指标 under
 * 产出指标, or no 成本 row at all, the legacy reading holds (成本 is then an optional 二级 of 产出):
 * the pack's framework becomes the legacy one and the requirements it cannot hold (a 成本 一级, an
 * 经济成本 row) are dropped; weights and every other setting stay the pack's.
 */
export function selfEvaluationReading(pack: RulePack, evidence: PackEvidence): RulePack {
  const level1Names = evidence.indicatorPairs.map((pair) => (pair.level1 === null ? "" : normaliseIndicatorName(pair.level1)));
  const packHasCostLevel1 = pack.framework.level1.some((level1) => normaliseIndicatorName(level1.name) === "成本");
  if (!packHasCostLevel1 || level1Names.includes("成本")) return pack;
  let reading = LEGACY_READINGS.get(pack);
  if (reading === undefined) {
    const legacy = PROJECT_LEGACY.framework;
    const level1Of = new Set(legacy.level1.map((level1) => level1.name));
    const level2Of = new Set(legacy.level1.flatMap((level1) => level1.level2.map((level2) => level2.name)));
    reading = {
      ...pack,
      framework: legacy,
      requirements: pack.requirements.filter(
        (requirement) => (requirement.level1 === undefined || level1Of.has(requirement.level1)) && (requirement.level2 === undefined || level2Of.has(requirement.level2)),
      ),
    };
    LEGACY_READINGS.set(pack, reading);
  }
  return reading;
}

const DEPARTMENT_READINGS = new WeakMap<RulePack, RulePack>();

/** 二级 roles that are costs (经济成本指标 …, or 成本指标 as a 二级 of the legacy framework). */
const COST_ROLES: ReadonlySet<string> = new Set(["economic-cost", "social-cost", "ecological-cost", "cost"]);

/**
 * RULES 1.3: a 部门整体 form is not subject to the project pack, and 成本指标 is not required there. Many
 * districts fill the department form with the project categories (产出/效益/满意度指标) instead of
 * 投入管理/职责履行/履职效益: such a form is read with the project framework, so that its 一级 and 二级
 * are still placed and checked, but without the project pack's requirements on cost.
 */
export function departmentReading(pack: RulePack): RulePack {
  if (pack.formKind === "department") return pack;
  let reading = DEPARTMENT_READINGS.get(pack);
  if (reading === undefined) {
    const costLevel1 = new Set(pack.framework.level1.filter((level1) => level1.role === "cost").map((level1) => level1.name));
    const costLevel2 = new Set(pack.framework.level1.flatMap((level1) => level1.level2.filter((level2) => level1.role === "cost" || COST_ROLES.has(level2.role)).map((level2) => level2.name)));
    reading = {
      ...pack,
      requirements: pack.requirements.filter(
        (requirement) => !(requirement.level1 !== undefined && costLevel1.has(requirement.level1)) && !(requirement.level2 !== undefined && costLevel2.has(requirement.level2)),
      ),
    };
    DEPARTMENT_READINGS.set(pack, reading);
  }
  return reading;
}

const DEPARTMENT_SELF_EVALUATIONS = new WeakMap<RulePack, RulePack>();

/**
 * A self-evaluation of a 部门整体 (its indicators named 投入管理 / 职责履行 / 履职效益) is held to the
 * department framework, not the project one; the fixed 投入管理 rows are a target form's template and
 * are not asked of it.
 */
export function departmentSelfEvaluationReading(pack: RulePack): RulePack {
  let reading = DEPARTMENT_SELF_EVALUATIONS.get(pack);
  if (reading === undefined) {
    const { fixedRows: _template, ...rest } = pack;
    reading = rest;
    DEPARTMENT_SELF_EVALUATIONS.set(pack, reading);
  }
  return reading;
}
