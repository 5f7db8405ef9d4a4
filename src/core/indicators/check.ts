// The indicator layer's entry point: one indicator block of one form in, findings and "not checked"
// notes out. The registry lists every indicator rule; the pack switches rules off or changes their
// severity by id.
import type { Finding, NotChecked } from "../report/finding";
import type { Severity } from "../report/vocabulary";
import { analyseBlock, formatMessage, type IndicatorRule } from "./rule";
import { costExceedsBudgetRule, unitCostRatioRule, yuanForWanRule } from "./rules-cost";
import { fixedRowsRule, requiredIndicatorsRule } from "./rules-required";
import { misplacedIndicatorRule, taxonomyRule } from "./rules-taxonomy";
import { duplicateIndicatorRule, fullWidthDigitsRule, missingIndicatorCellRule, truncatedTextRule } from "./rules-text";
import { STYLE_RULES } from "./rules-style";
import { implausibleValueRule, unitMismatchRule, valueFormatRule } from "./rules-values";
import type { IndicatorBlockContext, IndicatorBlockResult, IndicatorRowInput } from "./types";

export const INDICATOR_RULES: readonly IndicatorRule[] = [
  taxonomyRule,
  misplacedIndicatorRule,
  requiredIndicatorsRule,
  fixedRowsRule,
  valueFormatRule,
  ...STYLE_RULES,
  unitMismatchRule,
  implausibleValueRule,
  duplicateIndicatorRule,
  truncatedTextRule,
  missingIndicatorCellRule,
  fullWidthDigitsRule,
  costExceedsBudgetRule,
  yuanForWanRule,
  unitCostRatioRule,
];

export interface CheckIndicatorOptions {
  /** Run only these rules (tests, or a door that re-checks one family). */
  readonly rules?: readonly IndicatorRule[];
}

/** Checks one indicator block (see types.ts for what to pass). Never throws on odd content. */
export function checkIndicatorBlock(
  rows: readonly IndicatorRowInput[],
  context: IndicatorBlockContext,
  options: CheckIndicatorOptions = {},
): IndicatorBlockResult {
  const block = analyseBlock(rows, context);
  const findings: Finding[] = [];
  const notChecked: NotChecked[] = [];
  const usedIds = new Map<string, number>();
  for (const rule of options.rules ?? INDICATOR_RULES) {
    const setting = context.pack.rules[rule.meta.id];
    if (setting === "off") continue;
    rule.check({
      block,
      report(input) {
        const template = rule.meta.messages[input.messageId];
        if (template === undefined) throw new Error(`${rule.meta.id}: no message ${input.messageId}`);
        const severity: Severity = setting ?? input.severity ?? rule.meta.defaultSeverity;
        const base = `${rule.meta.id}@${context.sheet}!${input.cell}`;
        const seen = usedIds.get(base) ?? 0;
        usedIds.set(base, seen + 1);
        findings.push({
          id: seen === 0 ? base : `${base}#${seen + 1}`,
          rule: rule.meta.id,
          category: rule.meta.category,
          severity,
          sheet: context.sheet,
          cell: input.cell,
          ...(input.range !== undefined && input.range !== "" ? { range: input.range } : {}),
          ...(input.cells !== undefined && input.cells.length > 0 ? { cells: [...input.cells] } : {}),
          ...(context.tableId !== undefined ? { tableId: context.tableId } : {}),
          message: formatMessage(template, input.data),
          ...(input.expected !== undefined ? { expected: input.expected } : {}),
          ...(input.actual !== undefined ? { actual: input.actual } : {}),
        });
      },
      notChecked(reason, cell) {
        notChecked.push({ rule: rule.meta.id, sheet: context.sheet, ...(cell !== undefined ? { cell } : {}), ...(context.tableId !== undefined ? { tableId: context.tableId } : {}), reason });
      },
    });
  }
  return { findings, notChecked };
}
