// Reading amounts from cells. Money is decimal.js throughout: a cell's number is taken at its shown
// precision (cells hold binary floats such as 1438.8400000000001), never summed as a float.
import Decimal from "decimal.js";
import { centsOf, MAX_CENTS } from "../workbook/cents";
import type { Cell } from "../workbook/snapshot";
import { keepShape } from "../shapes";

export type AmountReading =
  /** `cents`: the value × 100 as a safe integer, when the value has at most two decimals (the sums' fast path). */
  | { readonly kind: "number"; readonly value: Decimal; readonly typedAsText: boolean; readonly cents?: number }
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

export { centsOf } from "../workbook/cents";

/** A stored number read as an amount; the Decimal is made only when a rule asks for it. */
class StoredNumber {
  readonly kind = "number" as const;
  readonly typedAsText = false;
  readonly cents: number | undefined;
  private decimal: Decimal | undefined = undefined; // made here, not on first use: one hidden class (see shapes.ts)
  constructor(private readonly stored: number) {
    this.cents = centsOf(stored);
  }
  get value(): Decimal {
    return (this.decimal ??= decimalOf(this.stored));
  }
}

/** The decimal × 100 as an integer, when it has at most two decimals and fits. */
function centsOfDecimal(value: Decimal): number | undefined {
  const c = value.times(100);
  return c.isInteger() && c.abs().lt(MAX_CENTS) ? c.toNumber() + 0 : undefined;
}


/** Placeholders written where an amount would go (单位不需填列, /, 无): no amount, and no slip either. */
const PLACEHOLDER = /^([/\\]|无|不适用|略|单位不需填列|不需填列|本单位不需填列|[-—–]+)$/;

/** A placeholder or dash written where an amount would go; the text is folded (NFKC, no spaces). */
export function isPlaceholder(folded: string): boolean {
  return PLACEHOLDER.test(folded);
}

/** Text NFKC leaves as it is (ASCII and CJK ideographs); without an ASCII digit it is no number. */
const NFKC_STABLE = /^[\u0020-\u007e\u4e00-\u9fff\u3000]*$/;

/** The text as parseTextNumber reads it, when it is a number (NFKC, no spaces); undefined otherwise. */
function numberText(text: string): string | undefined {
  // Cheap first test: most text cells are words, and a number needs a digit (after NFKC).
  if (!/[0-9]/.test(text) && NFKC_STABLE.test(text)) return undefined;
  const compact = text.normalize("NFKC").replace(/[\s\u3000]/g, "");
  return TEXT_NUMBER.test(compact) ? compact : undefined;
}

/** True when parseTextNumber reads the text as a number (without making the Decimal). */
export function isTextNumber(text: string): boolean {
  return numberText(text) !== undefined;
}

export function parseTextNumber(text: string): Decimal | undefined {
  const compact = numberText(text);
  if (compact === undefined) return undefined;
  const negative = compact.startsWith("-") || (compact.startsWith("(") && compact.endsWith(")"));
  const digits = compact.replace(/[-+(),，]/g, "");
  const value = new Decimal(digits);
  return negative ? value.negated() : value;
}

/** One reading for every empty cell (readings are never changed). */
const EMPTY_READING: AmountReading = Object.freeze({ kind: "empty" });

export function readAmount(cell: Cell): AmountReading {
  switch (cell.type) {
    case "number":
      return new StoredNumber(cell.value as number);
    case "string": {
      const text = String(cell.value);
      const trimmed = text.trim();
      if (trimmed === "" || isPlaceholder(trimmed.normalize("NFKC").replace(/\s+/g, ""))) return EMPTY_READING;
      const parsed = parseTextNumber(trimmed);
      return parsed ? { kind: "number", value: parsed, typedAsText: true, cents: centsOfDecimal(parsed) } : { kind: "text", text };
    }
    case "error":
      return { kind: "error", text: String(cell.value) };
    case "empty":
      return cell.formula !== undefined && cell.uncalculated ? { kind: "uncalculated", formula: cell.formula } : EMPTY_READING;
    default:
      return { kind: "text", text: String(cell.value) };
  }
}

const ZERO = new Decimal(0);

/** The amount, or zero for an empty cell (an empty amount cell in a budget table means 0). */
export function amountOrZero(reading: AmountReading): Decimal | undefined {
  if (reading.kind === "number") return reading.value;
  if (reading.kind === "empty") return ZERO;
  return undefined;
}

keepShape(new StoredNumber(0.001)); // cents undefined: its field then takes any number without a new hidden class
