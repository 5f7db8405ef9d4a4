// project-form/name-listing (RULES 3.5, listing vs form): a form's 项目名称 against the name of the same
// project in the 项目支出预算情况表, paired only on evidence (the amounts agree, or the names are very close).
import { projectFormFamily } from "../../src/core/rules/project-form";
import { sheetFromGrid, type SheetSnapshot } from "../../src/core/workbook/snapshot";
import { projectForm, run, workbookOf } from "./forms-builders";

function listing(lines: Array<[string, number]>): SheetSnapshot {
  const total = lines.reduce((sum, [, amount]) => sum + amount, 0);
  const grid = [
    ["项目支出预算情况表", null, null],
    ["部门(单位): 某县民政局", null, "单位: 万元"],
    ["项目名称", "合计", "财政拨款"],
    ["合 计", total, total],
    ...lines.map(([name, amount]) => [name, amount, amount]),
  ];
  return sheetFromGrid("项目支出预算情况表", grid, [{ top: 1, left: 1, bottom: 1, right: 3 }]);
}

const found = (formName: string, funds: number, lines: Array<[string, number]> = [["临时救助资金", 120], ["高龄老人津贴", 138.24]]) =>
  run(workbookOf(listing(lines), projectForm("项目", { name: formName, total: funds, fiscal: funds, carryOver: 0, other: 0 })), projectFormFamily)
    .findings.filter((f) => f.rule === "project-form/name-listing")
    .map((f) => `${f.sheet}!${f.cell} ${f.severity} ${f.expected}/${f.actual}`);

describe("project-form/name-listing", () => {
  it("is silent when the form names a listed project", () => expect(found("临时救助资金", 120)).toEqual([]));
  it("flags a form whose name differs from the listed project with the same amount, on the form's name cell", () =>
    expect(found("临时救助专项资金", 120)).toEqual(["项目!B3 warning 临时救助资金/临时救助专项资金"]));
  it("does not pair names that are alike when the amounts differ (another project)", () => expect(found("临时救助专项资金", 35)).toEqual([]));
  it("is silent when the listing names the form exactly, even beside a similar line", () =>
    expect(found("临时救助专项资金", 120, [["临时救助专项资金", 120], ["临时救助资金", 120]])).toEqual([]));
});
