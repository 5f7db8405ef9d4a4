// cross-table family: 科目 names for one code, 类 amounts between the overview and the summaries, and
// a department's totals stated in two tables.
import { checkWorkbook } from "../../src/core/engine";
import { crossTableFamily } from "../../src/core/rules/cross-table";
import type { WorkbookSnapshot } from "../../src/core/workbook/snapshot";
import { budgetOverview, expenditureSummary, generalPublicExpenditure, type ClassifiedLine } from "./budget-builders";

const together = (...books: WorkbookSnapshot[]): WorkbookSnapshot => ({ sheets: books.flatMap((b) => b.sheets) });
const found = (workbook: WorkbookSnapshot) =>
  checkWorkbook(workbook, { families: [crossTableFamily] })
    .findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.severity}`)
    .sort();

const summaryLines = (name2080110 = "劳动关系和维权", amount201 = 60): ClassifiedLine[] => [
  { lei: "201", name: "一般公共服务支出", values: [amount201, 0, amount201] },
  { lei: "208", name: "社会保障和就业支出", values: [40, 0, 40] },
  { kuan: "01", name: "人力资源和社会保障管理事务", values: [40, 0, 40] },
  { xiang: "10", name: name2080110, values: [40, 0, 40] },
];
const generalLines = (name2080110 = "劳动关系和维权", amount201 = 60): ClassifiedLine[] => [
  { lei: "201", name: "一般公共服务支出", values: [amount201, 0, 0, 0, amount201] },
  { lei: "208", name: "社会保障和就业支出", values: [40, 0, 0, 0, 40] },
  { kuan: "01", name: "人力资源和社会保障管理事务", values: [40, 0, 0, 0, 40] },
  { xiang: "10", name: name2080110, values: [40, 0, 0, 0, 40] },
];
const overview = (class201: number) =>
  budgetOverview([["一、一般公共预算拨款收入", 100]], [["一、一般公共服务支出", class201], ["二、社会保障和就业支出", 40]], [["本 年 收 入 合 计", 100, "本 年 支 出 合 计", 100], ["收 入 总 计", 100, "支 出 总 计", 100]]);

describe("cross-table family", () => {
  it("finds nothing when the tables agree", () => {
    expect(found(together(overview(60), expenditureSummary([100, 0, 100], summaryLines()), generalPublicExpenditure([100, 0, 0, 0, 100], generalLines())))).toEqual([]);
  });

  it("flags a 科目 name that differs for the same code (warning, on the later table's name cell)", () => {
    const result = checkWorkbook(together(expenditureSummary([100, 0, 100], summaryLines()), generalPublicExpenditure([100, 0, 0, 0, 100], generalLines("劳动关系的维权"))), { families: [crossTableFamily] });
    expect(result.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.severity}`)).toEqual(["cross-table/subject-names 一般公共预算支出情况表!D10 warning"]);
    expect(result.findings[0].message.zh).toContain("2080110");
    expect(result.findings[0].message.zh).toContain("劳动关系和维权");
  });

  it("ignores full-width indentation and spacing in names", () => {
    expect(found(together(expenditureSummary([100, 0, 100], summaryLines("　　劳动关系和维权")), generalPublicExpenditure([100, 0, 0, 0, 100], generalLines("劳动关系 和维权"))))).toEqual([]);
  });

  it("flags an overview 类 line that differs from the same 类 in the expenditure summary", () => {
    expect(found(together(overview(65), expenditureSummary([100, 0, 100], summaryLines())))).toEqual(["cross-table/class-amounts 收支总体情况表!D5 error"]);
  });

  it("compares the 类 rows of the two expenditure tables when they cover the same money", () => {
    const summary = expenditureSummary([100, 0, 100], [...summaryLines("劳动关系和维权", 60)]);
    const general = generalPublicExpenditure([100, 0, 0, 0, 100], generalLines("劳动关系和维权", 60).map((l) => (l.lei === "208" ? { ...l, values: [45, 0, 0, 0, 45] } : l)));
    expect(found(together(summary, general))).toContain("cross-table/class-amounts 一般公共预算支出情况表!E8 error");
  });

  it("flags a department total stated differently in two tables", () => {
    const overviewBook = budgetOverview([["一、一般公共预算拨款收入", 100]], [["一、一般公共服务支出", 60], ["二、社会保障和就业支出", 40]], [["本 年 收 入 合 计", 100, "本 年 支 出 合 计", 100], ["收 入 总 计", 100, "支 出 总 计", 100]]);
    expect(found(together(overviewBook, expenditureSummary([110, 0, 110], summaryLines())))).toEqual(["cross-table/budget-figures 支出总体情况表!E5 error"]);
  });
});
