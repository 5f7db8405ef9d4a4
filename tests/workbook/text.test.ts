// Label folding: NFKC plus removal of every kind of whitespace. The fast path for plain ASCII/CJK text
// must give exactly what full NFKC gives.
import fc from "fast-check";
import { foldText } from "../../src/core/workbook/text";

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
