// What every form layout needs besides the caller's options: its sheet, where the year lives and
// the exact sum of the funds.
import Decimal from "decimal.js";
import type { RulePack } from "../packs/schema";
import type { IndicatorLists } from "./indicators";
import type { Funds, TemplateOptions } from "./options";

/** Defined names of one template's dropdown lists on the hidden lists sheet. */
export interface TemplateLists extends IndicatorLists {
  readonly category: string;
  readonly yesNo: string;
}

export interface LayoutContext {
  readonly sheet: string;
  readonly options: TemplateOptions;
  /** The pack the form is built on and checked against. */
  readonly pack: RulePack;
  readonly lists: TemplateLists;
  /** Absolute reference to the year input (the template's row on the marker sheet). */
  readonly yearRef: string;
}

/** The title's year line, `（2025年度）`, as a formula over the year input and as its value. */
export function yearLine(context: LayoutContext, suffix: "年度" | "年"): { text: string; result: string } {
  return { text: `"（"&${context.yearRef}&"${suffix}）"`, result: `（${context.options.year}${suffix}）` };
}

/** 年度资金总额 of the given funds, or null when none was given (the total cell then shows 0). */
export function fundsTotal(funds: Funds): Decimal | null {
  const parts = [funds.fiscal, funds.carryOver, funds.other].filter((p): p is Decimal => p !== undefined);
  return parts.length === 0 ? null : Decimal.sum(...parts);
}

export function amountValue(amount: Decimal | undefined): number | undefined {
  return amount === undefined ? undefined : amount.toNumber();
}
