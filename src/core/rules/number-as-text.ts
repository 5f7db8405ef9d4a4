// A number typed as text ("1,616.61") is still read as the number it shows, and flagged where any
// rule reads it as an amount: Excel does not add it into SUM(), so totals over it silently drop it.
import type { RuleMeta } from "./rule";

export const numberAsText: RuleMeta = {
  id: "cells/number-as-text",
  category: "number-as-text",
  severity: "warning",
  description: { zh: "金额以文本形式存储", en: "An amount stored as text" },
};

export function numberAsTextMessage(text: string, value: string) {
  return {
    zh: `金额“${text}”以文本形式存储（按 ${value} 读取）；Excel 的求和公式会忽略它，请改为数值`,
    en: `the amount "${text}" is stored as text (read as ${value}); Excel's SUM ignores it, so store it as a number`,
  };
}
