// The whole engine on the shared fixtures, reading their answer keys: every anomaly is reported at its
// cell (or a related cell, or one of the cells a grouped finding names) with its category, the clean
// project gives no finding, and findings outside the keys stay within the counts last reviewed.
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import { answerKeys, fold, readFixture, type AnswerKey } from "../helpers/fixtures";

type Anomaly = AnswerKey["anomalies"][number];
type Finding = CheckResult["findings"][number];

/** Findings outside the keys per workbook, as reviewed (writing habits, cut-width names, 100% targets). */
const REVIEWED_EXTRAS: Record<string, number> = {
  "liaocheng-2024-department-budget.xlsx": 44,
  "liaocheng-2024-formulas.xlsx": 12,
  "lixia-2024-performance.xlsx": 9,
  "lixia-2024-self-evaluation.xlsx": 0,
  "minimal-project.xlsx": 0,
  "pingyin-2024-project-targets.xlsx": 2,
};

/**
 * Keyed cut names no general signal finds (README "What it checks"): found before only by a cut width
 * learned from two certain cuts of one form (C45, 12 characters in a document cut at 13) and by the twin
 * of a cut name (C76 opens like the cut C75). Those heuristics were fitted to one document and are gone;
 * a name that stops on a whole word and breaks no bracket, comma or sibling is not known to be cut.
 */
const TRADE_OFFS: readonly string[] = [
  "liaocheng-2024-department-budget.xlsx 项目绩效目标表(2)!C45 truncated-text",
  "liaocheng-2024-department-budget.xlsx 项目绩效目标表(2)!C76 truncated-text",
];

function cellsOf(anomaly: Anomaly): string[] {
  return [anomaly.cell, ...(anomaly.related_cells ?? []).map((cell) => cell.split("!").pop() as string)];
}

function covers(finding: Finding, anomaly: Anomaly): boolean {
  if (fold(finding.sheet) !== fold(anomaly.sheet)) return false;
  const marked = [finding.cell, ...(finding.cells ?? [])];
  return cellsOf(anomaly).some((cell) => marked.includes(cell));
}

const keys = answerKeys();
const results = new Map<string, CheckResult>();

beforeAll(async () => {
  for (const key of keys) results.set(key.workbook, checkWorkbook(await readFixture(key.workbook)));
}, 120_000);

it("reports every anomaly of every answer key at its cell with its category", () => {
  const missed: string[] = [];
  for (const key of keys) {
    const findings = results.get(key.workbook)!.findings;
    for (const anomaly of key.anomalies.filter((a) => !a.rounding)) {
      const categories = [anomaly.category, ...(anomaly.alt_categories ?? [])];
      if (!findings.some((finding) => covers(finding, anomaly) && categories.includes(finding.category))) {
        missed.push(`${key.workbook} ${anomaly.sheet}!${anomaly.cell} ${anomaly.category}`);
      }
    }
  }
  expect(missed.filter((miss) => !TRADE_OFFS.includes(miss))).toEqual([]);
  // A trade-off found again by a general signal should leave this list.
  expect(TRADE_OFFS.filter((miss) => !missed.includes(miss))).toEqual([]);
});

it("finds nothing in the clean project", () => {
  expect(results.get("minimal-project.xlsx")!.findings).toEqual([]);
});

it.each(Object.entries(REVIEWED_EXTRAS))("%s: at most %d findings outside the key, none an error", (workbook, ceiling) => {
  const key = keys.find((k) => k.workbook === workbook)!;
  const extras = results.get(workbook)!.findings.filter((finding) => !key.anomalies.some((anomaly) => covers(finding, anomaly)));
  expect(extras.filter((finding) => finding.severity === "error").map((finding) => `${finding.rule} ${finding.sheet}!${finding.cell}`)).toEqual([]);
  expect(extras.length).toBeLessThanOrEqual(ceiling);
});
