// The rule-pack format (RULES section 1): a JSON document a finance bureau can write to say which
// indicator framework its forms follow, which indicator categories are required, the thresholds of
// the plausibility rules, and which rules are off or have another severity. The zod schema is the
// single source of the shape; the TypeScript types are inferred from it.
import { z } from "zod";

const text = (what: string) =>
  z.string({ error: `expected ${what} (text)` }).trim().min(1, { error: `expected ${what} (non-empty text)` });

export const BilingualTextSchema = z.object({ zh: text("Chinese text"), en: text("English text") });

const percentNumber = z
  .number({ error: "expected a number between 0 and 100" })
  .min(0, { error: "expected a number between 0 and 100" })
  .max(100, { error: "expected a number between 0 and 100" });
const nonNegative = z.number({ error: "expected a number ≥ 0" }).min(0, { error: "expected a number ≥ 0" });
const fraction = z
  .number({ error: "expected a fraction between 0 and 10 (0.1 = 10%)" })
  .min(0, { error: "expected a fraction between 0 and 10 (0.1 = 10%)" })
  .max(10, { error: "expected a fraction between 0 and 10 (0.1 = 10%)" });

export const SeveritySettingSchema = z.enum(["error", "warning", "info"], { error: "expected one of error, warning, info" });

/** What a 一级 stands for, whatever a bureau calls it. Rules reason about roles, not spellings. */
export const Level1RoleSchema = z.enum(["cost", "output", "benefit", "satisfaction", "input", "effect"], {
  error: "expected one of cost, output, benefit, satisfaction, input, effect",
});

/** What a 二级 stands for: which values it expects (RULES 2.5) and which direction its operator points. */
export const Level2RoleSchema = z.enum(
  [
    "economic-cost",
    "social-cost",
    "ecological-cost",
    "cost",
    "quantity",
    "quality",
    "timeliness",
    "economic-benefit",
    "social-benefit",
    "ecological-benefit",
    "sustainability",
    "satisfaction",
    "budget-management",
    "duty",
    "duty-effect",
  ],
  { error: "expected a known 二级 role (economic-cost, quantity, quality, timeliness, satisfaction, …)" },
);

const NamedSchema = {
  name: text("a name"),
  /** Other spellings accepted for the same name (RULES 1.1: 可持续发展影响指标 for 可持续影响指标). */
  aliases: z.array(text("an alias")).default([]),
};

export const Level2Schema = z.object({ ...NamedSchema, role: Level2RoleSchema }).strict();
export const Level1Schema = z
  .object({ ...NamedSchema, role: Level1RoleSchema, level2: z.array(Level2Schema).min(1, { error: "expected at least one 二级" }) })
  .strict();

export const RequirementSchema = z
  .object({
    id: text("a requirement id"),
    description: BilingualTextSchema,
    /** The 一级 the requirement is about (canonical name in this pack). */
    level1: text("a 一级 name").optional(),
    /** The 二级 it is about; when set, rows must sit under this 二级. */
    level2: text("a 二级 name").optional(),
    minRows: z.number({ error: "expected a whole number ≥ 1" }).int({ error: "expected a whole number ≥ 1" }).min(1).default(1),
    /** Count only rows with a 三级 name or a value (an empty skeleton row does not count). */
    filled: z.boolean({ error: "expected true or false" }).default(true),
    /** Count only rows whose value is in this unit family (成本指标 needs a money value). */
    valueFamily: z.enum(["money", "percent", "count", "time", "physical"]).optional(),
    severity: SeveritySettingSchema,
  })
  .strict()
  .refine((requirement) => requirement.level1 !== undefined || requirement.level2 !== undefined, {
    error: "expected level1 or level2",
  });

export const ThresholdsSchema = z
  .object({
    /** P2: satisfaction targets below this are a warning. */
    satisfactionMin: percentNumber.default(80),
    /** P2: targets from satisfactionMin up to this are info (85–89%). */
    satisfactionUsual: percentNumber.default(85),
    /** P6: quality and timeliness rate targets below this are info. */
    qualityRateInfoBelow: percentNumber.default(80),
    /** 3.0: differences up to this many 万元 are silent. */
    toleranceWanYuan: nonNegative.default(0.01),
    /** 3.0: rounding residue per summed part, in 万元 (n × 0.005), capped below. */
    roundingPerPartWanYuan: nonNegative.default(0.005),
    roundingCapWanYuan: nonNegative.default(0.05),
    /** P14: per-unit standard × quantity may exceed the funds by this fraction before a warning. */
    perUnitRatioMax: fraction.default(0.1),
  })
  .strict();

/** A fixed indicator row of a department template (RULES 1.3) with its standard target. */
export const FixedRowSchema = z
  .object({
    level1: text("a 一级 name"),
    level2: text("a 二级 name"),
    level3: text("a 三级 name"),
    aliases: z.array(text("an alias")).default([]),
    target: text("a standard target"),
  })
  .strict();

const RuleIdSchema = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, { error: "expected a rule id such as indicators/taxonomy" });

export const RulePackSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, { error: "expected an id of lower-case letters, digits and hyphens" }),
    version: z.number({ error: "expected a whole number ≥ 1" }).int({ error: "expected a whole number ≥ 1" }).min(1).default(1),
    name: BilingualTextSchema,
    /** Which forms the pack is for: project target forms, department forms or self-evaluations. */
    formKind: z.enum(["project", "department", "self-eval"], { error: "expected one of project, department, self-eval" }),
    framework: z.object({ level1: z.array(Level1Schema).min(1, { error: "expected at least one 一级" }) }).strict(),
    requirements: z.array(RequirementSchema).default([]),
    thresholds: ThresholdsSchema.default(() => ThresholdsSchema.parse({})),
    /** Rules switched off or given another severity, by rule id. */
    rules: z.record(RuleIdSchema, z.union([z.literal("off"), SeveritySettingSchema], { error: "expected off, error, warning or info" })).default({}),
    /** 二级 roles where 不涉及 is a legal target (RULES 1.4, 2.2). */
    notApplicableAllowed: z.array(Level2RoleSchema).default([]),
    fixedRows: z
      .object({
        rows: z.array(FixedRowSchema),
        missingSeverity: SeveritySettingSchema.default("warning"),
        changedTargetSeverity: SeveritySettingSchema.default("info"),
      })
      .strict()
      .optional(),
    /** Qualitative words this bureau accepts beyond the built-in lexicon (RULES 2.3). */
    extraQualitativeWords: z.array(text("a word")).default([]),
    /** Self-evaluation budget row (RULES 1.4, 3.6): its name and 分值. */
    selfEvaluation: z
      .object({ budgetRowName: text("a row name"), budgetRowScore: nonNegative, totalScore: nonNegative.default(100) })
      .strict()
      .optional(),
    /**
     * Department forms (RULES 3.5, open question 2): what 区（县）本级安排 + 上级转移支付 add up to, 项目支出
     * or the whole 财政拨款. Unset, the reading the forms satisfy is taken.
     */
    department: z
      .object({
        specialFundsTotal: z
          .enum(["project-expenditure", "fiscal-appropriation"], { error: "expected project-expenditure or fiscal-appropriation" })
          .optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .superRefine((pack, context) => {
    // Names used by requirements and fixed rows must exist in the framework, or they could never match.
    const level1Names = new Set(pack.framework.level1.map((level1) => level1.name));
    const level2Names = new Set(pack.framework.level1.flatMap((level1) => level1.level2.map((level2) => level2.name)));
    pack.requirements.forEach((requirement, index) => {
      if (requirement.level1 !== undefined && !level1Names.has(requirement.level1)) {
        context.addIssue({ code: "custom", path: ["requirements", index, "level1"], message: `expected a 一级 of framework.level1, got "${requirement.level1}"` });
      }
      if (requirement.level2 !== undefined && !level2Names.has(requirement.level2)) {
        context.addIssue({ code: "custom", path: ["requirements", index, "level2"], message: `expected a 二级 of the framework, got "${requirement.level2}"` });
      }
    });
    pack.fixedRows?.rows.forEach((row, index) => {
      if (!level1Names.has(row.level1)) {
        context.addIssue({ code: "custom", path: ["fixedRows", "rows", index, "level1"], message: `expected a 一级 of framework.level1, got "${row.level1}"` });
      }
      if (!level2Names.has(row.level2)) {
        context.addIssue({ code: "custom", path: ["fixedRows", "rows", index, "level2"], message: `expected a 二级 of the framework, got "${row.level2}"` });
      }
    });
  });

export type RulePack = z.infer<typeof RulePackSchema>;
export type RulePackInput = z.input<typeof RulePackSchema>;
export type Level1Role = z.infer<typeof Level1RoleSchema>;
export type Level2Role = z.infer<typeof Level2RoleSchema>;
export type PackRequirement = z.infer<typeof RequirementSchema>;
export type PackThresholds = z.infer<typeof ThresholdsSchema>;
export type FixedRow = z.infer<typeof FixedRowSchema>;
export type SeveritySetting = z.infer<typeof SeveritySettingSchema>;
