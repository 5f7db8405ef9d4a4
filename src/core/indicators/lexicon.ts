// The qualitative lexicon of 指标值 (RULES 2.3). A value is qualitative when it is one of these words,
// optionally graded (有效促进, 明显提升) or a short list of them (方便、快捷). Packs may add words.

export type QualitativeKind = "state" | "direction" | "duration" | "manner";

export const QUALITATIVE_LEXICON: Readonly<Record<QualitativeKind, readonly string[]>> = {
  state: [
    "健全", "合规", "公开", "安全", "完成", "实现", "良好", "稳定", "正常运转", "可控", "达标", "合格", "到位",
    "规范", "有序", "满意", "准确", "完善", "有效", "正常", "顺利",
  ],
  direction: [
    "提升", "提高", "增强", "增加", "促进", "保障", "确保", "减少", "减轻", "降低", "改善", "优化", "扩大", "加强",
    "形成", "营造", "贡献", "丰富", "控制", "满足", "化解", "推进", "巩固", "保持", "改进",
  ],
  duration: ["长期", "长久", "长期保持", "长期影响", "持续", "长效"],
  manner: [
    "及时", "按时完成", "及时完成", "足额发放", "足额支付", "及时支付", "限时办理", "一窗受理", "每天播出", "全年",
    "半年", "高", "高质量", "高标准", "按时", "足额", "便捷", "方便", "快捷", "高效", "准时",
  ],
};

/** Grading words written before a lexicon word: 有效促进, 明显提升, 得到提高. */
const GRADE_PREFIXES = ["有效", "明显", "显著", "持续", "全面", "逐步", "不断", "得到", "进一步", "稳步", "切实", "大幅", "能够", "基本", "长期", "充分"];

function stripGrades(word: string): string {
  let rest = word;
  for (let changed = true; changed; ) {
    changed = false;
    for (const prefix of GRADE_PREFIXES) {
      if (rest.startsWith(prefix) && rest.length > prefix.length) {
        rest = rest.slice(prefix.length);
        changed = true;
      }
    }
  }
  return rest;
}

/** The lexicon kind of a normalised value, or undefined when it is not a lexicon word (list). */
export function qualitativeKind(text: string, extraWords: readonly string[] = []): QualitativeKind | undefined {
  const parts = text.split(/[、，,]/).filter((part) => part.length > 0);
  if (parts.length === 0 || parts.length > 3) return undefined;
  let first: QualitativeKind | undefined;
  for (const part of parts) {
    const kind = lookup(part, extraWords) ?? lookup(stripGrades(part), extraWords);
    if (kind === undefined) return undefined;
    first ??= kind;
  }
  return first;
}

function lookup(word: string, extraWords: readonly string[]): QualitativeKind | undefined {
  for (const kind of Object.keys(QUALITATIVE_LEXICON) as QualitativeKind[]) {
    if (QUALITATIVE_LEXICON[kind].includes(word)) return kind;
  }
  return extraWords.includes(word) ? "state" : undefined;
}
