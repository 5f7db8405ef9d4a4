// The rule framework, ESLint-style: every rule is self-describing (id, category, default severity,
// description) and a family module checks a group of related rules over the detected tables.
// Rule packs switch rules off or change their severity by id; the engine applies that, not the rules.
import type Decimal from "decimal.js";
import type { DetectedTable } from "../detect/types";
import type { Bilingual } from "../report/i18n";
import type { FindingCategory, Severity } from "../report/vocabulary";
import type { SheetView } from "../workbook/sheet-view";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import type { RulePack } from "../packs/schema";
import type { AmountReading } from "./amounts";

export interface RuleMeta {
  /** Stable id, "family/rule", e.g. "totals/column-sum". */
  readonly id: string;
  readonly category: FindingCategory;
  readonly severity: Severity;
  readonly description: Bilingual;
}

export interface FindingInput {
  readonly sheet: string;
  /** A1 address of the cell the finding lands on (the total for a sum, the master of a merge). */
  readonly cell: string;
  readonly range?: string;
  /** Further cells of a grouped finding. */
  readonly cells?: readonly string[];
  readonly tableId?: string;
  readonly message: Bilingual;
  readonly expected?: string;
  readonly actual?: string;
  /** Overrides the rule's default severity for this finding (e.g. a rounding residue is info). */
  readonly severity?: Severity;
  /** The arithmetic behind an arithmetic finding, so that one slip breaking several relations is reported once. */
  readonly relation?: SlipRelation;
}

/** A failed relation: the shown total's cell, its parts' cells (sheet-qualified) and shown − computed. */
export interface SlipRelation {
  readonly total: string;
  readonly parts: readonly string[];
  readonly difference: Decimal;
  /** How far the implied correction may be off (a rate printed with two decimals implies its amount only roughly). */
  readonly tolerance?: Decimal;
}

export interface NotCheckedInput {
  readonly sheet: string;
  readonly cell?: string;
  readonly tableId?: string;
  readonly reason: Bilingual;
}

/** Workbook-wide tunables a rule pack may set; every rule reads its own. */
export interface RuleSettings {
  /** A difference up to this (万元) is silent (RULES 3.0). */
  readonly silentTolerance: Decimal;
  /** A difference up to min(n × perPart, cap) is an info-level rounding residue. */
  readonly roundingPerPart: Decimal;
  readonly roundingCap: Decimal;
}

export interface RuleContext {
  readonly workbook: WorkbookSnapshot;
  readonly tables: readonly DetectedTable[];
  readonly settings: RuleSettings;
  /** The rule pack the user chose; forms of its kind use it instead of the automatic choice. */
  readonly pack?: RulePack;
  view(sheetIndex: number): SheetView;
  /** Reads a cell as an amount; a number typed as text is read and reported once as number-as-text. */
  amount(table: DetectedTable, row: number, col: number): AmountReading;
  /**
   * The sums' fast path: a cell's amount in cents when it is an empty cell (0) or a number with at most
   * two decimals; undefined otherwise, and then `amount` reads it in full.
   */
  cents(table: DetectedTable, row: number, col: number): number | undefined;
  report(rule: RuleMeta, finding: FindingInput): void;
  notChecked(rule: RuleMeta, item: NotCheckedInput): void;
}

export interface RuleFamily {
  readonly name: string;
  readonly rules: readonly RuleMeta[];
  check(context: RuleContext): void;
}

/** The rule-meta maker of one family: every rule id is "family/rule". */
export function ruleMetaOf(family: string) {
  return (id: string, category: FindingCategory, severity: Severity, zh: string, en: string): RuleMeta => ({
    id: `${family}/${id}`,
    category,
    severity,
    description: { zh, en },
  });
}
