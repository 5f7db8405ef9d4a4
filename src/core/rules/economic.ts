// The economic classification (部门预算支出经济分类) and what it must agree with (RULES 3.1.4, 3.2, 3.3):
// personnel and public-expense columns of the basic-expenditure tables hold the right 类 (301/303 are
// 人员经费, 302/307/310/312/399 公用经费); a functional 科目 paid for one economic 款 shows the same
// amount (2080505 ↔ 30108 …); 公务用车运行维护费 of the 三公 table ↔ 款 30231. These hold in the seeds
// but fail when project funds pay for the same things, hence warnings.
import Decimal from "decimal.js";
import { columnLabel, valueCell, type AmountColumn, type BudgetRow } from "../forms/budget-table";
import type { Bilingual } from "../report/i18n";
import { compositionRelations } from "./composition";
import { formatAmount, plainAmount } from "./format";
import { ruleMetaOf, type RuleContext, type RuleFamily } from "./rule";
import { amountOf, compareFigures, grandColumnOrFirst, group, type Figure } from "./cross-table";
import { compareTotal } from "./tolerance";
import { blockYear, budgetTableOf, budgetTables, totalOrOnlyRow, type BudgetTableEntry } from "./totals-support";

const rule = ruleMetaOf("economic");

export const economicRules = {
  personnelSplit: rule(
    "personnel-split",
    "composition-mismatch",
    "warning",
    "人员经费列 = 工资福利支出(301) + 对个人和家庭的补助(303)；其余经济分类类属于公用经费",
    "The personnel column holds 301 and 303; the other economic 类 are public (公用) expenses",
  ),
  functionEconomic: rule(
    "function-economic",
    "cross-table-mismatch",
    "warning",
    "功能科目与对应的经济科目金额一致（2080505 ↔ 30108、2080506 ↔ 30109、2101101 ↔ 30110、2101103 ↔ 30111、2210201 ↔ 30113）",
    "A functional 科目 equals the economic 款 it pays (2080505 ↔ 30108, 2080506 ↔ 30109, 2101101 ↔ 30110, 2101103 ↔ 30111, 2210201 ↔ 30113)",
  ),
  carRunningCosts: rule(
    "car-running-costs",
    "cross-table-mismatch",
    "warning",
    "“三公”经费表的公务用车运行维护费 = 基本支出表中经济科目 30231",
    "The 三公 table's 公务用车运行维护费 equals the economic 款 30231 of the basic-expenditure table",
  ),
};

/** 类 of the economic classification booked as 人员经费 (RULES 3.1.4); every other 3xx 类 is 公用经费. */
const PERSONNEL_CLASSES = new Set(["301", "303"]);

/**
 * Functional 项 paid by one economic 款 (RULES 3.2): 职工基本医疗保险缴费 30110 pays the 行政单位医疗 and the
 * 事业单位医疗 of a department that has both kinds of unit, so it equals their sum.
 */
export const FUNCTION_TO_ECONOMIC: ReadonlyArray<readonly [readonly string[], string]> = [
  [["2080505"], "30108"],
  [["2080506"], "30109"],
  [["2101101", "2101102"], "30110"],
  [["2101103"], "30111"],
  [["2210201"], "30113"],
];

const leaf = (column: AmountColumn) => column.path[column.path.length - 1] ?? "";
const PERSONNEL_COLUMN = /^人员(支出|经费)$/;
const PUBLIC_COLUMN = /^(日常)?公用(支出|经费)$/;
const basicExpenditure = group(/^基本支出$/);
const isEconomic = (row: BudgetRow) => row.role === "classified" && row.code !== undefined && /^3\d{2}(\d{2})?$/.test(row.code);

/** The amount of a figure with the figure itself, or undefined when its cell cannot be read. */
function read(context: RuleContext, figure: Figure): (Figure & { readonly value: Decimal }) | undefined {
  const value = amountOf(context, figure);
  return value === undefined ? undefined : { ...figure, value };
}

/** 3.1.4: the personnel column of each economic 类 row and of the 合计 row holds exactly the personnel 类. */
function checkPersonnelSplit(context: RuleContext, entry: BudgetTableEntry): void {
  const { model } = entry;
  const personnel = model.amountColumns.find((c) => PERSONNEL_COLUMN.test(leaf(c)));
  if (!personnel || !model.amountColumns.some((c) => PUBLIC_COLUMN.test(leaf(c)))) return;
  const rowTotal = compositionRelations(model.amountColumns).find((r) => r.parts.includes(personnel))?.total;
  if (!rowTotal) return;
  const classes = model.rows.filter((r) => isEconomic(r) && r.code!.length === 3);
  if (classes.length === 0) return;
  let expectedTotal = new Decimal(0);
  let readable = true;
  let rowReported = false;
  for (const row of classes) {
    const total = amountOf(context, { entry, row, column: rowTotal });
    const shown = read(context, { entry, row, column: personnel });
    if (total === undefined || !shown) {
      readable = false;
      continue;
    }
    const isPersonnel = PERSONNEL_CLASSES.has(row.code!);
    const expected = isPersonnel ? total : new Decimal(0);
    if (isPersonnel) expectedTotal = expectedTotal.plus(total);
    if (compareTotal(shown.value, expected, 1, context.settings).ok) continue;
    rowReported = true;
    report(context, shown, expected, {
      zh: isPersonnel ? `${row.code} ${row.label}属于人员经费，人员经费列应为 ${formatAmount(expected)}` : `${row.code} ${row.label}属于公用经费，人员经费列应为 0.00`,
      en: isPersonnel ? `${row.code} ${row.label} is a personnel expense: the personnel column should be ${formatAmount(expected)}` : `${row.code} ${row.label} is a public expense: its personnel column should be 0.00`,
    });
  }
  const totalRow = model.rows.find((r) => r.role === "total");
  // A 类 booked in the wrong column already explains a 合计 that follows it.
  if (!totalRow || !readable || rowReported) return;
  const shown = read(context, { entry, row: totalRow, column: personnel });
  if (!shown || compareTotal(shown.value, expectedTotal, classes.length, context.settings).ok) return;
  const names = classes.filter((r) => PERSONNEL_CLASSES.has(r.code!)).map((r) => r.code).join(" + ") || "301 + 303";
  report(context, shown, expectedTotal, {
    zh: `合计行“${columnLabel(personnel)}”应为 ${formatAmount(expectedTotal)}（${names}），实为 ${formatAmount(shown.value)}`,
    en: `the 合计 row's "${columnLabel(personnel)}" should be ${formatAmount(expectedTotal)} (${names}) but is ${formatAmount(shown.value)}`,
  });
}

function report(context: RuleContext, shown: Figure & { readonly value: Decimal }, expected: Decimal, message: Bilingual): void {
  const difference = formatAmount(shown.value.minus(expected).abs());
  context.report(economicRules.personnelSplit, {
    sheet: shown.entry.model.sheet,
    cell: valueCell(shown.row, shown.column).address,
    tableId: shown.entry.detected.id,
    message: { zh: `${message.zh}（差 ${difference}）`, en: `${message.en} (difference ${difference})` },
    expected: plainAmount(expected),
    actual: plainAmount(shown.value),
  });
}

function rowWithCode(entry: BudgetTableEntry, code: string): BudgetRow | undefined {
  return entry.model.rows.find((r) => r.role === "classified" && r.code === code);
}

/** The economic table's figure for one 款, in its whole-amount column. */
function economicFigure(entry: BudgetTableEntry, code: string): Figure | undefined {
  const row = rowWithCode(entry, code);
  const column = entry.model.amountColumns.find((c) => grandColumnOrFirst(c.path));
  return row && column ? { entry, row, column } : undefined;
}

/** 3.2: each functional 项 against the economic 款 that pays it, when both tables are in the workbook. */
function checkFunctionEconomic(context: RuleContext): void {
  const functional = budgetTableOf(context, "general-public-budget-expenditure", "expenditure-summary");
  const economic = budgetTableOf(context, "general-public-basic-expenditure", "basic-expenditure");
  const basic = functional?.model.amountColumns.find((c) => basicExpenditure(c.path));
  if (!functional || !economic || !basic) return;
  const note = { zh: "两者通常相等，除非项目支出也负担了这项费用", en: "they are normally equal unless project funds also pay for it" };
  for (const [functionCodes, economicCode] of FUNCTION_TO_ECONOMIC) {
    const functionRows = functionCodes.map((code) => rowWithCode(functional, code)).filter((r): r is BudgetRow => r !== undefined);
    const paid = economicFigure(economic, economicCode);
    if (functionRows.length === 0 || !paid) continue;
    if (functionRows.length === 1) {
      compareFigures(context, economicRules.functionEconomic, { entry: functional, row: functionRows[0], column: basic }, paid, note);
      continue;
    }
    const parts = functionRows.map((row) => read(context, { entry: functional, row, column: basic }));
    const shown = read(context, paid);
    if (!shown || parts.some((p) => p === undefined)) continue;
    const expected = parts.reduce((sum, p) => sum.plus(p!.value), new Decimal(0));
    const verdict = compareTotal(shown.value, expected, parts.length, context.settings, economicRules.functionEconomic.severity);
    if (verdict.ok) continue;
    const named = parts.map((p) => `${p!.row.code} ${p!.row.label} ${formatAmount(p!.value)}（${valueCell(p!.row, p!.column).address}）`).join(" + ");
    context.report(economicRules.functionEconomic, {
      sheet: paid.entry.model.sheet,
      cell: valueCell(paid.row, paid.column).address,
      tableId: paid.entry.detected.id,
      message: {
        zh: `${economicCode} ${paid.row.label}为 ${formatAmount(shown.value)}，而${functional.model.title}中 ${named} = ${formatAmount(expected)}（差 ${formatAmount(verdict.difference.abs())}）；${note.zh}`,
        en: `${economicCode} ${paid.row.label} is ${formatAmount(shown.value)} but in ${functional.model.title} ${named} = ${formatAmount(expected)} (difference ${formatAmount(verdict.difference.abs())}); ${note.en}`,
      },
      expected: plainAmount(expected),
      actual: plainAmount(shown.value),
      ...(verdict.severity !== economicRules.functionEconomic.severity ? { severity: verdict.severity } : {}),
    });
  }
}

/** The 三公 table's column for the budget year's 公务用车运行维护费: in the latest (本年, 决算) block. */
function carRunningColumn(entry: BudgetTableEntry): AmountColumn | undefined {
  const candidates = entry.model.amountColumns.filter((c) => /^公务用车运行(维护)?费$/.test(leaf(c)));
  return [...candidates].sort((a, b) => blockYear(b) - blockYear(a))[0];
}

/** 3.3: 公务用车运行维护费 in the 三公 table against 款 30231 of the basic-expenditure table. */
function checkCarRunningCosts(context: RuleContext): void {
  const threePublic = budgetTableOf(context, "three-public-expenses");
  const economic = budgetTableOf(context, "general-public-basic-expenditure", "basic-expenditure");
  if (!threePublic || !economic) return;
  const column = carRunningColumn(threePublic);
  const row = totalOrOnlyRow(threePublic);
  const paid = economicFigure(economic, "30231");
  if (!column || !row || !paid) return;
  compareFigures(context, economicRules.carRunningCosts, paid, { entry: threePublic, row, column }, {
    zh: "没有项目负担公车费用时两者应相等",
    en: "they should be equal unless projects pay for cars",
  });
}

export const economicFamily: RuleFamily = {
  name: "economic",
  rules: Object.values(economicRules),
  check(context) {
    for (const entry of budgetTables(context)) {
      if (entry.model.layout === "classified" && entry.model.rows.some(isEconomic)) checkPersonnelSplit(context, entry);
    }
    checkFunctionEconomic(context);
    checkCarRunningCosts(context);
  },
};
