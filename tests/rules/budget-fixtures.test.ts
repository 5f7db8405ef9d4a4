// The budget arithmetic on the shared fixtures: every answer-key anomaly of its categories that lies
// in a budget table is reported at its cell (or a related cell) with its category (or an alternative);
// rounding residues are never errors; and findings outside the keys stay few.
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import { isBudgetKind } from "../../src/core/forms/budget-table";
import type { TableKind } from "../../src/core/report/vocabulary";
import { compositionFamily } from "../../src/core/rules/composition";
import { crossTableFamily } from "../../src/core/rules/cross-table";
import { overviewFamily } from "../../src/core/rules/overview";
import { totalsFamily } from "../../src/core/rules/totals";
import { parseCellAddress, parseRange, rangeContains } from "../../src/core/workbook/address";
import { answerKeys, readFixture, type AnswerKey } from "../helpers/fixtures";

// missing-value counts here only for a total row shifted one column (the other missing values are forms').
const CATEGORIES = new Set(["sum-mismatch", "composition-mismatch", "cross-table-mismatch", "number-as-text", "missing-value"]);
const FAMILIES = [totalsFamily, compositionFamily, overviewFamily, crossTableFamily];

type Anomaly = AnswerKey["anomalies"][number];

function inBudgetTable(key: AnswerKey, sheet: string, cell: string): boolean {
  const at = parseCellAddress(cell);
  return key.tables.some((t) => t.sheet === sheet && isBudgetKind(t.kind as TableKind) && rangeContains(parseRange(t.range), at.row, at.col));
}

/** Cells (Sheet!A1) where a finding for the anomaly counts. */
function cellsOf(anomaly: Anomaly): Set<string> {
  return new Set([`${anomaly.sheet}!${anomaly.cell}`, ...(anomaly.related_cells ?? [])]);
}

const keys = answerKeys().filter((key) => key.tables.some((t) => isBudgetKind(t.kind as TableKind)));
const results = new Map<string, CheckResult>();

beforeAll(async () => {
  for (const key of keys) results.set(key.workbook, checkWorkbook(await readFixture(key.workbook), { families: FAMILIES }));
});

describe.each(keys.map((k) => [k.workbook, k] as const))("%s", (_name, key) => {
  const ours = key.anomalies.filter((a) => CATEGORIES.has(a.category) && inBudgetTable(key, a.sheet, a.cell));

  it("has budget anomalies of these categories to check", () => {
    expect(ours.length).toBeGreaterThan(0);
  });

  it("reports every non-rounding anomaly at its cell with its category", () => {
    const findings = results.get(key.workbook)!.findings;
    const missed = ours
      .filter((a) => !a.rounding)
      .filter((a) => {
        const cells = cellsOf(a);
        const categories = new Set([a.category, ...(a.alt_categories ?? [])]);
        return !findings.some((f) => cells.has(`${f.sheet}!${f.cell}`) && categories.has(f.category));
      })
      .map((a) => `${a.sheet}!${a.cell} ${a.category}`);
    expect(missed).toEqual([]);
  });

  it("never reports a rounding residue as an error", () => {
    const findings = results.get(key.workbook)!.findings;
    const errors = ours
      .filter((a) => a.rounding)
      .flatMap((a) => findings.filter((f) => cellsOf(a).has(`${f.sheet}!${f.cell}`) && f.severity === "error"))
      .map((f) => `${f.sheet}!${f.cell}`);
    expect(errors).toEqual([]);
  });

  it("reports few findings outside the key, none of them errors", () => {
    const keyed = new Set(key.anomalies.flatMap((a) => [...cellsOf(a)]));
    const extra = results.get(key.workbook)!.findings.filter((f) => !keyed.has(`${f.sheet}!${f.cell}`));
    expect(extra.filter((f) => f.severity === "error").map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual([]);
    expect(extra.length).toBeLessThanOrEqual(3);
  });
});

it("does not report the uncached total of liaocheng-2024-formulas, and says what it should be", () => {
  const result = results.get("liaocheng-2024-formulas.xlsx")!;
  expect(result.findings.filter((f) => f.sheet === "一般公共预算支出情况表" && f.cell === "E6")).toEqual([]);
  const notChecked = result.notChecked.filter((n) => n.sheet === "一般公共预算支出情况表" && n.cell === "E6");
  expect(notChecked.length).toBeGreaterThan(0);
  for (const n of notChecked) expect(n.reason.zh).toContain("16,028.22");
});
