import { amountInWanYuan, parseIndicatorValue } from "../../src/core/indicators/value-grammar";

describe("指标值 grammar (RULES 2.1, 2.2)", () => {
  const cases: Array<[string, string, string | undefined, string | undefined, string | undefined, string | undefined]> = [
    // text, form, operator, value, unit, unit family
    ["不低于35000人", "comparison", "≥", "35000", "人", "count"],
    ["大于1家", "comparison", ">", "1", "家", "count"],
    ["≥12万头只", "comparison", "≥", "12", "万头只", "count"],
    ["≥3000羽", "comparison", "≥", "3000", "羽", "count"],
    ["不超过5万元", "comparison", "≤", "5", "万元", "money"],
    ["<= 1,616.61 万元", "comparison", "≤", "1616.61", "万元", "money"],
    ["＝１００％", "comparison", "=", "100", "%", "percent"],
    ["1000元-30000元", "range", undefined, "1000", "元", "money"],
    ["约2000余人", "approx", undefined, "2000", "人", "count"],
    ["增加1300人左右", "change-word+number", undefined, "1300", "人", "count"],
    ["满意度≥98%", "embedded", "≥", "98", "%", "percent"],
    ["2024年10-12月", "date-or-period", undefined, undefined, undefined, undefined],
    ["8月底之前完成", "date-or-period", undefined, undefined, undefined, undefined],
    ["有效促进", "qualitative", undefined, undefined, undefined, undefined],
    ["是否达标", "yes-no", undefined, undefined, undefined, undefined],
    ["该项目不涉及生态成本", "not-applicable", undefined, undefined, undefined, undefined],
    ["无社会成本", "not-applicable", undefined, undefined, undefined, undefined],
    ["【填写目标值】", "garbled", undefined, undefined, undefined, undefined],
    ["≤000 个", "garbled", "≤", "0", "个", "count"],
    ["支付被拖欠农民工工资", "descriptive", undefined, undefined, undefined, undefined],
    ["≤450天/人/天", "comparison", "≤", "450", "天/人/天", "time"],
  ];
  it.each(cases)("%s → %s", (text, form, operator, value, unit, family) => {
    const reading = parseIndicatorValue(text);
    expect(reading.form).toBe(form);
    expect(reading.operator).toBe(operator);
    expect(reading.value?.toString()).toBe(value);
    expect(reading.unit).toBe(unit);
    expect(reading.unitFamily).toBe(family);
  });

  it("flags full-width digits instead of converting them silently", () => {
    expect(parseIndicatorValue("≥９５％").hints).toContain("full-width-digits");
    expect(parseIndicatorValue("≥95%").hints).not.toContain("full-width-digits");
  });

  it("reads 万 as 万元 with a hint, and converts 元 to 万元 exactly", () => {
    const wan = parseIndicatorValue("15万");
    expect(wan.hints).toContain("wan-without-yuan");
    expect(amountInWanYuan(wan)?.toString()).toBe("15");
    expect(amountInWanYuan(parseIndicatorValue("=14600 元"))?.toString()).toBe("1.46");
    expect(amountInWanYuan(parseIndicatorValue("≤0.12 万元/年/人"))?.toString()).toBe("0.12");
  });

  it("marks a reversed range", () => {
    expect(parseIndicatorValue("800-300元/人").hints).toContain("range-reversed");
  });
});

describe("a period of two dates", () => {
  it.each([
    ["2025年3月-2025年11月", false],
    ["2025年6月-2025年4月", true],
    ["2025年6月1日至2025年9月30日", false],
    ["2025年9月30日至2025年6月1日", true],
    ["2024年12月-2025年2月", false],
  ])("%j is a date-or-period value, reversed: %s", (text, reversed) => {
    const reading = parseIndicatorValue(text);
    expect(reading.form).toBe("date-or-period");
    expect(reading.hints.includes("range-reversed")).toBe(reversed);
  });
});
