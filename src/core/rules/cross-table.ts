// Figures that the budget tables of one workbook state more than once (RULES 3.2, 3.1.3): department
// totals across tables, each 类 in the overview against the summaries, and 科目 names for one code.
import type { Decimal } from "decimal.js";
import { columnLabel, IN_WAN_YUAN, overviewLineKind, valueCell, withoutClassCode, type AmountColumn, type BudgetRow } from "../forms/budget-table";
import type { Bilingual } from "../report/i18n";
import type { TableKind } from "../report/vocabulary";
import { formatAmount, plainAmount } from "./format";
import { currentYearColumns, mainColumn } from "./overview";
import type { RuleContext, RuleFamily, RuleMeta } from "./rule";
import { compareTotal } from "./tolerance";
import { budgetTableOf, budgetTables, continuationsOf, readValue, type BudgetTableEntry } from "./totals-support";

export const budgetFigures: RuleMeta = {
  id: "cross-table/budget-figures",
  category: "cross-table-mismatch",
  severity: "error",
  description: {
    zh: "同一部门的总额在各预算表之间一致（收入合计、支出合计、基本支出、项目支出）",
    en: "A department's totals agree between its budget tables (income, expenditure, basic and project expenditure)",
  },
};

export const classAmounts: RuleMeta = {
  id: "cross-table/class-amounts",
  category: "cross-table-mismatch",
  severity: "error",
  description: { zh: "总体情况表中各类支出与支出总表、一般公共预算支出表中同一类一致", en: "Each 类 in an overview equals the same 类 in the expenditure tables" },
};

export const subjectNames: RuleMeta = {
  id: "cross-table/subject-names",
  category: "cross-table-mismatch",
  severity: "warning",
  description: { zh: "同一科目编码在各表中的科目名称一致", en: "One 科目 code has one name across the tables" },
};

/** One stated figure: a table, the row and column it sits in, and how to name it. */
export interface Figure {
  readonly entry: BudgetTableEntry;
  readonly row: BudgetRow;
  readonly column: AmountColumn;
}

type ColumnTest = (path: readonly string[]) => boolean;

const leaf = (path: readonly string[]) => path[path.length - 1] ?? "";
/** The table's own total column: 合计 at the top of the header (under 资金来源 in procurement). */
const grandColumn: ColumnTest = (p) => /^(合计|总计|本年(收入|支出)合计)$/.test(leaf(p)) && (p.length === 1 || /资金来源|基本支出预算|预算数|决算数|^本年(收入|支出)$/.test(p[0]));
/** A group's amount: the group's column alone, or its 小计/合计. */
export const group =
  (name: RegExp): ColumnTest =>
  (p) =>
    name.test(p[0] ?? "") && (p.length === 1 || (p.length === 2 && /^(小计|合计)$/.test(p[1])));
const generalPublic: ColumnTest = (p) => /^一般公共预算(收入|拨款|财政拨款)?$/.test(leaf(p));

/** The figure in a table's 合计 row (for an overview: its 本年 total line of the given side). */
function totalFigure(context: RuleContext, kind: TableKind, test: ColumnTest, side?: "income" | "expenditure"): Figure | undefined {
  const entry = budgetTableOf(context, kind);
  if (!entry) return undefined;
  if (side) {
    const overviewSide = entry.model.overview?.find((s) => s.side === side);
    if (!overviewSide) return undefined;
    const row = overviewSide.lines.find((l) => overviewLineKind(side, l.label) === (side === "income" ? "income-year-total" : "expenditure-year-total"));
    const columns = currentYearColumns(overviewSide.amountColumns);
    const column = columns.find((c) => test(c.path.slice(1))) ?? (columns.length === 1 ? columns[0] : undefined);
    return row && column ? { entry, row, column } : undefined;
  }
  const row = entry.model.rows.find((r) => r.role === "total");
  const column = currentYearColumns(entry.model.amountColumns).find((c) => test(c.path));
  return row && column ? { entry, row, column } : undefined;
}

function describe(figure: Figure): Bilingual {
  const cell = valueCell(figure.row, figure.column).address;
  const where = `${figure.entry.model.sheet}!${cell}`;
  const name = figure.row.code ? `${figure.row.code} ${figure.row.label}` : figure.row.label;
  return {
    zh: `${figure.entry.model.title}“${name}/${columnLabel(figure.column)}”（${where}）`,
    en: `${figure.entry.model.title} "${name}/${columnLabel(figure.column)}" (${where})`,
  };
}

export function amountOf(context: RuleContext, figure: Figure): Decimal | undefined {
  const value = readValue(context, figure.entry.detected, valueCell(figure.row, figure.column));
  return value.ok ? value.value : undefined;
}

/** Two figures in the tables' own units, or both in 万元 when the tables state different units (元, 千元, 万元). */
function comparable(a: Decimal, first: Figure, b: Decimal, second: Figure): [Decimal, Decimal] {
  if (first.entry.model.unit === second.entry.model.unit) return [a, b];
  const inWan = (value: Decimal, figure: Figure) => value.times(IN_WAN_YUAN[figure.entry.model.unit]);
  return [inWan(a, first), inWan(b, second)];
}

/**
 * Compares two statements of one figure; the finding lands on the second (the detail table's cell).
 * A note says when the two may legitimately differ.
 */
export function compareFigures(context: RuleContext, rule: RuleMeta, first: Figure | undefined, second: Figure | undefined, note?: Bilingual): void {
  if (!first || !second) return;
  const a = amountOf(context, first);
  const b = amountOf(context, second);
  const target = valueCell(second.row, second.column);
  if (a === undefined || b === undefined) {
    context.notChecked(rule, {
      sheet: second.entry.model.sheet,
      cell: target.address,
      tableId: second.entry.detected.id,
      reason: { zh: `${describe(second).zh}与${describe(first).zh}未比对：其中一个单元格无法读取`, en: `${describe(second).en} not compared with ${describe(first).en}: one of the cells cannot be read` },
    });
    return;
  }
  const [left, right] = comparable(a, first, b, second);
  const verdict = compareTotal(right, left, 1, context.settings, rule.severity);
  if (verdict.ok) return;
  context.report(rule, {
    sheet: second.entry.model.sheet,
    cell: target.address,
    tableId: second.entry.detected.id,
    message: {
      zh: `${describe(second).zh}为 ${formatAmount(b)}，而${describe(first).zh}为 ${formatAmount(a)}（差 ${formatAmount(verdict.difference.abs())}）${note ? "；" + note.zh : ""}`,
      en: `${describe(second).en} is ${formatAmount(b)} but ${describe(first).en} is ${formatAmount(a)} (difference ${formatAmount(verdict.difference.abs())})${note ? "; " + note.en : ""}`,
    },
    expected: plainAmount(a),
    actual: plainAmount(b),
    ...(verdict.severity !== rule.severity ? { severity: verdict.severity } : {}),
    ...(first.entry.model.unit === second.entry.model.unit
      ? { relation: { total: `${second.entry.model.sheet}!${target.address}`, parts: [`${first.entry.model.sheet}!${valueCell(first.row, first.column).address}`], difference: verdict.difference } }
      : {}),
  });
}

function checkDepartmentTotals(context: RuleContext): void {
  const pairs: Array<[Figure | undefined, Figure | undefined]> = [
    [totalFigure(context, "budget-overview", grandColumnOrFirst, "income"), totalFigure(context, "income-summary", grandColumn)],
    [totalFigure(context, "budget-overview", grandColumnOrFirst, "expenditure"), totalFigure(context, "expenditure-summary", grandColumn)],
    [totalFigure(context, "expenditure-summary", group(/^基本支出$/)), totalFigure(context, "basic-expenditure", grandColumn)],
    [totalFigure(context, "expenditure-summary", group(/^项目支出$/)), totalFigure(context, "project-expenditure", grandColumn)],
    [totalFigure(context, "fiscal-appropriation-overview", generalPublic, "expenditure"), totalFigure(context, "general-public-budget-expenditure", grandColumn)],
    [totalFigure(context, "general-public-budget-expenditure", group(/^基本支出$/)), totalFigure(context, "general-public-basic-expenditure", grandColumnOrFirst)],
    [totalFigure(context, "general-public-budget-expenditure", group(/^项目支出$/)), totalFigure(context, "project-expenditure", generalPublic)],
    [totalFigure(context, "general-public-basic-expenditure", grandColumnOrFirst), totalFigure(context, "basic-expenditure", generalPublic)],
  ];
  // The 政府性基金 and 国有资本经营 tables against their columns of the 财政拨款 overview (决算 公开08/09 vs 公开04).
  pairs.push(
    [totalFigure(context, "fiscal-appropriation-overview", fundColumn(/^政府性基金预算(财政拨款)?$/), "expenditure"), totalFigure(context, "government-fund-expenditure", yearExpenditure)],
    [totalFigure(context, "fiscal-appropriation-overview", fundColumn(/^国有资本经营预算(财政拨款)?$/), "expenditure"), totalFigure(context, "state-capital-expenditure", yearExpenditure)],
  );
  for (const [first, second] of pairs) compareFigures(context, budgetFigures, first, second);
  checkSideBySideTotals(context);
  checkIncomeSources(context);
}

const fundColumn =
  (name: RegExp): ColumnTest =>
  (p) =>
    name.test(leaf(p));
/** 本年支出 合计/小计 under a merged 本年支出, or a 本年支出合计 column. */
const yearExpenditure: ColumnTest = (p) => (p[0] === "本年支出" && /^(合计|小计)$/.test(leaf(p))) || /^本年支出合计$/.test(leaf(p));

/**
 * Each source column of the income table (上级补助收入, 事业收入 …) against the overview's income line of
 * the same name (决算 公开02 vs 公开01), on the 合计 row.
 */
function checkIncomeSources(context: RuleContext): void {
  const overview = budgetTableOf(context, "budget-overview");
  const summary = budgetTableOf(context, "income-summary");
  const side = overview?.model.overview?.find((s) => s.side === "income");
  const column = side ? mainColumn(side) : undefined;
  const total = summary?.model.rows.find((r) => r.role === "total");
  if (!overview || !summary || !side || !column || !total) return;
  const lines = new Map(side.lines.filter((l) => overviewLineKind("income", l.label) === "income-line").map((l) => [withoutNumbering(l.label), l]));
  for (const source of currentYearColumns(summary.model.amountColumns)) {
    const name = leaf(source.path);
    if (/合计|小计|总计/.test(name)) continue;
    const line = lines.get(name);
    if (line) compareFigures(context, budgetFigures, { entry: overview, row: line, column }, { entry: summary, row: total, column: source });
  }
}

/**
 * A 基本支出 table of side-by-side lists (公开06: 人员经费合计 | 公用经费合计) against the 基本支出 合计 of the
 * 一般公共预算 table (公开05): their totals together make it (RULES 3.1.4). Reported on the first list's total.
 */
function checkSideBySideTotals(context: RuleContext): void {
  const basic = totalFigure(context, "general-public-budget-expenditure", group(/^基本支出$/)) ?? totalFigure(context, "general-public-budget-expenditure", (p) => /^基本支出$/.test(leaf(p)));
  if (!basic) return;
  const lists = budgetTables(context).filter((e) => e.panel && e.model.kind === "general-public-basic-expenditure");
  if (lists.length < 2 || lists[0].detected.id !== lists[lists.length - 1].detected.id) return;
  const totals: Figure[] = [];
  for (const entry of lists) {
    const row = entry.model.rows.find((r) => r.role === "total");
    const column = entry.model.amountColumns[0];
    if (!row || !column || entry.model.amountColumns.length !== 1) return;
    totals.push({ entry, row, column });
  }
  const expected = amountOf(context, basic);
  const amounts = totals.map((t) => amountOf(context, t));
  if (expected === undefined || amounts.some((a) => a === undefined)) return;
  const sum = amounts.reduce<Decimal>((acc, a) => acc.plus(a!), amounts[0]!.minus(amounts[0]!));
  const [wanted, shown] = comparable(expected, basic, sum, totals[0]);
  const verdict = compareTotal(shown, wanted, totals.length, context.settings, budgetFigures.severity);
  if (verdict.ok) return;
  const target = valueCell(totals[0].row, totals[0].column);
  const names = totals.map((t) => `${t.row.label} ${formatAmount(amountOf(context, t)!)}（${valueCell(t.row, t.column).address}）`);
  context.report(budgetFigures, {
    sheet: totals[0].entry.model.sheet,
    cell: target.address,
    tableId: totals[0].entry.detected.id,
    cells: totals.slice(1).map((t) => valueCell(t.row, t.column).address),
    message: {
      zh: `${names.join(" + ")} = ${formatAmount(sum)}，而${describe(basic).zh}为 ${formatAmount(expected)}（差 ${formatAmount(verdict.difference.abs())}）`,
      en: `${names.join(" + ")} = ${formatAmount(sum)} but ${describe(basic).en} is ${formatAmount(expected)} (difference ${formatAmount(verdict.difference.abs())})`,
    },
    expected: plainAmount(expected),
    actual: plainAmount(sum),
    ...(verdict.severity !== budgetFigures.severity ? { severity: verdict.severity } : {}),
    ...(basic.entry.model.unit === totals[0].entry.model.unit
      ? {
          relation: {
            total: `${basic.entry.model.sheet}!${valueCell(basic.row, basic.column).address}`,
            parts: totals.map((t) => `${t.entry.model.sheet}!${valueCell(t.row, t.column).address}`),
            difference: expected.minus(sum),
          },
        }
      : {}),
  });
}

export function grandColumnOrFirst(path: readonly string[]): boolean {
  return grandColumn(path) || /^(小计|合计|总计)$/.test(leaf(path)) || (path.length === 1 && /预算数|决算数/.test(path[0]));
}

const fold = (text: string) => text.normalize("NFKC").replace(/[\s\u3000]+/g, "");
const withoutNumbering = (label: string) => fold(label).replace(/^[一二三四五六七八九十]+、/, "");

/** Each 类 line of an overview against the 类 row of the same name in the matching expenditure table. */
function checkClassAmounts(context: RuleContext): void {
  const links: Array<[TableKind, ColumnTest, TableKind]> = [
    ["budget-overview", () => true, "expenditure-summary"],
    ["fiscal-appropriation-overview", generalPublic, "general-public-budget-expenditure"],
  ];
  for (const [overviewKind, columnTest, detailKind] of links) {
    const overview = budgetTableOf(context, overviewKind);
    const detail = budgetTableOf(context, detailKind);
    const side = overview?.model.overview?.find((s) => s.side === "expenditure");
    if (!overview || !detail || !side) continue;
    const overviewColumn = overviewKind === "budget-overview" ? mainColumn(side) : currentYearColumns(side.amountColumns).find((c) => columnTest(c.path.slice(1)));
    const detailColumn = currentYearColumns(detail.model.amountColumns).find((c) => grandColumn(c.path));
    if (!overviewColumn || !detailColumn) continue;
    // The 类 rows of the table and of its 续表 parts, each read in its own part's column.
    const classRows = new Map<string, Figure>();
    for (const part of [detail, ...continuationsOf(context, detail)]) {
      const column = part === detail ? detailColumn : part.model.amountColumns.find((c) => columnLabel(c) === columnLabel(detailColumn));
      if (!column) continue;
      for (const row of part.model.rows) if (row.level === "类" && row.code?.length === 3 && !classRows.has(fold(row.label))) classRows.set(fold(row.label), { entry: part, row, column });
    }
    for (const line of side.lines) {
      if (overviewLineKind("expenditure", line.label) !== "class-line") continue;
      // The line names its 类 after its numbering (十八、…) or its code (208 …).
      const named = withoutNumbering(line.label);
      const first = classRows.get(named) ?? classRows.get(withoutClassCode(named));
      if (!first) continue;
      compareFigures(context, classAmounts, first, { entry: overview, row: line, column: overviewColumn });
    }
  }
  // The same 类 in expenditure-summary and general-public-budget-expenditure, when both cover the same
  // money (their 合计 agree); a department with other funds legitimately shows more in the summary.
  const summary = budgetTableOf(context, "expenditure-summary");
  const general = budgetTableOf(context, "general-public-budget-expenditure");
  const summaryTotal = totalFigure(context, "expenditure-summary", grandColumn);
  const generalTotal = totalFigure(context, "general-public-budget-expenditure", grandColumn);
  if (!summary || !general || !summaryTotal || !generalTotal) return;
  const a = amountOf(context, summaryTotal);
  const b = amountOf(context, generalTotal);
  if (a === undefined || b === undefined || !a.equals(b)) return;
  const summaryRows = new Map(summary.model.rows.filter((r) => r.level === "类").map((r) => [r.code!, r]));
  for (const row of general.model.rows) {
    if (row.level !== "类") continue;
    const other = summaryRows.get(row.code!);
    if (other) compareFigures(context, classAmounts, { ...summaryTotal, row: other }, { ...generalTotal, row });
  }
}

/** Names for one code that differ between tables: the odd one out (fewest tables) is flagged. */
function checkSubjectNames(context: RuleContext): void {
  const byCode = new Map<string, Array<{ entry: BudgetTableEntry; row: BudgetRow; name: string }>>();
  for (const entry of budgetTables(context)) {
    // A 项目支出表 names its projects beside their 科目 codes: those names are no 科目 names.
    if (entry.model.kind === "project-expenditure") continue;
    for (const row of entry.model.rows) {
      if (row.role !== "classified" || !row.code || !row.label || !row.labelCell) continue;
      const name = fold(row.label);
      const uses = byCode.get(row.code);
      if (uses) uses.push({ entry, row, name });
      else byCode.set(row.code, [{ entry, row, name }]);
    }
  }
  for (const [code, uses] of byCode) {
    const tables = new Set(uses.map((u) => u.entry));
    if (tables.size < 2) continue;
    const counts = new Map<string, number>();
    for (const use of uses) counts.set(use.name, (counts.get(use.name) ?? 0) + 1);
    if (counts.size < 2) continue;
    // The majority name wins; on a tie the first table's name does (tables in workbook order).
    let majority = uses[0].name;
    for (const [name, count] of counts) if (count > (counts.get(majority) ?? 0)) majority = name;
    const reference = uses.find((u) => u.name === majority)!;
    for (const use of uses) {
      if (use.name === majority || use.entry === reference.entry) continue;
      context.report(subjectNames, {
        sheet: use.entry.model.sheet,
        cell: use.row.labelCell!.address,
        tableId: use.entry.detected.id,
        message: {
          zh: `科目 ${code} 在本表名为“${use.row.label}”，在${reference.entry.model.title}（${reference.entry.model.sheet}!${reference.row.labelCell!.address}）名为“${reference.row.label}”`,
          en: `科目 ${code} is named "${use.row.label}" here but "${reference.row.label}" in ${reference.entry.model.title} (${reference.entry.model.sheet}!${reference.row.labelCell!.address})`,
        },
        expected: reference.row.label,
        actual: use.row.label,
      });
    }
  }
}

export const crossTableFamily: RuleFamily = {
  name: "cross-table",
  rules: [budgetFigures, classAmounts, subjectNames],
  check(context) {
    checkDepartmentTotals(context);
    checkClassAmounts(context);
    checkSubjectNames(context);
  },
};
