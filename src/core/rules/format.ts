// Numbers in messages, the way a clerk reads them: 12,963.87.
import Decimal from "decimal.js";

export function formatAmount(value: Decimal, decimals = 2): string {
  const fixed = value.toFixed(decimals);
  const [whole, fraction] = fixed.split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = sign ? whole.slice(1) : whole;
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign}${grouped}${fraction !== undefined ? "." + fraction : ""}`;
}

/** A plain machine-readable number for the `expected`/`actual` fields. */
export function plainAmount(value: Decimal, decimals = 2): string {
  return value.toFixed(decimals);
}
