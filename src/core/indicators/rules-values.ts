// Rules on one 指标值 at a time: its form against what the 二级 needs (RULES 2.2, 2.5), its unit
// (2.4) and its plausibility (section 4: P1–P6).
import type { Level2Role } from "../packs/schema";
import { badEventDirection, groupName, isCostRole, misfiled, takesOperatorFromNature, type AnalysedRow, type IndicatorRule, type RuleContext } from "./rule";

/** 二级 roles whose target must be measurable (RULES 2.5). */
const QUANTITATIVE_ROLES: ReadonlySet<Level2Role> = new Set(["economic-cost", "cost", "quantity", "quality", "timeliness", "satisfaction"]);

function valueCell(row: AnalysedRow): string | undefined {
  return row.input.value?.cell;
}

/**
 * The cell a unit slip sits in: the 度量单位 column's, when the value took its unit from there (a value
 * split over 指标性质 | 指标值 | 度量单位), else the value's own.
 */
function unitCellOf(row: AnalysedRow, cell: string): string {
  const declared = row.declaredUnit;
  const raw = row.input.value?.text ?? "";
  if (declared?.source === "column" && declared.cell && declared.contradicted === undefined && row.value?.unit === declared.text && !raw.includes(declared.text)) return declared.cell;
  return cell;
}

/** The cell an operator slip sits in: the 指标性质 column's, when the value took its operator from there. */
function operatorCellOf(row: AnalysedRow, cell: string): string {
  return row.input.nature && takesOperatorFromNature(row.input) ? row.input.nature.cell : cell;
}

function each(context: RuleContext, visit: (row: AnalysedRow, cell: string) => void): void {
  for (const row of context.block.rows) {
    const cell = valueCell(row);
    if (row.value !== undefined && cell !== undefined) visit(row, cell);
  }
}

export const valueFormatRule: IndicatorRule = {
  meta: {
    id: "indicators/value-format",
    category: "indicator-value-format",
    defaultSeverity: "warning",
    description: { zh: "指标值应为可衡量的目标（运算符、数值、单位）", en: "a 指标值 must be a measurable target (operator, number, unit)" },
    messages: {
      garbled: { zh: "指标值“{value}”是占位符或乱码，没有可用的数值", en: "指标值 “{value}” is a placeholder or garbled: no usable number" },
      descriptive: { zh: "指标值“{value}”无法衡量（{group}需要量化目标）", en: "指标值 “{value}” is not measurable ({group} needs a quantitative target)" },
      qualitative: { zh: "{group}的指标值“{value}”是定性描述，应为量化目标", en: "指标值 “{value}” under {group} is qualitative; a quantitative target is expected" },
      datePeriod: { zh: "日期/期限“{value}”只适用于时效指标，却填在{group}下", en: "a date or period “{value}” fits only 时效指标, yet sits under {group}" },
      notApplicable: { zh: "“{value}”不适用于{group}（只允许用于社会成本、生态成本、经济/生态效益、可持续影响）", en: "“{value}” is not allowed under {group} (only under social/ecological cost, economic/ecological benefit, sustainability)" },
      noUnit: { zh: "{group}的指标值“{value}”没有单位（万元？元？）", en: "指标值 “{value}” under {group} has no unit (万元? 元?)" },
      noCurrency: { zh: "指标值“{value}”是单位标准但缺少货币单位（元？）", en: "指标值 “{value}” is a per-unit rate with no currency (元?)" },
      rangeReversed: { zh: "区间“{value}”上限小于下限", en: "range “{value}” has its upper end below its lower end" },
      quantitativeWithoutNumber: {
        zh: "指标值类型为“{type}”（{typeCell}），指标值“{value}”却没有数值",
        en: "the target kind is “{type}” ({typeCell}), but the value “{value}” holds no number",
      },
    },
  },
  check(context) {
    const notApplicableAllowed = new Set(context.block.pack.notApplicableAllowed);
    each(context, (row, cell) => {
      const value = row.value;
      if (value === undefined) return;
      const role = row.level2Role;
      // The message data is spelled out only for a row that is reported (most rows are not).
      const dataOf = () => ({ value: value.text.trim(), group: groupName(row), label: value.label ?? "", low: value.value?.toString() ?? "", high: value.high?.toString() ?? "" });
      const report = (messageId: string, severity?: "error" | "warning" | "info") => {
        const data = dataOf();
        context.report({ messageId, cell, data, severity, actual: data.value });
      };
      // Under a 二级 filed beneath the wrong 一级 the taxonomy finding speaks for the row.
      const needsNumber = role !== undefined && QUANTITATIVE_ROLES.has(role) && !misfiled(row);
      // The form declares the target quantitative (定量) and the value has no number: the form contradicts itself.
      if (row.declaredType?.type === "quantitative" && value.value === undefined && value.form !== "not-applicable" && value.form !== "garbled") {
        const data = dataOf();
        context.report({ messageId: "quantitativeWithoutNumber", cell, data: { ...data, type: row.declaredType.text, typeCell: row.declaredType.cell }, actual: data.value });
        return;
      }
      // A target the form itself declares qualitative (定性) may be words: only its unit can contradict it.
      if (row.declaredType?.type === "qualitative" && (value.form === "descriptive" || value.form === "qualitative")) return;
      switch (value.form) {
        case "garbled":
          // Ending in a comma is a cut-off text (truncated-text); a zeroed number is a placeholder.
          if (!value.hints.includes("ends-with-punctuation")) report("garbled", "error");
          return;
        case "yes-no":
        case "approx":
        case "change-word+number":
        case "embedded":
          // How the value is written: the grouped style rules (rules-style.ts) report it.
          return;
        case "descriptive":
          if (needsNumber || role === "duty") report("descriptive");
          return;
        case "qualitative":
          // Under 质量/时效 a word is a habit of writing (indicators/value-qualitative); under a cost,
          // a count or satisfaction it leaves the target unmeasurable.
          if (needsNumber && role !== "quality" && role !== "timeliness") report("qualitative");
          return;
        case "date-or-period":
          if (value.hints.includes("range-reversed")) report("rangeReversed");
          if (role !== "timeliness" && role !== undefined && role !== "budget-management" && role !== "duty") report("datePeriod");
          return;
        case "not-applicable": {
          const alsoNameNotApplicable = /^(不涉及|无)$/.test(row.name);
          if (role !== undefined && !notApplicableAllowed.has(role) && !alsoNameNotApplicable && context.block.pack.formKind !== "department") report("notApplicable");
          return;
        }
        case "range":
          if (value.hints.includes("range-reversed")) report("rangeReversed");
          break;
        default:
          break;
      }
      if (isCostRole(role) && value.value !== undefined) {
        if (value.unitReading?.currencyMissing) report("noCurrency");
        else if (value.unit === undefined) report("noUnit");
      } else if (value.unitReading?.currencyMissing && (role === undefined || role === "quantity")) {
        report("noCurrency");
      }
    });
  },
};

/**
 * A name that counts things: …数量, or a noun + 数 (人数, 户数, 单位数, 期数). Not 指数/系数/分数 (measures),
 * 天数 (a duration) or 预算数/执行数 (sums of money).
 */
const HEADCOUNT_NAME = /人数|人员数量|人员数|人次|户数|个数|次数|场次|数量|家数|套数|座数|(?<![指系分天倍])(?<!预算|执行|决算|结余|结转|金额|资金|经费|总)数$/;
const MONEY_NAME = /费用|成本|金额|资金|经费|补贴标准|补助标准|单价|造价|投资|预算/;
/** A name that measures a rate: 完成率, 合格率, 覆盖率 (not 效率 or 频率, which are not shares). */
const RATE_NAME = /(?<![效频功汇税利])率$/;
/** The direction findings: about the operator, so at the 指标性质 cell when it holds the operator. */
const OPERATOR_MESSAGES: ReadonlySet<string> = new Set(["costFloor", "badEventUp", "outputCapped"]);
const DURATION_NAME = /时间|时限|期限|周期|用时|天数|时长|年限/;

export const unitMismatchRule: IndicatorRule = {
  meta: {
    id: "indicators/unit-mismatch",
    category: "unit-mismatch",
    defaultSeverity: "warning",
    description: { zh: "指标值的单位应与指标相符", en: "the unit of a 指标值 must fit its indicator" },
    messages: {
      costNotMoney: { zh: "成本指标“{name}”的指标值“{value}”单位为“{unit}”，应为金额（元/万元）", en: "cost indicator “{name}” has “{value}” in {unit}; a money unit (元/万元) is expected" },
      moneyForCount: { zh: "“{name}”是数量类指标，指标值“{value}”却是金额", en: "“{name}” counts people or items, but its value “{value}” is money" },
      countForMoney: { zh: "“{name}”是金额类指标，指标值“{value}”却是“{unit}”", en: "“{name}” is an amount of money, but its value “{value}” is in {unit}" },
      satisfactionNoPercent: { zh: "满意度指标“{name}”的指标值“{value}”应为百分比", en: "satisfaction indicator “{name}” should have a percentage target, not “{value}”" },
      durationAsPercent: { zh: "“{name}”是时间/期限类指标，指标值“{value}”却是百分比", en: "“{name}” is a time or deadline, but its target “{value}” is a percentage" },
      ownUnitContradicts: {
        zh: "指标值“{value}”自带单位“{unit}”，与{where}的“{declared}”矛盾",
        en: "the value “{value}” carries the unit {unit}, which contradicts {whereEn} “{declared}”",
      },
      unitWithoutNumber: {
        zh: "指标值“{value}”没有数值，计量单位却为“{declared}”（{declaredCell}）",
        en: "the value “{value}” holds no number, yet its unit column says “{declared}” ({declaredCell})",
      },
      rateNoPercent: { zh: "“{name}”是比率，指标值“{value}”却没有“%”", en: "“{name}” is a rate, but its target “{value}” has no “%”" },
    },
  },
  check(context) {
    each(context, (row, cell) => {
      const value = row.value;
      const declared = row.declaredUnit;
      if (value !== undefined && declared?.contradicted !== undefined) {
        const where = declared.source === "column" ? { zh: `计量单位（${declared.cell ?? ""}）`, en: `the unit column (${declared.cell ?? ""})` } : { zh: "三级指标名称", en: "the 三级 name" };
        context.report({ messageId: "ownUnitContradicts", cell, data: { value: value.text.trim(), unit: declared.contradicted, declared: declared.text, where: where.zh, whereEn: where.en }, actual: value.text.trim() });
        return;
      }
      // A qualitative target (应保尽保) with a measuring unit beside it: the unit belongs to no number.
      if (value !== undefined && value.value === undefined && declared?.source === "column" && (value.form === "qualitative" || value.form === "descriptive")) {
        context.report({ messageId: "unitWithoutNumber", cell, data: { value: value.text.trim(), declared: declared.text, declaredCell: declared.cell ?? "" }, actual: value.text.trim() });
        return;
      }
      if (value === undefined || value.value === undefined || value.form === "garbled") return;
      const family = value.unitFamily;
      const data = { name: row.name, value: value.text.trim(), unit: value.unit ?? "" };
      const report = (messageId: string, severity?: "error" | "warning" | "info") => context.report({ messageId, cell: unitCellOf(row, cell), data, severity, actual: data.value });
      const role = row.level2Role;
      const isSatisfaction = role === "satisfaction" || (row.name.includes("满意") && row.level1Role !== "input");
      if (isCostRole(role)) {
        if (family === "count" || family === "time") report("costNotMoney", "error");
        else if (family === "physical") report("costNotMoney");
      } else if (isSatisfaction) {
        if (family !== "percent" && value.form !== "range") report("satisfactionNoPercent");
      } else if (family === "money" && !value.unitReading?.currencyMissing && HEADCOUNT_NAME.test(row.name) && !MONEY_NAME.test(row.name)) {
        report("moneyForCount");
      } else if (family === "count" && MONEY_NAME.test(row.name) && !HEADCOUNT_NAME.test(row.name) && !/率|数/.test(row.name)) {
        report("countForMoney");
      } else if (family === "percent" && DURATION_NAME.test(row.name) && !/率/.test(row.name)) {
        report("durationAsPercent");
      } else if (family === "count" && RATE_NAME.test(row.name) && !HEADCOUNT_NAME.test(row.name)) {
        // A rate (核准率) counted in 人 or 个: the unit belongs to another indicator.
        report("rateNoPercent");
      } else if (value.unit === undefined && RATE_NAME.test(row.name) && (value.form === "comparison" || value.form === "bare-number") && value.value.gt(0) && value.value.lte(100) && !value.value.lte(1)) {
        // A rate written `≥ 90` (no unit anywhere: not in the value, its column or the name). Read as a
        // percentage it is plausible, but the form does not say so. A fraction (≤ 1) is another habit.
        report("rateNoPercent");
      }
    });
  },
};

const GROWTH_NAME = /增长|增幅|提升率|提高率|增加率|变动率|同比|环比|倍/;
const CAP_NAME = /用水|用电|用气|能耗|耗|控制|成本|费用|时间|时长|天数|期限|周期|时限|用时|率差|偏差|调整率|结转|结余|变动|误差|占比|比例|负债|上限|不超过|损耗|能耗|单价|标准/;

export const implausibleValueRule: IndicatorRule = {
  meta: {
    id: "indicators/value-implausible",
    category: "indicator-value-implausible",
    defaultSeverity: "warning",
    description: { zh: "指标值应合理（比率 ≤100%，满意度不低于阈值，运算符方向正确）", en: "a 指标值 must be plausible (rates ≤ 100%, satisfaction above the threshold, operators pointing the right way)" },
    messages: {
      rateAbove100: { zh: "“{name}”的目标 {value} 超过 100%", en: "“{name}” has a target of {value}, above 100%" },
      satisfactionLow: { zh: "满意度目标 {value} 低于 {threshold}%", en: "satisfaction target {value} is below {threshold}%" },
      satisfactionBelowUsual: { zh: "满意度目标 {value} 低于通常的 {threshold}%", en: "satisfaction target {value} is below the usual {threshold}%" },
      satisfactionFull: { zh: "满意度目标为 100%，难以核实，需提供依据", en: "a satisfaction target of exactly 100% is hard to verify; evidence is needed" },
      zeroTarget: { zh: "“{name}”的目标为 0（{group}）", en: "“{name}” has a target of zero ({group})" },
      costFloor: { zh: "成本指标“{name}”使用“{operator}”（下限）：成本应设上限（≤）", en: "cost indicator “{name}” uses “{operator}” (a floor); a cost should be capped (≤)" },
      badEventUp: { zh: "“{name}”是不良事件类指标，应使用 ≤、< 或 =0，而不是“{operator}”", en: "“{name}” counts unwanted events; use ≤, < or =0, not “{operator}”" },
      outputCapped: { zh: "{group}“{name}”使用“{operator}”（上限）：产出/质量/满意度应设下限（≥）", en: "{group} “{name}” uses “{operator}” (a cap); outputs, quality and satisfaction should use ≥" },
      lowQualityRate: { zh: "{group}“{name}”的目标 {value} 低于 {threshold}%", en: "{group} “{name}” has a target of {value}, below {threshold}%" },
    },
  },
  check(context) {
    const thresholds = context.block.pack.thresholds;
    each(context, (row, cell) => {
      const value = row.value;
      if (value === undefined || value.value === undefined || value.form === "garbled" || value.form === "change-word+number") return;
      const role = row.level2Role;
      const operator = value.operator ?? "=";
      // The message's data is put together only for a row that draws a finding.
      const report = (messageId: string, severity?: "error" | "warning" | "info", threshold?: number) => {
        const shown = value.text.trim();
        const data = { name: row.name, value: shown, group: groupName(row), operator, threshold: threshold ?? 0 };
        context.report({ messageId, cell: OPERATOR_MESSAGES.has(messageId) ? operatorCellOf(row, cell) : cell, data, severity, actual: shown });
      };
      const percent = value.unitFamily === "percent";
      const number = value.number ?? value.value.toNumber();
      const top = value.high === undefined ? number : (value.highNumber ?? value.high.toNumber());
      // The verb governs the direction: 投诉次数 points down, 挽回损失 or 投诉处理率 up, 减少损失 either way.
      const direction = badEventDirection(row.name);
      const badEvent = direction !== undefined && direction !== "up";
      const isSatisfaction = role === "satisfaction" || (percent && row.name.includes("满意") && row.level1Role !== "input");

      // P1: a rate above 100%, unless it measures growth.
      if (percent && top > 100 && !GROWTH_NAME.test(row.name)) report("rateAbove100", "error");
      // P2/P3: satisfaction thresholds.
      if (isSatisfaction && percent && operator !== "≤" && operator !== "<") {
        if (number < thresholds.satisfactionMin) report("satisfactionLow", "warning", thresholds.satisfactionMin);
        else if (number < thresholds.satisfactionUsual) report("satisfactionBelowUsual", "info", thresholds.satisfactionUsual);
        else if (number === 100 && operator === "=") report("satisfactionFull", "info");
      }
      // P4: zero targets, except counts of unwanted events and rates meant to be zero.
      if (number === 0 && value.high === undefined && (role === "quantity" || isCostRole(role)) && !badEvent && !percent) report("zeroTarget");
      // P5: operator direction.
      if (isCostRole(role) && (operator === "≥" || operator === ">") && value.unitFamily === "money") report("costFloor");
      else if (direction === "down" && (operator === "≥" || operator === ">")) report("badEventUp");
      else if (
        (role === "quantity" || role === "quality" || isSatisfaction) &&
        (operator === "≤" || operator === "<") &&
        !badEvent &&
        !CAP_NAME.test(row.name) &&
        value.unitFamily !== "money" &&
        value.unitFamily !== "time"
      ) {
        report("outputCapped");
      }
      // P6: low quality or timeliness rates.
      if ((role === "quality" || role === "timeliness") && percent && !badEvent && !CAP_NAME.test(row.name) && (operator === "≥" || operator === "=" || operator === ">") && number < thresholds.qualityRateInfoBelow) {
        report("lowQualityRate", "info", thresholds.qualityRateInfoBelow);
      }
    });
  },
};
