// How a 指标值 is written, as opposed to whether it is wrong (RULES 2.2, 2.4): a question instead of a
// target, an approximate count, a change without its base, a qualitative word where a rate is
// usual, a label inside the value, a range, 万 without 元. A sheet of forms written in one hand repeats
// the same habit row after row and form after form, so each habit is reported once per sheet, naming
// every cell it was seen in; each habit has its own rule id, so a bureau pack can switch it off or
// change its severity.
import type { Bilingual } from "../report/i18n";
import type { FindingCategory, Severity } from "../report/vocabulary";
import type { IndicatorValueReading } from "./value-grammar";
import { groupName, isCostRole, misfiled, type AnalysedRow, type IndicatorRule, type IndicatorRuleMeta } from "./rule";

/** How many cells a grouped message names before it says "and N more". */
const LISTED_CELLS = 6;

interface StyleRuleSpec {
  readonly id: string;
  readonly category?: FindingCategory;
  readonly description: Bilingual;
  readonly defaultSeverity: Severity;
  /** The message for one cell ({value}, {group}, {label}, {low}, {high}). */
  readonly one: Bilingual;
  /** The message for several cells of one form ({count}, {list}). */
  readonly many: Bilingual;
  /** Whether the row shows the habit, and at which severity (undefined: the rule's default). */
  readonly select: (row: AnalysedRow, value: IndicatorValueReading) => boolean | Severity;
}

function listOf(items: readonly { cell: string; value: string }[]): Bilingual {
  const shown = items.slice(0, LISTED_CELLS).map((item) => `${item.cell}“${item.value}”`);
  const rest = items.length - shown.length;
  return {
    zh: shown.join("、") + (rest > 0 ? ` 等 ${items.length} 处` : ""),
    en: shown.join(", ") + (rest > 0 ? ` and ${rest} more` : ""),
  };
}

function styleRule(spec: StyleRuleSpec): IndicatorRule {
  const meta: IndicatorRuleMeta = {
    id: spec.id,
    category: spec.category ?? "indicator-value-format",
    defaultSeverity: spec.defaultSeverity,
    description: spec.description,
    messages: { one: spec.one, many: spec.many },
    scope: "sheet",
  };
  return {
    meta,
    check(context) {
      const bySeverity = new Map<Severity, { cell: string; value: string; row: AnalysedRow; reading: IndicatorValueReading }[]>();
      for (const row of context.block.rows) {
        const reading = row.value;
        const cell = row.input.value?.cell;
        if (reading === undefined || cell === undefined) continue;
        const selected = spec.select(row, reading);
        if (selected === false) continue;
        const severity = selected === true ? spec.defaultSeverity : selected;
        const members = bySeverity.get(severity) ?? [];
        members.push({ cell, value: reading.text.trim(), row, reading });
        bySeverity.set(severity, members);
      }
      for (const [severity, members] of bySeverity) {
        const first = members[0];
        if (first === undefined) continue;
        if (members.length === 1) {
          const { reading, row } = first;
          const data = { value: first.value, group: groupName(row), label: reading.label ?? "", low: reading.value?.toString() ?? "", high: reading.high?.toString() ?? "" };
          context.report({ messageId: "one", cell: first.cell, data, severity, actual: first.value });
        } else {
          context.report({
            messageId: "many",
            cell: first.cell,
            cells: members.slice(1).map((member) => member.cell),
            data: { count: members.length, list: listOf(members) },
            severity,
          });
        }
      }
    },
  };
}

export const questionValueRule = styleRule({
  id: "indicators/value-question",
  description: { zh: "指标值不应写成问句（是否…）", en: "a 指标值 should not be a question (是否…)" },
  defaultSeverity: "warning",
  one: { zh: "指标值“{value}”是问句而非目标，请填写“完成”“合格”或比率", en: "指标值 “{value}” is a question, not a target; write 完成/合格 or a rate" },
  many: { zh: "本工作表 {count} 个指标值是问句而非目标：{list}；请填写“完成”“合格”或比率", en: "{count} values on this sheet are questions, not targets: {list}; write 完成/合格 or a rate" },
  select: (_row, value) => value.form === "yes-no",
});

export const approximateValueRule = styleRule({
  id: "indicators/value-approximate",
  description: { zh: "数量和成本指标应给出确定目标，而非约数", en: "quantity and cost targets should be firm, not approximate" },
  defaultSeverity: "warning",
  one: { zh: "指标值“{value}”是约数，{group}应给出确定目标", en: "指标值 “{value}” is approximate; {group} needs a firm target" },
  many: { zh: "本工作表 {count} 个数量/成本指标值是约数：{list}；应给出确定目标", en: "{count} quantity or cost values on this sheet are approximate: {list}; give firm targets" },
  select: (row, value) => value.form === "approx" && (row.level2Role === "quantity" || isCostRole(row.level2Role)),
});

export const changeWordValueRule = styleRule({
  id: "indicators/value-change-word",
  description: { zh: "指标值只写变化幅度时应给出基数", en: "a target given as a change needs its base" },
  defaultSeverity: "warning",
  one: { zh: "指标值“{value}”只给出变化幅度，缺少基数和可测的比率", en: "指标值 “{value}” gives a change without its base; state the base and a measurable rate" },
  many: { zh: "本工作表 {count} 个指标值只给出变化幅度，缺少基数和可测的比率：{list}", en: "{count} values on this sheet give a change without its base: {list}; state the base and a measurable rate" },
  select: (_row, value) => value.form === "change-word+number",
});

export const qualitativeRateRule = styleRule({
  id: "indicators/value-qualitative",
  description: { zh: "质量、时效指标宜用比率或期限，而非定性描述", en: "quality and timeliness targets are best a rate or a deadline, not a word" },
  defaultSeverity: "warning",
  one: { zh: "{group}的指标值“{value}”是定性描述，应为量化目标", en: "指标值 “{value}” under {group} is qualitative; a quantitative target is expected" },
  many: { zh: "本工作表 {count} 个质量/时效指标值是定性描述：{list}；宜改为比率或期限", en: "{count} quality or timeliness values on this sheet are qualitative: {list}; a rate or a deadline is expected" },
  // 2.3 names the manner words (及时, 足额发放, 高质量) as the words of these rows: no note. State
  // words (合格, 完成) are for 制度/管理 rows: a soft note. Others (提升, 确保) leave the target open.
  select: (row, value) => {
    if (value.form !== "qualitative" || (row.level2Role !== "quality" && row.level2Role !== "timeliness") || misfiled(row)) return false;
    if (value.qualitativeKind === "manner") return false;
    return value.qualitativeKind === "state" ? "info" : true;
  },
});

export const embeddedLabelRule = styleRule({
  id: "indicators/value-embedded-label",
  description: { zh: "指标值中的文字应写入三级指标名称", en: "words inside a 指标值 belong in the 三级 name" },
  defaultSeverity: "info",
  one: { zh: "指标值“{value}”含文字“{label}”，该文字应写入三级指标名称", en: "指标值 “{value}” carries the label “{label}”, which belongs in the 三级 name" },
  many: { zh: "本工作表 {count} 个指标值含说明文字：{list}；这些文字应写入三级指标名称", en: "{count} values on this sheet carry labels: {list}; the words belong in the 三级 names" },
  select: (_row, value) => value.form === "embedded",
});

export const rangeValueRule = styleRule({
  id: "indicators/value-range",
  description: { zh: "区间目标应有依据", en: "a target given as a range" },
  defaultSeverity: "info",
  one: { zh: "指标值“{value}”是区间 {low}–{high}", en: "指标值 “{value}” is a range {low}–{high}" },
  many: { zh: "本工作表 {count} 个指标值是区间：{list}", en: "{count} values on this sheet are ranges: {list}" },
  select: (_row, value) => value.form === "range" && !value.hints.includes("range-reversed"),
});

export const wanWithoutYuanRule = styleRule({
    id: "indicators/unit-wan",
    category: "unit-mismatch",
    description: { zh: "金额单位应写“万元”而非“万”", en: "write 万元, not 万 alone" },
    defaultSeverity: "warning",
    one: { zh: "指标值“{value}”只写了“万”，请写“万元”", en: "指标值 “{value}” writes 万 alone; write 万元" },
    many: { zh: "本工作表 {count} 个指标值只写了“万”：{list}；请写“万元”", en: "{count} values on this sheet write 万 alone: {list}; write 万元" },
    select: (_row, value) => value.value !== undefined && value.form !== "garbled" && value.hints.includes("wan-without-yuan"),
});

export const STYLE_RULES: readonly IndicatorRule[] = [
  questionValueRule,
  approximateValueRule,
  changeWordValueRule,
  qualitativeRateRule,
  embeddedLabelRule,
  rangeValueRule,
  wanWithoutYuanRule,
];
