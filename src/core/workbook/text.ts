// Text normalisation for matching labels: NFKC folds full-width forms (（ → (, ２ → 2, ： → :),
// and every kind of whitespace, including U+3000 and line breaks inside wrapped headers, is removed.

/** Printable ASCII and CJK unified ideographs only: NFKC leaves such text as it is. */
const NFKC_STABLE = /^[\u0020-\u007e\u4e00-\u9fff]*$/;

export function foldText(text: string): string {
  const normalised = NFKC_STABLE.test(text) ? text : text.normalize("NFKC");
  return normalised.replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, "");
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
