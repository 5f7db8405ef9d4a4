// project-form/category-listing (RULES P13, 3.4): a form's 项目类别 against the 项目类型 of the same
// project in the 项目支出预算情况表.
import { projectFormFamily } from "../../src/core/rules/project-form";
import { sheetFromGrid, type SheetSnapshot } from "../../src/core/workbook/snapshot";
import { projectForm, run, workbookOf } from "./forms-builders";

function listing(lines: Array<[string, string, number]>): SheetSnapshot {
  const total = lines.reduce((sum, [, , amount]) => sum + amount, 0);
  const grid = [
    ["项目支出预算情况表", null, null, null],
    ["部门(单位): 某区文化和旅游局", null, null, "单位: 万元"],
    ["项目名称", "项目类型", "合计", "财政拨款"],
    ["合 计", null, total, total],
    ...lines.map(([name, type, amount]) => [name, type, amount, amount]),
  ];
  return sheetFromGrid("项目支出预算情况表", grid, [{ top: 1, left: 1, bottom: 1, right: 4 }]);
}

const found = (type: string, name = "社区图书室购书") =>
  run(workbookOf(listing([[name, type, 10], ["其他项目", "其他运转类", 5]]), projectForm("项目", { name: "社区图书室购书", total: 10, fiscal: 10, carryOver: 0, other: 0 })), projectFormFamily)
    .findings.filter((f) => f.rule === "project-form/category-listing")
    .map((f) => `${f.sheet}!${f.cell} ${f.severity} ${f.expected}/${f.actual}`);

describe("project-form/category-listing", () => {
  it("agrees when the listing says the same kind", () => expect(found("特定目标类")).toEqual([]));
  it("flags a 特定目标类 form listed as 运转类, on the form's category cell", () => expect(found("其他运转类")).toEqual(["项目!E3 warning 其他运转类/特定目标类"]));
  it("does not compare a form the listing does not name", () => expect(found("其他运转类", "别的项目")).toEqual([]));
});
