// Units of 指标值 (RULES 2.4): which family a written unit belongs to, its scale (万 = 10,000) and its
// per-unit parts (元/人/月 → money per 人 per 月). The lists come from the published forms and are
// meant to grow; an unknown short unit stays "unknown" rather than being guessed.

export type UnitFamily = "money" | "percent" | "count" | "time" | "physical" | "unknown";

export interface UnitReading {
  /** The unit as written after normalisation, without approximation words or remarks. */
  readonly text: string;
  readonly family: UnitFamily;
  /** The base unit (元, 人, 天, 平方米 …) without scale and per-parts. */
  readonly base: string;
  /** 10000 for 万元/万人/万册, 1000 for 千元, 1 otherwise. */
  readonly scale: number;
  /** Per-unit parts: 元/人/月 → ["人", "月"]; 元每人每天 → ["人", "天"]. */
  readonly per: readonly string[];
  /** `万` or `万/年` written for 万元 (RULES 2.4: read as 万元, hint "write 万元"). */
  readonly wanWithoutYuan: boolean;
  /** A per-unit rate with no currency (`/生/年`, `每人每月`): probably money, but not written. */
  readonly currencyMissing: boolean;
}

const COUNT_BASES = [
  "人次", "户次", "家次", "场次", "项次", "个", "人", "次", "家", "户", "所", "场", "件", "份", "篇", "项",
  "处", "套", "座", "册", "名", "批", "块", "期", "条", "栋", "部", "起", "类", "版面", "辆", "台", "张",
  "本", "门", "间", "村", "支", "队", "组", "团", "届", "节", "幅", "首", "集", "种", "只", "头", "株",
  "棵", "位", "床", "所学校", "课", "单", "例", "宗", "笔", "网点", "站", "点", "盏", "根", "副", "箱",
  "袋", "瓶", "册次", "人日", "班", "期次", "篇次", "条次", "户数", "人数",
  // Livestock, poultry and fish are counted in 头只 (万头只 in agricultural statistics), 羽 and 尾.
  "头只", "羽", "尾",
];
const TIME_BASES = ["个工作日", "工作日", "个月", "小时", "分钟", "学时", "课时", "季度", "天", "日", "年", "月", "周", "h", "H", "秒", "min"];
const PHYSICAL_BASES = [
  "平方公里", "平方千米", "平方米", "立方米", "千瓦时", "公里", "千米", "延米", "公顷", "公斤", "千克", "平方", "米",
  "亩", "吨", "度", "km", "m2", "m3", "m", "kg", "kw", "kW", "KW", "MW",
];
const MONEY_BASES = ["元"];
/** Words that divide: 元/人, 元每人每天. */
const PER_SEPARATOR = /\/|每/;

function longestPrefix(text: string, bases: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const base of bases) {
    if (text.startsWith(base) && (best === undefined || base.length > best.length)) best = base;
  }
  return best;
}

function splitPer(rest: string): string[] {
  return rest
    .split(PER_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/**
 * Reads a unit text (already stripped of 左右/余/remarks). Returns undefined when the text is not
 * recognisably a unit (a longer phrase), so the caller can treat the value as descriptive.
 */
export function readUnit(unitText: string): UnitReading | undefined {
  const text = unitText.trim();
  if (text === "") return undefined;
  // 百分比 spelled out (Anhui forms: `≥100百分比`) is the percent sign.
  if (text === "%" || text === "‰" || text === "百分比") {
    return { text, family: "percent", base: text, scale: 1, per: [], wanWithoutYuan: false, currencyMissing: false };
  }
  // A rate with no currency: "/生/年", "每人每月".
  if (text.startsWith("/") || text.startsWith("每")) {
    const per = splitPer(text);
    if (per.length > 0 && per.every((part) => part.length <= 3)) {
      return { text, family: "money", base: "", scale: 1, per, wanWithoutYuan: false, currencyMissing: true };
    }
    return undefined;
  }
  let scale = 1;
  let body = text;
  if (body.startsWith("万") || body.startsWith("千") || body.startsWith("百") || body.startsWith("亿")) {
    const scaleChar = body[0];
    const after = body.slice(1);
    const scaledBase =
      longestPrefix(after, MONEY_BASES) ??
      longestPrefix(after, COUNT_BASES) ??
      longestPrefix(after, PHYSICAL_BASES) ??
      undefined;
    if (scaledBase !== undefined || after === "" || PER_SEPARATOR.test(after[0] ?? "")) {
      scale = scaleChar === "万" ? 10000 : scaleChar === "亿" ? 100000000 : scaleChar === "千" ? 1000 : 100;
      body = after;
      // "千瓦时" is a physical base, not 千 × 瓦时.
      if (scaleChar === "千" && after.startsWith("瓦")) {
        scale = 1;
        body = text;
      }
    }
  }
  // 万 or 万/年 alone: 万元 written without 元.
  if (scale !== 1 && (body === "" || PER_SEPARATOR.test(body[0] ?? ""))) {
    const per = splitPer(body);
    return { text, family: "money", base: "元", scale, per, wanWithoutYuan: true, currencyMissing: false };
  }
  const families: Array<[UnitFamily, readonly string[]]> = [
    ["money", MONEY_BASES],
    ["physical", PHYSICAL_BASES],
    ["time", TIME_BASES],
    ["count", COUNT_BASES],
  ];
  let found: { family: UnitFamily; base: string } | undefined;
  for (const [family, bases] of families) {
    const base = longestPrefix(body, bases);
    if (base !== undefined && (found === undefined || base.length > found.base.length)) found = { family, base };
  }
  if (found === undefined) {
    // A short unknown unit (a measure word we do not list) is still a unit; a phrase is not.
    if (body.length <= 2 && !/[的和与及、，,。；;：:]/.test(body)) {
      return { text, family: "unknown", base: body, scale, per: [], wanWithoutYuan: false, currencyMissing: false };
    }
    return undefined;
  }
  const rest = body.slice(found.base.length);
  // 元人/月 (a slash lost) is still money per person per month.
  const perText = found.family === "money" && rest !== "" && !PER_SEPARATOR.test(rest[0] ?? "") ? `/${rest}` : rest;
  if (perText !== "" && !PER_SEPARATOR.test(perText[0] ?? "")) return undefined;
  const per = splitPer(perText);
  if (per.some((part) => part.length > 4)) return undefined;
  return { text, family: found.family, base: found.base, scale, per, wanWithoutYuan: false, currencyMissing: false };
}

/** True for money units priced per something (元/人, 万元/项): a unit standard, not a sum. */
export function isPerUnit(unit: UnitReading | undefined): boolean {
  return unit !== undefined && unit.per.length > 0;
}
