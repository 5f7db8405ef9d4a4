// Rule family "self-evaluation": the arithmetic of a 项目支出绩效自评表 (RULES 3.6, P10, P11) and of
// the 项目绩效自评情况汇总表 against the forms it summarises (3.6.13). Amounts and scores are
// decimal.js; rates are compared in percentage points with the ±0.01 pt of RULES 3.0, scores ±0.01.
import Decimal from "decimal.js";
import type { DetectedTable } from "../detect/types";
import type { CellPosition, CellText } from "../forms/cells";
import { isBudgetExecutionRow, type IndicatorRow } from "../forms/indicator-block";
import type { SelfEvaluationForm } from "../forms/self-evaluation";
import { selfEvaluationForm } from "./form-cache";
import { builtinPack, namesDepartmentFramework, type RulePack } from "../packs";
import { namedPackFor } from "./packs-in-use";
import { matchByName, parseListing, type ListingRow } from "../forms/target-list";
import { parseIndicatorValue, type IndicatorValueReading } from "../indicators/value-grammar";
import { statedTargetText } from "../indicators/rule";
import { decimalOf, parseTextNumber } from "./amounts";
import { formatAmount, plainAmount } from "./format";
import { boundingRange, labelText, readFormAmount, valueOrZero } from "./project-funds";
import { ruleMetaOf, type RuleContext, type RuleFamily, type RuleMeta, type SlipRelation } from "./rule";
import { compareTotal } from "./tolerance";
import { positionOf } from "../forms/cells";
import type { SheetView } from "../workbook/sheet-view";
import { foldText } from "../workbook/text";
import { cellAddress, rangeContains } from "../workbook/address";
import { executionRateStatements, gradeCounts, proseCells, type Grade } from "./narrative";

const rule = ruleMetaOf("self-evaluation");

export const selfEvaluationRules = {
  fundsComposition: rule("funds-composition", "composition-mismatch", "error", "年度资金总额应等于当年财政拨款、上年结转资金与其他资金之和（年初预算数、全年预算数、全年执行数各列）", "年度资金总额 must equal fiscal + carry-over + other funds in each column"),
  executedOverBudget: rule("executed-over-budget", "ratio-mismatch", "warning", "全年执行数不应超过全年预算数", "Spending (B) should not exceed the full-year budget (A)"),
  rateUndefined: rule("rate-undefined", "missing-value", "warning", "全年预算数为 0 时执行率无法计算", "With a full-year budget of 0 the execution rate is undefined"),
  executionRate: rule("execution-rate", "ratio-mismatch", "error", "执行率应等于全年执行数 ÷ 全年预算数", "The execution rate must equal B / A"),
  budgetScore: rule("budget-score", "ratio-mismatch", "error", "预算执行得分应等于分值 × 执行率（最高 100%）", "The budget row's score must equal its weight × the execution rate (capped at 100%)"),
  budgetWeight: rule("budget-weight", "score-mismatch", "error", "预算执行率的分值应为 10", "The budget-execution row must carry 10 points"),
  budgetRow: rule("budget-row", "indicator-missing", "error", "自评表应有一行预算执行率并计分（分值 10）", "A self-evaluation scores its budget execution in one 预算执行率 row (10 points)"),
  weightTotal: rule("weight-total", "score-mismatch", "error", "各项分值（含预算执行率）合计应为 100", "The weights, budget row included, must add up to 100"),
  weightShares: rule("weight-shares", "score-mismatch", "info", "分值一般为：产出（含成本）50、效益 30", "Usual weights: outputs (with costs) 50, outcomes 30"),
  scoreWithinWeight: rule("score-within-weight", "score-mismatch", "error", "得分应在 0 与分值之间", "A score must lie between 0 and its weight"),
  totalScore: rule("total-score", "score-mismatch", "error", "总分应等于各项得分之和", "The total score must equal the sum of the scores"),
  notApplicable: rule("not-applicable-weight", "score-mismatch", "warning", "指标值为“不涉及”的行分值和得分应为 0", "A 不涉及 row should carry 0 points and score 0"),
  scoringPlausibility: rule("scoring-plausibility", "score-mismatch", "warning", "完成的指标应得满分，未完成的指标不应得满分", "A met target earns its full weight; a missed one should not"),
  fractionActual: rule("fraction-actual", "indicator-value-format", "info", "百分比指标的实际完成值写成了小数", "An actual value written as a fraction next to a percentage target"),
  unscoredActual: rule("empty-actual-scored", "missing-value", "warning", "没有填写实际完成值的指标不应得分", "An indicator with no actual value recorded cannot be scored as met"),
  grade: rule("grade", "score-mismatch", "error", "自评等级应与总分相符（优 ≥90，良 80–90，中 60–80，差 <60）", "The grade must fit the total score (优 ≥90, 良 80–90, 中 60–80, 差 <60)"),
  lowScoreExplanation: rule("low-score-explanation", "missing-value", "warning", "总分低于 80 分时应说明原因和措施", "A total below 80 needs the explanation filled in"),
  lowExecutionFullOutput: rule("low-execution-full-output", "score-mismatch", "warning", "执行率低于 60% 而产出指标全部满分", "Execution below 60% while every output row keeps full marks"),
  statedBreakdown: rule("stated-breakdown", "sum-mismatch", "warning", "文字中“共…万元，其中…”所列各项之和应等于所说的总数", "The parts a text lists after 其中 add up to the total it states"),
  earlyDeadline: rule("early-deadline", "indicator-value-implausible", "info", "时效指标的年份早于预算年度", "A deadline year earlier than the budget year"),
} as const;

export const summaryRules = {
  scoreMatchesForm: rule("summary-score", "cross-table-mismatch", "error", "汇总表的自评得分应等于该项目自评表的总分", "The summary's score must equal the project's form total"),
  gradeFitsScore: rule("summary-grade", "score-mismatch", "error", "汇总表的自评等级应与自评得分相符", "The summary's grade must fit its score"),
  formListed: rule("summary-coverage", "missing-value", "warning", "自评表与汇总表的项目应一一对应", "Every self-evaluated project should appear in the summary, and vice versa"),
  summaryRate: rule("summary-rate", "ratio-mismatch", "error", "汇总表的执行率应等于执行数 ÷ 预算数", "The summary's execution rate must equal spending over budget"),
  narrativeCounts: rule(
    "summary-narrative",
    "cross-table-mismatch",
    "warning",
    "说明文字中的自评项目数和各等级项目数与汇总表一致",
    "The numbers of projects and of each grade stated in prose match the summary",
  ),
  narrativeRate: rule(
    "narrative-rate",
    "ratio-mismatch",
    "info",
    "说明文字中的执行率与自评表的执行率（全年执行数 ÷ 全年预算数）一致",
    "An execution rate stated in prose matches the self-evaluation form's (B / A)",
  ),
} as const;

/** Points and weights of a self-evaluation, per pack (RULES 1.4, 3.6.4–5). */
export interface SelfEvaluationSettings {
  readonly budgetRowWeight: Decimal;
  readonly totalWeight: Decimal;
  readonly rateTolerance: Decimal;
  readonly scoreTolerance: Decimal;
}

export const DEFAULT_SELF_EVALUATION_SETTINGS: SelfEvaluationSettings = {
  budgetRowWeight: new Decimal(10),
  totalWeight: new Decimal(100),
  rateTolerance: new Decimal("0.01"),
  scoreTolerance: new Decimal("0.01"),
};

const HUNDRED = new Decimal(100);
const ZERO = new Decimal(0);

/** 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60 (RULES 3.6.11). */
export function gradeOf(total: Decimal): "优" | "良" | "中" | "差" {
  if (total.gte(90)) return "优";
  if (total.gte(80)) return "良";
  if (total.gte(60)) return "中";
  return "差";
}

/** A grade as written (优秀, 良好, “中等级”), reduced to its grade word (优, 良, 中 …) for comparison. */
function writtenGrade(text: string): string {
  return foldText(text).replace(/[秀好格等级]/g, "");
}

/** A plain number at a cell (score, weight, count): numbers, or text holding a number. */
export function numberAt(view: SheetView, at: { row: number; col: number }): Decimal | undefined {
  const cell = view.cell(at.row, at.col);
  if (cell.type === "number") return decimalOf(cell.value as number);
  if (cell.type === "string") return parseTextNumber(String(cell.value));
  return undefined;
}

/**
 * A rate in percentage points. A number formatted as a percent is a fraction (0.967 → 96.7); a
 * bare number up to 1.5 is read as a fraction too (RULES 3.6.10); text may carry its own % sign.
 */
export function percentAt(view: SheetView, at: { row: number; col: number }): Decimal | undefined {
  const cell = view.cell(at.row, at.col);
  if (cell.type === "number") {
    const value = decimalOf(cell.value as number);
    if ((cell.numberFormat ?? "").includes("%") || value.abs().lte(1.5)) return value.times(100);
    return value;
  }
  if (cell.type !== "string") return undefined;
  const text = foldText(String(cell.value));
  const percent = /^(-?\d+(?:\.\d+)?)%$/.exec(text);
  if (percent) return new Decimal(percent[1]);
  const plain = parseTextNumber(text);
  if (!plain) return undefined;
  return plain.abs().lte(1.5) ? plain.times(100) : plain;
}

const pct = (value: Decimal) => `${value.toFixed(2)}%`;
const pts = (value: Decimal) => value.toFixed(2);

interface ScoredRow {
  readonly row: IndicatorRow;
  readonly weight?: Decimal;
  readonly score?: Decimal;
  readonly weightCell?: CellPosition;
  readonly scoreCell?: CellPosition;
}

/** The funds row's execution: full-year budget (A), spending (B), the rate shown and the rate B / A. */
interface Execution {
  readonly budget?: Decimal;
  readonly executed?: Decimal;
  readonly shownRate?: Decimal;
  readonly computedRate?: Decimal;
}

interface FormScores {
  readonly budgetWeight?: Decimal;
  readonly budgetScore?: Decimal;
  readonly rate?: Decimal;
  readonly execution?: Execution;
  readonly rows: readonly ScoredRow[];
  readonly total?: Decimal;
}

class SelfEvaluationCheck {
  private readonly view: SheetView;
  readonly form: SelfEvaluationForm;

  constructor(
    private readonly context: RuleContext,
    private readonly table: DetectedTable,
    private readonly settings: SelfEvaluationSettings,
  ) {
    this.view = context.view(table.sheetIndex);
    this.form = selfEvaluationForm(context, table);
  }

  private report(
    rule: RuleMeta,
    at: CellPosition,
    zh: string,
    en: string,
    extra: { expected?: Decimal | string; actual?: Decimal | string; range?: string; severity?: "error" | "warning" | "info"; relation?: SlipRelation } = {},
  ) {
    const shown = (value: Decimal | string) => (typeof value === "string" ? value : plainAmount(value));
    this.context.report(rule, {
      sheet: this.table.sheet,
      cell: at.address,
      tableId: this.table.id,
      message: { zh, en },
      ...(extra.range ? { range: extra.range } : {}),
      ...(extra.expected !== undefined ? { expected: shown(extra.expected) } : {}),
      ...(extra.actual !== undefined ? { actual: shown(extra.actual) } : {}),
      ...(extra.severity ? { severity: extra.severity } : {}),
      ...(extra.relation ? { relation: extra.relation } : {}),
    });
  }

  run(): FormScores {
    const budget = this.checkFunds();
    const rows = this.scoredRows();
    this.checkBudgetRow(budget, rows);
    this.checkWeights(budget, rows);
    this.checkRowScores(rows);
    this.checkNotApplicable(rows);
    this.checkScoringPlausibility(rows);
    this.checkEarlyDeadlines();
    const total = this.checkTotal(budget, rows);
    this.checkLowExecution(budget, rows);
    return { ...budget, rows, ...(total !== undefined ? { total } : {}) };
  }

  /** 3.6.1–3: the funds block. Returns the budget row's weight, score and shown rate. */
  private checkFunds(): { budgetWeight?: Decimal; budgetScore?: Decimal; budgetScoreCell?: CellPosition; rate?: Decimal; rateCell?: CellPosition; execution?: Execution } {
    const funds = this.form.funds;
    if (!funds || !funds.total) return {};
    const R = selfEvaluationRules;
    const totalRow = funds.total.row;
    const parts = [funds.fiscal, funds.carryOver, funds.other, ...(funds.otherSources ?? [])].filter((p): p is CellPosition => p !== undefined);
    const columnTotals: Partial<Record<"initialBudget" | "budget" | "executed", Decimal>> = {};
    // A column whose source cells are all still empty (a form not yet filled in): its total of 0 says
    // nothing about the rate; the empty inputs are what the form lacks.
    const unfilled = new Set<string>();
    for (const key of ["initialBudget", "budget", "executed"] as const) {
      const col = funds.columns[key];
      if (col === undefined) continue;
      if (parts.length > 0 && parts.every((p) => readFormAmount(this.context, R.fundsComposition, this.table, positionOf(p.row, col)).kind === "empty")) unfilled.add(key);
      const totalAt = positionOf(totalRow, col);
      const total = readFormAmount(this.context, R.fundsComposition, this.table, totalAt);
      if (total.kind !== "number") continue;
      columnTotals[key] = total.value;
      if (parts.length === 0) continue;
      const values = parts.map((p) => valueOrZero(readFormAmount(this.context, R.fundsComposition, this.table, positionOf(p.row, col))));
      if (values.some((v) => v === undefined)) continue;
      const sum = (values as Decimal[]).reduce((s, v) => s.plus(v), ZERO);
      const verdict = compareTotal(total.value, sum, parts.length, this.context.settings);
      if (verdict.ok) continue;
      const column = labelText(this.view, positionOf(funds.headerRow, col));
      const formula = parts.map((p, i) => `${labelText(this.view, p)} ${formatAmount(values[i] as Decimal)}`).join(" + ");
      this.report(
        R.fundsComposition,
        totalAt,
        `${column}：年度资金总额应为 ${formatAmount(sum)}（${formula}），实为 ${formatAmount(total.value)}`,
        `${column}: the annual total should be ${formatAmount(sum)} (${(values as Decimal[]).map((v) => formatAmount(v)).join(" + ")}), but shows ${formatAmount(total.value)}`,
        { expected: sum, actual: total.value, range: boundingRange([totalAt, ...parts.map((p) => positionOf(p.row, col))]), severity: verdict.severity },
      );
    }
    const a = columnTotals.budget;
    const b = columnTotals.executed;
    const bAt = funds.columns.executed !== undefined ? positionOf(totalRow, funds.columns.executed) : undefined;
    if (a !== undefined && b !== undefined && bAt && b.minus(a).gt(this.context.settings.silentTolerance)) {
      this.report(
        R.executedOverBudget,
        bAt,
        `全年执行数 ${formatAmount(b)} 超过全年预算数 ${formatAmount(a)}（执行率 ${pct(b.div(a.isZero() ? 1 : a).times(100))}）`,
        `spending (B) ${formatAmount(b)} exceeds the full-year budget (A) ${formatAmount(a)}`,
        { expected: a, actual: b },
      );
    }
    const rateAt = funds.columns.rate !== undefined ? positionOf(totalRow, funds.columns.rate) : undefined;
    const weightAt = funds.columns.weight !== undefined ? positionOf(totalRow, funds.columns.weight) : undefined;
    const scoreAt = funds.columns.score !== undefined ? positionOf(totalRow, funds.columns.score) : undefined;
    const shownRate = rateAt ? percentAt(this.view, rateAt) : undefined;
    let computedRate: Decimal | undefined;
    if (a !== undefined && b !== undefined) {
      if (a.isZero()) {
        if (rateAt && !unfilled.has("budget")) this.report(R.rateUndefined, rateAt, `全年预算数为 0，执行率无法计算`, `the full-year budget (A) is 0, so the execution rate is undefined`);
      } else {
        computedRate = b.div(a).times(100);
        if (rateAt && shownRate !== undefined && shownRate.minus(computedRate).abs().gt(this.settings.rateTolerance)) {
          this.report(
            R.executionRate,
            rateAt,
            `执行率应为 ${pct(computedRate)}（全年执行数 ${formatAmount(b)} ÷ 全年预算数 ${formatAmount(a)}），实为 ${pct(shownRate)}`,
            `the execution rate should be ${pct(computedRate)} (B ${formatAmount(b)} ÷ A ${formatAmount(a)}), but shows ${pct(shownRate)}`,
            { expected: computedRate, actual: shownRate },
          );
        }
      }
    }
    const weight = weightAt ? numberAt(this.view, weightAt) : undefined;
    const score = scoreAt ? numberAt(this.view, scoreAt) : undefined;
    if (weightAt && weight !== undefined && !weight.eq(this.settings.budgetRowWeight)) {
      this.report(
        R.budgetWeight,
        weightAt,
        `预算执行率的分值应为 ${this.settings.budgetRowWeight.toString()}，实为 ${weight.toString()}`,
        `the budget-execution row should carry ${this.settings.budgetRowWeight.toString()} points, but carries ${weight.toString()}`,
        { expected: this.settings.budgetRowWeight, actual: weight },
      );
    }
    // The score follows the rate the form shows: a wrong rate is reported once, at the rate. A score
    // that follows the rate B ÷ A gives where the shown rate is wrong is right too: the slip is the
    // rate, reported there. With A = 0 there is no rate, whatever the cell shows (reported once, as undefined).
    const rate = a?.isZero() ? undefined : (shownRate ?? computedRate);
    const scoreFor = (r: Decimal) => weight!.times(Decimal.min(r, HUNDRED)).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
    if (scoreAt && score !== undefined && weight !== undefined && rate !== undefined) {
      const expected = scoreFor(rate);
      const followsComputed = computedRate !== undefined && score.minus(scoreFor(computedRate)).abs().lte(this.settings.scoreTolerance);
      if (score.minus(expected).abs().gt(this.settings.scoreTolerance) && !followsComputed) {
        this.report(
          R.budgetScore,
          scoreAt,
          `预算执行得分应为 ${pts(expected)}（分值 ${weight.toString()} × 执行率 ${pct(Decimal.min(rate, HUNDRED))}），实为 ${pts(score)}`,
          `the budget score should be ${pts(expected)} (weight ${weight.toString()} × rate ${pct(Decimal.min(rate, HUNDRED))}), but shows ${pts(score)}`,
          { expected, actual: score },
        );
      }
    }
    return {
      ...(weight !== undefined ? { budgetWeight: weight } : {}),
      ...(score !== undefined ? { budgetScore: score } : {}),
      ...(score !== undefined && scoreAt ? { budgetScoreCell: scoreAt } : {}),
      ...(rate !== undefined ? { rate } : {}),
      ...(rateAt ? { rateCell: rateAt } : {}),
      execution: {
        ...(a !== undefined ? { budget: a } : {}),
        ...(b !== undefined ? { executed: b } : {}),
        ...(shownRate !== undefined ? { shownRate } : {}),
        ...(computedRate !== undefined ? { computedRate } : {}),
      },
    };
  }

  private scoredRows(): ScoredRow[] {
    const block = this.form.indicators;
    if (!block) return [];
    const result: ScoredRow[] = [];
    for (const row of block.rows) {
      const weightCell = block.columns.weight !== undefined ? positionOf(row.row, block.columns.weight) : undefined;
      const scoreCell = block.columns.score !== undefined ? positionOf(row.row, block.columns.score) : undefined;
      const weight = row.weight ? numberAt(this.view, row.weight) : undefined;
      const score = row.score ? numberAt(this.view, row.score) : undefined;
      if (!row.level3 && weight === undefined && score === undefined) continue;
      result.push({
        row,
        ...(weight !== undefined ? { weight } : {}),
        ...(score !== undefined ? { score } : {}),
        ...(weightCell ? { weightCell } : {}),
        ...(scoreCell ? { scoreCell } : {}),
      });
    }
    return result;
  }

  /** 3.6.4–5: Σ分值 = 100; usual shares 产出(+成本) 50, 效益 30. */
  /**
   * RULES 1.7: a scored self-evaluation has its 预算执行率 row, in the funds block (分值 | 得分 beside the
   * 执行率) or at the head of the indicator table. A form that scores its indicators and neither (the
   * older layout, the 100 points all on indicators) lacks it: reported at the 执行率 it leaves unscored.
   */
  private checkBudgetRow(budget: { budgetWeight?: Decimal }, rows: readonly ScoredRow[]): void {
    const funds = this.form.funds;
    const block = this.form.indicators;
    if (!funds?.total || !block || block.columns.weight === undefined || rows.length === 0) return;
    if (funds.columns.weight !== undefined || budget.budgetWeight !== undefined) return;
    if (rows.some((r) => r.weight === undefined)) return; // an unfinished form: its empty cells say so
    if (rows.some((r) => isBudgetExecutionRow(r.row))) return;
    const at = funds.columns.rate !== undefined ? positionOf(funds.total.row, funds.columns.rate) : funds.total;
    this.report(
      selfEvaluationRules.budgetRow,
      at,
      "本表没有为预算执行率计分：资金情况未列分值和得分，绩效指标中也没有预算执行率一行（应占 10 分）",
      "the form does not score its budget execution: the funds block has no 分值 or 得分 and no 预算执行率 row is among the indicators (it carries 10 points)",
    );
  }

  private checkWeights(budget: { budgetWeight?: Decimal }, rows: readonly ScoredRow[]): void {
    const block = this.form.indicators;
    if (!block || block.columns.weight === undefined || rows.length === 0) return;
    // While any weight is still empty the form is unfinished, not wrong: its empty cells are missing values.
    if (rows.some((r) => r.weight === undefined)) return;
    // A block closed by a 合计 row, or a 总分 row that also states the Σ分值, holds the total: the finding
    // lands on that figure; otherwise on the 分值 header.
    const scoreRow = this.form.totalScoreLabel?.row;
    const statedOnScoreRow = scoreRow !== undefined && this.view.raw(scoreRow, block.columns.weight).type === "number";
    const headerAt = positionOf(block.totalRow ?? (statedOnScoreRow ? scoreRow : block.headerRow), block.columns.weight);
    const indicatorWeights = rows.reduce((s, r) => s.plus(r.weight ?? ZERO), ZERO);
    const total = indicatorWeights.plus(budget.budgetWeight ?? ZERO);
    if (!total.eq(this.settings.totalWeight)) {
      this.report(
        selfEvaluationRules.weightTotal,
        headerAt,
        `分值合计应为 ${this.settings.totalWeight.toString()}，实为 ${pts(total)}（预算执行 ${pts(budget.budgetWeight ?? ZERO)} + 各指标 ${pts(indicatorWeights)}）`,
        `the weights should add up to ${this.settings.totalWeight.toString()}, but add up to ${pts(total)} (budget row ${pts(budget.budgetWeight ?? ZERO)} + indicators ${pts(indicatorWeights)})`,
        {
          expected: this.settings.totalWeight,
          actual: total,
          // Where the form states the 100 itself, a weight typed wrong mends it: the weights are its parts.
          ...(block.totalRow !== undefined || statedOnScoreRow
            ? {
                relation: {
                  total: `${this.table.sheet}!${headerAt.address}`,
                  parts: rows.filter((r) => r.weightCell).map((r) => `${this.table.sheet}!${r.weightCell!.address}`),
                  difference: this.settings.totalWeight.minus(total),
                },
              }
            : {}),
        },
      );
      return;
    }
    // The usual split is the project one (财预〔2020〕10号); a 部门整体 self-evaluation has its own.
    const pairs = rows.map((r) => ({ level1: r.row.level1?.text ?? null, level2: r.row.level2?.text ?? null }));
    if (namesDepartmentFramework({ indicatorPairs: pairs })) return;
    const shareOf = (pattern: RegExp) => rows.filter((r) => pattern.test(foldText(r.row.level1?.text ?? ""))).reduce((s, r) => s.plus(r.weight ?? ZERO), ZERO);
    const outputs = shareOf(/产出|成本/);
    const outcomes = shareOf(/效益|效果/);
    if (!outputs.eq(50) || !outcomes.eq(30)) {
      this.report(
        selfEvaluationRules.weightShares,
        headerAt,
        `分值分配与常规不同：产出（含成本）${pts(outputs)}（常规 50），效益 ${pts(outcomes)}（常规 30）`,
        `weights differ from the usual split: outputs with costs ${pts(outputs)} (usually 50), outcomes ${pts(outcomes)} (usually 30)`,
      );
    }
  }

  /** 3.6.6: 0 ≤ 得分 ≤ 分值, the budget row included. */
  private checkRowScores(rows: readonly ScoredRow[]): void {
    const funds = this.form.funds;
    const budgetRow: ScoredRow[] = [];
    if (funds?.total && funds.columns.weight !== undefined && funds.columns.score !== undefined) {
      const weightCell = positionOf(funds.total.row, funds.columns.weight);
      const scoreCell = positionOf(funds.total.row, funds.columns.score);
      const weight = numberAt(this.view, weightCell);
      const score = numberAt(this.view, scoreCell);
      if (weight !== undefined && score !== undefined) budgetRow.push({ row: emptyRow(funds.total.row), weight, score, weightCell, scoreCell });
    }
    for (const r of [...budgetRow, ...rows]) {
      if (r.weight === undefined || r.score === undefined || !r.scoreCell) continue;
      const name = r.row.level3?.text ?? "预算执行率";
      if (r.score.lt(0) || r.score.gt(r.weight)) {
        this.report(
          selfEvaluationRules.scoreWithinWeight,
          r.scoreCell,
          r.score.lt(0) ? `“${name}”得分 ${pts(r.score)} 不能为负数` : `“${name}”得分 ${pts(r.score)} 超过分值 ${pts(r.weight)}（得分最高为分值）`,
          r.score.lt(0) ? `"${name}": the score ${pts(r.score)} cannot be negative` : `"${name}": the score ${pts(r.score)} exceeds its weight ${pts(r.weight)} (a score is capped at the weight)`,
          {
            expected: Decimal.max(ZERO, Decimal.min(r.score, r.weight)),
            actual: r.score,
            // Mended by bringing the score to its bound: when the 总分 mends by the same correction of
            // this score, the two are one slip, reported here.
            relation: {
              total: `${this.table.sheet}!${r.scoreCell.address}`,
              parts: r.weightCell && r.score.gt(r.weight) ? [`${this.table.sheet}!${r.weightCell.address}`] : [],
              difference: r.score.lt(0) ? r.score : r.score.minus(r.weight),
            },
          },
        );
      }
    }
  }

  /** 3.6.8: a 不涉及 row carries no points. */
  private checkNotApplicable(rows: readonly ScoredRow[]): void {
    for (const r of rows) {
      const target = r.row.target?.text ?? "";
      if (!/^不涉及$|^不适用$/.test(foldText(target))) continue;
      const weight = r.weight ?? ZERO;
      const score = r.score ?? ZERO;
      if (weight.isZero() && score.isZero()) continue;
      const at = !weight.isZero() ? r.weightCell : r.scoreCell;
      if (!at) continue;
      this.report(
        selfEvaluationRules.notApplicable,
        at,
        `“${r.row.level3?.text ?? ""}”指标值为“不涉及”，分值和得分应为 0，实为分值 ${pts(weight)}、得分 ${pts(score)}`,
        `"${r.row.level3?.text ?? ""}" is 不涉及 (not applicable), so weight and score should be 0, not ${pts(weight)} and ${pts(score)}`,
        { expected: ZERO, actual: !weight.isZero() ? weight : score },
      );
    }
  }

  /** 3.6.9–10: a met target keeps full points, a missed one does not; an empty result earns nothing. */
  private checkScoringPlausibility(rows: readonly ScoredRow[]): void {
    const fractions: { cell: CellPosition; text: string; read: Decimal }[] = [];
    for (const r of rows) {
      if (r.weight === undefined || r.score === undefined || !r.scoreCell) continue;
      if (r.score.gt(r.weight) || r.score.lt(0)) continue; // already an error of its own
      const target = statedTarget(r.row);
      const name = r.row.level3?.text ?? "";
      const actualColumn = this.form.indicators?.columns.actual;
      if (target && !r.row.actual && actualColumn !== undefined && r.score.gt(0)) {
        // Points given for a result nobody wrote down: the score has nothing to rest on.
        const actualAt = positionOf(r.row.row, actualColumn);
        this.report(
          selfEvaluationRules.unscoredActual,
          positionOf(this.view.masterOf(actualAt.row, actualAt.col).row, this.view.masterOf(actualAt.row, actualAt.col).col),
          `“${name}”没有填写实际完成值，却得 ${pts(r.score)} 分（分值 ${pts(r.weight)}）`,
          `"${name}" has no actual value recorded, yet scores ${pts(r.score)} of ${pts(r.weight)}`,
          { actual: r.score, range: r.scoreCell.address },
        );
        continue;
      }
      if (!target || !r.row.actual) continue;
      const outcome = targetOutcome(target, r.row.actual);
      if (outcome.readAsFraction) fractions.push({ cell: positionOf(r.row.actual.row, r.row.actual.col), text: r.row.actual.text, read: outcome.readAsFraction });
      if (outcome.met === undefined) continue;
      const full = r.score.gte(r.weight.minus(this.settings.scoreTolerance));
      if (outcome.met && !full) {
        // A cost under its ceiling is not a failure, but not worth more than a note (3.6.9).
        const isCost = /成本/.test(foldText(`${r.row.level1?.text ?? ""}${r.row.level2?.text ?? ""}`));
        this.report(
          selfEvaluationRules.scoringPlausibility,
          r.scoreCell,
          `“${name}”实际 ${r.row.actual.text} 已达到指标值 ${target.text}，应得满分 ${pts(r.weight)}，实为 ${pts(r.score)}`,
          `"${name}": the actual ${r.row.actual.text} meets the target ${target.text}, so it should score the full ${pts(r.weight)}, not ${pts(r.score)}`,
          {
            expected: r.weight,
            actual: r.score,
            ...(isCost ? { severity: "info" as const } : {}),
            // Mended by the score up to the weight, or by the weight down to the score (a weight typed wrong).
            ...(r.weightCell ? { relation: { total: `${this.table.sheet}!${r.scoreCell.address}`, parts: [`${this.table.sheet}!${r.weightCell.address}`], difference: r.score.minus(r.weight) } } : {}),
          },
        );
      } else if (!outcome.met && full && r.weight.gt(0) && !costWithinTarget(r.row, target, r.row.actual)) {
        this.report(
          selfEvaluationRules.scoringPlausibility,
          r.scoreCell,
          `“${name}”实际 ${r.row.actual.text} 未达到指标值 ${target.text}，却得满分 ${pts(r.score)}`,
          `"${name}": the actual ${r.row.actual.text} misses the target ${target.text}, yet keeps the full ${pts(r.score)}`,
          { actual: r.score },
        );
      }
    }
    this.reportFractions(fractions);
  }

  /** 3.6.10: actual values written as fractions are one habit of the form: one note naming every cell. */
  private reportFractions(fractions: readonly { cell: CellPosition; text: string; read: Decimal }[]): void {
    const first = fractions[0];
    if (!first) return;
    const list = fractions.map((f) => `${f.cell.address}“${f.text}”`).join("、");
    const listEn = fractions.map((f) => `${f.cell.address} "${f.text}"`).join(", ");
    this.context.report(selfEvaluationRules.fractionActual, {
      sheet: this.table.sheet,
      cell: first.cell.address,
      tableId: this.table.id,
      ...(fractions.length > 1 ? { cells: fractions.slice(1).map((f) => f.cell.address), range: boundingRange(fractions.map((f) => f.cell)) } : {}),
      message:
        fractions.length === 1
          ? { zh: `实际完成值“${first.text}”写成了小数，按 ${pct(first.read)} 理解（指标值为百分比）`, en: `the actual value "${first.text}" is a fraction; read as ${pct(first.read)} against a percentage target` }
          : { zh: `本表 ${fractions.length} 个实际完成值写成了小数（指标值为百分比），已按百分比理解：${list}`, en: `${fractions.length} actual values of this form are fractions against percentage targets, read as percentages: ${listEn}` },
    });
  }

  /** P11: a 时效 target dated before the budget year (a carried-over project). */
  private checkEarlyDeadlines(): void {
    const year = this.form.year;
    if (year === undefined || !this.form.indicators) return;
    for (const row of this.form.indicators.rows) {
      if (!row.target || !/时效/.test(foldText(row.level2?.text ?? ""))) continue;
      const years = [...foldText(row.target.text).matchAll(/(20\d\d)年/g)].map((m) => Number(m[1]));
      const early = years.find((y) => y < year);
      if (early === undefined) continue;
      this.report(
        selfEvaluationRules.earlyDeadline,
        positionOf(row.target.row, row.target.col),
        `时效指标“${row.target.text}”的年份 ${early} 早于预算年度 ${year}（是否为结转项目？）`,
        `the deadline "${row.target.text}" (${early}) is earlier than the budget year ${year}; a carried-over project?`,
      );
    }
  }

  /** 3.6.7, 3.6.11, 3.6.12: 总分, its grade and the explanation of a low score. */
  private checkTotal(budget: { budgetScore?: Decimal; budgetScoreCell?: CellPosition }, rows: readonly ScoredRow[]): Decimal | undefined {
    const at = this.form.totalScore;
    if (!at) return undefined;
    const total = numberAt(this.view, at);
    if (total === undefined) return undefined;
    const sum = rows.reduce((s, r) => s.plus(r.score ?? ZERO), budget.budgetScore ?? ZERO);
    if (rows.length > 0 && total.minus(sum).abs().gt(this.settings.scoreTolerance)) {
      this.report(
        selfEvaluationRules.totalScore,
        at,
        `总分应为 ${pts(sum)}（预算执行 ${pts(budget.budgetScore ?? ZERO)} + 各指标得分 ${pts(sum.minus(budget.budgetScore ?? ZERO))}），实为 ${pts(total)}`,
        `the total should be ${pts(sum)} (budget row ${pts(budget.budgetScore ?? ZERO)} + indicator scores ${pts(sum.minus(budget.budgetScore ?? ZERO))}), but shows ${pts(total)}`,
        // The total mends by −difference: a summary that quotes the form's total then agrees too (one slip, one finding).
        {
          expected: sum,
          actual: total,
          relation: {
            total: `${this.table.sheet}!${at.address}`,
            // A score typed wrong mends the total by the same difference: the scores are its parts.
            parts: [...(budget.budgetScoreCell ? [budget.budgetScoreCell] : []), ...rows.filter((r) => r.score !== undefined && r.scoreCell).map((r) => r.scoreCell!)].map((cell) => `${this.table.sheet}!${cell.address}`),
            difference: total.minus(sum),
          },
        },
      );
    }
    const grade = this.form.grade;
    if (grade) {
      const expected = gradeOf(total);
      const shown = writtenGrade(grade.text);
      if (shown !== expected) {
        this.report(
          selfEvaluationRules.grade,
          positionOf(grade.row, grade.col),
          `总分 ${pts(total)} 对应等级“${expected}”，表中为“${grade.text}”`,
          `a total of ${pts(total)} means grade ${expected}, but the form shows ${grade.text}`,
          { expected, actual: grade.text },
        );
      }
    }
    // Nothing scored yet (every 得分 empty or a formula still at 0): a total of 0 is no low score to explain.
    const scored = rows.some((r) => r.score !== undefined && !r.score.isZero()) || (budget.budgetScore !== undefined && !budget.budgetScore.isZero());
    if (scored && total.lt(80) && this.form.explanationLabel && !this.form.explanation) {
      this.report(
        selfEvaluationRules.lowScoreExplanation,
        this.form.explanationLabel,
        `总分 ${pts(total)} 低于 80 分，应填写未实现绩效目标的原因分析及拟采取的措施`,
        `the total ${pts(total)} is below 80, so the reasons and planned measures must be filled in`,
      );
    }
    return total;
  }

  /** P10: most money unspent, yet every output claimed in full. */
  private checkLowExecution(budget: { rate?: Decimal; rateCell?: CellPosition }, rows: readonly ScoredRow[]): void {
    if (budget.rate === undefined || !budget.rateCell || budget.rate.gte(60)) return;
    const outputs = rows.filter((r) => /产出/.test(foldText(r.row.level1?.text ?? "")) && r.weight !== undefined && r.weight.gt(0));
    if (outputs.length === 0 || !outputs.every((r) => r.score !== undefined && r.score.gte(r.weight as Decimal))) return;
    this.report(
      selfEvaluationRules.lowExecutionFullOutput,
      budget.rateCell,
      `执行率仅 ${pct(budget.rate)}，但 ${outputs.length} 项产出指标全部得满分，请核实产出是否真实完成`,
      `only ${pct(budget.rate)} of the budget was spent, yet all ${outputs.length} output rows keep full marks`,
    );
  }
}

/** The row's target as the form states it: with the operator and unit of their own columns or the name. */
function statedTarget(row: IndicatorRow): CellText | null {
  if (!row.target) return null;
  return { ...row.target, text: statedTargetText(row.target.text, row.nature?.text, row.unit?.text, row.level3?.text ?? "") };
}

function emptyRow(row: number): IndicatorRow {
  return { row, level1: null, level2: null, level3: null, target: null, actual: null, weight: null, score: null, scoring: null, deviation: null };
}

/** A reading's value in its unit's base (万册 → 册, 万元 → 元) with the per-part, for comparing. */
function scaled(reading: IndicatorValueReading): { value: Decimal; base: string } | undefined {
  if (reading.value === undefined) return undefined;
  const unit = reading.unitReading;
  if (!unit) return { value: reading.value, base: "" };
  return { value: reading.value.times(unit.scale), base: `${unit.base}/${unit.per.join("/")}` };
}

/**
 * Whether an actual value meets its target, as far as a simple reading allows: ≥/>/≤/</= with a
 * number in the same unit, or the same qualitative word. Undefined when it cannot be told.
 */
/**
 * A cost row whose actual stays at or under its target (=52万元 planned, 50.16万元 spent): a cost is a
 * ceiling whatever its operator, so spending less misses nothing (RULES 2.5: costs use ≤ or =).
 */
function costWithinTarget(row: IndicatorRow, target: CellText, actual: CellText): boolean {
  if (!/成本/.test(foldText(`${row.level1?.text ?? ""}${row.level2?.text ?? ""}`))) return false;
  const t = parseIndicatorValue(target.text);
  if (t.operator !== "=" && t.operator !== undefined) return false;
  const asCeiling = targetOutcome({ ...target, text: `≤${t.normalised.replace(/^=/, "")}` }, actual);
  return asCeiling.met === true;
}

export function targetOutcome(target: CellText, actual: CellText): { met?: boolean; readAsFraction?: Decimal } {
  const t = parseIndicatorValue(target.text);
  const a = parseIndicatorValue(actual.text);
  if ((t.form === "qualitative" || t.form === "descriptive") && t.value === undefined) {
    const same = foldText(t.normalised) === foldText(a.normalised);
    return same ? { met: true } : {};
  }
  if (t.form !== "comparison" && t.form !== "bare-number") return {};
  const targetValue = scaled(t);
  let actualValue = a.form === "bare-number" || a.form === "comparison" ? scaled(a) : undefined;
  if (!targetValue || !actualValue) return {};
  let readAsFraction: Decimal | undefined;
  // 3.6.10: 0.98 beside a % target means 98%.
  if (t.unitFamily === "percent" && actualValue.base === "" && actualValue.value.lte(1.5)) {
    readAsFraction = actualValue.value.times(100);
    actualValue = { value: readAsFraction, base: targetValue.base };
  }
  // A bare actual beside a target with a unit (`≥5万人次` | `5.6`, the unit given once for the row) is in the target's unit.
  if (actualValue.base === "" && a.unit === undefined && targetValue.base !== "" && !readAsFraction) {
    actualValue = { value: actualValue.value.times(t.unitReading?.scale ?? 1), base: targetValue.base };
  }
  if (actualValue.base !== targetValue.base) return readAsFraction ? { readAsFraction } : {};
  const x = actualValue.value;
  const y = targetValue.value;
  // A bare number (500 beside 培训人数（人）) states no direction: reaching it exactly is meeting it, but
  // 520 or 480 may be read either way (a floor for outputs, a ceiling for costs), so that is not told.
  if (t.operator === undefined) return x.eq(y) ? { met: true, ...(readAsFraction ? { readAsFraction } : {}) } : readAsFraction ? { readAsFraction } : {};
  const operator = t.operator;
  const met =
    operator === "≥" ? x.gte(y) : operator === ">" ? x.gt(y) : operator === "≤" ? x.lte(y) : operator === "<" ? x.lt(y) : x.eq(y);
  return { met, ...(readAsFraction ? { readAsFraction } : {}) };
}

const STATED_TOTAL = /(?:共|合计|总计|总额为?)[^。；;]*?(\d+(?:\.\d+)?)(万元|元)/;
const STATED_PART = /(\d+(?:\.\d+)?)(万元|元)/g;

/** A total and the parts listed after its 其中 (“共完成预算资金89.97万元。其中:30万元用于…;29.99万元用于…”), in 万元. */
export function statedBreakdown(text: string): { total: Decimal; totalText: string; parts: { value: Decimal; text: string }[] } | undefined {
  const folded = foldText(text);
  const at = folded.indexOf("其中");
  if (at < 0) return undefined;
  const total = STATED_TOTAL.exec(folded.slice(0, at));
  if (!total) return undefined;
  const end = folded.indexOf("。", at);
  const listed = folded.slice(at, end < 0 ? undefined : end);
  const inWan = (number: string, unit: string) => (unit === "元" ? new Decimal(number).div(10000) : new Decimal(number));
  const parts = [...listed.matchAll(STATED_PART)].map((match) => ({ value: inWan(match[1]!, match[2]!), text: `${match[1]}${match[2]}` }));
  if (parts.length < 2) return undefined;
  return { total: inWan(total[1]!, total[2]!), totalText: `${total[1]}${total[2]}`, parts };
}

/**
 * Prose inside a form that states a total and lists its parts after 其中: the parts must add up within
 * the rounding of RULES 3.0. Parts above the total cannot all be right (a warning: prose is read, not
 * laid out, so never an error); parts below it may be a partial list (info).
 */
function checkStatedBreakdowns(context: RuleContext, table: DetectedTable): void {
  const view = context.view(table.sheetIndex);
  const range = table.range;
  for (let r = range.top; r <= range.bottom; r++) {
    for (let c = range.left; c <= range.right; c++) {
      const cell = view.raw(r, c);
      if (cell.type !== "string" || String(cell.value).length < 12) continue;
      const stated = statedBreakdown(String(cell.value));
      if (!stated) continue;
      const sum = stated.parts.reduce((total, part) => total.plus(part.value), ZERO);
      const gap = sum.minus(stated.total);
      // The tolerance of RULES 3.0, as for any total and its parts: 0.01 ignored, n × 0.005 a rounding residue.
      const verdict = compareTotal(stated.total, sum, stated.parts.length, context.settings);
      if (verdict.ok) continue;
      const list = stated.parts.map((part) => part.text).join(" + ");
      context.report(selfEvaluationRules.statedBreakdown, {
        sheet: table.sheet,
        cell: cellAddress(r, c),
        tableId: table.id,
        severity: verdict.severity === "info" || gap.lt(0) ? "info" : "warning",
        expected: plainAmount(stated.total),
        actual: plainAmount(sum),
        message: {
          zh: `文字所列各项 ${list} = ${formatAmount(sum)} 万元，${gap.gt(0) ? "超过" : "少于"}所说的总数 ${stated.totalText}（差 ${formatAmount(gap.abs())}）`,
          en: `the parts the text lists, ${list} = ${formatAmount(sum)} 万元, ${gap.gt(0) ? "exceed" : "fall short of"} the total it states, ${stated.totalText} (by ${formatAmount(gap.abs())})`,
        },
      });
    }
  }
}

/** A self-evaluation form as checked: its table, total and execution, for the summary and the prose. */
interface CheckedForm {
  readonly form: SelfEvaluationForm;
  readonly table: DetectedTable;
  readonly total?: Decimal;
  readonly totalCell?: CellPosition;
  readonly execution?: Execution;
}

/** What a stated rate is compared with: one form's execution, or all forms' together. */
interface RateSource {
  readonly zh: string;
  readonly en: string;
  /** Rates the text may mean (the rate shown, B / A; for all forms, ΣB / ΣA and the mean rate). */
  readonly rates: readonly Decimal[];
  readonly budget?: Decimal;
  readonly executed?: Decimal;
}

const OVERALL = /整体|总体|综合|平均|全部项目|所有项目|项目总/;

function formRateSource(entry: CheckedForm): RateSource | undefined {
  const execution = entry.execution;
  const rates = [execution?.shownRate, execution?.computedRate].filter((rate): rate is Decimal => rate !== undefined);
  if (rates.length === 0) return undefined;
  const name = entry.form.name?.text ?? entry.table.title;
  return { zh: `“${name}”自评表`, en: `the self-evaluation form of "${name}"`, rates, ...(execution?.budget ? { budget: execution.budget } : {}), ...(execution?.executed ? { executed: execution.executed } : {}) };
}

function overallRateSource(forms: readonly CheckedForm[]): RateSource | undefined {
  const withFunds = forms.filter((entry) => entry.execution?.budget !== undefined && entry.execution.executed !== undefined);
  if (withFunds.length < 2) return undefined;
  const budget = withFunds.reduce((sum, entry) => sum.plus(entry.execution!.budget!), ZERO);
  const executed = withFunds.reduce((sum, entry) => sum.plus(entry.execution!.executed!), ZERO);
  if (budget.isZero()) return undefined;
  const eachRate = withFunds.map((entry) => entry.execution!.shownRate ?? entry.execution!.computedRate).filter((rate): rate is Decimal => rate !== undefined);
  const mean = eachRate.length === withFunds.length ? eachRate.reduce((sum, rate) => sum.plus(rate), ZERO).div(eachRate.length) : undefined;
  const rates = [executed.div(budget).times(100), ...(mean ? [mean] : [])];
  return { zh: `${withFunds.length} 个自评项目合计`, en: `the ${withFunds.length} self-evaluated projects together`, rates, budget, executed };
}

/**
 * 3.6.13: an execution rate stated in prose (a form's 目标实际完成情况, a 说明) against the form it
 * speaks of: the form whose range holds the text, else the one project its sentence names, else, for
 * 整体/总体/平均, all forms together. A rate given with fewer decimals may round the table's.
 */
function checkNarrativeRates(context: RuleContext, forms: readonly CheckedForm[]): void {
  const named = forms.filter((entry) => (entry.form.name?.text ?? "").length >= 2);
  const overall = overallRateSource(forms);
  for (const at of proseCells(context, (text) => text.includes("执行率"))) {
    const home = forms.find((entry) => entry.table.sheetIndex === at.sheetIndex && rangeContains(entry.table.range, at.row, at.col));
    for (const statement of executionRateStatements(at.text)) {
      let source: RateSource | undefined;
      if (home) {
        source = formRateSource(home);
      } else {
        const sentence = foldText(statement.sentence);
        const mentioned = named.filter((entry) => sentence.includes(foldText(entry.form.name!.text)));
        if (mentioned.length === 1) source = formRateSource(mentioned[0]!);
        else if (mentioned.length === 0 && OVERALL.test(sentence)) source = overall;
      }
      if (!source) continue;
      const tolerance = Decimal.max(DEFAULT_SELF_EVALUATION_SETTINGS.rateTolerance, new Decimal(10).pow(-statement.decimals).div(2));
      if (source.rates.some((rate) => rate.minus(statement.rate).abs().lte(tolerance))) continue;
      const expected = source.rates[0]!;
      const arithmetic =
        source.budget !== undefined && source.executed !== undefined
          ? { zh: `（全年执行数 ${formatAmount(source.executed)} ÷ 全年预算数 ${formatAmount(source.budget)}）`, en: ` (B ${formatAmount(source.executed)} ÷ A ${formatAmount(source.budget)})` }
          : { zh: "", en: "" };
      context.report(summaryRules.narrativeRate, {
        sheet: at.sheet,
        cell: cellAddress(at.row, at.col),
        expected: pct(expected),
        actual: pct(statement.rate),
        message: {
          zh: `说明文字写“${statement.quote}”，${source.zh}的执行率为 ${pct(expected)}${arithmetic.zh}`,
          en: `the text says "${statement.quote}", but the execution rate of ${source.en} is ${pct(expected)}${arithmetic.en}`,
        },
      });
    }
  }
}

/** 3.6.13: "共 N 个项目，其中优 M 个" in prose against the summary's rows and the grades written there. */
function checkNarrativeCounts(context: RuleContext, gradeTexts: readonly string[]): void {
  const inSummary: Record<Grade, number> = { 优: 0, 良: 0, 中: 0, 差: 0 };
  for (const text of gradeTexts) {
    const grade = writtenGrade(text);
    if (grade in inSummary) inSummary[grade as Grade] += 1;
  }
  for (const at of proseCells(context, (text) => text.includes("自评") && /\d+\s*个/.test(text))) {
    const stated = gradeCounts(at.text);
    if (!stated) continue;
    const differences: { zh: string; en: string; said: number; counted: number }[] = [];
    if (stated.projects !== undefined && stated.projects !== gradeTexts.length) differences.push({ zh: "项目", en: "projects", said: stated.projects, counted: gradeTexts.length });
    for (const [grade, said] of Object.entries(stated.grades) as [Grade, number][]) {
      if (said !== inSummary[grade]) differences.push({ zh: `“${grade}”`, en: `graded ${grade}`, said, counted: inSummary[grade] });
    }
    if (differences.length === 0) continue;
    context.report(summaryRules.narrativeCounts, {
      sheet: at.sheet,
      cell: cellAddress(at.row, at.col),
      message: {
        zh: `说明文字与自评汇总表不符：${differences.map((d) => `${d.zh} ${d.said} 个，汇总表为 ${d.counted} 个`).join("；")}`,
        en: `the text does not match the self-evaluation summary: ${differences.map((d) => `${d.said} ${d.en} stated, ${d.counted} in the summary`).join("; ")}`,
      },
    });
  }
}

/** 3.6.13: each summary row against the form it names. */
function checkSummary(context: RuleContext, table: DetectedTable, forms: readonly CheckedForm[]): void {
  const view = context.view(table.sheetIndex);
  const listing = parseListing(view, table);
  if (!listing) return;
  const named = forms.filter((f) => f.form.name);
  const { pairs, unmatchedLeft, unmatchedRight } = matchByName(
    listing.rows,
    named,
    (row: ListingRow) => row.name.text,
    (f) => f.form.name?.text ?? "",
  );
  const report = (rule: RuleMeta, at: { address: string }, zh: string, en: string, extra: { expected?: string; actual?: string; sheet?: string; tableId?: string; relation?: SlipRelation } = {}) =>
    context.report(rule, {
      sheet: extra.sheet ?? table.sheet,
      cell: at.address,
      tableId: extra.tableId ?? table.id,
      message: { zh, en },
      ...(extra.expected ? { expected: extra.expected } : {}),
      ...(extra.actual ? { actual: extra.actual } : {}),
      ...(extra.relation ? { relation: extra.relation } : {}),
    });
  for (const row of listing.rows) {
    if (!row.score || !row.grade) continue;
    const score = numberAt(view, row.score);
    const gradeText = cellText(view, row.grade);
    if (score === undefined || !gradeText) continue;
    const expected = gradeOf(score);
    if (writtenGrade(gradeText) !== expected) {
      report(
        summaryRules.gradeFitsScore,
        row.grade,
        `“${row.name.text}”自评得分 ${pts(score)} 对应等级“${expected}”，表中为“${gradeText}”`,
        `"${row.name.text}": a score of ${pts(score)} means grade ${expected}, but the summary shows ${gradeText}`,
        { expected, actual: gradeText },
      );
    }
  }
  // 3.6.2 on each summary row: 执行率 = 执行数 ÷ 预算数, within the printed rounding.
  for (const row of listing.rows) {
    if (!row.amount || !row.executed || !row.rate) continue;
    const budget = numberAt(view, row.amount);
    const executed = numberAt(view, row.executed);
    const shown = percentAt(view, row.rate);
    if (budget === undefined || executed === undefined || shown === undefined || budget.isZero()) continue;
    const computed = executed.div(budget).times(100);
    // RULES 3.0: 0.01 point, or half the last digit the rate is printed with (95% for 95.06%).
    const tolerance = Decimal.max(DEFAULT_SELF_EVALUATION_SETTINGS.rateTolerance, new Decimal(10).pow(-percentDecimals(view, row.rate)).div(2));
    if (shown.minus(computed).abs().lte(tolerance)) continue;
    report(
      summaryRules.summaryRate,
      row.rate,
      `“${row.name.text}”执行率应为 ${pct(computed)}（执行数 ${formatAmount(executed)} ÷ 预算数 ${formatAmount(budget)}），实为 ${pct(shown)}`,
      `"${row.name.text}": the execution rate should be ${pct(computed)} (spending ${formatAmount(executed)} ÷ budget ${formatAmount(budget)}), but shows ${pct(shown)}`,
      { expected: pct(computed), actual: pct(shown) },
    );
  }
  for (const { left: row, right: entry } of pairs) {
    if (!row.score || entry.total === undefined) continue;
    const score = numberAt(view, row.score);
    if (score === undefined) continue;
    if (score.minus(entry.total).abs().gt(DEFAULT_SELF_EVALUATION_SETTINGS.scoreTolerance)) {
      const where = entry.totalCell ? `${entry.form.sheet}!${entry.totalCell.address}` : entry.form.sheet;
      report(
        summaryRules.scoreMatchesForm,
        row.score,
        `“${row.name.text}”自评得分 ${pts(score)} 与其自评表总分 ${pts(entry.total)}（${where}）不一致`,
        `"${row.name.text}": the summary score ${pts(score)} differs from the form's total ${pts(entry.total)} (${where})`,
        {
          expected: plainAmount(entry.total),
          actual: plainAmount(score),
          // Mended by the summary's score, or by the form's total when that is the cell typed wrong.
          ...(entry.totalCell ? { relation: { total: `${table.sheet}!${row.score.address}`, parts: [`${entry.form.sheet}!${entry.totalCell.address}`], difference: score.minus(entry.total) } } : {}),
        },
      );
    }
  }
  checkNarrativeCounts(context, listing.rows.map((row) => (row.grade ? (cellText(view, row.grade) ?? "") : "")));
  // Coverage only makes sense when the summary and at least one of its forms are both here.
  if (pairs.length === 0) return;
  for (const row of unmatchedLeft) {
    context.notChecked(summaryRules.scoreMatchesForm, {
      sheet: table.sheet,
      cell: row.name.address,
      tableId: table.id,
      reason: { zh: `未找到“${row.name.text}”的自评表，无法核对其得分`, en: `no self-evaluation form for "${row.name.text}" in this workbook, so its score is not checked` },
    });
  }
  for (const entry of unmatchedRight) {
    const name = entry.form.name;
    if (!name) continue;
    report(
      summaryRules.formListed,
      name,
      `项目“${name.text}”有自评表，但不在自评情况汇总表中`,
      `the project "${name.text}" has a self-evaluation form but is missing from the summary`,
      { sheet: entry.form.sheet, tableId: entry.form.tableId },
    );
  }
}

/** How many decimals of a percent a rate cell prints: from its % format, its text, or its number. */
function percentDecimals(view: SheetView, at: { row: number; col: number }): number {
  const cell = view.cell(at.row, at.col);
  if (cell.type === "number") {
    const format = /0\.(0+)%/.exec(cell.numberFormat ?? "");
    if ((cell.numberFormat ?? "").includes("%")) return format ? format[1]!.length : 0;
    const value = decimalOf(cell.value as number);
    return value.abs().lte(1.5) ? Math.max(0, value.decimalPlaces() - 2) : value.decimalPlaces();
  }
  const fraction = /\.(\d+)/.exec(foldText(String(cell.value ?? "")));
  return fraction ? fraction[1]!.length : 0;
}

function cellText(view: SheetView, at: { row: number; col: number }): string | undefined {
  const cell = view.cell(at.row, at.col);
  if (cell.type === "empty") return undefined;
  const text = String(cell.value).trim();
  return text === "" ? undefined : text;
}

/** The weights a self-evaluation pack sets (RULES 1.4, 3.6.4–5); the rest stays as the defaults. */
export function selfEvaluationSettingsOf(pack: RulePack | undefined): SelfEvaluationSettings {
  const weights = pack?.selfEvaluation;
  if (!weights) return DEFAULT_SELF_EVALUATION_SETTINGS;
  return { ...DEFAULT_SELF_EVALUATION_SETTINGS, budgetRowWeight: new Decimal(weights.budgetRowScore), totalWeight: new Decimal(weights.totalScore) };
}

/**
 * Without settings, each form is checked with the weights of its pack: the user's (check --rules),
 * the bureau template's, else the shipped self-eval pack.
 */
export function selfEvaluationFamily(settings?: SelfEvaluationSettings): RuleFamily {
  return {
    name: "self-evaluation",
    rules: [...Object.values(selfEvaluationRules), ...Object.values(summaryRules)],
    check(context) {
      const forms: CheckedForm[] = [];
      for (const table of context.tables) {
        if (table.kind !== "project-self-evaluation") continue;
        const formSettings = settings ?? selfEvaluationSettingsOf(namedPackFor(context, table.sheet, "self-eval") ?? builtinPack("self-eval"));
        const check = new SelfEvaluationCheck(context, table, formSettings);
        const scores = check.run();
        forms.push({
          form: check.form,
          table,
          ...(scores.total !== undefined ? { total: scores.total } : {}),
          ...(check.form.totalScore ? { totalCell: check.form.totalScore } : {}),
          ...(scores.execution ? { execution: scores.execution } : {}),
        });
      }
      for (const table of context.tables) if (table.kind === "self-evaluation-summary") checkSummary(context, table, forms);
      for (const entry of forms) checkStatedBreakdowns(context, entry.table);
      if (forms.length > 0) checkNarrativeRates(context, forms);
    },
  };
}
