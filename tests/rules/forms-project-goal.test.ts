// project-form/truncated-goal (RULES 1.7, 2.2): a 年度总体绩效目标 cut off by an export.
import { projectFormFamily } from "../../src/core/rules/project-form";
import { projectForm, run, workbookOf } from "./forms-builders";

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
