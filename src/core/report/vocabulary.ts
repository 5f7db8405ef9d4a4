// The stable ids shared with other tools (see the project's domain vocabulary): table kinds and
// finding categories. zod enums are the single source; the TypeScript types are inferred.
import { z } from "zod";
import type { Bilingual } from "./i18n";

/** Performance tables: target listings, target forms, self-evaluations. */
export const PERFORMANCE_TABLE_KINDS = [
  "performance-target-list",
  "department-performance-target",
  "project-performance-target",
  "project-self-evaluation",
  "self-evaluation-summary",
] as const;

/** Budget and final-account tables (a 决算 table is the kind of its 预算 counterpart). */
export const BUDGET_TABLE_KINDS = [
  "budget-overview",
  "fiscal-appropriation-overview",
  "income-summary",
  "expenditure-summary",
  "general-public-budget-expenditure",
  "general-public-basic-expenditure",
  "three-public-expenses",
  "government-fund-expenditure",
  "state-capital-expenditure",
  "basic-expenditure",
  "project-expenditure",
  "government-procurement",
] as const;

export const TableKindSchema = z.enum([...PERFORMANCE_TABLE_KINDS, ...BUDGET_TABLE_KINDS]);
export type TableKind = z.infer<typeof TableKindSchema>;

export const FindingCategorySchema = z.enum([
  "sum-mismatch",
  "composition-mismatch",
  "cross-table-mismatch",
  "ratio-mismatch",
  "score-mismatch",
  "cost-exceeds-budget",
  "indicator-taxonomy",
  "indicator-missing",
  "indicator-value-format",
  "indicator-value-implausible",
  "unit-mismatch",
  "missing-value",
  "duplicate-entry",
  "truncated-text",
  "number-as-text",
]);
export type FindingCategory = z.infer<typeof FindingCategorySchema>;

export const SeveritySchema = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof SeveritySchema>;

/** Names of the table kinds for people, Chinese first. */
export const TABLE_KIND_NAMES: Record<TableKind, Bilingual> = {
  "performance-target-list": { zh: "绩效目标情况表（清单）", en: "Performance target list" },
  "department-performance-target": { zh: "部门（单位）整体支出绩效目标申报表", en: "Department overall performance targets" },
  "project-performance-target": { zh: "项目支出绩效目标表", en: "Project performance targets" },
  "project-self-evaluation": { zh: "项目支出绩效自评表", en: "Project self-evaluation" },
  "self-evaluation-summary": { zh: "项目绩效自评情况汇总表", en: "Self-evaluation summary" },
  "budget-overview": { zh: "收支总体情况表", en: "Income and expenditure overview" },
  "fiscal-appropriation-overview": { zh: "财政拨款收支总体情况表", en: "Fiscal appropriation overview" },
  "income-summary": { zh: "收入总体情况表", en: "Income summary" },
  "expenditure-summary": { zh: "支出总体情况表", en: "Expenditure summary" },
  "general-public-budget-expenditure": { zh: "一般公共预算支出情况表", en: "General public budget expenditure" },
  "general-public-basic-expenditure": { zh: "一般公共预算基本支出情况表", en: "General public budget basic expenditure" },
  "three-public-expenses": { zh: "“三公”经费支出情况表", en: "\"Three public expenses\"" },
  "government-fund-expenditure": { zh: "政府性基金预算支出情况表", en: "Government fund expenditure" },
  "state-capital-expenditure": { zh: "国有资本经营预算支出情况表", en: "State capital operation expenditure" },
  "basic-expenditure": { zh: "基本支出预算情况表", en: "Basic expenditure" },
  "project-expenditure": { zh: "项目支出预算情况表", en: "Project expenditure" },
  "government-procurement": { zh: "政府采购预算情况表", en: "Government procurement" },
};
