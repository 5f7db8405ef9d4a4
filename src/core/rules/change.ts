// Derived columns of a row, found by their header words: year on year (RULES 3.3; the 三公 tables of 决算
// 公开 sets: 上年决算数 | 本年决算数 | 增、减金额 | 增、减幅度), the change equals this year minus last year and
// the rate the change over last year, within what the printed roundings allow; and 数量 × 单价 = 金额.
import Decimal from "decimal.js";
import { columnLabel, IN_WAN_YUAN, valueCell, withoutNumbering, type AmountColumn, type AmountUnit, type BudgetCell, type BudgetRow } from "../forms/budget-table";
import type { Bilingual } from "../report/i18n";
import { formatAmount } from "./format";
import { compareTotal } from "./tolerance";
import type { RuleContext, RuleFamily, RuleMeta } from "./rule";
import { budgetTables, checkSum, readValue, rowName, type BudgetTableEntry } from "./totals-support";
import { foldText } from "../workbook/text";
import { cellAddress } from "../workbook/address";

export const changeAmount: RuleMeta = {
  id: "composition/change-amount",
  category: "composition-mismatch",
  severity: "error",
  description: { zh: "增减金额 = 本年数 − 上年数（每行）", en: "The change equals this year's amount minus last year's (every row)" },
};

export const changeRate: RuleMeta = {
  id: "composition/change-rate",
  category: "ratio-mismatch",
  severity: "error",
  description: {
    zh: "增减幅度 = 增减金额 ÷ 上年数（按所列数字的四舍五入允许的范围）",
    en: "The change rate equals the change over last year's amount (within what the printed roundings allow)",
  },
};

const leaf = (column: AmountColumn) => column.path[column.path.length - 1] ?? "";
const CHANGE = /增[、,，]?减(金额|额|数)?$|^增减$|增加额|减少额|变动额|^差额$/;
const RATE = /幅度|增长率|增减率|变动率|[%％]/;
const PREVIOUS = /上年/;
const CURRENT = /本年/;

interface YearColumns {
  readonly previous: AmountColumn;
  readonly current: AmountColumn;
  readonly change?: AmountColumn;
  readonly rate?: AmountColumn;
}

function yearOf(column: AmountColumn): number | undefined {
  const match = /(\d{4})年/.exec(column.path.join("/"));
  return match ? Number(match[1]) : undefined;
}

/** An 增减金额 column: so headed, or 金额 under a 比上年增减 header (比上年增减 over 金额 | 幅度). */
function isChangeColumn(column: AmountColumn): boolean {
  const own = leaf(column);
  if (CHANGE.test(own) && !RATE.test(own)) return true;
  const group = column.path.length >= 2 ? column.path[column.path.length - 2] : "";
  return /增[、,，]?减|变动/.test(group) && !RATE.test(group) && /^(金额|增减额|数额|额)$/.test(own);
}

/** The 上年 | 本年 | 增减金额 | 增减幅度 columns of a table, when its header names them all clearly. */
export function yearColumns(entry: BudgetTableEntry): YearColumns | undefined {
  const columns = entry.model.amountColumns;
  const change = columns.find((c) => isChangeColumn(c));
  const rate = (entry.model.rateColumns ?? []).find((c) => RATE.test(columnLabel(c)) && /增|减|变动/.test(columnLabel(c)));
  if (!change && !rate) return undefined;
  const others = columns.filter((c) => c !== change && c.path.length === 1);
  let previous = others.filter((c) => PREVIOUS.test(leaf(c)));
  let current = others.filter((c) => CURRENT.test(leaf(c)));
  if (previous.length === 0 && current.length === 0) {
    const dated = others.filter((c) => yearOf(c) !== undefined).sort((a, b) => yearOf(a)! - yearOf(b)!);
    if (dated.length === 2 && yearOf(dated[0]) !== yearOf(dated[1])) [previous, current] = [[dated[0]], [dated[1]]];
  }
  if (previous.length !== 1 || current.length !== 1) return undefined;
  return { previous: previous[0], current: current[0], ...(change ? { change } : {}), ...(rate ? { rate } : {}) };
}

/** A rate as shown: "-7.03%" or a number (−7.03 meaning percent, or −0.0703 formatted as a percentage). */
function shownRate(context: RuleContext, entry: BudgetTableEntry, cell: BudgetCell): { readings: Decimal[]; decimals: number; text: string } | undefined {
  const view = context.view(entry.detected.sheetIndex);
  const raw = view.cell(cell.row, cell.col);
  if (raw.type === "string") {
    const match = /^([-+]?\d+(?:\.(\d+))?)[%％]$/.exec(view.text(cell.row, cell.col));
    if (!match) return undefined;
    return { readings: [new Decimal(match[1])], decimals: match[2]?.length ?? 0, text: String(raw.value) };
  }
  if (raw.type !== "number") return undefined;
  const value = new Decimal(raw.value as number);
  const percentFormat = /%/.test(raw.numberFormat ?? "");
  const formatDecimals = /0\.(0+)%/.exec(raw.numberFormat ?? "")?.[1].length;
  const decimals = percentFormat ? (formatDecimals ?? 0) : Math.max(0, value.decimalPlaces());
  return {
    readings: percentFormat ? [value.times(100)] : [value, value.times(100)],
    decimals: percentFormat ? decimals : Math.min(decimals, 4),
    text: percentFormat ? `${value.times(100).toFixed(decimals)}%` : value.toString(),
  };
}

/** RULES 3.0: a rate shown with two decimals of a percent may be 0.01 point off the figures' own. */
const RATE_TOLERANCE = new Decimal("0.01");

/** The range of change ÷ previous × 100 that amounts rounded to 0.01 allow. */
function rateBounds(change: Decimal, previous: Decimal): [Decimal, Decimal] {
  const half = new Decimal("0.005");
  const corners: Decimal[] = [];
  for (const c of [change.minus(half), change.plus(half)]) {
    for (const p of [previous.minus(half), previous.plus(half)]) if (!p.isZero()) corners.push(c.div(p).times(100));
  }
  return [Decimal.min(...corners), Decimal.max(...corners)];
}

function checkRow(context: RuleContext, entry: BudgetTableEntry, row: BudgetRow, columns: YearColumns): void {
  const name = row.role === "total" ? { zh: `${row.label}行`, en: `${row.label} row` } : rowName(row.label, row.code, row.level);
  if (columns.change) {
    // change = current − previous, checked as current = previous + change.
    checkSum(context, {
      rule: changeAmount,
      table: entry.detected,
      total: valueCell(row, columns.current),
      parts: [valueCell(row, columns.previous), valueCell(row, columns.change)],
      what: { zh: `${name.zh}“${columnLabel(columns.current)}”`, en: `${name.en} "${columnLabel(columns.current)}"` },
      partsName: { zh: `${leaf(columns.previous)} + ${leaf(columns.change)}`, en: `${leaf(columns.previous)} + ${leaf(columns.change)}` },
    });
  }
  if (columns.rate) {
    checkRate(context, entry, {
      name,
      rateLabel: columnLabel(columns.rate),
      previous: valueCell(row, columns.previous),
      current: valueCell(row, columns.current),
      rate: valueCell(row, columns.rate),
    });
  }
}

export const quantityPrice: RuleMeta = {
  id: "composition/quantity-price",
  category: "ratio-mismatch",
  severity: "error",
  description: { zh: "金额 = 数量 × 单价（政府采购等表，按单价所注的单位换算）", en: "The amount equals quantity × unit price (procurement tables; the price converted from the unit it states)" },
};

/** The unit a 单价 header states (单价（元）), if it states one. */
function priceUnit(column: AmountColumn): "元" | "万元" | undefined {
  const match = /[(（](万元|元)/.exec(columnLabel(column));
  return match ? (match[1] as "元" | "万元") : undefined;
}

function checkQuantityPrice(context: RuleContext, entry: BudgetTableEntry): void {
  const { model, detected } = entry;
  const quantity = model.quantityColumns?.find((c) => /数量/.test(leaf(c)));
  const price = model.quantityColumns?.find((c) => /单价/.test(leaf(c)));
  const amount = model.amountColumns.find((c) => c.col > (price?.col ?? Infinity));
  if (!quantity || !price || !amount) return;
  const stated = priceUnit(price);
  // The price's unit when the header names none: 元 or the table's own; the figures decide, and a
  // mismatch under both readings is only a warning.
  const readings = stated ? [stated] : ([...new Set([model.unit, "元"])] as AmountUnit[]);
  for (const row of model.rows) {
    if (row.role !== "line" || row.subtotal) continue;
    const q = readValue(context, detected, valueCell(row, quantity));
    const p = readValue(context, detected, valueCell(row, price));
    const a = readValue(context, detected, valueCell(row, amount));
    if (!q.ok || !p.ok || !a.ok || q.empty || p.empty || a.empty) continue;
    // The product in the price's unit, turned into the table's.
    const expectedIn = (unit: AmountUnit) => {
      const product = q.value.times(p.value);
      return unit === model.unit ? product : product.times(IN_WAN_YUAN[unit]).div(IN_WAN_YUAN[model.unit]);
    };
    const tolerance = new Decimal("0.01");
    if (readings.some((unit) => expectedIn(unit).minus(a.value).abs().lte(tolerance))) continue;
    const expected = expectedIn(readings[0]);
    const cell = valueCell(row, amount);
    context.report(quantityPrice, {
      sheet: model.sheet,
      cell: cell.address,
      tableId: detected.id,
      message: {
        zh: `“${row.label}”的${columnLabel(amount)}应为 ${formatAmount(expected)}（数量 ${q.value.toString()} × 单价 ${formatAmount(p.value)}${readings[0] === model.unit ? "" : ` ${readings[0]}`}），实为 ${formatAmount(a.value)}`,
        en: `"${row.label}" ${columnLabel(amount)} should be ${formatAmount(expected)} (quantity ${q.value.toString()} × unit price ${formatAmount(p.value)}${readings[0] === model.unit ? "" : ` ${readings[0]}`}) but is ${formatAmount(a.value)}`,
      },
      expected: expected.toFixed(2),
      actual: a.value.toFixed(2),
      ...(stated ? {} : { severity: "warning" as const }),
      relation: {
        total: `${model.sheet}!${cell.address}`,
        parts: [`${model.sheet}!${valueCell(row, quantity).address}`],
        difference: a.value.minus(expected),
      },
    });
  }
}

export const quantityUnit: RuleMeta = {
  id: "change/quantity-unit",
  category: "unit-mismatch",
  severity: "warning",
  description: { zh: "数量的计量单位不应是金额单位（元、万元）", en: "A quantity's unit of measure is not a money unit (元, 万元)" },
};

const UNIT_HEADER = /^(计量|度量|计算)?单位$/;
const MONEY_UNIT = /^(元|万元|千元|亿元)$/;

/**
 * A 计量单位 column beside a 数量 column (政府采购 采购数量 | 计量单位) says what the quantity counts:
 * 台, 辆, 平方米. A money unit there makes the quantity an amount: the unit, or the quantity, is wrong.
 */
function checkQuantityUnits(context: RuleContext, entry: BudgetTableEntry): void {
  const { model, detected } = entry;
  const quantity = model.quantityColumns?.find((c) => /数量/.test(leaf(c)));
  const unitColumn = detected.columns.find((c) => UNIT_HEADER.test(foldText(c.path[c.path.length - 1] ?? "")));
  if (!quantity || !unitColumn) return;
  const view = context.view(detected.sheetIndex);
  for (const row of model.rows) {
    if (row.role !== "line" || row.subtotal) continue;
    const unit = view.text(row.row, unitColumn.col);
    if (!MONEY_UNIT.test(unit)) continue;
    const at = view.masterOf(row.row, unitColumn.col);
    const address = cellAddress(at.row, at.col);
    const shown = view.cell(at.row, at.col).value;
    context.report(quantityUnit, {
      sheet: model.sheet,
      cell: address,
      tableId: detected.id,
      message: {
        zh: `“${row.label}”的${leaf(quantity)}计量单位为“${String(shown).trim()}”，是金额单位：数量应以台、辆、平方米等计量`,
        en: `"${row.label}": the unit of its ${leaf(quantity)} is "${String(shown).trim()}", a money unit; a quantity counts items, vehicles, square metres and the like`,
      },
      actual: String(shown).trim(),
    });
  }
}

interface RateCells {
  readonly name: Bilingual;
  readonly rateLabel: string;
  readonly previous: BudgetCell;
  readonly current: BudgetCell;
  readonly rate: BudgetCell;
}

/** A shown rate against (本年 − 上年) ÷ 上年, within what the printed roundings allow. */
function checkRate(context: RuleContext, entry: BudgetTableEntry, cells: RateCells): void {
  const previous = readValue(context, entry.detected, cells.previous);
  const current = readValue(context, entry.detected, cells.current);
  const shown = shownRate(context, entry, cells.rate);
  if (!previous.ok || !current.ok || !shown || previous.value.isZero()) return;
  const change = current.value.minus(previous.value);
  const [low, high] = rateBounds(change, previous.value);
  const slack = new Decimal(0.5).times(new Decimal(10).pow(-shown.decimals));
  const expected = change.div(previous.value).times(100);
  // RULES 3.0: a rate from the figures shown, within ±0.01 point (or half its last printed digit).
  const close = Decimal.max(RATE_TOLERANCE, slack);
  if (shown.readings.some((r) => r.minus(expected).abs().lte(close))) return;
  // Amounts printed rounded to 0.01 allow a wider range (their unrounded values may give the rate shown):
  // a rate only that far off is a warning, not a certain slip.
  const withinRounding = shown.readings.some((r) => r.plus(slack).gte(low) && r.minus(slack).lte(high));
  // The shown rate implies this year's amount (上年 × (1 + rate)): a wrong amount that also breaks a sum is one slip.
  const implied = previous.value.times(shown.readings[0].div(100).plus(1));
  const { name, rateLabel } = cells;
  const roundingNote = withinRounding
    ? {
        zh: `；按所列金额计算相差超过 0.01 个百分点，只有未经四舍五入的金额才可能得出所列比率`,
        en: `; from the amounts shown it is more than 0.01 point off, which only unrounded amounts could explain`,
      }
    : { zh: "", en: "" };
  context.report(changeRate, {
    sheet: entry.model.sheet,
    cell: cells.rate.address,
    tableId: entry.detected.id,
    ...(withinRounding ? { severity: "warning" as const } : {}),
    message: {
      zh: `${name.zh}“${rateLabel}”应为 ${expected.toFixed(2)}%（(${formatAmount(current.value)} − ${formatAmount(previous.value)}) ÷ ${formatAmount(previous.value)}），实为 ${shown.text}${roundingNote.zh}`,
      en: `${name.en} "${rateLabel}" should be ${expected.toFixed(2)}% ((${formatAmount(current.value)} − ${formatAmount(previous.value)}) ÷ ${formatAmount(previous.value)}) but is ${shown.text}${roundingNote.en}`,
    },
    expected: `${expected.toFixed(2)}%`,
    actual: shown.text,
    relation: {
      total: `${entry.model.sheet}!${cells.current.address}`,
      parts: [],
      difference: current.value.minus(implied),
      tolerance: previous.value.abs().times(slack).div(100).plus("0.01"),
    },
  });
}

const CHANGE_LINE = /增[、,，]?减(金额|额|数)$|增减变化$|增加额$|变动额$/;
const RATE_LINE = /增[、,，]?减(率|幅度)$|增长率$|变动率$|增幅$/;

/**
 * Year-on-year lines under two year blocks (公开07: 上年决算数 | 本年决算数, then 比上年增减额 and 比上年增减率
 * rows under the 本年 block): for each column the change is 本年 − 上年 of the money line above, the
 * rate the change over 上年. The columns pair by their header below the year.
 */
function checkChangeLines(context: RuleContext, entry: BudgetTableEntry): void {
  const { model, detected } = entry;
  if (checkYearLines(context, entry)) return;
  const changeLine = model.rows.find((r) => r.role === "line" && CHANGE_LINE.test(withoutNumbering(r.label)));
  const rateLine = model.rows.find((r) => r.role === "line" && RATE_LINE.test(withoutNumbering(r.label)));
  if (!changeLine && !rateLine) return;
  const money = model.rows.find((r) => (r.role === "total" || r.role === "line") && r !== changeLine && r !== rateLine && !r.count);
  if (!money) return;
  const blocks = new Map<string, AmountColumn[]>();
  for (const column of model.amountColumns) if (column.path.length > 1) blocks.set(column.path[0], [...(blocks.get(column.path[0]) ?? []), column]);
  const heads = [...blocks.keys()];
  const previousHead = heads.find((h) => PREVIOUS.test(h));
  const currentHead = heads.find((h) => CURRENT.test(h));
  if (heads.length !== 2 || !previousHead || !currentHead) return;
  const previousByRest = new Map(blocks.get(previousHead)!.map((c) => [c.path.slice(1).join("/"), c]));
  for (const current of blocks.get(currentHead)!) {
    const previous = previousByRest.get(current.path.slice(1).join("/"));
    if (!previous) continue;
    const label = current.path.slice(1).join("/");
    const name = { zh: `“${label}”`, en: `"${label}"` };
    if (changeLine) {
      checkSum(context, {
        rule: changeAmount,
        table: detected,
        total: valueCell(money, current),
        parts: [valueCell(money, previous), valueCell(changeLine, current)],
        what: { zh: `${name.zh}${currentHead}`, en: `${name.en} ${currentHead}` },
        partsName: { zh: `${previousHead} + ${changeLine.label}`, en: `${previousHead} + ${changeLine.label}` },
      });
    }
    if (rateLine) checkRate(context, entry, { name, rateLabel: rateLine.label, previous: valueCell(money, previous), current: valueCell(money, current), rate: valueCell(rateLine, current) });
  }
}

/**
 * A table laid out a row per year (2024年预算 / 2025年预算 / 增减): in every amount column the 增减 line is
 * the later year's line minus the earlier one's. Returns whether the table has that shape.
 */
function checkYearLines(context: RuleContext, entry: BudgetTableEntry): boolean {
  const { model, detected } = entry;
  const dated = model.rows
    .map((row) => ({ row, year: Number(/(\d{4})年/.exec(row.label)?.[1] ?? NaN) }))
    .filter((d) => !Number.isNaN(d.year));
  const change = model.rows.find((r) => (r.role === "line" || r.role === "total") && /^(比上年)?增[、,，]?减(额|金额|数)?$/.test(withoutNumbering(r.label)));
  if (dated.length !== 2 || dated[0].year === dated[1].year || !change) return false;
  const [previous, current] = dated[0].year < dated[1].year ? [dated[0].row, dated[1].row] : [dated[1].row, dated[0].row];
  for (const column of model.amountColumns) {
    const label = columnLabel(column);
    checkSum(context, {
      rule: changeAmount,
      table: detected,
      total: valueCell(current, column),
      parts: [valueCell(previous, column), valueCell(change, column)],
      what: { zh: `“${current.label}”行“${label}”`, en: `row "${current.label}" "${label}"` },
      partsName: { zh: `${previous.label} + ${change.label}`, en: `${previous.label} + ${change.label}` },
    });
  }
  return true;
}

export const carryOverBalance: RuleMeta = {
  id: "change/carry-over-balance",
  category: "composition-mismatch",
  severity: "error",
  description: { zh: "年末结转和结余 = 年初结转和结余 + 本年收入 − 本年支出（每行）", en: "The closing balance equals the opening balance plus this year's income minus this year's spending (every row)" },
};

const OPENING = /^年初结转和结余|^年初结余|^年初结转/;
const INCOME = /^本年收入(合计)?$/;
const SPENDING = /^本年支出(合计)?$/;
const CLOSING = /^年末结转和结余|^年末结余|^年末结转/;

/** The one column a header names at its head (年初结转和结余), or under it its 合计/小计 (本年支出 / 小计). */
function headedColumn(columns: readonly AmountColumn[], head: RegExp): AmountColumn | undefined {
  const under = columns.filter((c) => head.test(c.path[0] ?? ""));
  if (under.length === 1) return under[0];
  const totals = under.filter((c) => /^(合计|小计)$/.test(c.path[c.path.length - 1] ?? ""));
  return totals.length === 1 ? totals[0] : undefined;
}

/** 公开08 and the like: 年初结转和结余 | 本年收入 | 本年支出 | 年末结转和结余 on every row (RULES 3.3). */
function checkBalances(context: RuleContext, entry: BudgetTableEntry): void {
  const columns = entry.model.amountColumns;
  const opening = headedColumn(columns, OPENING);
  const income = headedColumn(columns, INCOME);
  const spending = headedColumn(columns, SPENDING);
  const closing = headedColumn(columns, CLOSING);
  if (!opening || !income || !spending || !closing) return;
  for (const row of entry.model.rows) {
    if (row.count) continue;
    const cells = [opening, income, spending, closing].map((c) => valueCell(row, c));
    const values = cells.map((cell) => readValue(context, entry.detected, cell));
    if (values.some((v) => !v.ok) || values.every((v) => v.ok && v.empty)) continue;
    const [a, b, c, d] = values.map((v) => (v.ok ? v.value : new Decimal(0)));
    const computed = a.plus(b).minus(c);
    const verdict = compareTotal(d, computed, 3, context.settings);
    if (verdict.ok) continue;
    const name = row.role === "total" ? { zh: `${row.label}行`, en: `${row.label} row` } : rowName(row.label, row.code, row.level);
    context.report(carryOverBalance, {
      sheet: entry.detected.sheet,
      cell: cells[3].address,
      tableId: entry.detected.id,
      message: {
        zh: `${name.zh}年末结转和结余应为 ${formatAmount(computed)}（年初 ${formatAmount(a)} + 本年收入 ${formatAmount(b)} − 本年支出 ${formatAmount(c)}），实为 ${formatAmount(d)}（差 ${formatAmount(verdict.difference.abs())}）`,
        en: `${name.en}: the closing balance should be ${formatAmount(computed)} (opening ${formatAmount(a)} + income ${formatAmount(b)} − spending ${formatAmount(c)}) but is ${formatAmount(d)} (difference ${formatAmount(verdict.difference.abs())})`,
      },
      expected: computed.toFixed(2),
      actual: d.toFixed(2),
      ...(verdict.severity !== carryOverBalance.severity ? { severity: verdict.severity } : {}),
      // Mended by the closing balance (−difference) or by the opening balance or the income (+difference).
      relation: { total: `${entry.detected.sheet}!${cells[3].address}`, parts: [cells[0], cells[1]].map((cell) => `${entry.detected.sheet}!${cell.address}`), difference: verdict.difference },
    });
  }
}

export const changeFamily: RuleFamily = {
  name: "change",
  rules: [changeAmount, changeRate, quantityPrice, quantityUnit, carryOverBalance],
  check(context) {
    for (const entry of budgetTables(context)) {
      if (entry.model.layout === "overview") continue;
      checkQuantityPrice(context, entry);
      checkQuantityUnits(context, entry);
      checkChangeLines(context, entry);
      checkBalances(context, entry);
      const columns = yearColumns(entry);
      if (!columns) continue;
      for (const row of entry.model.rows) if (!row.count) checkRow(context, entry, row, columns);
    }
  },
};
