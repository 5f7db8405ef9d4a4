// The grammar of 指标值 (RULES section 2): normalisation (2.1), then one typed reading per value
// (2.2): comparison, bare number, range, approximate, change word + number, embedded label, date or
// period, qualitative word, yes/no question, not applicable, descriptive text, garbled placeholder.
// Numbers are decimal.js values: targets are compared with budget amounts, never as floats.
import Decimal from "decimal.js";
import { qualitativeKind, type QualitativeKind } from "./lexicon";
import { readUnit, type UnitFamily, type UnitReading } from "./units";

export type ValueForm =
  | "empty"
  | "comparison"
  | "bare-number"
  | "range"
  | "approx"
  | "change-word+number"
  | "embedded"
  | "date-or-period"
  | "qualitative"
  | "yes-no"
  | "not-applicable"
  | "descriptive"
  | "garbled";

export type ComparisonOperator = "≥" | "≤" | "=" | ">" | "<";

/** Things noticed while reading a value that a rule may want to report. */
export type ValueHint =
  | "full-width-digits"
  | "thousands-separator"
  | "operator-word"
  | "wan-without-yuan"
  | "per-unit-without-currency"
  | "leading-zeros"
  | "ends-with-punctuation"
  | "placeholder"
  | "range-reversed"
  | "operator-without-number";

export interface IndicatorValueReading {
  /** The text as written. */
  readonly text: string;
  /** After 2.1 normalisation: no spaces, folded operators, no thousands separators. */
  readonly normalised: string;
  readonly form: ValueForm;
  readonly operator?: ComparisonOperator;
  /** The number (the low end of a range). */
  readonly value?: Decimal;
  /** The value and the high end as JavaScript numbers, for comparisons with thresholds. */
  readonly number?: number;
  readonly highNumber?: number;
  /** The high end of a range. */
  readonly high?: Decimal;
  /** The unit as written, without approximation words (余, 左右) or a bracketed remark. */
  readonly unit?: string;
  readonly unitFamily?: UnitFamily;
  readonly unitReading?: UnitReading;
  /** Marked 约/预计/左右/余/以上: no firm target. */
  readonly approximate: boolean;
  readonly approxMarkers: readonly string[];
  /** Text before the number of an embedded value (满意度≥98% → 满意度). */
  readonly label?: string;
  /** 提升, 提高 … of a change-word value. */
  readonly changeWord?: string;
  /** A bracketed remark after the unit: 17.5万元（党群工作部）. */
  readonly remark?: string;
  readonly qualitativeKind?: QualitativeKind;
  readonly hints: readonly ValueHint[];
}

export interface GrammarOptions {
  /** Extra qualitative words accepted by the rule pack in force. */
  readonly extraQualitativeWords?: readonly string[];
}

const FULL_WIDTH_DIGIT = /[\uFF10-\uFF19]/;
const CHANGE_WORDS = ["提升", "提高", "增加", "降低", "保障", "改善", "丰富", "展示", "推动", "宣传", "提供", "减少", "增长", "下降", "缩短", "节约"];
const APPROX_PRE = ["约", "预计", "大约", "近", "超"];
const NUMBER = String.raw`\d+(?:\.\d+)?`;
const RANGE_DASH = String.raw`[-~—–至到]`;

/** RULES 2.1: trim, drop spaces, fold operators and operator words, drop thousands separators. */
export function normaliseIndicatorValue(text: string): { normalised: string; hints: ValueHint[] } {
  const hints: ValueHint[] = [];
  if (FULL_WIDTH_DIGIT.test(text)) hints.push("full-width-digits");
  // NFKC folds ＝ ＞ ＜ ％ （ ） and full-width digits; the digits were flagged above.
  let value = text.normalize("NFKC").replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, "");
  value = value
    .replace(/>=|≧|⩾/g, "≥")
    .replace(/<=|≦|⩽/g, "≤")
    .replace(/==/g, "=");
  const words: Array<[RegExp, string]> = [
    [/(不低于|不少于|不小于|至少)(?=\d)/g, "≥"],
    [/(不超过|不高于|不大于|不多于|最多|控制在)(?=\d)/g, "≤"],
    [/(大于|高于|多于|超过)(?=\d)/g, ">"],
    [/(小于|低于|少于)(?=\d)/g, "<"],
    [/(等于|达到|达)(?=\d)/g, "="],
  ];
  for (const [pattern, operator] of words) {
    if (pattern.test(value)) {
      // 达到 inside a label (补贴率达到100%) keeps its label; only a leading word becomes the operator.
      value = value.replace(pattern, (match, _word, offset: number) => (offset === 0 || operator !== "=" ? operator : match));
      if (value.startsWith(operator)) hints.push("operator-word");
    }
  }
  if (/\d{1,3}(?:,\d{3})+(?!\d)/.test(value)) {
    value = value.replace(/\d{1,3}(?:,\d{3})+(?!\d)/g, (group) => group.replace(/,/g, ""));
    hints.push("thousands-separator");
  }
  return { normalised: value, hints };
}

/** Parses one 指标值 (RULES 2.2). Never throws: anything unreadable is descriptive or garbled. */
/** Readings are immutable and forms repeat the same targets (=100%, ≥95%), so parses are reused. */
const READING_CACHE = new Map<string, IndicatorValueReading>();
const READING_CACHE_LIMIT = 20000;

export function parseIndicatorValue(text: string, options: GrammarOptions = {}): IndicatorValueReading {
  const key = options.extraQualitativeWords?.length ? `${options.extraQualitativeWords.join("\u0001")}\u0002${text}` : text;
  const cached = READING_CACHE.get(key);
  if (cached) return cached;
  const reading = parseUncached(text, options);
  if (READING_CACHE.size >= READING_CACHE_LIMIT) READING_CACHE.clear();
  READING_CACHE.set(key, reading);
  return reading;
}

function parseUncached(text: string, options: GrammarOptions): IndicatorValueReading {
  const { normalised, hints } = normaliseIndicatorValue(text);
  const base = { text, normalised, approximate: false, approxMarkers: [] as string[], hints };
  if (normalised === "") return { ...base, form: "empty" };

  if (/^(该项目|本项目)?(不涉及|不适用)/.test(normalised) || /^无.{0,10}成本$/.test(normalised) || /^(无|\/|—|-|——)$/.test(normalised)) {
    return { ...base, form: "not-applicable" };
  }
  if (normalised.startsWith("是否")) return { ...base, form: "yes-no" };

  // Placeholders left from a template (P16) and text cut off after a separator.
  if (/[【】]|^(X+|x+|×+|\*+)$|XX|××/.test(normalised)) {
    return { ...base, form: "garbled", hints: [...hints, "placeholder"] };
  }
  if (/[，,、；;：:（(“]$/.test(normalised)) {
    return { ...base, form: "garbled", hints: [...hints, "ends-with-punctuation"] };
  }
  if (/^[≥≤=><]$/.test(normalised) || /^[≥≤=><][%个人次元万]*$/.test(normalised)) {
    return { ...base, form: "garbled", hints: [...hints, "operator-without-number"] };
  }

  if (isDateOrPeriod(normalised)) return { ...base, form: "date-or-period", ...(datesReversed(normalised) ? { hints: [...hints, "range-reversed"] } : {}) };

  const quantitative = readQuantitative(normalised);
  if (quantitative !== undefined) {
    const allHints = [...hints, ...quantitative.hints];
    if (quantitative.leadingZeros) {
      return { ...base, ...quantitative.fields, hints: [...allHints, "leading-zeros"], form: "garbled" };
    }
    const approximate = quantitative.fields.approxMarkers.length > 0;
    let form: ValueForm;
    if (quantitative.fields.high !== undefined) form = "range";
    else if (approximate && quantitative.fields.operator === undefined) form = "approx";
    else form = quantitative.fields.operator === undefined ? "bare-number" : "comparison";
    return { ...base, ...quantitative.fields, approximate, hints: allHints, form };
  }

  const change = readChange(normalised);
  if (change !== undefined) {
    return {
      ...base,
      ...change.fields,
      changeWord: change.word,
      approximate: change.fields.approxMarkers.length > 0,
      hints: [...hints, ...change.hints],
      form: "change-word+number",
    };
  }

  const kind = qualitativeKind(normalised, options.extraQualitativeWords);
  if (kind !== undefined) return { ...base, form: "qualitative", qualitativeKind: kind };

  const embedded = readEmbedded(normalised);
  if (embedded !== undefined) {
    return {
      ...base,
      ...embedded.fields,
      label: embedded.label,
      approximate: embedded.fields.approxMarkers.length > 0,
      hints: [...hints, ...embedded.hints],
      form: "embedded",
    };
  }
  return { ...base, form: "descriptive" };
}

/** Two dates joined as a period (2025年3月-2025年11月, 2025年6月1日至2025年9月30日). */
const DATE_PERIOD = /^((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?[-~—–至到]((?:19|20)\d{2})年(\d{1,2})月(?:(\d{1,2})日)?$/;

/** True when a period of two dates ends before it starts (RULES 2.2: a range with hi < lo). */
function datesReversed(value: string): boolean {
  const m = DATE_PERIOD.exec(value);
  if (!m) return false;
  const at = (year: string, month: string, day: string | undefined) => Number(year) * 10000 + Number(month) * 100 + Number(day ?? 0);
  return at(m[4]!, m[5]!, m[6]) < at(m[1]!, m[2]!, m[3]);
}

function isDateOrPeriod(value: string): boolean {
  // A four-digit year followed by 年/年度/a month: 2024年度完成, 2024.1-12, 2024、2025年度.
  if (/^(19|20)\d{2}(年|\.\d|、(19|20)\d{2}|-(19|20)\d{2}|\/\d)/.test(value)) return true;
  // A month with a deadline word: 3月底完成, 8月底之前完成, 1月初, 12月31日前.
  if (/^\d{1,2}月(\d{1,2}日)?(初|中|底|末|上旬|中旬|下旬)?(前|之前|以前)?(完成|前完成|结束|启动)?$/.test(value)) return true;
  if (/^\d{1,2}月[-~至到]\d{1,2}月/.test(value)) return true;
  // Seasonal and year-end deadlines: 年底前, 春节前, 上半年完成.
  if (/^(年底|年末|年初|年中|春节|元旦|国庆|中秋|汛期|汛前|上半年|下半年|当年|本年度?|年度内|季度末|每季度|每月|一季度|二季度|三季度|四季度)(前|之前|以前|内|末)?(完成|结束|发放|拨付)?$/.test(value)) {
    return /前|内|末|完成|结束|发放|拨付|季度|每月/.test(value);
  }
  return false;
}

interface QuantitativeFields {
  operator?: ComparisonOperator;
  value?: Decimal;
  /** The value as a JavaScript number (for comparisons with thresholds), read once. */
  number?: number;
  high?: Decimal;
  highNumber?: number;
  unit?: string;
  unitFamily?: UnitFamily;
  unitReading?: UnitReading;
  remark?: string;
  approxMarkers: string[];
}

/** The unit part after a number: strip a remark, approximation words and 余; read what is left. */
function readUnitPart(raw: string): { ok: boolean; fields: Omit<QuantitativeFields, "operator" | "value" | "high">; hints: ValueHint[] } {
  const approxMarkers: string[] = [];
  const hints: ValueHint[] = [];
  let rest = raw;
  let remark: string | undefined;
  const remarkMatch = /^(.*?)(\(.*\))$/.exec(rest);
  if (remarkMatch !== null) {
    rest = remarkMatch[1] ?? "";
    remark = remarkMatch[2];
  }
  const post = /(左右|以上|以内|以下|上下)$/.exec(rest);
  if (post !== null) {
    approxMarkers.push(post[1] ?? "");
    rest = rest.slice(0, rest.length - (post[1] ?? "").length);
  }
  // 余 sits before or inside the unit: 2000余人, 5万余家.
  if (/^余|^[万千百]余/.test(rest)) {
    approxMarkers.push("余");
    rest = rest.replace("余", "");
  }
  if (rest === "") return { ok: true, fields: { approxMarkers, remark }, hints };
  const unit = readUnit(rest);
  if (unit === undefined) return { ok: false, fields: { approxMarkers }, hints };
  if (unit.wanWithoutYuan) hints.push("wan-without-yuan");
  if (unit.currencyMissing) hints.push("per-unit-without-currency");
  return { ok: true, fields: { approxMarkers, remark, unit: unit.text, unitFamily: unit.family, unitReading: unit }, hints };
}

const QUANTITATIVE = new RegExp(
  String.raw`^(?<op>[≥≤=><])?(?<pre>${APPROX_PRE.join("|")})?(?<lo>${NUMBER})(?<rest>.*)$`,
);

/** The rest of a value after its first number, when it is a range: `-95%`, `个~5个`. */
const RANGE_REST = new RegExp(String.raw`^(?<u1>[^\d]*?)${RANGE_DASH}(?<hi>${NUMBER})(?<u2>.*)$`);

function readQuantitative(
  value: string,
): { fields: QuantitativeFields; hints: ValueHint[]; leadingZeros: boolean } | undefined {
  const match = QUANTITATIVE.exec(value);
  if (match?.groups === undefined) return undefined;
  const { op, pre, lo, rest = "" } = match.groups;
  if (lo === undefined) return undefined;
  const approxMarkers: string[] = pre !== undefined ? [pre] : [];
  const hints: ValueHint[] = [];
  let high: Decimal | undefined;
  let unitRaw = rest;
  const range = RANGE_REST.exec(rest);
  if (range?.groups !== undefined) {
    const { u1 = "", hi = "", u2 = "" } = range.groups;
    if (/\d/.test(u2)) return undefined;
    high = new Decimal(hi);
    unitRaw = u2 !== "" ? u2 : u1;
    if (u1 !== "" && u2 !== "" && u1 !== u2) return undefined;
  } else if (/\d/.test(rest) && !/^(m|km)[23]/.test(rest)) {
    return undefined;
  }
  const unitPart = readUnitPart(unitRaw);
  if (!unitPart.ok) return undefined;
  const low = new Decimal(lo);
  if (high !== undefined && high.lessThan(low)) hints.push("range-reversed");
  return {
    fields: {
      operator: op as ComparisonOperator | undefined,
      value: low,
      number: Number(lo),
      high,
      ...(high !== undefined ? { highNumber: high.toNumber() } : {}),
      ...unitPart.fields,
      approxMarkers: [...approxMarkers, ...unitPart.fields.approxMarkers],
    },
    hints: [...hints, ...unitPart.hints],
    leadingZeros: /^0\d/.test(lo),
  };
}

function readChange(value: string): { word: string; fields: QuantitativeFields; hints: ValueHint[] } | undefined {
  for (const word of CHANGE_WORDS) {
    if (!value.startsWith(word)) continue;
    const quantitative = readQuantitative(value.slice(word.length));
    if (quantitative === undefined || quantitative.fields.high !== undefined) return undefined;
    return { word, fields: quantitative.fields, hints: quantitative.hints };
  }
  return undefined;
}

const EMBEDDED = new RegExp(String.raw`^(?<label>.*?[^\d.])(?<quantity>[≥≤=><]?(?:${APPROX_PRE.join("|")})?${NUMBER}[^\d]*)$`);

function readEmbedded(value: string): { label: string; fields: QuantitativeFields; hints: ValueHint[] } | undefined {
  const match = EMBEDDED.exec(value);
  if (match?.groups === undefined) return undefined;
  const { label = "", quantity = "" } = match.groups;
  const quantitative = readQuantitative(quantity);
  if (quantitative === undefined || label === "") return undefined;
  return { label, fields: quantitative.fields, hints: quantitative.hints };
}

/** A money reading in 万元 (元 ÷ 10,000; a per-unit standard gives its per-unit amount); undefined for other units. */
export function amountInWanYuan(reading: IndicatorValueReading, value: Decimal | undefined = reading.value): Decimal | undefined {
  const unit = reading.unitReading;
  if (value === undefined || unit === undefined || unit.family !== "money" || unit.currencyMissing) return undefined;
  return value.times(unit.scale).dividedBy(10000);
}

/** True for the forms that carry a number a rule can compare. */
export function hasNumber(reading: IndicatorValueReading): boolean {
  return reading.value !== undefined && reading.form !== "garbled";
}
