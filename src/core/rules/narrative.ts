// Figures stated in prose (RULES 3.3, 3.0): a 说明 says "预算共 2.99 万元，比上年减少 0.11 万元，下降
// 3.55%". The rate must follow from the two amounts as printed (each rounded on its own), its word
// (增长/下降) from the change; and a 三公 amount it states must be the 三公 table's, this year's and last.
import Decimal from "decimal.js";
import { valueCell, type AmountColumn } from "../forms/budget-table";
import { cellAddress } from "../workbook/address";
import { CellKind } from "../workbook/sheet-view";
import { formatAmount } from "./format";
import { ruleMetaOf, type RuleContext, type RuleFamily } from "./rule";
import { blockYear, budgetTableOf, totalOrOnlyRow, type BudgetTableEntry } from "./totals-support";

const rule = ruleMetaOf("narrative");

export const narrativeRules = {
  changeRate: rule(
    "change-rate",
    "ratio-mismatch",
    "warning",
    "说明文字中的增减率 = 增减额 ÷ 上年数（上年数 = 本年数 ∓ 增减额），增长/下降与增加/减少一致",
    "A change rate stated in prose is the change over last year's amount (this year's ∓ the change), and says the same direction",
  ),
  threePublicFigures: rule(
    "three-public-figures",
    "cross-table-mismatch",
    "warning",
    "说明文字中的“三公”经费金额与“三公”经费支出情况表一致（本年与上年）",
    "The 三公 amounts stated in prose equal the 三公 table's, this year's and last year's",
  ),
};

export type Grade = "优" | "良" | "中" | "差";

/** What a 说明 says of a self-evaluation: how many projects, and how many of each grade. */
export interface GradeCounts {
  readonly projects?: number;
  readonly grades: Partial<Record<Grade, number>>;
}

const PROJECT_COUNT = /共(?:对|计|有)?(\d+)个(?:预算)?项目|项目共(?:计|有)?(\d+)个/;
// A grade word after a separator (or 其中), then its count: "其中优 8 个、良 3 个", "等级为优秀的项目 8 个".
const GRADE_COUNT = /(?:^|[，,、：:；;。为是]|其中)(优秀|优|良好|良|中等|中|及格|差)(?:等级|等次|级)?(?:的)?(?:项目)?(?:有|为|共)?(\d+)个/g;
const GRADE_OF_WORD: Readonly<Record<string, Grade>> = { 优秀: "优", 优: "优", 良好: "良", 良: "良", 中等: "中", 中: "中", 及格: "中", 差: "差" };

/** The counts a text states about self-evaluated projects, if it states any. */
export function gradeCounts(text: string): GradeCounts | undefined {
  const folded = compact(text).normalize("NFKC");
  const total = PROJECT_COUNT.exec(folded);
  const grades: Partial<Record<Grade, number>> = {};
  for (const match of folded.matchAll(GRADE_COUNT)) grades[GRADE_OF_WORD[match[1]!]!] = Number(match[2]);
  if (!total && Object.keys(grades).length === 0) return undefined;
  return { ...(total ? { projects: Number(total[1] ?? total[2]) } : {}), grades };
}

export interface ChangeStatement {
  /** The words naming the amount (公务用车运行维护费, 预算共), without numbering. */
  readonly label: string;
  readonly amount: Decimal;
  readonly direction: "up" | "down";
  readonly change: Decimal;
  readonly rateDirection?: "up" | "down";
  readonly rate?: Decimal;
  /** The statement as written, for messages. */
  readonly quote: string;
}

// Digits and signs may be typed full-width; the quote keeps the clerk's own punctuation.
const NUMBER = String.raw`[0-9０-９][0-9０-９,]*(?:[.．][0-9０-９]+)?`;
const CHANGE_STATEMENT = new RegExp(
  String.raw`(?<label>[^，,。；;：:]{0,30}?)(?<amount>${NUMBER})万元[，,。]?` +
    String.raw`(?:比|较)(?:上年|上一年|去年|\d{4}年)(?:预算数?|决算数?|同期)?(?<direction>增加|减少|增长|下降)(?<change>${NUMBER})万元` +
    String.raw`(?:[，,]?(?<rateDirection>增长|下降|增加|减少)(?<rate>${NUMBER})[%％])?`,
  "g",
);
const UP = /增加|增长/;

const decimal = (text: string) => new Decimal(text.normalize("NFKC").replace(/,/g, ""));

/** Prose as matched: without spaces (001 writes "2.99 万元"), full-width characters kept for quoting. */
const compact = (text: string) => text.replace(/\s+/g, "");

/** The change statements of a text ("X 万元，比上年增加 Y 万元，增长 Z%"). */
export function changeStatements(text: string): ChangeStatement[] {
  const statements: ChangeStatement[] = [];
  for (const match of compact(text).matchAll(CHANGE_STATEMENT)) {
    const groups = match.groups!;
    const label = groups.label!.replace(/^(?:其中|\d+[.、]|[（(][一二三四五六七八九十\d]+[)）])+/, "");
    statements.push({
      label,
      amount: decimal(groups.amount!),
      direction: UP.test(groups.direction!) ? "up" : "down",
      change: decimal(groups.change!),
      ...(groups.rate !== undefined ? { rateDirection: UP.test(groups.rateDirection!) ? ("up" as const) : ("down" as const), rate: decimal(groups.rate) } : {}),
      quote: match[0],
    });
  }
  return statements;
}

/** Last year's amount the statement implies. */
export function previousAmount(statement: ChangeStatement): Decimal {
  return statement.direction === "up" ? statement.amount.minus(statement.change) : statement.amount.plus(statement.change);
}

const HALF_CENT = new Decimal("0.005");

/**
 * The rates (in %) the printed amounts allow: each is rounded to 0.01 on its own, so the true amounts
 * lie within half a cent, and the rate is monotonic in both; the rate itself is printed to 0.01 pt.
 */
export function rateBounds(statement: ChangeStatement): { low: Decimal; high: Decimal } | undefined {
  const rates: Decimal[] = [];
  for (const amountShift of [-1, 1]) {
    for (const changeShift of [-1, 1]) {
      const amount = statement.amount.plus(HALF_CENT.times(amountShift));
      const change = Decimal.max(0, statement.change.plus(HALF_CENT.times(changeShift)));
      const previous = statement.direction === "up" ? amount.minus(change) : amount.plus(change);
      if (previous.lte(0)) return undefined;
      rates.push(change.div(previous).times(100));
    }
  }
  return { low: Decimal.min(...rates).minus(HALF_CENT), high: Decimal.max(...rates).plus(HALF_CENT) };
}

/** "预算执行率为 96.7%" in prose: the rate, how many decimals it was given with, where it stands. */
export interface RateStatement {
  readonly rate: Decimal;
  readonly decimals: number;
  readonly quote: string;
  /** The sentence up to the statement: what it speaks of (a project's name, 整体 …). */
  readonly sentence: string;
}

// A bound ("达到 95% 以上") is a target, not a result.
const RATE_STATEMENT = new RegExp(String.raw`执行率(?:为|达到|达|是|约|：|:)*(?<rate>${NUMBER})[%％](?!以上|以下|及以上|左右)`, "g");

/** The execution rates a text states ("执行率为 96.70%", "预算执行率达 100%"). */
export function executionRateStatements(text: string): RateStatement[] {
  const folded = compact(text);
  const statements: RateStatement[] = [];
  for (const match of folded.matchAll(RATE_STATEMENT)) {
    const digits = match.groups!.rate!.normalize("NFKC").replace(/．/g, ".");
    const start = Math.max(...["。", "；", ";"].map((mark) => folded.lastIndexOf(mark, match.index)));
    statements.push({
      rate: decimal(digits),
      decimals: digits.includes(".") ? digits.split(".")[1]!.length : 0,
      quote: match[0],
      sentence: folded.slice(start + 1, match.index + match[0].length),
    });
  }
  return statements;
}

export interface TextCell {
  readonly sheetIndex: number;
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly text: string;
}

/** Text cells of the workbook that pass a cheap test on their text (prose that may state a figure). */
export function proseCells(context: RuleContext, mayState: (text: string) => boolean): TextCell[] {
  const cells: TextCell[] = [];
  context.workbook.sheets.forEach((sheet, sheetIndex) => {
    const view = context.view(sheetIndex);
    // Only the rows that have cells, and only their text cells (a sheet may be a million rows tall).
    for (const row of view.rowsWithCells) {
      const line = sheet.rows[row - 1]!;
      for (let col = 1; col <= line.length; col++) {
        if (view.kindAt(row, col) !== CellKind.string) continue;
        const text = line[col - 1]!.value;
        if (typeof text === "string" && text.length >= 12 && mayState(text)) cells.push({ sheetIndex, sheet: sheet.name, row, col, text });
      }
    }
  });
  return cells;
}

function checkRate(context: RuleContext, at: TextCell, statement: ChangeStatement): void {
  if (statement.rate === undefined || statement.rateDirection === undefined) return;
  const cell = cellAddress(at.row, at.col);
  if (statement.rateDirection !== statement.direction) {
    const change = statement.direction === "up" ? { zh: "增加", en: "rose" } : { zh: "减少", en: "fell" };
    const rateWord = statement.rateDirection === "up" ? { zh: "增长", en: "a rise" } : { zh: "下降", en: "a fall" };
    context.report(narrativeRules.changeRate, {
      sheet: at.sheet,
      cell,
      message: {
        zh: `“${statement.quote}”：金额比上年${change.zh}，增减率却写作“${rateWord.zh}”`,
        en: `"${statement.quote}": the amount ${change.en} but the rate is given as ${rateWord.en}`,
      },
    });
    return;
  }
  const bounds = rateBounds(statement);
  if (!bounds || (statement.rate.gte(bounds.low) && statement.rate.lte(bounds.high))) return;
  const previous = previousAmount(statement);
  const expected = statement.change.div(previous).times(100).toDecimalPlaces(2);
  context.report(narrativeRules.changeRate, {
    sheet: at.sheet,
    cell,
    expected: `${expected.toFixed(2)}%`,
    actual: `${statement.rate.toFixed(2)}%`,
    message: {
      zh: `“${statement.quote}”：上年数为 ${formatAmount(previous)} 万元，增减率应为 ${formatAmount(statement.change)} ÷ ${formatAmount(previous)} = ${expected.toFixed(2)}%，实为 ${statement.rate.toFixed(2)}%（金额按各自四舍五入允许的范围为 ${bounds.low.plus(HALF_CENT).toFixed(2)}%–${bounds.high.minus(HALF_CENT).toFixed(2)}%）`,
      en: `"${statement.quote}": last year's amount is ${formatAmount(previous)}, so the rate is ${formatAmount(statement.change)} / ${formatAmount(previous)} = ${expected.toFixed(2)}%, not ${statement.rate.toFixed(2)}% (the rounded amounts allow ${bounds.low.plus(HALF_CENT).toFixed(2)}%–${bounds.high.minus(HALF_CENT).toFixed(2)}%)`,
    },
  });
}

/** 三公 items a statement can name, and the table column (leaf, or the group for 小计) holding each. */
const THREE_PUBLIC_ITEMS: readonly { readonly label: RegExp; readonly column: (path: string) => boolean }[] = [
  { label: /因公出国/, column: (path) => /因公出国/.test(path) },
  { label: /公务用车购置及运行/, column: (path) => /公务用车购置及运行/.test(path) && /小计$/.test(path) },
  { label: /公务用车购置(经)?费/, column: (path) => /公务用车购置(经)?费$/.test(path) },
  { label: /公务用车运行(维护)?费/, column: (path) => /公务用车运行(维护)?费$/.test(path) && !/购置及运行/.test(path.split("/").pop() ?? "") },
  { label: /公务接待/, column: (path) => /公务接待/.test(path) },
  { label: /三公|^(预算|预算数|合计|共计|总计)?共?(安排)?$/, column: (path) => /(^|\/)合计$/.test(path) },
];

function threePublicFigure(context: RuleContext, entry: BudgetTableEntry, column: AmountColumn): { value: Decimal; cell: string } | undefined {
  const row = totalOrOnlyRow(entry);
  if (!row) return undefined;
  const at = valueCell(row, column);
  const reading = context.amount(entry.detected, at.row, at.col);
  return reading.kind === "number" ? { value: reading.value, cell: `${entry.detected.sheet}!${at.address}` } : undefined;
}

/** Whether the statement is about 三公 money: it says so, or the text before it in the cell or the cell above does. */
function aboutThreePublic(context: RuleContext, at: TextCell, statement: ChangeStatement): boolean {
  const text = compact(at.text);
  const upTo = text.slice(0, Math.max(0, text.indexOf(statement.quote)));
  if (/三公/.test(statement.label) || /三公/.test(upTo)) return true;
  const above = at.row > 1 ? context.view(at.sheetIndex).text(at.row - 1, at.col) : "";
  return /三公/.test(above);
}

function checkThreePublic(context: RuleContext, at: TextCell, statement: ChangeStatement, entry: BudgetTableEntry): void {
  if (!aboutThreePublic(context, at, statement)) return;
  const item = THREE_PUBLIC_ITEMS.find((candidate) => candidate.label.test(statement.label));
  if (!item) return;
  const columns = entry.model.amountColumns.filter((column) => item.column(column.path.join("/")));
  const byYear = [...columns].sort((a, b) => blockYear(b) - blockYear(a));
  const [latest, previous] = byYear;
  if (!latest || (previous && blockYear(previous) === blockYear(latest))) return;
  const cell = cellAddress(at.row, at.col);
  const stated: [Decimal, AmountColumn | undefined, Decimal, { zh: string; en: string }][] = [
    [statement.amount, latest, HALF_CENT, { zh: "本年", en: "this year's" }],
    [previousAmount(statement), previous, new Decimal("0.01"), { zh: "上年", en: "last year's" }],
  ];
  for (const [value, column, tolerance, year] of stated) {
    if (!column) continue;
    const figure = threePublicFigure(context, entry, column);
    if (!figure || value.minus(figure.value).abs().lte(tolerance)) continue;
    const name = statement.label || "“三公”经费";
    context.report(narrativeRules.threePublicFigures, {
      sheet: at.sheet,
      cell,
      expected: formatAmount(figure.value),
      actual: formatAmount(value),
      message: {
        zh: `“${statement.quote}”：${name}${year.zh}数按说明为 ${formatAmount(value)} 万元，“三公”经费表（${figure.cell}）为 ${formatAmount(figure.value)} 万元（差 ${formatAmount(value.minus(figure.value).abs())}）`,
        en: `"${statement.quote}": ${year.en} amount reads ${formatAmount(value)} in the text but ${formatAmount(figure.value)} in the 三公 table (${figure.cell}), a difference of ${formatAmount(value.minus(figure.value).abs())}`,
      },
    });
  }
}

export const narrativeFamily: RuleFamily = {
  name: "narrative",
  rules: Object.values(narrativeRules),
  check(context) {
    const threePublic = budgetTableOf(context, "three-public-expenses");
    for (const at of proseCells(context, (text) => text.includes("万元") && /[比较]/.test(text))) {
      for (const statement of changeStatements(at.text)) {
        checkRate(context, at, statement);
        if (threePublic) checkThreePublic(context, at, statement, threePublic);
      }
    }
  },
};
