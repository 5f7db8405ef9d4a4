// The cut-off tests read texts by their last characters and marks; the quick first tests they make
// must decide as the plain definitions do (each reference below is the rule as RULES 1.7 states it).
import fc from "fast-check";
import { unclosedMark } from "../../src/core/indicators/rules-text";
import { headlessEnd } from "../../src/core/indicators/word-ends";

const PAIRS: [string, string][] = [["(", ")"], ["《", "》"], ["〈", "〉"], ["“", "”"], ["‘", "’"], ["【", "】"], ["[", "]"], ["「", "」"]];

/** Reference: per pair, count depth over the text; the first pair (in order) left open. */
function unclosedReference(text: string): string | undefined {
  for (const [open, close] of PAIRS) {
    let depth = 0;
    for (const ch of text) {
      if (ch === open) depth++;
      else if (ch === close && depth > 0) depth--;
    }
    if (depth > 0) return open;
  }
  return undefined;
}

const MODIFIER_ONLY_END = /(中小|大中|大中小|各类|各级|各项|各种|全体|所有|一系列|大型|中型|小型|新型|多种|多项)$/;
const MANNER_PHRASE_END = /(?<=.{4})按(季度|季|月|年|周|规定|要求|标准|程序|比例|计划|合同|进度)$/;
const headlessReference = (text: string) => {
  const compact = text.replace(/\s/g, "");
  return (MODIFIER_ONLY_END.exec(compact) ?? MANNER_PHRASE_END.exec(compact))?.[0];
};

describe("unclosedMark", () => {
  it.each([
    ["《关于〈预算法〉的解读", "《"],
    ["培训(人次", "("],
    ["“三公”经费", undefined],
    ["(a)】(", "("],
    ["】】[", "["],
  ])("%j → %j", (text, expected) => {
    expect(unclosedMark(text)).toBe(expected);
  });

  it("gives the first pair left open, as counting each pair alone does", () => {
    const marks = PAIRS.flat();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...marks, "率", "a", "（"), { maxLength: 14 }), (parts) => {
        const text = parts.join("");
        expect(unclosedMark(text)).toBe(unclosedReference(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("headlessEnd", () => {
  it("finds the modifier or 按 phrase the full patterns find, and nothing else", () => {
    const chars = [..."中小大各类级项种全体所有一系列型新多按季度月年周规定要求标准程序比例计划合同进学生 "];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 10 }), (parts) => {
        const text = parts.join("");
        expect(headlessEnd(text)).toBe(headlessReference(text));
      }),
      { numRuns: 3000 },
    );
  });
});
