// Layouts of other provinces, read from header words and data (issue 12): what each form is read as,
// and that a consistent form of that layout gives no finding.
import { readFileSync } from "node:fs";
import path from "node:path";
import { detectTables } from "../../src/core/detect/detect";
import { checkIndicatorBlock } from "../../src/core/indicators/check";
import { normaliseIndicatorName } from "../../src/core/indicators/framework";
import { analyseBlock } from "../../src/core/indicators/rule";
import { unitMismatchRule, valueFormatRule } from "../../src/core/indicators/rules-values";
import type { IndicatorRowInput } from "../../src/core/indicators/types";
import { parseProjectTargetForm } from "../../src/core/forms/project-target";
import { parseSelfEvaluationForm } from "../../src/core/forms/self-evaluation";
import { parseDepartmentTargetForm } from "../../src/core/forms/department-target";
import { PROJECT_LEGACY, SELF_EVAL, selfEvaluationReading } from "../../src/core/packs";
import { SheetView } from "../../src/core/workbook/sheet-view";
import { statedBreakdown } from "../../src/core/rules/self-evaluation";
import { readWorkbook } from "../../src/io/xlsx-reader";

const DIR = path.resolve(__dirname, "..", "fixtures", "other-regions");

async function firstTable(file: string) {
  const workbook = await readWorkbook(readFileSync(path.join(DIR, file)));
  const table = detectTables(workbook)[0]!;
  return { table, view: new SheetView(workbook.sheets[table.sheetIndex]!) };
}

describe("indicator columns from header words", () => {
  it("Sichuan self-evaluation: 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析, closed by 合计", async () => {
    const { table, view } = await firstTable("sichuan-qingshen-2023-self-evaluation.xlsx");
    const form = parseSelfEvaluationForm(view, table);
    expect(form.indicators!.columns).toMatchObject({ level1: 2, level2: 3, level3: 4, nature: 5, target: 6, unit: 7, actual: 8, weight: 9, score: 10, deviation: 11 });
    expect(form.indicators!.rows.map((row) => row.row)).toEqual([17, 18]);
    expect(form.indicators!.totalRow).toBe(19);
    expect(form.funds!.columns).toMatchObject({ initialBudget: 3, budget: 4, executed: 5, rate: 6, weight: 7, score: 8 });
    expect(form.funds!.otherSources!.map((at) => at.address)).toEqual(["B13", "B14"]);
  });

  it("Hunan target form: starred headers, 指标值类型 and 计量单位", async () => {
    const { table, view } = await firstTable("hunan-yueyanglou-2023-department-targets.xlsx");
    const columns = parseDepartmentTargetForm(view, table).indicators!.columns;
    expect(columns).toMatchObject({ level3: 3, nature: 4, target: 5, unit: 6, scoring: 8 });
  });

  it("one sheet of every project of a unit: projects by their merged names, the 小计 row, amounts in 元", async () => {
    const { table, view } = await firstTable("invented-unit-sheet.xlsx");
    const sheet = parseProjectTargetForm(view, table).unitSheet!;
    expect(sheet.projects.map((project) => [project.name.text, project.budget!.address, project.top, project.bottom])).toEqual([
      ["耕地保护补偿资金", "C5", 5, 10],
      ["地质灾害防治专项经费", "C11", 11, 17],
      ["乡镇国土空间规划编制", "C18", 18, 23],
      ["不动产登记数据整合", "C24", 24, 29],
    ]);
    expect(sheet.subtotal!.value.address).toBe("C4");
    expect(sheet.amountsInYuan).toBe(true);
  });
});

describe("names with their points", () => {
  it.each(["产出指标(50分)", "产出指标（50分）", "产出指标"])("%s is 产出", (name) => expect(normaliseIndicatorName(name)).toBe("产出"));
});

/** One indicator row with its own operator and unit columns (D–F), value in E. */
function row(level2: string, name: string, value: string, nature: string | null, unit: string | null): IndicatorRowInput {
  const cell = (column: string, text: string | null) => (text === null ? null : { text, cell: `${column}10` });
  return { row: 10, level1: cell("A", level2 === "经济成本指标" ? "成本指标" : "产出指标"), level2: cell("B", level2), level3: cell("C", name), nature: cell("D", nature), value: cell("E", value), unit: cell("F", unit ?? "") };
}
const context = { sheet: "表", kind: "project" as const, pack: PROJECT_LEGACY };
const read = (input: IndicatorRowInput) => analyseBlock([input], context).rows[0]!;
const findings = (input: IndicatorRowInput) => checkIndicatorBlock([input], context, { rules: [unitMismatchRule, valueFormatRule] }).findings.map((f) => `${f.rule} ${f.cell}`);

describe("a value as the form states it", () => {
  it("operator, number and unit in three columns read as one target", () => {
    const value = read(row("数量指标", "场馆免费开放天数", "300", "≥", "天")).value!;
    expect([value.operator, value.value!.toString(), value.unit]).toEqual(["≥", "300", "天"]);
    expect(findings(row("数量指标", "场馆免费开放天数", "300", "≥", "天"))).toEqual([]);
  });
  it("a unit in the 三级 name is the value's unit", () => {
    const input = row("经济成本指标", "培训费（万元）", "≤3", "定量", null);
    expect(read(input).value!.unitFamily).toBe("money");
    expect(findings(input)).toEqual([]);
  });
  it("a value whose own unit contradicts its unit column is a unit mismatch", () => {
    expect(findings(row("数量指标", "业务工作支出安排金额", "28.8万元", "定量", "%"))).toEqual(["indicators/unit-mismatch E10"]);
    expect(findings(row("数量指标", "业务工作支出安排金额", "28.8万元", "定量", "万元"))).toEqual([]);
  });
  it("定量 with no number, and a unit beside a qualitative target, are each one finding", () => {
    expect(findings(row("时效指标", "工作安排时间", "按月安排", "定量", null))).toEqual(["indicators/value-format E10"]);
    expect(findings(row("质量指标", "保证单位正常运转", "应保尽保", "定性", "%"))).toEqual(["indicators/unit-mismatch E10"]);
    expect(findings(row("质量指标", "保证单位正常运转", "应保尽保", "定性", null))).toEqual([]);
  });
  it("money on a count and a rate without %", () => {
    // The money unit comes from the 计量单位 column: the slip sits there (F10), not in the number.
    expect(findings(row("数量指标", "培训覆盖单位数", "≥138", "定量", "万元"))).toEqual(["indicators/unit-mismatch F10"]);
    expect(findings(row("数量指标", "培训覆盖单位数", "≥138", "定量", "个"))).toEqual([]);
    expect(findings(row("时效指标", "培训按计划完成率", "≥90", "定量", null))).toEqual(["indicators/unit-mismatch E10"]);
    expect(findings(row("时效指标", "培训按计划完成率", "≥90", "定量", "%"))).toEqual([]);
  });
});

describe("a self-evaluation's framework, read from its rows", () => {
  const pairs = (list: [string, string][]) => ({ indicatorPairs: list.map(([level1, level2]) => ({ level1, level2 })) });
  it("成本指标 under 产出指标 (Anhui) reads the legacy framework and drops the 成本 requirements", () => {
    const pack = selfEvaluationReading(SELF_EVAL, pairs([["产出指标(50分)", "数量指标"], ["产出指标(50分)", "成本指标"]]));
    expect(pack.framework).toBe(PROJECT_LEGACY.framework);
    expect(pack.requirements.some((requirement) => requirement.level1 === "成本指标" || requirement.level2 === "经济成本指标")).toBe(false);
  });
  it("no 成本 row at all (Sichuan) reads the legacy framework too; 成本指标 as a 一级 keeps the pack", () => {
    expect(selfEvaluationReading(SELF_EVAL, pairs([["产出指标", "数量指标"]])).framework).toBe(PROJECT_LEGACY.framework);
    expect(selfEvaluationReading(SELF_EVAL, pairs([["成本指标", "经济成本指标"]]))).toBe(SELF_EVAL);
  });
});

describe("a total and its parts stated in prose", () => {
  it("reads the total and the parts after 其中", () => {
    const stated = statedBreakdown("本项目共完成预算资金89.97万元。其中:30万元用于预算编制;30万元用于审计;29.99万元用于设计。")!;
    expect(stated.total.toString()).toBe("89.97");
    expect(stated.parts.map((part) => part.value.toString())).toEqual(["30", "30", "29.99"]);
  });
  it("needs a total and at least two parts", () => {
    expect(statedBreakdown("其中:30万元用于预算编制;30万元用于审计。")).toBeUndefined();
    expect(statedBreakdown("本项目共申请预算资金90万元。其中:90万元用于预算编制。")).toBeUndefined();
  });
});
