// Text normalisation for matching labels: NFKC folds full-width forms (（ → (, ２ → 2, ： → :),
// and every kind of whitespace, including U+3000 and line breaks inside wrapped headers, is removed.

/**
 * What folding does to each character whose NFKC form is known on its own: ASCII and the whitespace
 * folding removes, CJK ideographs, and the CJK, general and mathematical punctuation, arrows and shapes
 * NFKC leaves as they are (checked one by one; none combines with a neighbour) are kept; the full-width
 * forms become their ASCII letters. Text of only such characters (nearly every cell of a budget table,
 * prose included) is folded in one pass without running NFKC; any other character sends the text to NFKC.
 */
const OTHER = 0;
const KEEP = 1;
const DROP = 2;
const WIDE = 3;
const FOLDING = new Uint8Array(0x10000);
for (const [from, to] of [
  [0x21, 0x7e], [0xb0, 0xb1], [0xb7, 0xb7], [0xd7, 0xd7], [0xf7, 0xf7], [0x2010, 0x2010], [0x2012, 0x2016], [0x2018, 0x2023], [0x2030, 0x2032],
  [0x203b, 0x203b], [0x2190, 0x21ff], [0x2200, 0x222b], [0x222e, 0x222e], [0x2231, 0x22ff], [0x2500, 0x25ff], [0x3001, 0x3029], [0x3030, 0x3035],
  [0x3037, 0x3037], [0x303b, 0x303f], [0x4e00, 0x9fff],
]) FOLDING.fill(KEEP, from, to + 1);
for (const code of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x200b, 0x3000, 0xfeff]) FOLDING[code] = DROP;
FOLDING.fill(WIDE, 0xff01, 0xff5e + 1);

const WHITESPACE = /[\s\u3000\u00a0\u200b\ufeff]+/g;

/** A cell that holds a comparison operator and nothing else (≥ | 300 | 天: the 指标性质 / 符号 cell of a split value). */
export function isComparisonOperator(text: string): boolean {
  return /^(≥|≤|=|>|<|>=|<=|＞|＜|＝|≧|≦)$/.test(text);
}

/** The text without white space: the same string when it has none (the usual case), so nothing is made. */
export function withoutSpace(text: string): string {
  for (let i = 0; i < text.length; i++) if (isSpaceCode(text.charCodeAt(i))) return text.replace(/\s/g, "");
  return text;
}

/** The UTF-16 units `\s` matches (ECMAScript WhiteSpace and LineTerminator). */
function isSpaceCode(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * True when the text ends with one of the words: its last one, two … characters looked up in the set,
 * where an alternation anchored at the end (`(率|数|…)$`) would be tried from every position.
 */
export function endsWithWord(text: string, words: WordSet): boolean {
  for (let length = Math.min(words.longest, text.length); length >= 1; length--) if (words.has(text.slice(-length))) return true;
  return false;
}

/** A set of words with the length of its longest (for endsWithWord). */
export interface WordSet extends ReadonlySet<string> {
  readonly longest: number;
}

export function wordSet(words: readonly string[]): WordSet {
  return Object.assign(new Set(words), { longest: Math.max(0, ...words.map((word) => word.length)) });
}

export function foldText(text: string): string {
  let folded: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const kind = FOLDING[code];
    if (kind === KEEP) continue;
    if (kind === OTHER) return text.normalize("NFKC").replace(WHITESPACE, "");
    folded = (folded ?? "") + text.slice(start, i) + (kind === WIDE ? String.fromCharCode(code - 0xfee0) : "");
    start = i + 1;
  }
  return folded === undefined ? text : folded + text.slice(start);
}

/** Folded text of a cell value; numbers and booleans become their plain text, empty becomes "". */
export function foldValue(value: number | string | boolean | null): string {
  if (value === null) return "";
  // A number's or a boolean's text is ASCII without whitespace: folding leaves it as it is.
  return typeof value === "string" ? foldText(value) : String(value);
}

/** Removes one trailing "指标" so that 经济效益 ≡ 经济效益指标 (RULES 1.6). */
export function withoutIndicatorSuffix(name: string): string {
  return name.endsWith("指标") && name.length > 2 ? name.slice(0, -2) : name;
}

/** A character that is certainly no whitespace: visible ASCII or a CJK ideograph (no folding needed to tell). */
export function isSolidChar(code: number): boolean {
  return (code > 0x20 && code < 0x7f) || (code >= 0x4e00 && code <= 0x9fff);
}
