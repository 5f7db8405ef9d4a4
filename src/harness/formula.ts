// The harness's calculation: Excel works out a formula as soon as it is written, so the simulated
// host does too for formulas written through the API. Covers the small formula language the
// templates use (references across sheets, & + - * / and comparisons, SUM, IF, TEXT, ROUND, MIN,
// MAX, IFERROR, COUNTBLANK, LEFT, MID, FIND, SUBSTITUTE, LEN); anything else is #NAME?, as in Excel
// for an unknown function.
import { columnNumber } from "../core/workbook/address";

export type FormulaValue = number | string | boolean;

export class FormulaError {
  constructor(readonly code: string) {}
}

type Scalar = FormulaValue | FormulaError;
/** A range argument: its cells' values, row by row ("" for an empty cell). */
type Area = { readonly cells: readonly Scalar[] };
type Result = Scalar | Area;

/** Reads a cell's current value: sheet name, 1-based row and column; "" when empty. */
export type CellReader = (sheet: string, row: number, col: number) => Scalar;

type Token =
  | { kind: "number"; value: number }
  | { kind: "string"; value: string }
  | { kind: "ref"; sheet?: string; text: string }
  | { kind: "name"; value: string }
  | { kind: "op"; value: string };

const REF = /^\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?/;

function tokenize(formula: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < formula.length) {
    const rest = formula.slice(i);
    const ch = formula[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"') {
      let j = i + 1;
      let text = "";
      for (;;) {
        if (j >= formula.length) throw new FormulaError("#VALUE!");
        if (formula[j] === '"' && formula[j + 1] === '"') {
          text += '"';
          j += 2;
        } else if (formula[j] === '"') break;
        else text += formula[j++];
      }
      tokens.push({ kind: "string", value: text });
      i = j + 1;
    } else if (ch === "'") {
      const end = /^'((?:[^']|'')+)'!/.exec(rest);
      const ref = end && REF.exec(rest.slice(end[0].length));
      if (!end || !ref) throw new FormulaError("#REF!");
      tokens.push({ kind: "ref", sheet: end[1].replace(/''/g, "'"), text: ref[0] });
      i += end[0].length + ref[0].length;
    } else if (/[0-9.]/.test(ch)) {
      const number = /^\d*\.?\d+(?:[eE][+-]?\d+)?/.exec(rest)!;
      tokens.push({ kind: "number", value: Number(number[0]) });
      i += number[0].length;
    } else if (/[A-Za-z_$\u4e00-\u9fff]/.test(ch)) {
      const sheetRef = /^([A-Za-z_\u4e00-\u9fff][\w.\u4e00-\u9fff]*)!/.exec(rest);
      const plainRef = REF.exec(rest);
      if (sheetRef) {
        const ref = REF.exec(rest.slice(sheetRef[0].length));
        if (!ref) throw new FormulaError("#REF!");
        tokens.push({ kind: "ref", sheet: sheetRef[1], text: ref[0] });
        i += sheetRef[0].length + ref[0].length;
      } else if (plainRef && !/^[\w(]/.test(rest.slice(plainRef[0].length))) {
        tokens.push({ kind: "ref", text: plainRef[0] });
        i += plainRef[0].length;
      } else {
        const name = /^[\w.$\u4e00-\u9fff]+/.exec(rest)!;
        tokens.push({ kind: "name", value: name[0].toUpperCase() });
        i += name[0].length;
      }
    } else {
      const op = /^(<>|<=|>=|[-+*/&=<>(),:^%])/.exec(rest);
      if (!op) throw new FormulaError("#NAME?");
      tokens.push({ kind: "op", value: op[0] });
      i += op[0].length;
    }
  }
  return tokens;
}

function cellPosition(text: string): { row: number; col: number } {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(text)!;
  return { row: Number(match[2]), col: columnNumber(match[1]) };
}

function toNumber(value: Scalar): number | FormulaError {
  if (value instanceof FormulaError) return value;
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value.trim() === "") return 0;
  const number = Number(value.replace(/,/g, ""));
  return Number.isFinite(number) ? number : new FormulaError("#VALUE!");
}

function toText(value: Scalar): string | FormulaError {
  if (value instanceof FormulaError) return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value);
}

/** TEXT(value, format) for the fixed-decimal formats templates use ("0", "0.00", "#,##0.00"). */
function formatNumber(value: number, format: string): string {
  const decimals = /\.(0+)/.exec(format)?.[1].length ?? 0;
  return value.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals, useGrouping: format.includes(",") });
}

function scalar(result: Result): Scalar {
  if (typeof result === "object" && "cells" in result) return result.cells.length === 1 ? result.cells[0] : new FormulaError("#VALUE!");
  return result;
}

function firstError(...values: unknown[]): FormulaError | undefined {
  return values.find((value): value is FormulaError => value instanceof FormulaError);
}

type Lazy = () => Result;

const FUNCTIONS: Readonly<Record<string, (args: Lazy[]) => Result>> = {
  SUM: (args) => {
    let total = 0;
    for (const arg of args) {
      const result = arg();
      if (typeof result === "object" && "cells" in result) {
        for (const cell of result.cells) {
          if (cell instanceof FormulaError) return cell;
          if (typeof cell === "number") total += cell;
        }
      } else {
        const number = toNumber(result);
        if (number instanceof FormulaError) return number;
        total += number;
      }
    }
    return total;
  },
  IF: ([condition, then, otherwise]) => {
    const test = scalar(condition());
    if (test instanceof FormulaError) return test;
    const truthy = typeof test === "string" ? test !== "" : Boolean(test);
    if (truthy) return then ? scalar(then()) : true;
    return otherwise ? scalar(otherwise()) : false;
  },
  IFERROR: ([value, fallback]) => {
    const result = scalar(value());
    return result instanceof FormulaError ? scalar(fallback()) : result;
  },
  TEXT: ([value, format]) => {
    const number = toNumber(scalar(value()));
    const pattern = toText(scalar(format()));
    return firstError(number, pattern) ?? formatNumber(number as number, pattern as string);
  },
  ROUND: ([value, digits]) => {
    const number = toNumber(scalar(value()));
    const places = toNumber(scalar(digits()));
    if (number instanceof FormulaError) return number;
    if (places instanceof FormulaError) return places;
    const factor = 10 ** places;
    return Math.round(number * factor) / factor;
  },
  MIN: (args) => extreme(args, Math.min),
  MAX: (args) => extreme(args, Math.max),
  COUNTBLANK: ([range]) => {
    const result = range();
    const cells = typeof result === "object" && "cells" in result ? result.cells : [result];
    return cells.filter((cell) => cell === "").length;
  },
  LEN: ([value]) => {
    const text = toText(scalar(value()));
    return text instanceof FormulaError ? text : Array.from(text).length;
  },
  LEFT: ([value, count]) => {
    const text = toText(scalar(value()));
    const n = count ? toNumber(scalar(count())) : 1;
    const error = firstError(text, n);
    if (error) return error;
    return (n as number) < 0 ? new FormulaError("#VALUE!") : Array.from(text as string).slice(0, n as number).join("");
  },
  MID: ([value, start, count]) => {
    const text = toText(scalar(value()));
    const from = toNumber(scalar(start()));
    const n = toNumber(scalar(count()));
    const error = firstError(text, from, n);
    if (error) return error;
    return (from as number) < 1 ? new FormulaError("#VALUE!") : Array.from(text as string).slice((from as number) - 1, (from as number) - 1 + (n as number)).join("");
  },
  FIND: ([needle, haystack]) => {
    const find = toText(scalar(needle()));
    const within = toText(scalar(haystack()));
    const error = firstError(find, within);
    if (error) return error;
    const index = (within as string).indexOf(find as string);
    return index < 0 ? new FormulaError("#VALUE!") : Array.from((within as string).slice(0, index)).length + 1;
  },
  SUBSTITUTE: ([value, old, replacement]) => {
    const text = toText(scalar(value()));
    const from = toText(scalar(old()));
    const to = toText(scalar(replacement()));
    return firstError(text, from, to) ?? (from === "" ? (text as string) : (text as string).split(from as string).join(to as string));
  },
};

function extreme(args: Lazy[], pick: (...values: number[]) => number): Result {
  const numbers: number[] = [];
  for (const arg of args) {
    const result = arg();
    const cells = typeof result === "object" && "cells" in result ? result.cells.filter((cell) => typeof cell === "number" || cell instanceof FormulaError) : [toNumber(result)];
    for (const cell of cells) {
      if (cell instanceof FormulaError) return cell;
      numbers.push(cell as number);
    }
  }
  return numbers.length === 0 ? 0 : pick(...numbers);
}

/** Precedence climbing over the tokens; arguments are evaluated lazily so IF and IFERROR short-circuit. */
class Parser {
  private at = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly sheet: string,
    private readonly read: CellReader,
  ) {}

  parse(): Lazy {
    const expression = this.comparison();
    if (this.at < this.tokens.length) throw new FormulaError("#NAME?");
    return expression;
  }

  private peekOp(...ops: string[]): string | undefined {
    const token = this.tokens[this.at];
    return token?.kind === "op" && ops.includes(token.value) ? token.value : undefined;
  }

  private binary(next: () => Lazy, ops: string[], apply: (op: string, a: Scalar, b: Scalar) => Scalar): Lazy {
    let left = next();
    for (let op = this.peekOp(...ops); op; op = this.peekOp(...ops)) {
      this.at++;
      const right = next();
      const l = left;
      const operator = op;
      left = () => apply(operator, scalar(l()), scalar(right()));
    }
    return left;
  }

  private comparison(): Lazy {
    return this.binary(() => this.concatenation(), ["=", "<>", "<", ">", "<=", ">="], compare);
  }

  private concatenation(): Lazy {
    return this.binary(() => this.additive(), ["&"], (_, a, b) => {
      const left = toText(a);
      const right = toText(b);
      return firstError(left, right) ?? `${left as string}${right as string}`;
    });
  }

  private additive(): Lazy {
    return this.binary(() => this.multiplicative(), ["+", "-"], arithmetic);
  }

  private multiplicative(): Lazy {
    return this.binary(() => this.unary(), ["*", "/"], arithmetic);
  }

  private unary(): Lazy {
    if (this.peekOp("-")) {
      this.at++;
      const operand = this.unary();
      return () => arithmetic("-", 0, scalar(operand()));
    }
    if (this.peekOp("+")) this.at++;
    return this.primary();
  }

  private primary(): Lazy {
    const token = this.tokens[this.at++];
    if (!token) throw new FormulaError("#VALUE!");
    switch (token.kind) {
      case "number":
      case "string":
        return () => token.value;
      case "ref":
        return this.reference(token.sheet ?? this.sheet, token.text);
      case "name": {
        if (token.value === "TRUE" || token.value === "FALSE") return () => token.value === "TRUE";
        const fn = FUNCTIONS[token.value];
        if (!fn || !this.peekOp("(")) return () => new FormulaError("#NAME?");
        this.at++;
        const args: Lazy[] = [];
        if (!this.peekOp(")")) {
          for (;;) {
            args.push(this.comparison());
            if (!this.peekOp(",")) break;
            this.at++;
          }
        }
        if (!this.peekOp(")")) throw new FormulaError("#VALUE!");
        this.at++;
        return () => fn(args);
      }
      case "op":
        if (token.value === "(") {
          const inner = this.comparison();
          if (!this.peekOp(")")) throw new FormulaError("#VALUE!");
          this.at++;
          return inner;
        }
        throw new FormulaError("#VALUE!");
    }
  }

  private reference(sheet: string, text: string): Lazy {
    const [from, to] = text.split(":");
    const start = cellPosition(from);
    if (to === undefined) return () => this.read(sheet, start.row, start.col);
    const end = cellPosition(to);
    return () => {
      const cells: Scalar[] = [];
      for (let row = Math.min(start.row, end.row); row <= Math.max(start.row, end.row); row++) {
        for (let col = Math.min(start.col, end.col); col <= Math.max(start.col, end.col); col++) cells.push(this.read(sheet, row, col));
      }
      return { cells };
    };
  }
}

function arithmetic(op: string, a: Scalar, b: Scalar): Scalar {
  const left = toNumber(a);
  const right = toNumber(b);
  const error = firstError(left, right);
  if (error) return error;
  const x = left as number;
  const y = right as number;
  if (op === "+") return x + y;
  if (op === "-") return x - y;
  if (op === "*") return x * y;
  return y === 0 ? new FormulaError("#DIV/0!") : x / y;
}

function compare(op: string, a: Scalar, b: Scalar): Scalar {
  const error = firstError(a, b);
  if (error) return error;
  // An empty cell compares as 0 with a number and as "" with text, as in Excel.
  const left = a === "" && typeof b === "number" ? 0 : a;
  const right = b === "" && typeof a === "number" ? 0 : b;
  const order =
    typeof left === typeof right
      ? typeof left === "string"
        ? (left as string).toLowerCase().localeCompare((right as string).toLowerCase())
        : Number(left) - Number(right)
      : typeof left === "number"
        ? -1
        : 1;
  switch (op) {
    case "=":
      return order === 0;
    case "<>":
      return order !== 0;
    case "<":
      return order < 0;
    case ">":
      return order > 0;
    case "<=":
      return order <= 0;
    default:
      return order >= 0;
  }
}

/** The value of `formula` ("=…") on `sheet`, or the Excel error it yields. */
export function evaluateFormula(formula: string, sheet: string, read: CellReader): FormulaValue | FormulaError {
  try {
    const result = scalar(new Parser(tokenize(formula.replace(/^=/, "")), sheet, read).parse()());
    return result;
  } catch (error) {
    if (error instanceof FormulaError) return error;
    throw error;
  }
}
