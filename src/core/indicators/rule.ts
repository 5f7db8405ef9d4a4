// The shape of an indicator rule (the ESLint way: meta + check) and the analysed block every rule
// reads: rows with 一级/二级 filled down, classified against the pack, and their 指标值 parsed once.
import type { Bilingual } from "../report/i18n";
import type { FindingCategory, Severity } from "../report/vocabulary";
import type { Level1Role, Level2Role, RulePack } from "../packs/schema";
import { frameworkOf, normaliseIndicatorName, type PairClassification } from "./framework";
import { parseIndicatorValue, type IndicatorValueReading } from "./value-grammar";
import { readUnit, type UnitReading } from "./units";
import type { IndicatorBlockContext, IndicatorCellText, IndicatorRowInput } from "./types";
import { foldText, isComparisonOperator } from "../workbook/text";

export interface IndicatorRuleMeta {
  /** Stable id, e.g. indicators/taxonomy; packs switch rules off or change severity by it. */
  readonly id: string;
  readonly category: FindingCategory;
  readonly defaultSeverity: Severity;
  readonly description: Bilingual;
  /** Message templates with {placeholders}. */
  readonly messages: Readonly<Record<string, Bilingual>>;
  /**
   * "sheet": the rule reads the rows of every form on one sheet together (a writing habit repeated
   * form after form is one finding there). Default "block": one form at a time.
   */
  readonly scope?: "block" | "sheet";
}

export interface AnalysedRow {
  readonly input: IndicatorRowInput;
  /** 一级 / 二级 text after filling merged cells down (null when never given). */
  readonly level1: IndicatorCellText | null;
  readonly level2: IndicatorCellText | null;
  readonly pair: PairClassification;
  readonly level1Role?: Level1Role;
  readonly level2Role?: Level2Role;
  /** Folded 三级 name ("" when empty). */
  readonly name: string;
  /** The 指标值 as the form states it: with the operator and unit of their own columns, if any. */
  readonly value?: IndicatorValueReading;
  /** The unit the form declares for the value apart from it: its unit column, or the 三级 name's `（万元）`. */
  readonly declaredUnit?: DeclaredUnit;
  /** 定量 / 定性 as a 指标值类型 column declares it. */
  readonly declaredType?: { readonly type: "quantitative" | "qualitative"; readonly cell: string; readonly text: string };
}

export interface DeclaredUnit {
  readonly text: string;
  readonly reading: UnitReading;
  readonly source: "column" | "name";
  /** The unit column's cell (absent for a unit read from the name). */
  readonly cell?: string;
  /**
   * The value carries a unit of its own that contradicts the declared one (`28.8万元` under `%`): the
   * value is read with its own unit, and the contradiction is a unit mismatch.
   */
  readonly contradicted?: string;
}

export interface AnalysedBlock {
  readonly rows: readonly AnalysedRow[];
  readonly context: IndicatorBlockContext;
  readonly pack: RulePack;
}

export interface ReportInput {
  readonly messageId: string;
  /** Placeholder values; a Bilingual value fills the Chinese and English templates separately. */
  readonly data?: Readonly<Record<string, string | number | Bilingual>>;
  readonly cell: string;
  readonly range?: string;
  /** Further cells of a finding that groups one habit repeated across a form. */
  readonly cells?: readonly string[];
  /** For rules whose severity depends on the case (P2: < 80% W, 80–85% I). */
  readonly severity?: Severity;
  readonly expected?: string;
  readonly actual?: string;
}

export interface RuleContext {
  readonly block: AnalysedBlock;
  report(finding: ReportInput): void;
  notChecked(reason: Bilingual, cell?: string): void;
}

export interface IndicatorRule {
  readonly meta: IndicatorRuleMeta;
  check(context: RuleContext): void;
}

export function formatMessage(template: Bilingual, data: Readonly<Record<string, string | number | Bilingual>> = {}): Bilingual {
  const fill = (text: string, lang: "zh" | "en") =>
    text.replace(/\{(\w+)\}/g, (whole, key: string) => {
      const value = data[key];
      if (value === undefined) return whole;
      return typeof value === "object" ? value[lang] : String(value);
    });
  return { zh: fill(template.zh, "zh"), en: fill(template.en, "en") };
}

export function analyseBlock(rows: readonly IndicatorRowInput[], context: IndicatorBlockContext): AnalysedBlock {
  const framework = frameworkOf(context.pack);
  const ordered = [...rows].sort((a, b) => a.row - b.row);
  let level1: IndicatorCellText | null = null;
  let level2: IndicatorCellText | null = null;
  const analysed: AnalysedRow[] = [];
  let pair: PairClassification | undefined;
  let pairTexts: [string | null, string | null] = [null, null];
  for (const input of ordered) {
    if (input.level1 !== null && foldText(input.level1.text) !== "") {
      // A new 一级 starts a new group: its 二级 does not carry over from the previous 一级.
      if (level1 === null || normaliseIndicatorName(input.level1.text) !== normaliseIndicatorName(level1.text)) level2 = null;
      level1 = input.level1;
    }
    if (input.level2 !== null && foldText(input.level2.text) !== "") level2 = input.level2;
    // Rows of one group name the same 一级/二级: their classification is the previous row's.
    const level1Text = level1?.text ?? null;
    const level2Text = level2?.text ?? null;
    if (pair === undefined || level1Text !== pairTexts[0] || level2Text !== pairTexts[1]) {
      pair = framework.classify(level1Text, level2Text);
      pairTexts = [level1Text, level2Text];
    }
    const name = input.level3 === null ? "" : foldText(input.level3.text);
    const stated = statedValue(input, name, context);
    // Every field written, in one order: one hidden class for every row (see shapes.ts).
    analysed.push({
      input,
      level1,
      level2,
      pair,
      level1Role: pair.level1?.role,
      level2Role: pair.level2?.role,
      name,
      value: stated.value,
      declaredUnit: stated.declaredUnit,
      declaredType: stated.declaredType,
    });
  }
  return { rows: analysed, context, pack: context.pack };
}

const TYPE_CELL: Record<string, "quantitative" | "qualitative"> = { 定量: "quantitative", 定性: "qualitative", 定量指标: "quantitative", 定性指标: "qualitative" };
/** A unit in brackets at the end of a 三级 name: 投入财政资金（万元）, 覆盖率(%). */
const NAME_UNIT = /[(（]([^()（）]{1,8})[)）]$/;

/**
 * The value as the form states it. Where the operator or the unit has a column of its own, or the unit
 * is written in the 三级 name, they are part of the value: `≥ | 300 | 天` reads `≥300天`. A value that
 * carries its own unit keeps it; when that unit contradicts the declared one, the row says so.
 */
/** True when the row's operator is its 指标性质 cell's (≥ | 300 | 天): the value itself states none. */
export function takesOperatorFromNature(input: IndicatorRowInput): boolean {
  const natureText = input.nature ? foldText(input.nature.text) : "";
  return isComparisonOperator(natureText) && !/^[≥≤=><＞＜＝≧≦]|^(不低于|不少于|不超过|不高于|大于|小于)/.test(foldText(input.value?.text ?? ""));
}

function statedValue(input: IndicatorRowInput, name: string, context: IndicatorBlockContext): Pick<AnalysedRow, "value" | "declaredUnit" | "declaredType"> {
  const options = { extraQualitativeWords: context.pack.extraQualitativeWords };
  const raw = input.value?.text ?? "";
  const natureText = input.nature ? foldText(input.nature.text) : "";
  const declaredType = input.nature && TYPE_CELL[natureText] ? { type: TYPE_CELL[natureText]!, cell: input.nature.cell, text: input.nature.text.trim() } : undefined;
  if (foldText(raw) === "") return declaredType ? { declaredType } : {};
  let text = raw.trim();
  if (takesOperatorFromNature(input)) text = `${natureText}${text}`;
  let value = parseIndicatorValue(text, options);
  const declared = declaredUnitOf(input, name);
  if (declared === undefined || value.value === undefined || value.form === "garbled") {
    // A unit beside a target with no number at all (定性 `应保尽保` under `%`) is kept for the rules to see.
    return { value, ...(declared && declared.source === "column" ? { declaredUnit: declared } : {}), ...(declaredType ? { declaredType } : {}) };
  }
  if (value.unit === undefined && value.form !== "date-or-period") {
    const withUnit = parseIndicatorValue(`${text}${declared.text}`, options);
    if (withUnit.unit !== undefined) value = withUnit;
    return { value, declaredUnit: declared, ...(declaredType ? { declaredType } : {}) };
  }
  const own = value.unitReading;
  const contradicts = own !== undefined && (own.family !== declared.reading.family || (own.family === "money" && own.scale !== declared.reading.scale));
  return { value, declaredUnit: contradicts ? { ...declared, contradicted: value.unit ?? "" } : declared, ...(declaredType ? { declaredType } : {}) };
}

/** The unit a 三级 name carries in brackets at its end (`投入财政资金（万元）` → 万元), if it is a unit. */
export function unitInName(name: string): string | undefined {
  const inName = NAME_UNIT.exec(foldText(name));
  if (!inName) return undefined;
  const reading = readUnit(inName[1] === "百分比" ? "%" : inName[1]!);
  return reading && reading.family !== "unknown" ? reading.text : undefined;
}

/**
 * A target as its form states it, for rules that read form cells themselves (self-evaluation
 * scoring): the operator of a 指标性质 column before it, the unit of a unit column or of the name after it.
 */
export function statedTargetText(raw: string, natureText: string | undefined, unitText: string | undefined, name: string): string {
  let text = raw.trim();
  const nature = foldText(natureText ?? "");
  if (isComparisonOperator(nature) && !/^[≥≤=><＞＜＝≧≦]/.test(foldText(text))) text = `${nature}${text}`;
  const reading = parseIndicatorValue(text);
  if (reading.value === undefined || reading.unit !== undefined || reading.form === "date-or-period") return text;
  const column = foldText(unitText ?? "");
  const unit = column !== "" && !/^(\/|-|—|无)$/.test(column) ? (column === "百分比" ? "%" : column) : unitInName(name);
  if (unit === undefined) return text;
  const withUnit = parseIndicatorValue(`${text}${unit}`);
  return withUnit.unit !== undefined ? `${text}${unit}` : text;
}

function declaredUnitOf(input: IndicatorRowInput, name: string): DeclaredUnit | undefined {
  const column = input.unit ? foldText(input.unit.text) : "";
  if (column !== "" && !/^(\/|-|—|无)$/.test(column)) {
    const reading = readUnit(column === "百分比" ? "%" : column);
    if (reading) return { text: reading.text, reading, source: "column", cell: input.unit!.cell };
  }
  const inName = NAME_UNIT.exec(name);
  if (inName) {
    const reading = readUnit(inName[1] === "百分比" ? "%" : inName[1]!);
    if (reading && reading.family !== "unknown") return { text: reading.text, reading, source: "name" };
  }
  return undefined;
}

/**
 * Two rows of one 一级/二级 group. Compared by name: each row of a merged 二级 reads the merge's text
 * anew, so the cells are equal but the objects are not.
 */
export function sameGroup(a: AnalysedRow, b: AnalysedRow): boolean {
  const key = (row: AnalysedRow) => `${normaliseIndicatorName(row.level1?.text ?? "")}|${normaliseIndicatorName(row.level2?.text ?? "")}`;
  return key(a) === key(b);
}

/** The 二级 (or, failing that, 一级) name shown in messages. */
export function groupName(row: AnalysedRow): string {
  return row.pair.level2?.name ?? row.level2?.text.trim() ?? row.pair.level1?.name ?? row.level1?.text.trim() ?? "";
}

/**
 * A row whose 二级 belongs under another 一级 (质量指标 under 效益指标): the taxonomy rule reports it,
 * and which of the two names is wrong is not known, so the 二级's demands on the value are not made.
 */
export function misfiled(row: AnalysedRow): boolean {
  return row.pair.status === "wrong-level1";
}

export function isCostRole(role: Level2Role | undefined): boolean {
  return role === "economic-cost" || role === "cost";
}

/** Names of events nobody wants more of (RULES 2.5): their targets point down. */
export const BAD_EVENT_WORDS = /事故|投诉|故障|差错|错误|失误|违规|违法|违纪|纠纷|上访|信访|损失|流失|辍学|超标|逾期|延误|返工|不合格|误差|空置|发生率|发生数|发生次数|安全事件|舆情/;

/**
 * Verbs that take an unwanted event away (挽回损失, 追回, 避免事故, 投诉处理, 隐患整改): the name then
 * counts a good outcome, and more is better. Before the event (挽回经济损失) or after it (损失挽回金额).
 */
const REMOVING_VERBS = /挽回|追回|收回|挽救|弥补|避免|防止|防范|预防|杜绝|消除|排除|纠正|修复|整治|治理|处理|处置|办结|化解|整改|回复|答复|解决|结案|查处|受理|调处|垫付|清欠/;
/** Verbs that lower it (减少损失, 事故率下降): the name may state the cut (≥) or the level it is held to (≤). */
const LOWERING_VERBS = /减少|降低|下降|压减|压降|减轻|减低|缩减|遏制|控制/;
/**
 * A verb negated (未整改, 不及时处理) or qualified as failing (处理不及时, 整改不到位): the name counts
 * what was left undone, an unwanted event again. Not 处理不合格产品 or 处理未成年人投诉: there 不/未
 * opens the object.
 */
const VERBS = `(?:${REMOVING_VERBS.source}|${LOWERING_VERBS.source})`;
const NEGATED_VERB = new RegExp(`(?:未|没有|不|无法)(?:及时|按期|按时)?${VERBS}|${VERBS}(?:不(?!合格|良)|未(?!成年))`);

/**
 * Which way a target should point given the name's unwanted event and the verb that governs it:
 * "down" for a count of unwanted events (投诉次数, 事故发生率), "up" when a verb removes or recovers
 * them (挽回经济损失, 投诉处理率), "either" when a verb lowers them (减少损失 ≥ the cut, or ≤ the
 * level), and undefined for a name with no unwanted event.
 */
export function badEventDirection(name: string): "down" | "up" | "either" | undefined {
  if (!BAD_EVENT_WORDS.test(name)) return undefined;
  if (NEGATED_VERB.test(name)) return "down";
  if (REMOVING_VERBS.test(name)) return "up";
  if (LOWERING_VERBS.test(name)) return "either";
  return "down";
}
