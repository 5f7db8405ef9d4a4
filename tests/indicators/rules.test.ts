import Decimal from "decimal.js";
import fc from "fast-check";
import { checkIndicatorBlock, checkIndicatorBlocks } from "../../src/core/indicators/check";
import type { IndicatorRule } from "../../src/core/indicators/rule";
import { costExceedsBudgetRule, unitCostRatioRule, yuanForWanRule } from "../../src/core/indicators/rules-cost";
import { requiredIndicatorsRule, fixedRowsRule } from "../../src/core/indicators/rules-required";
import { misplacedIndicatorRule, taxonomyRule } from "../../src/core/indicators/rules-taxonomy";
import { cutWidth, duplicateIndicatorRule, fullWidthDigitsRule, missingIndicatorCellRule, truncatedTextRule } from "../../src/core/indicators/rules-text";
import { implausibleValueRule, unitMismatchRule, valueFormatRule } from "../../src/core/indicators/rules-values";
import {
  approximateValueRule,
  changeWordValueRule,
  embeddedLabelRule,
  qualitativeRateRule,
  questionValueRule,
  rangeValueRule,
  wanWithoutYuanRule,
} from "../../src/core/indicators/rules-style";
import { highlightEdits } from "../../src/core/report/highlights";
import { endsMidWord, headlessEnd } from "../../src/core/indicators/word-ends";
import type { IndicatorBlockContext, IndicatorRowInput } from "../../src/core/indicators/types";
import { DEPT_OVERALL_JINAN, PROJECT_COST_FIRST, PROJECT_LEGACY, loadRulePack } from "../../src/core/packs";
import type { RulePack } from "../../src/core/packs";
import { checkWorkbook } from "../../src/core/engine";
import { indicatorFamily } from "../../src/core/rules/indicators";
import { planTemplate } from "../../src/core/templates";
import { readWorkbook } from "../../src/io/xlsx-reader";
import { projectForm, run as runFamily, workbookOf } from "../rules/forms-builders";
import { FILLED_FUNDS, fillEdits, TEMPLATE_CASES, writeCase } from "../templates/template-cases";

type Row = [string | null, string | null, string | null, string | null];

/** Rows as [一级, 二级, 三级, 指标值] in columns A–D from sheet row 10 down. */
function rows(list: Row[]): IndicatorRowInput[] {
  return list.map(([level1, level2, level3, value], index) => {
    const row = 10 + index;
    const cell = (column: string, text: string | null) => (text === null ? null : { text, cell: `${column}${row}` });
    return { row, level1: cell("A", level1), level2: cell("B", level2), level3: cell("C", level3), value: cell("D", value) };
  });
}

function run(rule: IndicatorRule, list: Row[], context: Partial<IndicatorBlockContext> = {}) {
  return checkIndicatorBlock(rows(list), { sheet: "表", kind: "project", pack: PROJECT_COST_FIRST, ...context }, { rules: [rule] });
}

function cells(rule: IndicatorRule, list: Row[], context: Partial<IndicatorBlockContext> = {}): string[] {
  return run(rule, list, context).findings.map((finding) => `${finding.cell} ${finding.severity}`);
}

const COMPLETE: Row[] = [
  ["成本指标", "经济成本指标", "项目总成本", "≤10万元"],
  ["成本指标", "社会成本指标", "不涉及", "不涉及"],
  ["产出指标", "数量指标", "培训人数", "≥100人"],
  ["产出指标", "质量指标", "培训合格率", "≥95%"],
  ["产出指标", "时效指标", "完成时间", "2024年12月底前"],
  ["效益指标", "社会效益指标", "群众获得感", "明显提升"],
  ["满意度指标", "服务对象满意度指标", "参训人员满意度", "≥90%"],
];

describe("indicators/taxonomy", () => {
  const cases: Array<[string, Row[], RulePack, string[]]> = [
    ["a complete cost-first form", COMPLETE, PROJECT_COST_FIRST, []],
    ["names wrapped and without 指标", [["成本\n指标", "经济成本", "总成本", "≤1万元"], ["产出 指标", "数量\u3000指标", "人数", "≥1人"]], PROJECT_COST_FIRST, []],
    ["可持续发展影响指标 is an accepted alias", [["效益指标", "可持续发展影响指标", "长期", "长期"]], PROJECT_COST_FIRST, []],
    ["时效指标 under 效益指标", [["效益指标", "时效指标", "按施工合同完成及时率", "100%"]], PROJECT_COST_FIRST, ["B10 warning"]],
    ["成本指标 as a 二级 in the cost-first pack", [["产出指标", "成本指标", "总成本", "≤1万元"]], PROJECT_COST_FIRST, ["B10 error"]],
    ["成本指标 as a 一级 in the legacy pack", [["成本指标", "经济成本指标", "总成本", "≤1万元"]], PROJECT_LEGACY, ["A10 error"]],
    ["a shifted row: a 二级 in the 一级 column beside 三级 text", [["效益指标", "社会效益指标", "群众获得感", "提升"], ["可持续发展影响指标", "长期发挥作用", "长期", null]], PROJECT_COST_FIRST, []],
    ["an unknown 二级", [["产出指标", "规模指标", "人数", "≥1人"]], PROJECT_COST_FIRST, ["B10 warning"]],
    ["merged rows are reported once", [["效益指标", "时效指标", "a", "100%"], [null, null, "b", "100%"]], PROJECT_COST_FIRST, ["B10 warning"]],
  ];
  it.each(cases)("%s", (_title, list, pack, expected) => {
    expect(cells(taxonomyRule, list, { pack })).toEqual(expected);
  });

  it("a 二级 under the wrong 一级 is one finding: its value is not also judged as that 二级's", () => {
    const list: Row[] = [...COMPLETE.slice(0, 5), ["效益指标", "质量指标", "村庄环境卫生状况", "明显改善"], COMPLETE[6]!];
    const all = checkIndicatorBlock(rows(list), { sheet: "表", kind: "project", pack: PROJECT_COST_FIRST });
    expect(all.findings.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`)).toEqual(["indicators/taxonomy B15"]);
  });
});

describe("indicators/misplaced", () => {
  const cases: Array<[string, Row[], string[]]> = [
    ["a 及时率 under 质量指标", [["产出指标", "质量指标", "活动举办及时率", "100%"]], ["C10 warning"]],
    ["an area under 时效指标", [["产出指标", "时效指标", "活动辐射区域", "≥20 平方公里"]], ["C10 warning"]],
    ["a deadline under 时效指标", [["产出指标", "时效指标", "完成时间", "年底前"]], []],
    ["satisfaction under 社会效益 while the 满意度 block is empty", [["效益指标", "社会效益指标", "参与活动群众满意度", "≥90%"], ["满意度指标", "服务对象满意度指标", null, null]], ["C10 warning"]],
    ["satisfaction under 社会效益 beside a filled 满意度 block", [["效益指标", "社会效益指标", "群众满意率", "≥90%"], ["满意度指标", "服务对象满意度指标", "满意度", "≥90%"]], []],
    ["a 社会成本 row stating a benefit", [["成本指标", "社会成本指标", "提升服务质量", "100%"]], ["C10 warning"]],
  ];
  it.each(cases)("%s", (_title, list, expected) => expect(cells(misplacedIndicatorRule, list)).toEqual(expected));
});

describe("indicators/required", () => {
  it("a complete form passes", () => expect(cells(requiredIndicatorsRule, COMPLETE)).toEqual([]));
  it("a form without 满意度 and 数量 rows gets a warning and an error", () => {
    const list = COMPLETE.filter(([level1, level2]) => level1 !== "满意度指标" && level2 !== "数量指标");
    expect(run(requiredIndicatorsRule, list).findings.map((finding) => finding.severity).sort()).toEqual(["error", "warning"]);
  });
  it("an empty 满意度 skeleton row counts as present: its empty cells are reported as missing values instead", () => {
    const list: Row[] = [...COMPLETE.slice(0, 6), ["满意度指标", "服务对象满意度指标", null, null]];
    expect(run(requiredIndicatorsRule, list).findings).toEqual([]);
    expect(run(missingIndicatorCellRule, list).findings.map((finding) => finding.category)).toEqual(expect.arrayContaining(["missing-value"]));
  });
  it("成本指标 needs a money value: a qualitative cost target does not count", () => {
    const list: Row[] = [["成本指标", "经济成本指标", "总成本", "严格控制"], ...COMPLETE.slice(1)];
    expect(cells(requiredIndicatorsRule, list)).toEqual(["A10 error"]);
  });
  it("a cost number written without its unit counts as a cost row: the missing unit is the value's own finding", () => {
    const list: Row[] = [["成本指标", "经济成本指标", "总成本", "4019.73"], ...COMPLETE.slice(1)];
    expect(cells(requiredIndicatorsRule, list)).toEqual([]);
    expect(run(valueFormatRule, list).findings.map((finding) => finding.cell)).toContain("D10");
  });
});

describe("indicators/fixed-rows (department)", () => {
  const allFixed: Row[] = (DEPT_OVERALL_JINAN.fixedRows?.rows ?? []).map((row) => [row.level1, row.level2, row.level3, row.target]);
  it("the standard rows pass, with =100% for 100%", () => {
    const list = allFixed.map((row): Row => (row[3] === "100%" ? [row[0], row[1], row[2], "=100%"] : row));
    expect(cells(fixedRowsRule, list, { pack: DEPT_OVERALL_JINAN, kind: "department" })).toEqual([]);
  });
  it("a missing row is a warning, a changed target info", () => {
    const list = allFixed.slice(1).map((row): Row => (row[2] === "结转结余率" ? [row[0], row[1], row[2], "≤15%"] : row));
    const found = cells(fixedRowsRule, list, { pack: DEPT_OVERALL_JINAN, kind: "department" });
    expect(found).toContain("A10 warning");
    expect(found.filter((entry) => entry.endsWith("info"))).toHaveLength(1);
  });
});

describe("indicators/value-format", () => {
  const cases: Array<[string, Row, string[]]> = [
    ["a comparison", ["产出指标", "数量指标", "人数", "≥100 人"], []],
    ["a placeholder ≤000", ["产出指标", "数量指标", "新增学位数量", "≤000 个"], ["D10 error"]],
    ["a question is a habit of writing, reported by its own rule", ["产出指标", "质量指标", "验收", "是否合格"], []],
    ["a qualitative cost target", ["成本指标", "经济成本指标", "成本", "有效控制"], ["D10 warning"]],
    ["a qualitative quality target is a habit of writing", ["产出指标", "质量指标", "质量", "逐步提升"], []],
    ["descriptive under 质量", ["产出指标", "质量指标", "培训质量", "质量高低"], ["D10 warning"]],
    ["descriptive under 社会效益", ["效益指标", "社会效益指标", "社会", "促进社会和谐"], []],
    ["a date outside 时效", ["产出指标", "数量指标", "完成", "2024年12月底前"], ["D10 warning"]],
    ["不涉及 under 生态环境成本", ["成本指标", "生态环境成本指标", "生态成本", "不涉及"], []],
    ["不涉及 under 数量", ["产出指标", "数量指标", "人数", "不涉及"], ["D10 warning"]],
    ["a cost with no unit", ["成本指标", "经济成本指标", "人才服务成本", "4019.73"], ["D10 warning"]],
    ["a per-unit cost with no currency", ["成本指标", "经济成本指标", "作业本费标准", "=1900/生/年"], ["D10 warning"]],
    ["a cost range", ["成本指标", "经济成本指标", "补贴标准", "300-800元/人"], []],
    ["a reversed range", ["成本指标", "经济成本指标", "补贴标准", "800-300元/人"], ["D10 warning"]],
  ];
  it.each(cases)("%s", (_title, row, expected) => expect(cells(valueFormatRule, [row])).toEqual(expected));
});

describe("style rules: how a 指标值 is written, once per form", () => {
  const cases: Array<[string, IndicatorRule, Row, string[]]> = [
    ["a question", questionValueRule, ["产出指标", "质量指标", "验收", "是否合格"], ["D10 warning"]],
    ["a firm target is no question", questionValueRule, ["产出指标", "质量指标", "验收合格率", "≥95%"], []],
    ["approximate under 数量", approximateValueRule, ["产出指标", "数量指标", "受益人数", "约2000余人"], ["D10 warning"]],
    ["approximate under 社会效益", approximateValueRule, ["效益指标", "社会效益指标", "受益人数", "约2000余人"], []],
    ["change word", changeWordValueRule, ["效益指标", "社会效益指标", "知晓率", "提升50%"], ["D10 warning"]],
    ["a plain rate is no change word", changeWordValueRule, ["效益指标", "社会效益指标", "知晓率", "≥50%"], []],
    ["a direction word under 质量", qualitativeRateRule, ["产出指标", "质量指标", "服务质量", "逐步提升"], ["D10 warning"]],
    ["a state word under 质量", qualitativeRateRule, ["产出指标", "质量指标", "验收", "合格"], ["D10 info"]],
    ["a manner word under 时效 (RULES 2.3)", qualitativeRateRule, ["产出指标", "时效指标", "发放", "及时"], []],
    ["a direction word under 社会效益", qualitativeRateRule, ["效益指标", "社会效益指标", "获得感", "明显提升"], []],
    ["an embedded label", embeddedLabelRule, ["满意度指标", "服务对象满意度指标", "群众", "满意度≥98%"], ["D10 info"]],
    ["a cost range", rangeValueRule, ["成本指标", "经济成本指标", "补贴标准", "300-800元/人"], ["D10 info"]],
    ["a reversed range is value-format's", rangeValueRule, ["成本指标", "经济成本指标", "补贴标准", "800-300元/人"], []],
    ["万 without 元", wanWithoutYuanRule, ["成本指标", "经济成本指标", "总成本", "15万"], ["D10 warning"]],
    ["万元", wanWithoutYuanRule, ["成本指标", "经济成本指标", "总成本", "15万元"], []],
  ];
  it.each(cases)("%s", (_title, rule, row, expected) => expect(cells(rule, [row])).toEqual(expected));

  it("a habit repeated in one form is one finding naming every cell, and every cell is highlighted", () => {
    const list: Row[] = [
      ["产出指标", "数量指标", "人数", "是否完成"],
      ["产出指标", "质量指标", "验收", "≥95%"],
      ["产出指标", "时效指标", "完成", "是否及时"],
      ["效益指标", "社会效益指标", "效果", "是否长期影响"],
    ];
    const { findings } = run(questionValueRule, list);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ cell: "D10", cells: ["D12", "D13"], severity: "warning" });
    expect(findings[0]!.message.zh).toContain("3 个");
    expect(findings[0]!.message.zh).toContain("D12“是否及时”");
    const marked = highlightEdits(findings).flatMap((edit) => edit.ranges);
    expect(marked.sort()).toEqual(["D10", "D12", "D13"]);
  });

  it("a long list names six cells and counts the rest", () => {
    const list: Row[] = Array.from({ length: 9 }, (_, index): Row => ["产出指标", "数量指标", `人数${index}`, "是否完成"]);
    const [finding] = run(questionValueRule, list).findings;
    expect(finding!.cells).toHaveLength(8);
    expect(finding!.message.zh).toContain("等 9 处");
    expect(finding!.message.en).toContain("and 3 more");
  });

  it("grouped members of different severities stay apart", () => {
    const list: Row[] = [
      ["产出指标", "质量指标", "验收", "合格"],
      ["产出指标", "质量指标", "质量", "逐步提升"],
      ["产出指标", "时效指标", "办结", "完成"],
    ];
    expect(cells(qualitativeRateRule, list).sort()).toEqual(["D10 info", "D11 warning"]);
  });

  it("a pack switches one habit off without touching the others", () => {
    const pack = loadRulePack({ ...JSON.parse(JSON.stringify(PROJECT_COST_FIRST)), rules: { "indicators/value-question": "off" } });
    const list: Row[] = [["产出指标", "数量指标", "人数", "是否完成"], ["产出指标", "数量指标", "户数", "约300户"]];
    const rules = checkIndicatorBlock(rows(list), { sheet: "表", kind: "project", pack }).findings.map((finding) => finding.rule);
    expect(rules).toContain("indicators/value-approximate");
    expect(rules).not.toContain("indicators/value-question");
  });
});

  describe("across the forms of a workbook", () => {
    const form = (sheet: string, firstRow: number, values: string[], pack: RulePack = PROJECT_COST_FIRST) => ({
      rows: values.map((value, index): IndicatorRowInput => {
        const row = firstRow + index;
        return { row, level1: { text: "产出指标", cell: `A${row}` }, level2: { text: "数量指标", cell: `B${row}` }, level3: { text: `人数${index}`, cell: `C${row}` }, value: { text: value, cell: `D${row}` } };
      }),
      context: { sheet, kind: "project" as const, pack, tableId: `${sheet}!A${firstRow}` },
    });
    const questions = (result: ReturnType<typeof checkIndicatorBlocks>) => result.findings.filter((finding) => finding.rule === "indicators/value-question");

    it("a habit repeated form after form on one sheet is one finding naming every cell", () => {
      const result = checkIndicatorBlocks([form("项目表", 5, ["是否完成", "≥10人"]), form("项目表", 20, ["是否完成", "是否合格"])]);
      const [finding, ...others] = questions(result);
      expect(others).toHaveLength(0);
      expect(finding).toMatchObject({ sheet: "项目表", cell: "D5", cells: ["D20", "D21"] });
      expect(finding!.message.zh).toContain("本工作表 3 个指标值是问句");
    });

    it("block rules still report each form on its own", () => {
      const result = checkIndicatorBlocks([form("项目表", 5, ["≤000 个"]), form("项目表", 20, ["≤000 个"])]);
      expect(result.findings.filter((finding) => finding.rule === "indicators/value-format").map((finding) => finding.cell)).toEqual(["D5", "D20"]);
    });

    it("forms on two sheets, or under two packs, are reported apart", () => {
      const onTwoSheets = checkIndicatorBlocks([form("项目表1", 5, ["是否完成"]), form("项目表2", 5, ["是否完成"])]);
      expect(questions(onTwoSheets).map((finding) => `${finding.sheet}!${finding.cell}`)).toEqual(["项目表1!D5", "项目表2!D5"]);
      const warnOnly = loadRulePack({ ...JSON.parse(JSON.stringify(PROJECT_COST_FIRST)), rules: { "indicators/value-question": "info" } });
      const underTwoPacks = checkIndicatorBlocks([form("项目表", 5, ["是否完成"]), form("项目表", 20, ["是否完成"], warnOnly)]);
      expect(questions(underTwoPacks).map((finding) => `${finding.cell} ${finding.severity}`)).toEqual(["D5 warning", "D20 info"]);
    });
  });

describe("indicators/unit-mismatch", () => {
  const cases: Array<[string, Row, string[]]> = [
    ["a cost in 万元", ["成本指标", "经济成本指标", "培训费", "≤15 万元"], []],
    ["天 where 元 is meant", ["成本指标", "经济成本指标", "干部培训标准", "≤450天/人/天"], ["D10 error"]],
    ["a headcount under 成本", ["成本指标", "经济成本指标", "参保人数", "约22万人"], ["D10 error"]],
    ["money for a headcount", ["产出指标", "数量指标", "发放意外伤害保险费人员数量", "约2.5万元"], ["D10 warning"]],
    ["a count for money", ["产出指标", "数量指标", "宣传费用", "200个"], ["D10 warning"]],
    ["satisfaction without %", ["满意度指标", "服务对象满意度指标", "满意度", "95"], ["D10 warning"]],
    ["a completion time as a percentage", ["产出指标", "时效指标", "项目完成时间", ">=99%"], ["D10 warning"]],
    ["万 without 元 is a habit of writing, reported by its own rule", ["成本指标", "经济成本指标", "总成本", "15万"], []],
  ];
  it.each(cases)("%s", (_title, row, expected) => expect(cells(unitMismatchRule, [row])).toEqual(expected));
});

describe("indicators/value-implausible", () => {
  const cases: Array<[string, Row, string[]]> = [
    ["a usual satisfaction target", ["满意度指标", "服务对象满意度指标", "满意度", "≥95%"], []],
    ["satisfaction below 80%", ["满意度指标", "服务对象满意度指标", "满意度", "≥75%"], ["D10 warning"]],
    ["satisfaction 80–85%", ["满意度指标", "服务对象满意度指标", "满意度", "≥80%"], ["D10 info"]],
    ["satisfaction exactly 100%", ["满意度指标", "服务对象满意度指标", "满意度", "=100%"], ["D10 info"]],
    ["a rate above 100%", ["产出指标", "质量指标", "合格率", "120%"], ["D10 error"]],
    ["a growth rate above 100%", ["效益指标", "经济效益指标", "收入增长率", "≥120%"], []],
    ["a cost floor", ["成本指标", "经济成本指标", "活动经费", "≥0.5万元"], ["D10 warning"]],
    ["a cost cap", ["成本指标", "经济成本指标", "活动经费", "≤0.5万元"], []],
    ["complaints counted upwards", ["效益指标", "社会效益指标", "群众投诉次数", "≥3次"], ["D10 warning"]],
    ["complaints handled upwards", ["产出指标", "质量指标", "投诉处理率", "≥95%"], []],
    ["losses recovered upwards: the verb takes the loss away", ["效益指标", "经济效益指标", "为消费者挽回经济损失", "≥50万元"], []],
    ["losses recovered, noun first", ["效益指标", "经济效益指标", "经济损失挽回金额", "≥50万元"], []],
    ["losses cut, stated as the cut", ["效益指标", "经济效益指标", "减少群众经济损失", "≥20万元"], []],
    ["losses cut, stated as the level", ["效益指标", "经济效益指标", "减少群众经济损失", "≤20万元"], []],
    ["losses counted upwards", ["效益指标", "经济效益指标", "养殖户经济损失", "≥20万元"], ["D10 warning"]],
    ["complaints left unhandled, counted upwards", ["产出指标", "质量指标", "投诉未处理件数", "≥3件"], ["D10 warning"]],
    ["complaints handled late, counted upwards", ["产出指标", "质量指标", "投诉处理不及时次数", "≥3次"], ["D10 warning"]],
    ["faulty products handled upwards: 不 opens the object", ["产出指标", "数量指标", "处理不合格产品数量", "≥100件"], []],
    ["no accidents", ["产出指标", "数量指标", "安全事故发生数", "=0 起"], []],
    ["beneficiaries capped", ["产出指标", "数量指标", "特教生活补助受益人数", "≤125 人"], ["D10 warning"]],
    ["a zero output", ["产出指标", "数量指标", "培训人数", "=0 人"], ["D10 warning"]],
    ["a low quality rate", ["产出指标", "质量指标", "补贴发放率", "≥70%"], ["D10 info"]],
  ];
  it.each(cases)("%s", (_title, row, expected) => expect(cells(implausibleValueRule, [row])).toEqual(expected));

  it("the pack's satisfaction threshold decides", () => {
    const strict = loadRulePack({ ...JSON.parse(JSON.stringify(PROJECT_COST_FIRST)), thresholds: { satisfactionMin: 95 } });
    expect(cells(implausibleValueRule, [["满意度指标", "服务对象满意度指标", "满意度", "≥90%"]], { pack: strict })).toEqual(["D10 warning"]);
  });
});

describe("indicators/duplicate", () => {
  const cases: Array<[string, Row[], string[]]> = [
    ["distinct names", [["产出指标", "数量指标", "a", "1个"], ["产出指标", "数量指标", "b", "1个"]], []],
    ["the same name twice under one 二级", [["产出指标", "质量指标", "补助发放率", "100%"], [null, null, "补助发放率", "100%"]], ["C11 warning"]],
    ["the same name and value under two 二级", [["产出指标", "数量指标", "补助", "100%"], ["产出指标", "质量指标", "补助", "100%"]], ["C11 warning"]],
    ["the same name with different values under two 二级", [["产出指标", "数量指标", "补助", "100人"], ["产出指标", "质量指标", "补助", "100%"]], []],
  ];
  it.each(cases)("%s", (_title, list, expected) => expect(cells(duplicateIndicatorRule, list)).toEqual(expected));
});

describe("indicators/truncated-text", () => {
  it("finds a cut width only where names pile up at one width", () => {
    const cut = ["城镇职工长期护理保险的财政", "支付协议护理机构以及人员服", "城镇职工长期护理保险补助人", "提升参保群众的幸福感、获得", "保障职工及时享受长期护理保"];
    expect(cutWidth([...cut, "培训人数", "合格率", "完成时间及时"])).toBe(13);
    expect(cutWidth(["培训人数", "合格率", "完成时间及时", "群众满意度调查结果", "城镇职工长期护理保险补助人数", "发放金额"])).toBeUndefined();
  });
  const cases: Array<[string, Row[], string[]]> = [
    ["a name ending with 、", [["产出指标", "数量指标", "完成公告、笔试报名、面试、", "100%"]], ["C10 warning"]],
    ["a value ending with ，", [["效益指标", "社会效益指标", "政策", "落实应急周转金政策，"]], ["D10 warning"]],
    ["whole names", [["产出指标", "数量指标", "培训人数", "≥10人"]], []],
    ["a name stopping mid-word (补 of 补贴)", [["产出指标", "质量指标", "居民养老基础养老金区级补", "100%"]], ["C10 warning"]],
    ["a name ending in a whole word on the same character (奖补)", [["产出指标", "数量指标", "创业担保贷款贴息及奖补", "≥10户"]], []],
    ["a name ending on a 按 phrase without its verb", [["产出指标", "时效指标", "确保绩效考核奖励报酬按季度", "确保"]], ["C10 warning"]],
    ["a 按 phrase that is the whole value", [["产出指标", "时效指标", "报酬发放频次", "按季度"]], []],
    ["a value ending on a modifier without its noun", [["产出指标", "数量指标", "关心下一代成长范围", "开发区青年职工、中小"]], ["D10 warning"]],
    ["a value naming the whole group", [["产出指标", "数量指标", "关心下一代成长范围", "开发区青年职工、中小学生"]], []],
  ];
  it.each(cases)("%s", (_title, list, expected) => expect(cells(truncatedTextRule, list)).toEqual(expected));

  it.each<[string, boolean]>([
    ["全面加强教师队伍建", true],
    ["加强历下教育宣传力", true],
    ["居民养老基础养老金按时足", true],
    ["居民养老保险缴费补贴及困", true],
    ["学校校舍改扩建", false],
    ["强化文化惠民的引导力", false],
    ["保障资金充足", false],
    ["帮扶对象全部脱困", false],
    ["提升基层治理能力", false],
    ["短的建", false],
  ])("endsMidWord(%s) is %s", (text, expected) => expect(endsMidWord(text)).toBe(expected));
  it.each<[string, string | undefined]>([
    ["开发区青年职工、中小", "中小"],
    ["面向各类", "各类"],
    ["确保绩效考核奖励报酬按季度", "按季度"],
    ["补贴资金按规定", "按规定"],
    ["按季度", undefined],
    ["扶持中小企业", undefined],
    ["报酬按季度发放", undefined],
    ["资金拨付及时", undefined],
  ])("headlessEnd(%s) is %s", (text, expected) => expect(headlessEnd(text)).toBe(expected));
  it("names at the cut width are flagged unless they end like a whole indicator name", () => {
    const names = ["城镇职工长期护理保险的财政", "支付协议护理机构以及人员服", "城镇职工长期护理保险补助人", "提升参保群众的幸福感、获得", "参加居民医疗保险费用补贴率", "培训人数", "持续促进老干部工作提质增效"];
    const found = cells(truncatedTextRule, names.map((name): Row => ["产出指标", "数量指标", name, "100%"]));
    expect(found).toEqual(["C10 warning", "C11 warning", "C12 warning", "C13 warning"]);
  });

  // The per-form cut width and the twins of a cut name were fitted to one document; they are gone.
  it("no longer learns a cut width from two certain cuts of one form", () => {
    const form = ["居民养老基础养老金区级补", "居民养老基础养老金按时足", "长期提升人民群众社会保障"].map((text): Row => ["产出指标", "质量指标", text, "100%"]);
    expect(cells(truncatedTextRule, form)).toEqual(["C10 warning", "C11 warning"]);
  });

  describe("signals that hold for any form", () => {
    const one = (name: string, value = "100%"): Row[] => [["产出指标", "质量指标", name, value]];
    it.each<[string, string, string[]]>([
      ["a bracket left open", "《〈城市规划〉宣传册发放", ["C10 warning"]],
      ["a quote left open", "开展“美丽庭院创建活动", ["C10 warning"]],
      ["balanced quotes", "“两新”组织党建工作覆盖率", []],
      ["a one-character clause after a comma", "确保资金按时拨付到位，用", ["C10 warning"]],
      ["a list of single characters", "衣、食、住、行", []],
      ["a name ending on 、", "老干部活动中心、", ["C10 warning"]],
    ])("%s: %s", (_title, name, expected) => expect(cells(truncatedTextRule, one(name))).toEqual(expected));

    it("a name that stops inside a head word its sibling completes is cut", () => {
      const form: Row[] = [
        ["效益指标", "社会效益指标", "基层单位财务管理规范化水平提升", "明显提升"],
        ["效益指标", "可持续影响指标", "基层单位财务管理规范化水", "长期"],
      ];
      const found = run(truncatedTextRule, form).findings;
      expect(found.map((finding) => finding.cell)).toEqual(["C11"]);
      expect(found[0]!.message.zh).toContain("水平");
    });
    it("a whole name that a sibling extends by further words is not cut", () => {
      const form: Row[] = [
        ["产出指标", "数量指标", "发放补助种类", "≥3类"],
        ["产出指标", "时效指标", "发放补助种类完成及时率", "100%"],
        ["产出指标", "数量指标", "人才公寓租金", "≤20万元"],
        ["产出指标", "时效指标", "人才公寓租金支付及时率", "100%"],
      ];
      expect(cells(truncatedTextRule, form)).toEqual([]);
    });
  });
});

describe("indicators/missing-value", () => {
  const cases: Array<[string, Row[], string[]]> = [
    ["a name without a value", [["产出指标", "数量指标", "培训人数", ""]], ["D10 error"]],
    ["an empty 满意度 group", [["满意度指标", "服务对象满意度指标", "", ""]], ["C10 warning", "D10 warning"]],
    ["a spare empty row beside a filled one", [["产出指标", "数量指标", "培训人数", "≥1人"], [null, null, "", ""]], []],
    // A merged 一级/二级 reads the same text on every row it covers.
    ["a spare empty row under a merged 二级", [["成本指标", "经济成本指标", "项目总成本", "≤10万元"], ["成本指标", "经济成本指标", "", ""]], []],
    ["an empty row under another 二级 of the same 一级", [["成本指标", "经济成本指标", "项目总成本", "≤10万元"], ["成本指标", "社会成本指标", "", ""]], ["C11 warning", "D11 warning"]],
  ];
  it.each(cases)("%s", (_title, list, expected) => expect(cells(missingIndicatorCellRule, list)).toEqual(expected));
});

describe("cost rules (RULES 3.5)", () => {
  const costRows = (total: string | null, components: string[]): Row[] => [
    ...(total === null ? [] : [["成本指标", "经济成本指标", "项目总成本", total] as Row]),
    ...components.map((value, index): Row => ["成本指标", "经济成本指标", `成本构成${index + 1}`, value]),
  ];
  const cases: Array<[string, Row[], string, string[]]> = [
    ["total within funds", costRows("≤32万元", ["20万元", "12万元"]), "32", []],
    ["total 1.5× the funds", costRows("≤48万元", []), "32", ["D10 error"]],
    ["components 1.8× the funds, no total row", costRows(null, ["90万元", "60万元", "30万元"]), "100", ["D10 error"]],
    ["精神文明 110 + 30 + 21.57 = 161.57", costRows(null, ["110万元", "30万元", "21.57万元"]), "161.57", []],
    ["a one-cent rounding residue", costRows(null, ["12.345万元", "20.005万元"]), "32.34", []],
    ["components below the funds", costRows(null, ["10万元", "12万元"]), "32", ["D10 info"]],
  ];
  it.each(cases)("%s", (_title, list, funds, expected) => {
    expect(cells(costExceedsBudgetRule, list, { funds: new Decimal(funds) })).toEqual(expected);
  });

  it("reports not checked when no funds figure was read", () => {
    const result = run(costExceedsBudgetRule, costRows("≤32万元", []));
    expect(result.findings).toEqual([]);
    expect(result.notChecked).toHaveLength(1);
  });

  it("components in 元 that only add up as 万元 (劳模 =2 元 + =1.46 元 vs 3.46 万元)", () => {
    const list = costRows("=3.46 万元", ["=2 元", "=1.46 元"]);
    expect(cells(yuanForWanRule, list, { funds: new Decimal("3.46") })).toEqual(["D11 error", "D12 error"]);
    expect(cells(yuanForWanRule, costRows("=3.46 万元", ["=20000 元", "=14600 元"]), { funds: new Decimal("3.46") })).toEqual([]);
  });

  const ratioCases: Array<[string, string, string, string, string[]]> = [
    ["高龄津贴 0.12 万元/年/人 × 8000 人 = 960 vs 480", "≤0.12 万元/年/人", "≥8000 人", "480", ["D10 warning"]],
    ["灵活就业 647 元/月 × 12 × 1200 人 = 931.68 vs 559.01", "≤647 元/月", "=1200 人", "559.01", ["D10 warning"]],
    ["警务辅助 8.24 万元/年 × 342 人 = 2818.08 vs 2820.81", "≤8.24 万元/年/人", "=342 人", "2820.81", []],
    ["取暖费 1700 元/人 × 1300 人 = 221 万元", "1700元/人", "1300人", "221", []],
  ];
  it.each(ratioCases)("%s", (_title, standard, quantity, funds, expected) => {
    const list: Row[] = [["成本指标", "经济成本指标", "补贴标准", standard], ["产出指标", "数量指标", "补贴人数", quantity]];
    expect(cells(unitCostRatioRule, list, { funds: new Decimal(funds) })).toEqual(expected);
  });

  it("an amount per year that names no count and is no standard is not multiplied by a headcount", () => {
    const perYear: Row[] = [["成本指标", "经济成本指标", "办公经费", "42万元/年"], ["产出指标", "数量指标", "服务人数", "325人"]];
    expect(cells(unitCostRatioRule, perYear, { funds: new Decimal(85) })).toEqual([]);
    const standard: Row[] = [["成本指标", "经济成本指标", "人均补贴标准", "42万元/年"], ["产出指标", "数量指标", "服务人数", "325人"]];
    expect(cells(unitCostRatioRule, standard, { funds: new Decimal(85) })).toEqual(["D10 warning"]);
  });

  // Property: components that add up to the funds raise nothing; inflating one component beyond the
  // tolerance raises exactly one finding.
  it("consistent components pass; one perturbed component gives exactly one finding", () => {
    const cents = fc.integer({ min: 1, max: 10_000_000 });
    fc.assert(
      fc.property(fc.array(cents, { minLength: 2, maxLength: 8 }), fc.nat(), fc.integer({ min: 2, max: 1_000_000 }), (parts, pick, bump) => {
        const amounts = parts.map((part) => new Decimal(part).dividedBy(100));
        const funds = amounts.reduce((acc, amount) => acc.plus(amount), new Decimal(0));
        const asRows = (list: Decimal[]) => costRows(null, list.map((amount) => `≤${amount.toFixed(2)}万元`));
        if (cells(costExceedsBudgetRule, asRows(amounts), { funds }).length !== 0) return false;
        const index = pick % amounts.length;
        // Beyond the rounding allowance of 3.0 (0.005 per part, capped at 0.05 万元).
        const perturbed = amounts.map((amount, at) => (at === index ? amount.plus(new Decimal(bump).dividedBy(100)).plus("0.05") : amount));
        const found = run(costExceedsBudgetRule, asRows(perturbed), { funds }).findings;
        return found.length === 1 && found[0]?.severity === "error" && found[0].category === "cost-exceeds-budget";
      }),
      { numRuns: 200 },
    );
  });
});

describe("pack settings", () => {
  it("a pack switches a rule off and changes another's severity", () => {
    const pack = loadRulePack({ ...JSON.parse(JSON.stringify(PROJECT_COST_FIRST)), rules: { "indicators/value-format": "off", "indicators/unit-mismatch": "info" } });
    const result = checkIndicatorBlock(rows([["成本指标", "经济成本指标", "干部培训标准", "≤450天/人/天"], ["产出指标", "质量指标", "验收", "是否合格"]]), { sheet: "表", kind: "project", pack });
    expect(result.findings.some((finding) => finding.rule === "indicators/value-format")).toBe(false);
    expect(result.findings.find((finding) => finding.rule === "indicators/unit-mismatch")?.severity).toBe("info");
  });
  it("findings carry sheet, table, bilingual messages with the numbers", () => {
    const result = checkIndicatorBlock(rows([["成本指标", "经济成本指标", "项目总成本", "≤48万元"]]), { sheet: "项目表", tableId: "s1!A1:E20", kind: "project", pack: PROJECT_COST_FIRST, funds: new Decimal(32) }, { rules: [costExceedsBudgetRule] });
    expect(result.findings[0]).toMatchObject({ sheet: "项目表", cell: "D10", tableId: "s1!A1:E20", category: "cost-exceeds-budget", severity: "error" });
    expect(result.findings[0]?.message.zh).toContain("48.00 万元");
    expect(result.findings[0]?.message.en).toContain("32.00 万元");
  });
});

describe("indicators/unit-cost-ratio against the cost of the same subject (RULES 3.5)", () => {
  const base = (standard: string, count: string, component: string): Row[] => [
    ["成本指标", "经济成本指标", "项目总成本", "=3.46万元"],
    ["成本指标", "经济成本指标", "发放荣誉津贴金额", component],
    ["成本指标", "经济成本指标", "荣誉津贴人均标准", standard],
    ["产出指标", "数量指标", "荣誉津贴人数", count],
  ];
  it.each([
    ["standard × count equals the stated component", "=1800元/人", "=3人", "=0.54万元", []],
    ["the component written in 元 where 万元 is meant still agrees", "=1800元/人", "=3人", "=0.54元", []],
    ["a ceiling the product stays under", "=1800元/人", "≥3人", "≤1万元", []],
    ["a stated component the product does not reach", "=1800元/人", "=3人", "=1.46元", ["D12 warning"]],
    ["a ceiling the product exceeds", "=1800元/人", "=10人", "≤1万元", ["D12 warning"]],
  ])("%s", (_title, standard, count, component, expected) => {
    expect(cells(unitCostRatioRule, base(standard as string, count as string, component as string))).toEqual(expected);
  });
});

describe("indicators/full-width-digits (RULES 2.1.4: flag, do not convert silently)", () => {
  const named = (list: Row[]) => run(fullWidthDigitsRule, list).findings.map((f) => ({ rule: f.rule, cell: f.cell, severity: f.severity, category: f.category, actual: f.actual }));

  it.each<[string, Row]>([
    ["half-width digits with a full-width operator and sign", ["产出指标", "质量指标", "图书验收合格率", "＝100％"]],
    ["half-width digits", ["满意度指标", "服务对象满意度指标", "读者满意度", "≥95%"]],
  ])("no finding for %s", (_title, row) => expect(named([row])).toEqual([]));

  it.each<[string, Row]>([
    ["≥９５％", ["满意度指标", "服务对象满意度指标", "读者满意度", "≥９５％"]],
    ["＝１００％", ["产出指标", "质量指标", "图书验收合格率", "＝１００％"]],
  ])("%s is number-as-text, info, at the 指标值", (value, row) => {
    expect(named([row])).toEqual([{ rule: "indicators/full-width-digits", cell: "D10", severity: "info", category: "number-as-text", actual: value }]);
  });

  it("in a whole form the value is still read (＝１００％ meets =100%): the full-width note is the only finding", () => {
    const sheet = projectForm("项目", { name: "社区图书室图书购置", total: 10, fiscal: 10, carryOver: 0, other: 0 });
    (sheet.rows as unknown as unknown[][])[12][4] = { type: "string", value: "＝１００％" }; // E13, 图书验收合格率
    const found = runFamily(workbookOf(sheet), indicatorFamily).findings.map((f) => `${f.rule}@${f.cell}:${f.severity}`);
    expect(found).toEqual(["indicators/full-width-digits@E13:info"]);
  });
});

describe("indicators/uncalculated-target (a 指标值 formula without a cached result)", () => {
  const project = TEMPLATE_CASES.find((c) => c.name === "project-cost-first")!;
  const UNCALCULATED = "indicators/uncalculated-target";

  it("is declared as an info-level indicator-value-format rule of the indicators family", () => {
    expect(indicatorFamily.rules.find((r) => r.id === UNCALCULATED)).toMatchObject({ category: "indicator-value-format", severity: "info" });
  });

  it("a template whose 项目总成本 formula was calculated (funds entered) is checked as usual", async () => {
    const layout = planTemplate(project.kind, { ...project.options, funds: FILLED_FUNDS }).layout;
    const { bytes } = await writeCase(project, fillEdits(layout), { funds: FILLED_FUNDS });
    const result = checkWorkbook(await readWorkbook(bytes), { families: [indicatorFamily] });
    expect(result.notChecked).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it("an empty template's 项目总成本 formula, never calculated, is said to be not checked at its cell, and not reported as missing", async () => {
    const { layout, bytes } = await writeCase(project);
    const result = checkWorkbook(await readWorkbook(bytes), { families: [indicatorFamily] });
    expect(result.notChecked.map((n) => ({ rule: n.rule, sheet: n.sheet, cell: n.cell }))).toEqual([{ rule: UNCALCULATED, sheet: layout.sheet, cell: "E11" }]);
    expect(result.notChecked[0]!.reason.zh).toContain("没有计算结果");
    expect(result.findings.filter((f) => f.cell === "E11")).toEqual([]);
  });

  it.each<[string, number]>([
    ["项目总成本, the only 经济成本指标", 11],
    ["the only 数量指标", 12],
    ["the only 满意度 row", 16],
  ])("the row of %s with an uncalculated target still counts: not checked, and no category reported missing", (_title, row) => {
    const sheet = projectForm("项目", { name: "社区图书室图书购置", total: 10, fiscal: 10, carryOver: 0, other: 0 });
    (sheet.rows as unknown as unknown[][])[row - 1]![4] = { type: "string", value: "", formula: "SUM(C6:C8)", uncalculated: true };
    const result = runFamily(workbookOf(sheet), indicatorFamily);
    expect(result.notChecked.map((n) => `${n.rule}@${n.cell}`)).toEqual([`${UNCALCULATED}@E${row}`]);
    expect(result.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual([]);
  });
});
