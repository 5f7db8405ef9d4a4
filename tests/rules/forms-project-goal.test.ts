// project-form/truncated-goal (RULES 1.7, 2.2): a 年度总体绩效目标 cut off by an export; project-form/missing-field
// (P15) and project-form/copied-goal (3.5), the other checks of a form's head.
import { checkWorkbook } from "../../src/core/engine";
import { projectFormFamily } from "../../src/core/rules/project-form";
import type { SheetSnapshot } from "../../src/core/workbook/snapshot";
import { readFixture } from "../helpers/fixtures";
import { projectForm, run, workbookOf, type ProjectFormSpec } from "./forms-builders";

const WHOLE = "为社区图书室购置图书并完成上架，提升群众阅读满意度。";

function cutGoals(...goals: string[]): string[] {
  const sheets = goals.map((goal, index) => projectForm(`项目${index + 1}`, { name: `项目${index + 1}`, total: 10, fiscal: 10, carryOver: 0, other: 0, goal }));
  return run(workbookOf(...sheets), projectFormFamily)
    .findings.filter((finding) => finding.rule === "project-form/truncated-goal")
    .map((finding) => `${finding.sheet}!${finding.cell}`);
}

describe("project-form/truncated-goal", () => {
  it("whole goals are silent", () => expect(cutGoals(WHOLE, WHOLE, WHOLE)).toEqual([]));

  it("a goal ending on a comma is cut, however few the forms", () => expect(cutGoals("为社区图书室购置图书，")).toEqual(["项目1!B9"]));

  it("with a few forms, the longest goal that ends its inner sentences with 。 but not its last is cut", () => {
    const cut = "培训和服务，为老年人提供学习场所和培训，增强获得感和幸福感。开发区青年职工和五老工作室建设，加强青少年";
    expect(cutGoals(WHOLE, cut, WHOLE)).toEqual(["项目2!B9"]);
  });

  it("a long goal without any 。 of a workbook of few forms is not judged by its width", () => {
    const unpunctuated = "为社区图书室购置图书并完成上架，组织读书活动十二场，提升群众阅读满意度和社区文化氛围";
    expect(cutGoals(WHOLE, unpunctuated)).toEqual([]);
  });

  it("a goal ending its inner sentences but far shorter than the longest is whole", () => {
    const long = "为社区图书室购置图书并完成上架，组织读书活动十二场，覆盖全区十个街道，提升群众阅读满意度和社区文化氛围。";
    expect(cutGoals(long, "购置图书。完成上架")).toEqual([]);
  });
});

describe("project-form/missing-field (RULES P15)", () => {
  const SPEC = { name: "社区图书室图书购置", total: 10, fiscal: 10, carryOver: 0, other: 0 };
  const missing = (sheet: SheetSnapshot) =>
    run(workbookOf(sheet), projectFormFamily).findings.map((f) => ({ rule: f.rule, at: `${f.sheet}!${f.cell}`, severity: f.severity, zh: f.message.zh }));

  it("a form with every field filled gives no finding", () => expect(missing(projectForm("项目", SPEC))).toEqual([]));

  it("the real minimal project form gives no finding", async () => {
    const result = checkWorkbook(await readFixture("minimal-project.xlsx"), { families: [projectFormFamily] });
    expect(result.tables.map((t) => t.kind)).toEqual(["project-performance-target"]);
    expect(result.findings).toEqual([]);
  });

  it.each<[string, Partial<ProjectFormSpec>, string, string]>([
    ["项目名称", { name: "" }, "B3", "“项目名称”未填写"],
    ["主管部门", { department: "" }, "B4", "“主管部门”未填写"],
    ["年度总体绩效目标", { goal: "" }, "B9", "“年度总体绩效目标”未填写"],
    ["财政拨款", { fiscal: null }, "C6", "“财政拨款”未填写"],
    ["上年结转资金", { carryOver: null }, "C7", "“上年结转资金”未填写"],
  ])("an empty %s is a warning at the cell to fill in", (_, change, cell, zh) => {
    expect(missing(projectForm("项目", { ...SPEC, ...change }))).toEqual([{ rule: "project-form/missing-field", at: `项目!${cell}`, severity: "warning", zh }]);
  });

  it("an empty 实施单位 is a warning right of its label", () => {
    const sheet = projectForm("项目", SPEC);
    (sheet.rows as unknown as unknown[][])[3][4] = undefined; // E4, right of 实施单位 in D4
    expect(missing(sheet)).toEqual([{ rule: "project-form/missing-field", at: "项目!E4", severity: "warning", zh: "“实施单位”未填写" }]);
  });
});

describe("project-form/copied-goal (RULES 3.5: a 年度总体绩效目标 describing another project)", () => {
  const copied = async (workbook: string) =>
    checkWorkbook(await readFixture(workbook), { families: [projectFormFamily] })
      .findings.filter((f) => f.category === "duplicate-entry")
      .map((f) => ({ rule: f.rule, at: `${f.sheet}!${f.cell}`, severity: f.severity, zh: f.message.zh }));

  it("forms with goals of their own give no finding (lixia, 10 forms)", async () => {
    expect(await copied("lixia-2024-performance.xlsx")).toEqual([]);
  });

  it("the same goal text in two forms of one workbook is reported once, at the form it does not describe", async () => {
    // 人才服务项目's 绩效目标 is the text of 长期护理保险 (seed 004), both forms copied into the formulas fixture.
    expect(await copied("liaocheng-2024-formulas.xlsx")).toEqual([
      {
        rule: "project-form/copied-goal",
        at: "项目绩效目标表!B6",
        severity: "warning",
        zh: "“发展服务中心-人才服务项目”的绩效目标与“社保中心-城镇职工长期护理保险”（项目绩效目标表!B48）完全相同，且描述的是后者",
      },
    ]);
  });

  it("the same anomaly in the full liaocheng workbook", async () => {
    expect((await copied("liaocheng-2024-department-budget.xlsx")).map((f) => `${f.rule}@${f.at}:${f.severity}`)).toEqual(["project-form/copied-goal@项目绩效目标表(1)!B6:warning"]);
  });

  it("a short stock phrase shared by two forms is not a copy", () => {
    const forms = ["图书购置", "阅读推广"].map((name, i) => projectForm(`项目${i + 1}`, { name, total: 10, fiscal: 10, carryOver: 0, other: 0, goal: "完成全年工作任务。" }));
    expect(run(workbookOf(...forms), projectFormFamily).findings.filter((f) => f.rule === "project-form/copied-goal")).toEqual([]);
  });
});
