// A template is valid by construction: filled in the way a clerk would, it draws no finding; left
// empty, it draws only missing-value findings, one at each empty required input.
import { checkWorkbook } from "../../src/core/engine";
import { templateInputFamily } from "../../src/core/rules/template-inputs";
import { inputCells } from "../../src/core/templates";
import { readWorkbook } from "../../src/io/xlsx-reader";
import { FILLED_FUNDS, fillEdits, TEMPLATE_CASES, writeCase } from "./template-cases";
import { planTemplate } from "../../src/core/templates";

describe.each(TEMPLATE_CASES.map((c) => [c.name, c] as const))("template %s", (_name, testCase) => {
  test("filled in with valid values, draws no finding", async () => {
    const layout = planTemplate(testCase.kind, { ...testCase.options, funds: FILLED_FUNDS }).layout;
    const { bytes } = await writeCase(testCase, fillEdits(layout), { funds: FILLED_FUNDS });
    const result = checkWorkbook(await readWorkbook(bytes));
    expect(result.findings.map((f) => `${f.rule} ${f.cell}: ${f.message.en}`)).toEqual([]);
  });

  test("left empty, draws one missing-value finding per empty required input and nothing else", async () => {
    const { layout, bytes } = await writeCase(testCase);
    const result = checkWorkbook(await readWorkbook(bytes));
    const required = inputCells(layout).filter((c) => c.input!.required && (c.input!.initial === undefined || c.input!.initial === null));
    const emptyRequired = required.filter((c) => c.formula === undefined).map((c) => c.at).sort();
    // A suggested value computed by a formula (项目总成本 = ≤ funds) has no stored result in a file that
    // was never opened in Excel: the checker says it could not read it, it does not call it missing.
    const uncalculatedInputs = required.filter((c) => c.formula !== undefined && c.formula.result === "").map((c) => c.at).sort();
    expect(result.findings.filter((f) => f.category !== "missing-value").map((f) => `${f.rule} ${f.cell}: ${f.message.en}`)).toEqual([]);
    expect(result.findings.map((f) => f.cell).sort()).toEqual(emptyRequired);
    const notCheckedCells = result.notChecked.map((n) => n.cell);
    for (const cell of uncalculatedInputs) expect(notCheckedCells).toContain(cell);
  });
});

describe("template/required-input", () => {
  const named = (findings: readonly { rule: string; sheet: string; cell: string; severity: string; message: { zh: string } }[]) =>
    findings.map((f) => ({ rule: f.rule, at: `${f.sheet}!${f.cell}`, severity: f.severity, zh: f.message.zh }));
  /** The template filled in validly, except the inputs whose role is left out. */
  async function filledExcept(name: string, ...roles: string[]) {
    const testCase = TEMPLATE_CASES.find((c) => c.name === name)!;
    const layout = planTemplate(testCase.kind, { ...testCase.options, funds: FILLED_FUNDS }).layout;
    const left = new Set(inputCells(layout).filter((c) => roles.includes(c.input!.role)).map((c) => c.at));
    const edits = fillEdits(layout).filter((e) => !("cell" in e) || !left.has(e.cell));
    const { bytes } = await writeCase(testCase, edits, { funds: FILLED_FUNDS });
    return { layout, workbook: await readWorkbook(bytes), left: [...left] };
  }

  it("a filled template has no empty required input", async () => {
    const { workbook } = await filledExcept("department");
    expect(checkWorkbook(workbook, { families: [templateInputFamily] }).findings).toEqual([]);
  });

  it("an empty required input is a warning at that cell, named by its label", async () => {
    const { layout, workbook, left } = await filledExcept("project-cost-first", "overallGoal");
    expect(left).toEqual(["B9"]);
    expect(named(checkWorkbook(workbook, { families: [templateInputFamily] }).findings)).toEqual([
      { rule: "template/required-input", at: `${layout.sheet}!B9`, severity: "warning", zh: "必填项“年度总体绩效目标”未填写" },
    ]);
  });

  it("an input in a table is named by its row and its column (项目总成本 / 实际完成指标值)", async () => {
    const { layout, workbook } = await filledExcept("self-evaluation-cost-first", "indicator.actual", "achievedGoal");
    const messages = new Map(named(checkWorkbook(workbook, { families: [templateInputFamily] }).findings).map((f) => [f.at, f.zh]));
    expect(messages.get(`${layout.sheet}!F11`)).toBe("必填项“年度总体目标 / 目标实际完成情况”未填写");
    expect(messages.get(`${layout.sheet}!F13`)).toBe("必填项“项目总成本 / 实际完成指标值”未填写");
    // Past the 不涉及 of the rows above, to the header.
    expect(messages.get(`${layout.sheet}!F18`)).toMatch(/^必填项“.+ \/ 实际完成指标值”未填写$/);
  });

  it("in a full check it is the rule that reports an input no form rule knows (部门战略目标)", async () => {
    const { layout, workbook, left } = await filledExcept("department", "strategicGoal");
    expect(left).toEqual(["B14"]);
    expect(named(checkWorkbook(workbook).findings)).toEqual([
      { rule: "template/required-input", at: `${layout.sheet}!B14`, severity: "warning", zh: "必填项“部门战略目标”未填写" },
    ]);
  });
});
