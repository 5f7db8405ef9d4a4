// Overview tables (RULES 3.2: 收支总体情况表, 财政拨款收支总体情况表, 决算 公开01/04表): 本年收入合计 = Σ income
// lines, 本年支出合计 = Σ 类 lines, 收入总计 = 本年收入合计 + 使用非财政拨款结余 + 上年结转, 支出总计 =
// 本年支出合计 + 结转下年 (+ 结余分配), and 收入总计 = 支出总计.
import { columnLabel, namedLineKind, overviewLineKind, valueCell, type AmountColumn, type BudgetRow, type OverviewLineKind, type OverviewSide } from "../forms/budget-table";
import type { RuleContext, RuleFamily, RuleMeta } from "./rule";
import { budgetTables, checkSum, type BudgetTableEntry } from "./totals-support";

export const yearTotal: RuleMeta = {
  id: "overview/year-total",
  category: "sum-mismatch",
  severity: "error",
  description: { zh: "本年收入合计 = 各收入项之和；本年支出合计 = 各类支出之和", en: "本年收入合计 = Σ income lines; 本年支出合计 = Σ expenditure 类 lines" },
};

export const grandTotal: RuleMeta = {
  id: "overview/grand-total",
  category: "sum-mismatch",
  severity: "error",
  description: {
    zh: "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 上年结转；支出总计 = 本年支出合计 + 结转下年（+ 结余分配）",
    en: "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 上年结转; 支出总计 = 本年支出合计 + 结转下年 (+ 结余分配)",
  },
};

export const balance: RuleMeta = {
  id: "overview/balance",
  category: "composition-mismatch",
  severity: "error",
  description: { zh: "收入总计 = 支出总计", en: "Total income (收入总计) equals total expenditure (支出总计)" },
};

const unspaced = (label: string) => label.replace(/[\s\u3000]+/g, "");

/**
 * A side's grand total written 合计 (收入总计 opposite 合计 (spaced)): its last line, below its 本年 total,
 * when the side names no 总计 line.
 */
function grandTotalByPlace(side: OverviewSide): BudgetRow | undefined {
  const grandKind = side.side === "income" ? "income-grand-total" : "expenditure-grand-total";
  const yearKind = side.side === "income" ? "income-year-total" : "expenditure-year-total";
  if (side.lines.some((l) => overviewLineKind(side.side, l.label) === grandKind)) return undefined;
  const year = side.lines.find((l) => overviewLineKind(side.side, l.label) === yearKind);
  const last = side.lines[side.lines.length - 1];
  return year && last && last.row > year.row && /^合计$/.test(unspaced(last.label)) ? last : undefined;
}

function linesOf(side: OverviewSide, kinds: readonly OverviewLineKind[]): BudgetRow[] {
  const found = side.lines.filter((l) => kinds.includes(overviewLineKind(side.side, l.label)));
  const byPlace = kinds.includes(side.side === "income" ? "income-grand-total" : "expenditure-grand-total") ? grandTotalByPlace(side) : undefined;
  if (byPlace && !found.includes(byPlace)) found.push(byPlace);
  const itemKind = side.side === "income" ? "income-line" : "class-line";
  if (!kinds.includes(itemKind) || side.lines.some((l) => overviewLineKind(side.side, l.label) === itemKind)) return found;
  // A side that numbers none of its lines: its items are known by name.
  return [...found, ...side.lines.filter((l) => namedLineKind(side.side, l.label) === itemKind)].sort((a, b) => a.row - b.row);
}

/** The side's main amount column: of the current year's columns, its 总计/合计 column when it has one, else the first. */
export function mainColumn(side: OverviewSide): AmountColumn | undefined {
  const current = currentYearColumns(side.amountColumns);
  return current.find((c) => /^(总计|合计)$/.test(c.path[c.path.length - 1] ?? "")) ?? current[0];
}

function yearOf(column: AmountColumn): number | undefined {
  const match = /(\d{4})年/.exec(column.path.join("/"));
  return match ? Number(match[1]) : undefined;
}

/**
 * The columns that state this year's figures: a table showing 上年预算数 | 本年预算数 (or 2023年 | 2024年)
 * compares with other tables through its current-year columns only, a 决算 table through its 决算数.
 */
export function currentYearColumns(columns: readonly AmountColumn[]): AmountColumn[] {
  const years = columns.map(yearOf).filter((y): y is number => y !== undefined);
  const latest = years.length > 0 ? Math.max(...years) : undefined;
  const current = columns.filter((c) => !/上年/.test(c.path.join("/")) && (yearOf(c) === undefined || yearOf(c) === latest));
  const thisYear = current.length > 0 ? current : [...columns];
  // A 决算 table that prints 年初预算数 | 调整预算数 | 决算数 blocks states its own figures in the 决算数 block.
  const actual = thisYear.filter((c) => c.path.some((p) => /决算/.test(p)));
  return actual.length > 0 && actual.length < thisYear.length ? actual : thisYear;
}

function breakdowns(items: readonly BudgetRow[]): BudgetRow[][] {
  const runs: BudgetRow[][] = [];
  for (const item of items) {
    if (runs.length === 0 || /^一[、.．]/.test(unspaced(item.label))) runs.push([]);
    runs[runs.length - 1].push(item);
  }
  return runs;
}

function checkSide(context: RuleContext, entry: BudgetTableEntry, side: OverviewSide): void {
  const income = side.side === "income";
  const yearTotalLine = linesOf(side, [income ? "income-year-total" : "expenditure-year-total"])[0];
  const grandTotalLine = linesOf(side, [income ? "income-grand-total" : "expenditure-grand-total"])[0];
  // Numbering that starts again at 一、 opens a second breakdown of the same total (按功能分类, then 按经济分类):
  // each adds up to the total on its own, never the two together.
  const runs = breakdowns(linesOf(side, [income ? "income-line" : "class-line"]));
  const additions = linesOf(side, income ? ["non-fiscal-balance-used", "carry-in"] : ["carry-out", "surplus-distribution"]);
  for (const column of side.amountColumns) {
    const col = columnLabel(column);
    for (const items of yearTotalLine ? runs : []) {
      checkSum(context, {
        rule: yearTotal,
        table: entry.detected,
        total: valueCell(yearTotalLine!, column),
        parts: items.map((l) => valueCell(l, column)),
        what: { zh: `${unspaced(yearTotalLine!.label)}（${col}）`, en: `${unspaced(yearTotalLine!.label)} (${col})` },
        partsName: income ? { zh: "各收入项之和", en: "the sum of the income lines" } : { zh: "各类支出之和", en: "the sum of the expenditure 类 lines" },
      });
    }
    // A side without a 本年 total line (a township's 收入: 一、… 二、… 三、上年结转, then 收入总计) adds its
    // numbered lines and carry lines straight up to its 总计.
    for (const items of grandTotalLine && !yearTotalLine ? runs : []) {
      const parts = [...items, ...additions.filter((a) => !items.includes(a))];
      checkSum(context, {
        rule: grandTotal,
        table: entry.detected,
        total: valueCell(grandTotalLine!, column),
        parts: parts.map((l) => valueCell(l, column)),
        what: { zh: `${unspaced(grandTotalLine!.label)}（${col}）`, en: `${unspaced(grandTotalLine!.label)} (${col})` },
        partsName: income ? { zh: "各收入项之和", en: "the sum of the income lines" } : { zh: "各类支出与结转之和", en: "the sum of the expenditure lines and carry-overs" },
      });
    }
    if (grandTotalLine && yearTotalLine) {
      // A line between the two totals that no template names (收回以前年度支出 …) may belong to either: the
      // check then rests on a guess and says so.
      const unnamed = side.lines.filter((l) => l.row > yearTotalLine.row && l.row < grandTotalLine.row && overviewLineKind(side.side, l.label) === "other" && !additions.includes(l));
      checkSum(context, {
        rule: grandTotal,
        table: entry.detected,
        total: valueCell(grandTotalLine, column),
        ...(unnamed.length > 0
          ? {
              uncertain: {
                zh: `“${unspaced(unnamed[0].label)}”等 ${unnamed.length} 行不是模板所列的项目，未计入`,
                en: `${unnamed.length} line(s) such as "${unspaced(unnamed[0].label)}" are not lines the templates name and were left out`,
              },
            }
          : {}),
        parts: [yearTotalLine, ...additions].map((l) => valueCell(l, column)),
        what: { zh: `${unspaced(grandTotalLine.label)}（${col}）`, en: `${unspaced(grandTotalLine.label)} (${col})` },
        partsName: { zh: [yearTotalLine, ...additions].map((l) => unspaced(l.label)).join(" + "), en: [yearTotalLine, ...additions].map((l) => unspaced(l.label)).join(" + ") },
      });
    }
  }
}

function checkBalance(context: RuleContext, entry: BudgetTableEntry): void {
  const sides = entry.model.overview ?? [];
  const income = sides.find((s) => s.side === "income");
  const expenditure = sides.find((s) => s.side === "expenditure");
  if (!income || !expenditure) return;
  const incomeTotal = linesOf(income, ["income-grand-total"])[0];
  const expenditureTotal = linesOf(expenditure, ["expenditure-grand-total"])[0];
  const incomeColumn = mainColumn(income);
  const expenditureColumn = mainColumn(expenditure);
  if (!incomeTotal || !expenditureTotal || !incomeColumn || !expenditureColumn) return;
  // The finding lands on 支出总计: the income side is the one the budget is built from.
  checkSum(context, {
    rule: balance,
    table: entry.detected,
    total: valueCell(expenditureTotal, expenditureColumn),
    parts: [valueCell(incomeTotal, incomeColumn)],
    what: { zh: unspaced(expenditureTotal.label), en: unspaced(expenditureTotal.label) },
    partsName: { zh: `等于${unspaced(incomeTotal.label)} ${valueCell(incomeTotal, incomeColumn).address}`, en: `equal to ${unspaced(incomeTotal.label)} in ${valueCell(incomeTotal, incomeColumn).address}` },
  });
}

export const overviewFamily: RuleFamily = {
  name: "overview",
  rules: [yearTotal, grandTotal, balance],
  check(context) {
    for (const entry of budgetTables(context)) {
      if (entry.model.layout !== "overview") continue;
      for (const side of entry.model.overview ?? []) checkSide(context, entry, side);
      checkBalance(context, entry);
    }
  },
};
