// Rule family "project-funds": the 项目资金 block of a 项目支出绩效目标表 (RULES 3.5):
// 年度预算资金总额 = 财政拨款 + 上年结转资金 + 其他资金, and a 成本构成 sub-table's total = Σ its lines. Also home of the small helpers every form
// family uses to read an amount at a form cell (a missing part is 0, a formula without a cached
// value is "not checked", never a mismatch).
import Decimal from "decimal.js";
import type { DetectedTable } from "../detect/types";
import type { CellPosition } from "../forms/cells";
import { type FundLine } from "../forms/project-target";
import type { Bilingual } from "../report/i18n";
import { cellAddress, rangeAddress } from "../workbook/address";
import type { SheetView } from "../workbook/sheet-view";
import { formatAmount, plainAmount } from "./format";
import { projectTargetForm } from "./form-cache";
import type { RuleContext, RuleFamily, RuleMeta } from "./rule";
import { compareTotal } from "./tolerance";

export const fundsComposition: RuleMeta = {
  id: "project-funds/total-composition",
  category: "composition-mismatch",
  severity: "error",
  description: {
    zh: "年度预算资金总额应等于财政拨款、上年结转资金与其他资金之和",
    en: "The annual budget total must equal fiscal appropriation + carry-over + other funds",
  },
};

/** What reading an amount at a form cell gave: a number, nothing typed, or something unreadable. */
export type FormAmount = { readonly kind: "number"; readonly value: Decimal } | { readonly kind: "empty" } | { readonly kind: "unreadable" };

/** Reads an amount at a form cell; an uncalculated formula or an error is reported as not checked. */
export function readFormAmount(context: RuleContext, rule: RuleMeta, table: DetectedTable, at: CellPosition): FormAmount {
  const reading = context.amount(table, at.row, at.col);
  switch (reading.kind) {
    case "number":
      return { kind: "number", value: reading.value };
    case "empty":
      return { kind: "empty" };
    case "uncalculated":
      context.notChecked(rule, {
        sheet: table.sheet,
        cell: at.address,
        tableId: table.id,
        reason: { zh: `公式 =${reading.formula} 没有计算结果，无法核对`, en: `the formula =${reading.formula} has no calculated value, so it cannot be checked` },
      });
      return { kind: "unreadable" };
    default:
      context.notChecked(rule, {
        sheet: table.sheet,
        cell: at.address,
        tableId: table.id,
        reason: { zh: "单元格内容不是金额，无法核对", en: "the cell does not hold an amount, so it cannot be checked" },
      });
      return { kind: "unreadable" };
  }
}

/** The value, with an empty part counted as 0 (a blank 其他资金 means none). */
export function valueOrZero(amount: FormAmount): Decimal | undefined {
  if (amount.kind === "number") return amount.value;
  if (amount.kind === "empty") return new Decimal(0);
  return undefined;
}

/** The smallest rectangle around some cells, as A1:B2 (the "cells involved" of a finding). */
export function boundingRange(cells: readonly CellPosition[]): string {
  const rows = cells.map((c) => c.row);
  const cols = cells.map((c) => c.col);
  return rangeAddress({ top: Math.min(...rows), left: Math.min(...cols), bottom: Math.max(...rows), right: Math.max(...cols) });
}

/** The label as the form shows it, without a leading 其中： and a trailing colon (for messages). */
export function labelText(view: SheetView, at: CellPosition): string {
  const cell = view.cell(at.row, at.col);
  return String(cell.value ?? "")
    .replace(/\s+/g, "")
    .replace(/^其中[:：]/, "")
    .replace(/[:：]$/, "");
}

interface PartReading {
  readonly line: FundLine;
  readonly name: string;
  readonly value: Decimal;
}

function checkProjectFunds(context: RuleContext, table: DetectedTable): void {
  const view = context.view(table.sheetIndex);
  const form = projectTargetForm(context, table);
  const { total, fiscal, carryOver, other } = form.funds;
  // 聊城-style forms carry no amounts at all: nothing to add up.
  if (!total) return;
  const partLines = [fiscal, carryOver, other].filter((line): line is FundLine => line !== undefined);
  if (partLines.length === 0) return;
  const totalAmount = readFormAmount(context, fundsComposition, table, total.value);
  const parts: PartReading[] = [];
  for (const line of partLines) {
    const value = valueOrZero(readFormAmount(context, fundsComposition, table, line.value));
    if (value === undefined) return;
    parts.push({ line, name: labelText(view, line.label), value });
  }
  if (totalAmount.kind !== "number") return; // an empty total is a missing value, not a sum to check
  const computed = parts.reduce((sum, p) => sum.plus(p.value), new Decimal(0));
  const verdict = compareTotal(totalAmount.value, computed, parts.length, context.settings);
  if (verdict.ok) return;
  const totalName = labelText(view, total.label);
  const formula = parts.map((p) => `${p.name} ${formatAmount(p.value)}`).join(" + ");
  const formulaEn = parts.map((p) => formatAmount(p.value)).join(" + ");
  const message: Bilingual = {
    zh: `${totalName}应为 ${formatAmount(computed)}（${formula}），实为 ${formatAmount(totalAmount.value)}，相差 ${formatAmount(verdict.difference)}`,
    en: `${totalName} (annual budget total) should be ${formatAmount(computed)} (${formulaEn}, fiscal + carry-over + other), but shows ${formatAmount(totalAmount.value)}; difference ${formatAmount(verdict.difference)}`,
  };
  context.report(fundsComposition, {
    sheet: table.sheet,
    cell: cellAddress(total.value.row, total.value.col),
    range: boundingRange([total.value, ...parts.map((p) => p.line.value)]),
    tableId: table.id,
    message,
    expected: plainAmount(computed),
    actual: plainAmount(totalAmount.value),
    severity: verdict.severity,
    // A listing that quotes this total then agrees too when the total is the cell typed wrong (one slip, one finding).
    relation: {
      total: `${table.sheet}!${cellAddress(total.value.row, total.value.col)}`,
      parts: parts.map((p) => `${table.sheet}!${cellAddress(p.line.value.row, p.line.value.col)}`),
      difference: verdict.difference,
    },
  });
}

export const unitSubtotal: RuleMeta = {
  id: "project-funds/unit-subtotal",
  category: "sum-mismatch",
  severity: "error",
  description: {
    zh: "一张表列出单位全部项目时，单位小计应等于各项目预算数之和",
    en: "On a sheet holding every project of a unit, the unit's subtotal must equal the sum of the projects' amounts",
  },
};

/** A sheet of all the unit's projects: its 小计 = Σ the projects' 预算数. */
function checkUnitSubtotal(context: RuleContext, table: DetectedTable): void {
  const sheet = projectTargetForm(context, table).unitSheet;
  if (!sheet?.subtotal) return;
  const shown = readFormAmount(context, unitSubtotal, table, sheet.subtotal.value);
  if (shown.kind !== "number") return;
  const parts: { name: string; at: CellPosition; value: Decimal }[] = [];
  for (const project of sheet.projects) {
    if (!project.budget) return;
    const value = valueOrZero(readFormAmount(context, unitSubtotal, table, project.budget));
    if (value === undefined) return;
    parts.push({ name: project.name.text, at: project.budget, value });
  }
  const computed = parts.reduce((sum, p) => sum.plus(p.value), new Decimal(0));
  const verdict = compareTotal(shown.value, computed, parts.length, context.settings);
  if (verdict.ok) return;
  const unit = sheet.amountsInYuan ? "元" : "万元";
  context.report(unitSubtotal, {
    sheet: table.sheet,
    cell: sheet.subtotal.value.address,
    range: boundingRange([sheet.subtotal.value, ...parts.map((p) => p.at)]),
    tableId: table.id,
    message: {
      zh: `单位小计应为 ${formatAmount(computed)} ${unit}（${parts.length} 个项目之和：${parts.map((p) => formatAmount(p.value)).join(" + ")}），实为 ${formatAmount(shown.value)}，相差 ${formatAmount(verdict.difference)}`,
      en: `the unit's subtotal should be ${formatAmount(computed)} ${unit} (sum of ${parts.length} projects: ${parts.map((p) => formatAmount(p.value)).join(" + ")}), but shows ${formatAmount(shown.value)}; difference ${formatAmount(verdict.difference)}`,
    },
    expected: plainAmount(computed),
    actual: plainAmount(shown.value),
    severity: verdict.severity,
  });
}

export const costBreakdownTotal: RuleMeta = {
  id: "project-funds/cost-breakdown-total",
  category: "sum-mismatch",
  severity: "error",
  description: {
    zh: "成本构成表的项目总成本（合计）应等于各成本项目之和",
    en: "The 项目总成本 (合计) line of a 成本构成 sub-table must equal the sum of its cost lines",
  },
};

/**
 * A 成本构成 sub-table: its 项目总成本 / 合计 line = Σ its cost lines. An error only when the reading is
 * certain (a total line and plain parts under one header); with 其中 or 小计 lines among the parts
 * (the 其中 lines then left out of the sum), a warning that says the levels were guessed.
 */
function checkCostBreakdown(context: RuleContext, table: DetectedTable): void {
  const breakdown = projectTargetForm(context, table).costBreakdown;
  if (!breakdown?.total) return;
  const shown = readFormAmount(context, costBreakdownTotal, table, breakdown.total.value);
  if (shown.kind !== "number") return;
  const lines = breakdown.parts.filter((part) => !/^其中/.test(part.name.text.replace(/\s+/g, "")));
  if (lines.length < 2) return;
  const parts: { name: string; at: CellPosition; value: Decimal }[] = [];
  for (const line of lines) {
    const value = valueOrZero(readFormAmount(context, costBreakdownTotal, table, line.value));
    if (value === undefined) return;
    parts.push({ name: line.name.text, at: line.value, value });
  }
  const computed = parts.reduce((sum, p) => sum.plus(p.value), new Decimal(0));
  const verdict = compareTotal(shown.value, computed, parts.length, context.settings, breakdown.nested ? "warning" : "error");
  if (verdict.ok) return;
  const totalName = breakdown.total.name.text.replace(/\s+/g, "");
  const guessed = breakdown.nested ? { zh: "（含“其中”/小计行，层级为推断）", en: " (其中 or 小计 lines among them: the levels are guessed)" } : { zh: "", en: "" };
  context.report(costBreakdownTotal, {
    sheet: table.sheet,
    cell: breakdown.total.value.address,
    range: boundingRange([breakdown.total.value, ...parts.map((p) => p.at)]),
    tableId: table.id,
    message: {
      zh: `成本构成的${totalName}应为 ${formatAmount(computed)}（${parts.map((p) => `${p.name} ${formatAmount(p.value)}`).join(" + ")}），实为 ${formatAmount(shown.value)}，相差 ${formatAmount(verdict.difference)}${guessed.zh}`,
      en: `the cost breakdown's ${totalName} should be ${formatAmount(computed)} (${parts.map((p) => formatAmount(p.value)).join(" + ")}), but shows ${formatAmount(shown.value)}; difference ${formatAmount(verdict.difference)}${guessed.en}`,
    },
    expected: plainAmount(computed),
    actual: plainAmount(shown.value),
    severity: verdict.severity,
  });
}

export const projectFundsFamily: RuleFamily = {
  name: "project-funds",
  rules: [fundsComposition, unitSubtotal, costBreakdownTotal],
  check(context) {
    for (const table of context.tables) {
      if (table.kind !== "project-performance-target") continue;
      checkProjectFunds(context, table);
      checkUnitSubtotal(context, table);
      checkCostBreakdown(context, table);
    }
  },
};
