// One budget year per workbook (RULES P18): the year a table's title or the line under it states
// ((2024年度), 历下区2024年度…汇总表) is the year of the other tables. A table stating another year was
// most likely copied from last year's file without its title being updated.
import type { DetectedTable } from "../detect/types";
import { findLabel } from "../forms/labels";
import { ruleMetaOf, type RuleContext, type RuleFamily } from "./rule";

const rule = ruleMetaOf("year");

export const titleYear = rule(
  "title-year",
  "cross-table-mismatch",
  "warning",
  "各表标题中的年度与本工作簿的预算年度一致",
  "The year in each table's title is the workbook's budget year",
);

/** A year as a title writes it: 2024年, 2024年度, （2024 年度）. */
const YEAR = /((?:19|20)\d{2})年/;
/** A line under the title that only states the year: （2024年度）, 2024年度, （2024年）. */
const YEAR_LINE = /^[(（]?(?:19|20)\d{2}年度?[)）]?$/;

interface StatedYear {
  readonly table: DetectedTable;
  readonly year: number;
  readonly cell: string;
  readonly text: string;
}

/** The first cell showing text in a row of the table, with its folded text. */
function firstText(context: RuleContext, table: DetectedTable, row: number): { text: string; cell: string } | undefined {
  const view = context.view(table.sheetIndex);
  const at = findLabel(view, table.range, /./, { top: row, bottom: row });
  return at && { text: view.text(at.row, at.col), cell: at.address };
}

/** The year a table states in its title row, or in a year line right under it. */
function statedYear(context: RuleContext, table: DetectedTable): StatedYear | undefined {
  if (table.titleRow === undefined) return undefined;
  const title = firstText(context, table, table.titleRow);
  const inTitle = title && YEAR.exec(title.text);
  if (title && inTitle) return { table, year: Number(inTitle[1]), cell: title.cell, text: title.text };
  const below = firstText(context, table, table.titleRow + 1);
  const inLine = below && YEAR_LINE.test(below.text) ? YEAR.exec(below.text) : null;
  if (below && inLine) return { table, year: Number(inLine[1]), cell: below.cell, text: below.text };
  return undefined;
}

const RETROSPECTIVE_KINDS: ReadonlySet<string> = new Set(["project-self-evaluation", "self-evaluation-summary"]);

export const budgetYearFamily: RuleFamily = {
  name: "year",
  rules: [titleYear],
  check(context) {
    const stated = context.tables.map((table) => statedYear(context, table)).filter((s): s is StatedYear => s !== undefined);
    if (stated.length < 3) return;
    const counts = new Map<number, number>();
    for (const s of stated) counts.set(s.year, (counts.get(s.year) ?? 0) + 1);
    const ranked = [...counts].sort((a, b) => b[1] - a[1]);
    const [budgetYear, votes] = ranked[0]!;
    // The budget year must be clear: most tables agree on it, and far more than on any other year.
    if (votes < 2 || (ranked[1] !== undefined && votes < 2 * ranked[1][1])) return;
    const majority = stated.filter((s) => s.year === budgetYear);
    const retrospective = (s: StatedYear) => RETROSPECTIVE_KINDS.has(s.table.kind) || /决算|自评/.test(s.text);
    const majorityLooksBack = majority.every(retrospective);
    const majorityLooksAhead = !majority.some(retrospective);
    for (const s of stated) {
      if (s.year === budgetYear) continue;
      // A self-evaluation or 决算 looks back a year: the 2024 自评 is filed with the 2025 budget and targets,
      // and the 2025 targets with the 2024 自评.
      if (retrospective(s) && majorityLooksAhead && s.year === budgetYear - 1) continue;
      if (!retrospective(s) && majorityLooksBack && s.year === budgetYear + 1) continue;
      context.report(titleYear, {
        sheet: s.table.sheet,
        cell: s.cell,
        tableId: s.table.id,
        message: {
          zh: `标题“${s.text}”为 ${s.year} 年，而本工作簿其他 ${votes} 张表为 ${budgetYear} 年`,
          en: `the title "${s.text}" says ${s.year}, while ${votes} other tables of this workbook say ${budgetYear}`,
        },
        expected: String(budgetYear),
        actual: String(s.year),
      });
    }
  },
};
