// Text cut off by an export (RULES 1.7, 2.2 "text cut at a fixed width"): a text ending on a joining
// character, or in the middle of a word. Some characters mostly begin a two-character word in budget
// prose (建设, 补贴, 足额, 困难, 力度). A text ending in one of them is whole only when the last two
// characters are a word that ends there (新建, 弥补, 充足, 贫困, 能力 …); otherwise the rest of the
// word was cut off (队伍建, 区级补, 按时足, 宣传力). Some words only ever stand before another one: a
// modifier that needs its noun (中小 学生, 各类 人员) or a 按 phrase that needs its verb (按季度 发放).
import { withoutSpace } from "../workbook/text";

/** Characters that cannot end a phrase: a text ending with one was cut. */
export const DANGLING_END = /[、，,；;：:（(“‘《的和及与或并对为在把被从向将按由以至]$/;

const WHOLE_ENDINGS: Readonly<Record<string, string>> = {
  建: "创建新建重建在建援建共建组建扩建改建修建兴建筹建续建搭建基建党建自建代建配建营建承建复建",
  补: "弥补填补增补候补代补互补贴补进补奖补定补",
  足: "充足满足不足富足十足立足涉足自足知足足足",
  困: "贫困解困帮困济困脱困纾困扶困特困",
  力: "能力动力活力努力实力潜力人力合力压力效力魅力财力物力精力助力全力大力着力得力有力无力尽力权力电力水力风力体力智力视力听力脑力劳力武力国力兵力协力借力发力给力聚力信力引力造力行力斗力产力买力响力召力染力定力耐力眼力张力推力拉力弹力阻力马力火力热力魄力毅力伟力心力民力省力用力出力接力致力导力射力播力领力织力争力新力制力障力习力命力",
};

/**
 * Modifiers that only stand before a noun (区别词 and quantifiers): a text ending in one lost its
 * noun. 中小 of 中小学生 / 中小企业, 各类 of 各类人员.
 */
const MODIFIER_ONLY_END = /(中小|大中|大中小|各类|各级|各项|各种|全体|所有|一系列|大型|中型|小型|新型|多种|多项)$/;

/**
 * A 按 phrase (by a period or a norm) says how something is done and needs the verb after it: a text
 * of some length ending on one lost its verb (…报酬按季度 发放). A value that is only the phrase
 * (按季度) is a whole answer.
 */
const MANNER_PHRASE_END = /(?<=.{4})按(季度|季|月|年|周|规定|要求|标准|程序|比例|计划|合同|进度)$/;

/** The last characters the two patterns above can end on: a text ending otherwise is tested no further. */
const HEADLESS_LAST_CHARS = new Set("小中类级项种体有列型度季月年周定求准序例划同");

/** The last word when it needs a word after it (a modifier, a 按 phrase), else undefined. */
export function headlessEnd(text: string): string | undefined {
  const compact = withoutSpace(text);
  if (!HEADLESS_LAST_CHARS.has(compact.slice(-1))) return undefined;
  return (MODIFIER_ONLY_END.exec(compact) ?? (compact.includes("按") ? MANNER_PHRASE_END.exec(compact) : null))?.[0];
}

/** True when the text ends with a word-initial character that no word ending there explains. */
export function endsMidWord(text: string): boolean {
  const compact = withoutSpace(text);
  // Cheap first test: the last character must be one that words start with (a code point's length ≥ 1).
  if (compact.length < 4) return false;
  const lastUnit = compact.charCodeAt(compact.length - 1);
  const lastChar = lastUnit >= 0xdc00 && lastUnit <= 0xdfff && compact.length >= 2 ? compact.slice(-2) : compact.slice(-1);
  if (WHOLE_ENDINGS[lastChar] === undefined) return false;
  const chars = [...compact];
  if (chars.length < 4) return false;
  const last = chars[chars.length - 1]!;
  const whole = WHOLE_ENDINGS[last];
  if (whole === undefined) return false;
  const pair = chars[chars.length - 2]! + last;
  for (let i = 0; i + 1 < whole.length; i += 2) if (whole.slice(i, i + 2) === pair) return false;
  return true;
}

/** A text that stops on a joining character, mid-word, or before the word its last word needs. */
export function looksCutOff(text: string): boolean {
  return DANGLING_END.test(text) || endsMidWord(text) || headlessEnd(text) !== undefined;
}
