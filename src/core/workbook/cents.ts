// Whole cents of a stored number: the exact integer fast path the sums take before any Decimal is made.

/** Cents at most this large in magnitude: 15 significant digits, as Excel shows, and sums stay exact. */
export const MAX_CENTS = 1e15;

/**
 * The value × 100 as an integer when the number has at most two decimals (as Excel shows it), else
 * undefined. When round(value × 100) / 100 is the very float stored, that float is the one nearest to
 * the decimal c / 100 of at most 15 digits, so reading it at 15 digits gives exactly that decimal.
 */
export function centsOf(value: number): number | undefined {
  const c = Math.round(value * 100);
  if (!(Math.abs(c) < MAX_CENTS) || c / 100 !== value) return undefined;
  return c + 0; // no -0
}
