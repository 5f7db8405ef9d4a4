// Reading amounts from cells. Money is decimal.js throughout: a cell's number is taken at its shown
// precision (cells hold binary floats such as 1438.8400000000001), never summed as a float.
import Decimal from "decimal.js";
import type { Cell } from "../workbook/snapshot";

export type AmountReading =
  | { readonly kind: "number"; readonly value: Decimal; readonly typedAsText: boolean }
  | { readonly kind: "empty" }
  | { readonly kind: "uncalculated"; readonly formula: string }
  | { readonly kind: "error"; readonly text: string }
  | { readonly kind: "text"; readonly text: string };

/** Numbers as users type them into text cells: 1,616.61 / 357.60 / -12 / (12.00) / 1 616.61. */
const TEXT_NUMBER = /^[-+]?\(?\d{1,3}([,，]\d{3})+(\.\d+)?\)?$|^[-+]?\(?\d+(\.\d+)?\)?$/;

/** Converts a float as stored to the decimal it was meant to be (15 significant digits, as Excel shows). */
export function decimalOf(value: number): Decimal {
  // Integers and short decimals are exact already; only long binary tails need the 15-digit rounding.
  const plain = String(value);
  return new Decimal(plain.length <= 15 ? plain : Number(value.toPrecision(15)));
}

/** Placeholders written where an amount would go (单位不需填列, /, 无): no amount, and no slip either. */
const PLACEHOLDER = /^([/\\]|无|不适用|略|单位不需填列|不需填列|本单位不需填列|[-—–]+)$/;

/** A placeholder or dash written where an amount would go; the text is folded (NFKC, no spaces). */
export function isPlaceholder(folded: string): boolean {
  return PLACEHOLDER.test(folded);
}

export function parseTextNumber(text: string): Decimal | undefined {
  const compact = text.normalize("NFKC").replace(/[\s\u3000]/g, "");
  if (!TEXT_NUMBER.test(compact)) return undefined;
  const negative = compact.startsWith("-") || (compact.startsWith("(") && compact.endsWith(")"));
  const digits = compact.replace(/[-+(),，]/g, "");
  const value = new Decimal(digits);
  return negative ? value.negated() : value;
}

export function readAmount(cell: Cell): AmountReading {
  switch (cell.type) {
    case "number":
      return { kind: "number", value: decimalOf(cell.value as number), typedAsText: false };
    case "string": {
      const text = String(cell.value);
      const trimmed = text.trim();
      if (trimmed === "" || isPlaceholder(trimmed.normalize("NFKC").replace(/\s+/g, ""))) return { kind: "empty" };
      const parsed = parseTextNumber(trimmed);
      return parsed ? { kind: "number", value: parsed, typedAsText: true } : { kind: "text", text };
    }
    case "error":
      return { kind: "error", text: String(cell.value) };
    case "empty":
      return cell.formula !== undefined && cell.uncalculated ? { kind: "uncalculated", formula: cell.formula } : { kind: "empty" };
    default:
      return { kind: "text", text: String(cell.value) };
  }
}

/** The amount, or zero for an empty cell (an empty amount cell in a budget table means 0). */
export function amountOrZero(reading: AmountReading): Decimal | undefined {
  if (reading.kind === "number") return reading.value;
  if (reading.kind === "empty") return new Decimal(0);
  return undefined;
}
