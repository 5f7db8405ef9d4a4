// The input of the indicator rules: a plain, form-agnostic list of indicator rows plus the form's
// context. The form parsers map a project target form, a department form's 年度绩效指标 block or a
// self-evaluation's indicator rows onto this; the rules never look at sheets or columns themselves.
import type Decimal from "decimal.js";
import type { Finding, NotChecked } from "../report/finding";
import type { RulePack } from "../packs/schema";

export interface IndicatorCellText {
  /** The cell's text as shown (for a merged cell, the master's text). */
  readonly text: string;
  /** A1 address of the cell (the master cell of a merge). */
  readonly cell: string;
}

export interface IndicatorValueCell extends IndicatorCellText {
  /**
   * True when the cell holds a number rather than text. Pass the displayed text (a 0.95 formatted
   * as a percentage is "95%"), so that the grammar reads what the clerk sees.
   */
  readonly isNumberCell?: boolean;
}

/**
 * One indicator row of a form, top to bottom. 一级/二级 may be null on rows covered by a merge above:
 * the rules fill them down from the previous row. Matching is by name, so a row whose names sit one
 * column off should still be passed as it is laid out; the framework recognises shifted names.
 */
export interface IndicatorRowInput {
  /** Sheet row number (1-based), used for ordering and messages. */
  readonly row: number;
  readonly level1: IndicatorCellText | null;
  readonly level2: IndicatorCellText | null;
  readonly level3: IndicatorCellText | null;
  readonly value: IndicatorValueCell | null;
  /**
   * The 指标值 is a formula the file holds no result for: the row is there, its target unknown. Rules
   * that need the target skip the row; it still counts where a row's presence matters.
   */
  readonly valueUncalculated?: boolean;
  /**
   * A 指标性质 / 指标值类型 cell beside the value, where the form has one: an operator (≥ ≤ =) that
   * belongs before the number, or 定量/定性, the kind of target the form declares.
   */
  readonly nature?: IndicatorCellText | null;
  /** A 度量单位 / 计量单位 cell beside the value, where the form has one: the value's unit. */
  readonly unit?: IndicatorCellText | null;
}

export type IndicatorFormKind = "project" | "department" | "self-eval";

export interface IndicatorBlockContext {
  readonly sheet: string;
  readonly tableId?: string;
  readonly kind: IndicatorFormKind;
  /** 年度预算资金总额 in 万元 (from the form, or from the project listing when the form has none). */
  readonly funds?: Decimal;
  /** Where the funds figure was read, for messages and ranges. */
  readonly fundsCell?: string;
  /** Why no funds figure is given although the form states one (it does not add up itself). */
  readonly fundsUncertain?: { readonly zh: string; readonly en: string };
  readonly pack: RulePack;
  /**
   * Display widths of the 三级 names of every indicator block on the same sheet (or document), when the
   * caller has them: a cut at a fixed width shows only across many names. Defaults to this block's.
   */
  readonly peerLevel3Texts?: readonly string[];
}

export interface IndicatorBlockResult {
  readonly findings: Finding[];
  readonly notChecked: NotChecked[];
}
