// RULES 3.0: amounts are 万元 with 2 decimals, each cell rounded on its own. A gap of one cent is
// silent; up to n half-cents (capped) it is a rounding residue (info); beyond that it is an error.
import Decimal from "decimal.js";
import type { Severity } from "../report/vocabulary";
import type { RuleSettings } from "./rule";

export const DEFAULT_SETTINGS: RuleSettings = {
  silentTolerance: new Decimal("0.01"),
  roundingPerPart: new Decimal("0.005"),
  roundingCap: new Decimal("0.05"),
};

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly severity: Severity; readonly difference: Decimal };

/** Compares a shown total with the sum of its n parts. */
export function compareTotal(shown: Decimal, computed: Decimal, parts: number, settings: RuleSettings, severity: Severity = "error"): Verdict {
  const difference = shown.minus(computed);
  const gap = difference.abs();
  if (gap.lte(settings.silentTolerance)) return { ok: true };
  const roundingLimit = Decimal.min(settings.roundingPerPart.times(Math.max(parts, 1)), settings.roundingCap);
  if (gap.lte(roundingLimit)) return { ok: false, severity: "info", difference };
  return { ok: false, severity, difference };
}

export const TOLERANCE_NOTE = {
  zh: "允许各单元格分别四舍五入造成的误差（≤0.01 万元不提示）",
  en: "cells are rounded separately, so gaps up to 0.01 (10k yuan) are ignored",
};
