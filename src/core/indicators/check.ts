// The indicator layer's entry point: indicator blocks of forms in, findings and "not checked" notes
// out. The registry lists every indicator rule; the pack switches rules off or changes their
// severity by id.
import type { Finding, NotChecked } from "../report/finding";
import type { Severity } from "../report/vocabulary";
import { analyseBlock, formatMessage, type AnalysedBlock, type IndicatorRule } from "./rule";
import type { RulePack } from "../packs";
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
  const collector = new ResultCollector();
  collector.run(options.rules ?? INDICATOR_RULES, analyseBlock(rows, context));
  return collector.result();
}

export interface IndicatorBlockInput {
  readonly rows: readonly IndicatorRowInput[];
  readonly context: IndicatorBlockContext;
}

/**
 * Checks every indicator block of a workbook. Rules of scope "sheet" (writing habits) read the rows of
 * all the forms that one sheet holds under one pack together, so a habit repeated form after form is one
 * finding naming every cell; the other rules read one form at a time.
 */
export function checkIndicatorBlocks(inputs: readonly IndicatorBlockInput[], options: CheckIndicatorOptions = {}): IndicatorBlockResult {
  const rules = options.rules ?? INDICATOR_RULES;
  const blockRules = rules.filter((rule) => rule.meta.scope !== "sheet");
  const sheetRules = rules.filter((rule) => rule.meta.scope === "sheet");
  const collector = new ResultCollector();
  const together = new Map<string, Map<RulePack, AnalysedBlock[]>>();
  for (const input of inputs) {
    const block = analyseBlock(input.rows, input.context);
    collector.run(blockRules, block);
    const byPack = together.get(input.context.sheet) ?? new Map<RulePack, AnalysedBlock[]>();
    byPack.set(block.pack, [...(byPack.get(block.pack) ?? []), block]);
    together.set(input.context.sheet, byPack);
  }
  for (const byPack of together.values()) {
    for (const blocks of byPack.values()) {
      const first = blocks[0]!;
      collector.run(sheetRules, { ...first, rows: blocks.flatMap((block) => block.rows) });
    }
  }
  return collector.result();
}

/** Turns what rules report into findings with ids unique per rule and cell. */
class ResultCollector {
  private readonly findings: Finding[] = [];
  private readonly notChecked: NotChecked[] = [];
  private readonly usedIds = new Map<string, number>();

  run(rules: readonly IndicatorRule[], block: AnalysedBlock): void {
    const context = block.context;
    for (const rule of rules) {
      const setting = context.pack.rules[rule.meta.id];
      if (setting === "off") continue;
      rule.check({
        block,
        report: (input) => {
          const template = rule.meta.messages[input.messageId];
          if (template === undefined) throw new Error(`${rule.meta.id}: no message ${input.messageId}`);
          const severity: Severity = setting ?? input.severity ?? rule.meta.defaultSeverity;
          const base = `${rule.meta.id}@${context.sheet}!${input.cell}`;
          const seen = this.usedIds.get(base) ?? 0;
          this.usedIds.set(base, seen + 1);
          this.findings.push({
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
        notChecked: (reason, cell) => {
          this.notChecked.push({ rule: rule.meta.id, sheet: context.sheet, ...(cell !== undefined ? { cell } : {}), ...(context.tableId !== undefined ? { tableId: context.tableId } : {}), reason });
        },
      });
    }
  }

  result(): IndicatorBlockResult {
    return { findings: this.findings, notChecked: this.notChecked };
  }
}
