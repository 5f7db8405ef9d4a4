// Every user-facing text exists in Chinese (first) and English.

export type Lang = "zh" | "en";

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

export function bilingual(zh: string, en: string): Bilingual {
  return { zh, en };
}

export function pick(text: Bilingual, lang: Lang): string {
  return lang === "en" ? text.en : text.zh;
}
