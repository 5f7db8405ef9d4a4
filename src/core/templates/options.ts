// What a caller (the pane's 新建项目 form, the bureau command) says about the forms to insert.
// Parsed with zod because the values come from a user or a command line.
import Decimal from "decimal.js";
import { z } from "zod";

export const TemplateKindSchema = z.enum(["project-performance-target", "department-performance-target", "project-self-evaluation"]);
export type TemplateKind = z.infer<typeof TemplateKindSchema>;

export const ProjectVariantSchema = z.enum(["cost-first", "legacy"]);

/** An amount in 万元, as typed (text or number); kept exact with decimal.js. */
const AmountSchema = z
  .union([z.number(), z.string()])
  .transform((raw, ctx) => {
    const text = typeof raw === "number" ? String(raw) : raw.replace(/,/g, "").trim();
    let amount: Decimal;
    try {
      amount = new Decimal(text);
    } catch {
      ctx.addIssue({ code: "custom", message: `not an amount: ${String(raw)}` });
      return z.NEVER;
    }
    if (!amount.isFinite() || amount.isNegative()) {
      ctx.addIssue({ code: "custom", message: `an amount must be a number ≥ 0: ${String(raw)}` });
      return z.NEVER;
    }
    return amount.toDecimalPlaces(2);
  });

export const FundsSchema = z.object({
  /** 财政拨款 */
  fiscal: AmountSchema.optional(),
  /** 上年结转资金 */
  carryOver: AmountSchema.optional(),
  /** 其他资金 */
  other: AmountSchema.optional(),
});
export type Funds = z.infer<typeof FundsSchema>;

const RowCountSchema = z.number().int().min(1).max(50);

export const TemplateOptionsSchema = z.object({
  projectName: z.string().trim().default(""),
  /** 主管部门 of a project form; 部门名称 of a department form. */
  department: z.string().trim().default(""),
  /** 实施单位 */
  implementingUnit: z.string().trim().default(""),
  year: z.number().int().min(2000).max(2100),
  funds: FundsSchema.default({}),
  variant: ProjectVariantSchema.default("cost-first"),
  /** Indicator rows per 二级 (one number for all, or by 二级 name); a category always keeps ≥ 1 row. */
  indicatorRows: z.union([RowCountSchema, z.record(z.string(), RowCountSchema)]).optional(),
  /** Department form: lines for 部门职能 and rows for 年度主要任务. */
  departmentFunctions: RowCountSchema.default(5),
  mainTasks: RowCountSchema.default(3),
  /** A bureau's rule pack (JSON text): shapes the indicator block and is embedded verbatim in the workbook. */
  rulePackJson: z.string().optional(),
  /** Wanted sheet name; made unique against the workbook's sheets. */
  sheetName: z.string().optional(),
  /** What the workbook already holds (from its snapshot), so that nothing is overwritten. */
  existing: z
    .object({
      sheetNames: z.array(z.string()).default([]),
      /** Templates already recorded in the marker sheet (see markers.ts). */
      templateCount: z.number().int().min(0).default(0),
    })
    .default({ sheetNames: [], templateCount: 0 }),
});
export type TemplateOptionsInput = z.input<typeof TemplateOptionsSchema>;
export type TemplateOptions = z.output<typeof TemplateOptionsSchema>;
