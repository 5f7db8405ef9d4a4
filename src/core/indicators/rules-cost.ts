// Cost indicators against the project's funds (RULES 3.5, 2.4, P14): the total cost row and the
// cost components must fit the 年度预算资金总额; components written in 元 whose numbers only make
// sense as 万元; a per-unit standard × its quantity far above the funds. All amounts in 万元, decimal.js.
import Decimal from "decimal.js";
import { amountInWanYuan } from "./value-grammar";
import { isCostRole, type AnalysedRow, type IndicatorRule } from "./rule";
import type { PackThresholds } from "../packs/schema";

const TOTAL_NAME = /总成本|总金额|投入财政资金|成本总额|总投入|总费用|总额/;
const STANDARD_NAME = /标准|人均|户均|单位成本|平均|单价|每人|每户|每次|每场/;

interface CostRows {
  readonly total?: { row: AnalysedRow; amount: Decimal };
  readonly components: ReadonlyArray<{ row: AnalysedRow; amount: Decimal }>;
  readonly standards: readonly AnalysedRow[];
}

/** A cost row's amount in 万元: the cap of a ≤ target, the figure of an = or bare one. */
function costAmount(row: AnalysedRow): Decimal | undefined {
  const value = row.value;
  if (value === undefined || value.unitReading === undefined || value.unitReading.per.length > 0) return undefined;
  if (value.form !== "comparison" && value.form !== "bare-number" && value.form !== "approx") return undefined;
  return amountInWanYuan(value);
}

/** Three cost rules read a block's cost rows: they are split (and their amounts made) once per block. */
const SPLIT_ROWS = new WeakMap<readonly AnalysedRow[], CostRows>();

export function splitCostRows(rows: readonly AnalysedRow[]): CostRows {
  let split = SPLIT_ROWS.get(rows);
  if (!split) SPLIT_ROWS.set(rows, (split = splitUncached(rows)));
  return split;
}

function splitUncached(rows: readonly AnalysedRow[]): CostRows {
  let total: CostRows["total"];
  const components: Array<{ row: AnalysedRow; amount: Decimal }> = [];
  const standards: AnalysedRow[] = [];
  for (const row of rows) {
    if (!isCostRole(row.level2Role) || row.value === undefined) continue;
    if ((row.value.unitReading?.per.length ?? 0) > 0 || STANDARD_NAME.test(row.name)) {
      standards.push(row);
      continue;
    }
    const amount = costAmount(row);
    if (amount === undefined) continue;
    if (TOTAL_NAME.test(row.name) && total === undefined) total = { row, amount };
    else components.push({ row, amount });
  }
  return { total, components, standards };
}

/** RULES 3.0: silent up to the tolerance, info up to n × 0.005 (capped), error beyond. */
function excessSeverity(excess: Decimal, parts: number, thresholds: PackThresholds): "none" | "info" | "error" {
  if (excess.lessThanOrEqualTo(thresholds.toleranceWanYuan)) return "none";
  const rounding = Decimal.min(new Decimal(thresholds.roundingPerPartWanYuan).times(parts), thresholds.roundingCapWanYuan);
  return excess.lessThanOrEqualTo(rounding) ? "info" : "error";
}

const wan = (amount: Decimal): string => `${amount.toDecimalPlaces(2).toFixed(2)} 万元`;

export const costExceedsBudgetRule: IndicatorRule = {
  meta: {
    id: "indicators/cost-exceeds-budget",
    category: "cost-exceeds-budget",
    defaultSeverity: "error",
    description: { zh: "成本指标不得超过项目资金，成本构成不得超过总成本", en: "cost indicators must not exceed the project's funds, nor components the total cost" },
    messages: {
      totalOverFunds: { zh: "总成本“{name}” {total} 超过年度预算资金总额 {funds}", en: "total cost “{name}” {total} exceeds the annual funds {funds}" },
      componentsOverTotal: { zh: "成本构成合计 {sum} 超过总成本 {total}", en: "cost components add up to {sum}, more than the total cost {total}" },
      componentsOverFunds: { zh: "成本构成合计 {sum} 超过年度预算资金总额 {funds}", en: "cost components add up to {sum}, more than the annual funds {funds}" },
      componentsBelowFunds: { zh: "成本构成合计 {sum} 低于年度预算资金总额 {funds}", en: "cost components add up to {sum}, less than the annual funds {funds}" },
      moneyOutputsOverFunds: { zh: "产出指标中的金额合计 {sum} 超过项目资金 {funds}", en: "money amounts in the output rows add up to {sum}, more than the project's funds {funds}" },
    },
  },
  check(context) {
    const { block } = context;
    const thresholds = block.pack.thresholds;
    const funds = block.context.funds;
    const { total, components } = splitCostRows(block.rows);
    const range = block.context.fundsCell;
    const componentCells = components.map((component) => component.row.input.value?.cell ?? "").filter(Boolean).join(",");
    const sum = components.reduce((acc, component) => acc.plus(component.amount), new Decimal(0));
    if (funds === undefined) {
      if (total !== undefined || components.length > 0)
        context.notChecked(block.context.fundsUncertain ?? { zh: "未读到年度预算资金总额，无法核对成本指标", en: "no annual funds figure was read, so the cost indicators could not be checked against it" });
    } else if (total !== undefined) {
      const severity = excessSeverity(total.amount.minus(funds), 1, thresholds);
      if (severity !== "none") {
        context.report({ messageId: "totalOverFunds", cell: total.row.input.value?.cell ?? "", range, severity, data: { name: total.row.name, total: wan(total.amount), funds: wan(funds) }, expected: `≤ ${wan(funds)}`, actual: wan(total.amount) });
      }
    }
    if (components.length >= 2 || (components.length === 1 && total === undefined)) {
      const first = components[0]?.row.input.value?.cell ?? "";
      if (total !== undefined) {
        const severity = excessSeverity(sum.minus(total.amount), components.length, thresholds);
        if (severity !== "none") {
          context.report({ messageId: "componentsOverTotal", cell: total.row.input.value?.cell ?? first, range: componentCells, severity, data: { sum: wan(sum), total: wan(total.amount) }, expected: `≤ ${wan(total.amount)}`, actual: wan(sum) });
        }
      } else if (funds !== undefined) {
        const severity = excessSeverity(sum.minus(funds), components.length, thresholds);
        if (severity !== "none") {
          context.report({ messageId: "componentsOverFunds", cell: first, range: componentCells, severity, data: { sum: wan(sum), funds: wan(funds) }, expected: `≤ ${wan(funds)}`, actual: wan(sum) });
        } else if (funds.minus(sum).greaterThan(thresholds.toleranceWanYuan) && components.length >= 2 && !block.rows.some((row) => isCostRole(row.level2Role) && row.input.valueUncalculated)) {
          context.report({ messageId: "componentsBelowFunds", cell: first, range: componentCells, severity: "info", data: { sum: wan(sum), funds: wan(funds) } });
        }
      }
    }
    // Money planned in output rows (发放金额 …) cannot exceed the funds either (RULES 6, 004 人才发展).
    if (funds !== undefined) {
      const outputs = block.rows.filter((row) => row.level1Role === "output" && !isCostRole(row.level2Role));
      const amounts = outputs.map((row) => ({ row, amount: costAmount(row) })).filter((entry): entry is { row: AnalysedRow; amount: Decimal } => entry.amount !== undefined);
      const outputSum = amounts.reduce((acc, entry) => acc.plus(entry.amount), new Decimal(0));
      if (amounts.length > 0 && excessSeverity(outputSum.minus(funds), amounts.length, thresholds) === "error") {
        context.report({ messageId: "moneyOutputsOverFunds", cell: amounts[0]?.row.input.value?.cell ?? "", severity: "warning", data: { sum: wan(outputSum), funds: wan(funds) }, expected: `≤ ${wan(funds)}`, actual: wan(outputSum) });
      }
    }
  },
};

export const yuanForWanRule: IndicatorRule = {
  meta: {
    id: "indicators/yuan-for-wan",
    category: "unit-mismatch",
    defaultSeverity: "error",
    description: { zh: "以“元”填写但实为“万元”的成本构成", en: "cost components written in 元 that are really 万元" },
    messages: {
      yuanMeantWan: {
        zh: "“{name}”写作 {value}，按万元读才与总成本 {total} 相符（应为“万元”）",
        en: "“{name}” is written {value}; only read as 万元 do the components add up to the total {total} (write 万元)",
      },
    },
  },
  check(context) {
    const { block } = context;
    const { total, components } = splitCostRows(block.rows);
    const target = total?.amount ?? block.context.funds;
    if (target === undefined || components.length === 0) return;
    const inYuan = components.filter((component) => component.row.value?.unitReading?.base === "元" && component.row.value.unitReading.scale === 1);
    if (inYuan.length === 0) return;
    const tolerance = new Decimal(block.pack.thresholds.toleranceWanYuan);
    const asWritten = components.reduce((acc, component) => acc.plus(component.amount), new Decimal(0));
    const asWan = components.reduce((acc, component) => acc.plus(inYuan.includes(component) ? component.amount.times(10000) : component.amount), new Decimal(0));
    if (asWan.minus(target).abs().lessThanOrEqualTo(tolerance) && asWritten.minus(target).abs().greaterThan(tolerance)) {
      for (const component of inYuan) {
        const cell = component.row.input.value?.cell ?? "";
        context.report({ messageId: "yuanMeantWan", cell, data: { name: component.row.name, value: component.row.value?.text.trim() ?? "", total: wan(target) }, expected: `${component.row.value?.value?.toString() ?? ""} 万元`, actual: component.row.value?.text.trim() });
      }
    }
  },
};

/** How many of a time unit make a year, for per-unit standards priced per month or per year. */
const PER_YEAR: Readonly<Record<string, number>> = { 年: 1, 月: 12, 季度: 4, 季: 4 };

/** A unit standard that can be multiplied out: a fixed money amount per one kind of count (per year at most). */
interface PricedStandard {
  readonly perUnitWan: Decimal;
  /** How many times a year the standard is paid (元/人/月 → 12). */
  readonly perYear: Decimal;
  /** True when the unit names a period (元/人/年, 元/月/人). */
  readonly periodic: boolean;
  /** The count the standard is priced by (人, 户 …), when the unit names one. */
  readonly countPart?: string;
}

function pricedStandard(row: AnalysedRow): PricedStandard | undefined {
  const value = row.value;
  const unit = value?.unitReading;
  if (value?.value === undefined || unit === undefined || unit.family !== "money" || unit.currencyMissing || value.high !== undefined) return undefined;
  let perYear = new Decimal(1);
  let periodic = false;
  const countParts: string[] = [];
  for (const part of unit.per) {
    if (part in PER_YEAR) {
      perYear = perYear.times(PER_YEAR[part] ?? 1);
      periodic = true;
    } else if (/^(天|日|小时|h|周)$/.test(part)) return undefined; // paid per day or hour: the count of days is unknown
    else countParts.push(part);
  }
  if (countParts.length > 1) return undefined;
  const perUnitWan = amountInWanYuan(value);
  if (perUnitWan === undefined) return undefined;
  return { perUnitWan, perYear, periodic, ...(countParts[0] !== undefined ? { countPart: countParts[0] } : {}) };
}

/** Names of a standard paid to each person: 补贴标准, 人均…, 每人…. */
const PER_HEAD_NAME = /标准|人均|每人|单价|平均/;

/** A 数量 row with one firm count (≥65 户, =3 人), not a range. */
function isFirmCount(row: AnalysedRow): boolean {
  return row.level2Role === "quantity" && row.value?.unitFamily === "count" && row.value.value !== undefined && row.value.high === undefined;
}

/** What a cost, standard or count row is about: its name without the words for standard, count or amount. */
export function costSubject(name: string): string {
  return name
    .replace(/\s/g, "")
    .replace(/(人均|户均|单位|平均)?(标准|成本)$/, "")
    .replace(/(人数|户数|数量|人次|次数|个数|金额|费用|支出)$/, "")
    .replace(/^(发放|支付|拨付|享受)/, "");
}

export const unitCostRatioRule: IndicatorRule = {
  meta: {
    id: "indicators/unit-cost-ratio",
    category: "ratio-mismatch",
    defaultSeverity: "warning",
    description: { zh: "单位成本标准 × 数量不应明显超过项目资金", en: "a per-unit standard × its quantity should not far exceed the project's funds" },
    messages: {
      productOverFunds: {
        zh: "“{name}” {standard} × {quantity}（{quantityName}）= {product}，超过项目资金 {funds} 的 {percent}%",
        en: "“{name}” {standard} × {quantity} ({quantityName}) = {product}, {percent}% above the funds {funds}",
      },
      productVsComponent: {
        zh: "“{name}” {standard} × {quantity}（{quantityName}）= {product}，与成本“{componentName}” {component} 不符",
        en: "“{name}” {standard} × {quantity} ({quantityName}) = {product}, which does not match the cost “{componentName}” {component}",
      },
    },
  },
  check(context) {
    const { block } = context;
    const { standards, components } = splitCostRows(block.rows);
    const tolerance = new Decimal(1).plus(block.pack.thresholds.perUnitRatioMax);
    const checkedAgainstComponent = new Set<AnalysedRow>();
    // RULES 3.5: a unit standard × its quantity should give the cost component of the same subject
    // (荣誉津贴人均标准 × 荣誉津贴人数 ≈ 发放荣誉津贴金额). The component may be written in 元 where 万元
    // is meant; that slip is its own finding, so either reading of it counts as agreeing.
    for (const standard of standards) {
      const priced = pricedStandard(standard);
      // Only a plain per-unit standard (元/人), which a single count multiplies out.
      if (!priced || priced.periodic || priced.countPart === undefined) continue;
      const subject = costSubject(standard.name);
      if (subject.length < 2) continue;
      const quantity = block.rows.find((row) => isFirmCount(row) && costSubject(row.name) === subject);
      const component = components.find((entry) => costSubject(entry.row.name) === subject);
      if (!quantity || !component) continue;
      checkedAgainstComponent.add(standard);
      const product = priced.perUnitWan.times(quantity.value!.value!.times(quantity.value!.unitReading?.scale ?? 1));
      const literal = component.amount;
      const asWan = component.row.value?.unitReading?.base === "元" && component.row.value.value !== undefined ? component.row.value.value : literal;
      // A ceiling (≤ 4 万元) is kept when the product stays under it; a stated amount (= 1.46) must match.
      const isCeiling = component.row.value?.operator === "≤" || component.row.value?.operator === "<";
      const agrees = (amount: Decimal) =>
        amount.greaterThan(0) && product.lessThanOrEqualTo(amount.times(tolerance)) && (isCeiling || amount.lessThanOrEqualTo(product.times(tolerance)));
      if (agrees(literal) || agrees(asWan)) continue;
      context.report({
        messageId: "productVsComponent",
        cell: standard.input.value?.cell ?? "",
        range: component.row.input.value?.cell,
        data: {
          name: standard.name,
          standard: standard.value!.text.trim(),
          quantity: quantity.value!.text.trim(),
          quantityName: quantity.name,
          product: wan(product),
          componentName: component.row.name,
          component: component.row.value?.text.trim() ?? "",
        },
        expected: wan(product),
        actual: component.row.value?.text.trim() ?? "",
      });
    }
    const funds = block.context.funds;
    if (funds === undefined || funds.lessThanOrEqualTo(0)) return;
    const quantities = block.rows.filter(isFirmCount);
    const limit = funds.times(1 + block.pack.thresholds.perUnitRatioMax);
    for (const standard of standards) {
      if (checkedAgainstComponent.has(standard)) continue;
      const priced = pricedStandard(standard);
      if (!priced) continue;
      const { perUnitWan, perYear } = priced;
      const value = standard.value!;
      // The quantity the standard is priced by: a 数量 row counted in the same unit (人 ↔ 人/名). A rate
      // per period only (万元/年, 元/月) is per person only when its name says it is a standard.
      if (priced.countPart === undefined && !PER_HEAD_NAME.test(standard.name)) continue;
      const countPart = priced.countPart ?? "人";
      const related = quantities.filter((row) => {
        const base = row.value?.unitReading?.base ?? "";
        return base === countPart || (countPart === "人" && base === "名") || (countPart === "生" && base === "人");
      });
      if (related.length === 0) continue;
      // Only flag when every candidate quantity gives too much: the quantity may be only partly paid here.
      const products = related.map((row) => ({ row, product: perUnitWan.times(perYear).times((row.value?.value ?? new Decimal(0)).times(row.value?.unitReading?.scale ?? 1)) }));
      if (!products.every((entry) => entry.product.greaterThan(limit))) continue;
      const smallest = products.reduce((a, b) => (a.product.lessThan(b.product) ? a : b));
      const percent = smallest.product.dividedBy(funds).minus(1).times(100).toDecimalPlaces(0).toString();
      context.report({
        messageId: "productOverFunds",
        cell: standard.input.value?.cell ?? "",
        range: smallest.row.input.value?.cell,
        data: {
          name: standard.name,
          standard: value.text.trim() + (perYear.greaterThan(1) ? ` × ${perYear.toString()}` : ""),
          quantity: smallest.row.value?.text.trim() ?? "",
          quantityName: smallest.row.name,
          product: wan(smallest.product),
          funds: wan(funds),
          percent,
        },
        expected: `≤ ${wan(limit)}`,
        actual: wan(smallest.product),
      });
    }
  },
};

