// target-list/*: a 绩效目标申报表 listing against the project forms (RULES 3.5): coverage, amounts, names.
import { checkWorkbook } from "../../src/core/engine";
import { nameSimilarity } from "../../src/core/forms/target-list";
import { targetListFamily } from "../../src/core/rules/target-list";
import { readFixture } from "../helpers/fixtures";
import { listingSheet, projectForm, run, workbookOf, type ListingLine } from "./forms-builders";

const forms = () => [
  projectForm("1-供水", { name: "2024年度县城供水管网新建及改造项目", department: "平阴县水务局", total: 1000, fiscal: 1000, carryOver: 0, other: 0 }),
  projectForm("2-养老", { name: "平阴县综合养老服务中心建设项目", department: "平阴县民政局", total: 1000, fiscal: 1000, carryOver: 0, other: 0 }),
  projectForm("3-污水", { name: "平阴县农村生活污水治理项目", department: "平阴县住房和城乡建设局", total: 2000, fiscal: 2000, carryOver: 0, other: 0 }),
];
const lines = (): ListingLine[] => [
  // Listed in another order than the sheets: matching is by name.
  { department: "平阴县住房和城乡建设局", name: "平阴县农村生活污水治理项目", amount: 2000 },
  { department: "平阴县水务局", name: "2024 年度县城供水管网新建及改造项目", amount: 1000 },
  { department: "平阴县民政局", name: "平阴县综合养老服务中心建设项目", amount: 1000 },
];
const at = (f: { rule: string; sheet: string; cell: string; severity: string }) => `${f.rule}@${f.sheet}!${f.cell}:${f.severity}`;

describe("listing vs project forms", () => {
  it("a listing that matches its forms gives no finding (whitespace aside)", () => {
    expect(run(workbookOf(listingSheet("申报表", lines()), ...forms()), targetListFamily).findings).toEqual([]);
  });

  it.each<[string, (l: ListingLine[]) => ListingLine[], string[]]>([
    ["an amount that differs from the form's total", (l) => l.map((x, i) => (i === 2 ? { ...x, amount: 1100 } : x)), ["target-list/amount@申报表!D6:error"]],
    ["an amount typed as text is read and flagged once", (l) => l.map((x, i) => (i === 2 ? { ...x, amount: "1,000.00" } : x)), ["cells/number-as-text@申报表!D6:warning"]],
    ["a listed project with no form", (l) => [...l, { department: "平阴县公安局", name: "警务辅助人员专项经费", amount: 2820.81 }], ["target-list/coverage@申报表!C7:warning"]],
    ["a form that is not listed", (l) => l.slice(0, 2), ["target-list/coverage@2-养老!B3:warning"]],
    ["a year prefix in the listing only", (l) => l.map((x, i) => (i === 0 ? { ...x, name: "2022年平阴县农村生活污水治理项目" } : x)), ["target-list/name@3-污水!B3:warning"]],
    ["a place name mistyped in the listing, department too", (l) => l.map((x, i) => (i === 2 ? { ...x, name: "平阳县综合养老服务中心建设项目", department: "平阳县民政局" } : x)), ["target-list/name@2-养老!B3:warning", "target-list/name@2-养老!B4:warning"]],
    ["a department given in its long form is not a typo", (l) => l.map((x, i) => (i === 2 ? { ...x, department: "平阴县人民政府民政局" } : x)), []],
  ])("reports %s", (_, change, expected) => {
    const result = run(workbookOf(listingSheet("申报表", change(lines())), ...forms()), targetListFamily);
    expect(result.findings.map(at).sort()).toEqual([...expected].sort());
  });

  it("names the listing row and the form cell in the message", () => {
    const result = run(workbookOf(listingSheet("申报表", lines().map((x, i) => (i === 2 ? { ...x, amount: 1100 } : x))), ...forms()), targetListFamily);
    expect(result.findings[0].message.zh).toBe("“平阴县综合养老服务中心建设项目”项目金额 1,100.00 与其绩效目标表的年度预算资金总额 1,000.00（2-养老!C5）不一致，相差 100.00");
    expect(result.findings[0]).toMatchObject({ expected: "1000.00", actual: "1100.00" });
  });

  it.each([
    ["平阴县综合养老服务中心建设项目", "平阳县综合养老服务中心建设项目", true],
    ["2022年平阴县农村生活污水治理项目", "平阴县农村生活污水治理项目", true],
    ["80-89 周岁高龄津贴", "80-89周岁高龄津贴", true],
    ["农村最低生活保障金", "农村特困供养救助资金", false],
    ["大数据工作经费", "污水处理厂服务费", false],
  ])("%s and %s are the same project: %s", (a, b, same) => {
    expect(nameSimilarity(a, b) >= 0.6).toBe(same);
  });
});

// RULES 3.5 pairs each listed item with one form; an item listed twice is a duplicate-entry.
describe("target-list/duplicate", () => {
  const findings = (listed: ListingLine[]) =>
    run(workbookOf(listingSheet("申报表", listed), ...forms()), targetListFamily).findings.map((f) => ({ rule: f.rule, at: `${f.sheet}!${f.cell}`, severity: f.severity, zh: f.message.zh }));

  it("three different projects, each listed once, give no finding", () => {
    expect(findings(lines())).toEqual([]);
  });

  it("a project listed again (spaced differently) is a warning at the second listing, naming the first row", () => {
    const listed = [...lines(), { department: "平阴县水务局", name: "2024年度县城供水管网新建及改造项目", amount: 1000 }];
    expect(findings(listed)).toEqual([
      { rule: "target-list/duplicate", at: "申报表!C7", severity: "warning", zh: "“2024年度县城供水管网新建及改造项目”已在第 5 行列出" },
    ]);
  });

  it("the real pingyin listing (15 projects, each once) has no duplicate", async () => {
    const result = checkWorkbook(await readFixture("pingyin-2024-project-targets.xlsx"), { families: [targetListFamily] });
    expect(result.tables.filter((t) => t.kind === "performance-target-list")).toHaveLength(1);
    expect(result.findings.filter((f) => f.rule === "target-list/duplicate")).toEqual([]);
  });
});
