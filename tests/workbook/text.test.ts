// Label folding: NFKC plus removal of every kind of whitespace. The fast path for plain ASCII/CJK text
// must give exactly what full NFKC gives.
import fc from "fast-check";
import { endsWithWord, foldText, withoutSpace, wordSet } from "../../src/core/workbook/text";

const fullFold = (text: string) => text.normalize("NFKC").replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, "");

describe("foldText", () => {
  it.each([
    ["合　计", "合计"],
    ["三级 指标", "三级指标"],
    ["项目资金（万元）", "项目资金(万元)"],
    ["２０２４ 年度", "2024年度"],
    ["可持续发展影响\n指标", "可持续发展影响指标"],
    ["收 入 总 计", "收入总计"],
  ])("folds %j to %j", (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  it("agrees with full NFKC on any text", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (text) => foldText(text) === fullFold(text)), { numRuns: 5000 });
    const tableAlphabet = fc.constantFrom(..."合计项目（）:：２０２４年度ab1 　\n①㈠ｱ﹣");
    fc.assert(fc.property(fc.string({ unit: tableAlphabet }), (text) => foldText(text) === fullFold(text)), { numRuns: 5000 });
  });
});

describe("foldText without NFKC on known text", () => {
  const reference = (text: string) => text.normalize("NFKC").replace(/[\s\u3000\u00a0\u200b\ufeff]+/g, "");

  it("equals NFKC folding for every BMP character alone and beside others", () => {
    const mismatches: string[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const ch = String.fromCharCode(code);
      for (const text of [ch, `项${ch}目`, `${ch}Ａ`, `Ａ${ch}`, `${ch}\u0301`, `a${ch}`]) if (foldText(text) !== reference(text)) mismatches.push(code.toString(16));
    }
    expect(mismatches).toEqual([]);
  });

  it("equals NFKC folding on mixed prose", () => {
    const sample = [..."，。、：；（）《》“”‘’【】—–·×÷≥≤±°％＋－０１２ＡＢａｂ　 \t\n项目a1%"];
    const mismatches: string[] = [];
    for (const a of sample) for (const b of sample) for (const c of sample) if (foldText(a + b + c) !== reference(a + b + c)) mismatches.push(a + b + c);
    expect(mismatches).toEqual([]);
  });
});

describe("withoutSpace and endsWithWord give what their regular expressions give", () => {
  const spaces = ["\t", "\n", "\v", "\f", "\r", " ", "\u00a0", "\u1680", "\u2000", "\u200a", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff", "\u200b", "\u0085"];
  const pieces = fc.constantFrom(...spaces, "合", "计", "率", "a", "1", "（", "\u180e");

  it("removes exactly what /\\s/g removes, and returns the same string when there is none", () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        expect(withoutSpace(text)).toBe(text.replace(/\s/g, ""));
        if (!/\s/.test(text)) expect(withoutSpace(text)).toBe(text);
      }),
    );
    for (let code = 0; code <= 0xffff; code++) {
      const text = `a${String.fromCharCode(code)}b`;
      expect(withoutSpace(text)).toBe(text.replace(/\s/g, ""));
    }
  });

  it("agrees with an end-anchored alternation of the same words", () => {
    const words = ["率", "标准", "成本", "时间", "大中小", "中小", "数"];
    const set = wordSet(words);
    const pattern = new RegExp(`(${words.join("|")})$`);
    fc.assert(
      fc.property(fc.array(fc.constantFrom("率", "标", "准", "成", "本", "时", "间", "大", "中", "小", "数", "x", "人"), { maxLength: 8 }), (parts) => {
        const text = parts.join("");
        expect(endsWithWord(text, set)).toBe(pattern.test(text));
      }),
    );
  });
});
