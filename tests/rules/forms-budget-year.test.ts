// year family (RULES P18): the year a table's title states is the workbook's budget year.
import { budgetYearFamily } from "../../src/core/rules/budget-year";
import { projectForm, run, workbookOf, type ProjectFormSpec } from "./forms-builders";

const spec = (name: string, year?: number): ProjectFormSpec => ({ name, total: 10, fiscal: 10, carryOver: 0, other: 0, ...(year ? { year } : {}) });
const found = (years: Array<number | undefined>) =>
  run(workbookOf(...years.map((year, index) => projectForm(`项目${index + 1}`, spec(`项目${index + 1}`, year)))), budgetYearFamily).findings.map((f) => `${f.sheet}!${f.cell} ${f.severity} ${f.expected}/${f.actual}`);

describe("year family", () => {
  it("finds nothing when every title states the same year", () => expect(found([2024, 2024, 2024, 2024])).toEqual([]));

  it("flags the form whose year line states another year, on that line", () => {
    expect(found([2024, 2024, 2023, 2024])).toEqual(["项目3!A2 warning 2024/2023"]);
  });

  it("says nothing when the workbook's year is not clear", () => {
    expect(found([2024, 2023])).toEqual([]);
    expect(found([2024, 2024, 2023, 2023])).toEqual([]);
  });

  it("names both years in the message", () => {
    const result = run(workbookOf(projectForm("甲", spec("甲")), projectForm("乙", spec("乙")), projectForm("丙", spec("丙", 2025))), budgetYearFamily);
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]!.message.zh).toContain("2025");
    expect(result.findings[0]!.message.zh).toContain("2024");
  });
});
