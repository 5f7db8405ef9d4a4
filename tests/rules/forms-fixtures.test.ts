// The performance-form families on the real fixtures: every answer-key anomaly in their scope is
// reported at its cell (or a related cell, or inside the finding's range) with its category, and
// they raise nothing the keys do not list.
import { checkWorkbook, type CheckResult } from "../../src/core/engine";
import { departmentFamily } from "../../src/core/rules/department";
import { projectFundsFamily } from "../../src/core/rules/project-funds";
import { selfEvaluationFamily } from "../../src/core/rules/self-evaluation";
import { targetListFamily } from "../../src/core/rules/target-list";
import { parseCellAddress, parseRange, rangeContains } from "../../src/core/workbook/address";
import { answerKeys, fold, readFixture, type AnswerKey } from "../helpers/fixtures";

const families = [projectFundsFamily, selfEvaluationFamily(), targetListFamily, departmentFamily()];

/** Which anomaly categories these families own, per table kind (cost indicators and indicator values are other families'). */
const SCOPE: Record<string, readonly string[]> = {
  "project-performance-target": ["number-as-text", "cross-table-mismatch", "composition-mismatch"],
  "performance-target-list": ["number-as-text", "cross-table-mismatch", "missing-value"],
  "department-performance-target": ["composition-mismatch", "indicator-value-implausible", "sum-mismatch"],
  "project-self-evaluation": ["composition-mismatch", "ratio-mismatch", "score-mismatch", "missing-value"],
  "self-evaluation-summary": ["cross-table-mismatch", "score-mismatch"],
};

type Anomaly = AnswerKey["anomalies"][number];
type Finding = CheckResult["findings"][number];

function kindOf(key: AnswerKey, anomaly: Anomaly): string | undefined {
  const at = parseCellAddress(anomaly.cell);
  return key.tables.find((t) => fold(t.sheet) === fold(anomaly.sheet) && rangeContains(parseRange(t.range), at.row, at.col))?.kind;
}

const inScope = (key: AnswerKey, anomaly: Anomaly) => (SCOPE[kindOf(key, anomaly) ?? ""] ?? []).includes(anomaly.category);

function covers(finding: Finding, anomaly: Anomaly): boolean {
  if (fold(finding.sheet) !== fold(anomaly.sheet)) return false;
  const cells = [anomaly.cell, ...(anomaly.related_cells ?? []).map((c) => c.split("!").pop() as string)];
  return cells.some((cell) => {
    const at = parseCellAddress(cell);
    if (finding.cell === cell) return true;
    return finding.range !== undefined && rangeContains(parseRange(finding.range), at.row, at.col);
  });
}

const keys = answerKeys();

it("the fixtures include the performance forms these families check", () => {
  expect(keys.map((k) => k.workbook)).toEqual(expect.arrayContaining(["lixia-2024-performance.xlsx", "pingyin-2024-project-targets.xlsx", "lixia-2024-self-evaluation.xlsx", "minimal-project.xlsx"]));
});

describe.each(keys.map((k) => [k.workbook, k] as const))("%s", (workbook, key) => {
  let result: CheckResult;
  beforeAll(async () => {
    result = checkWorkbook(await readFixture(workbook), { families });
  });

  const anomalies = key.anomalies.filter((a) => inScope(key, a) && !a.rounding);
  if (anomalies.length > 0) {
    it.each(anomalies.map((a) => [`${a.sheet}!${a.cell} ${a.category}`, a] as const))("reports %s", (_, anomaly) => {
      const categories = [anomaly.category, ...(anomaly.alt_categories ?? [])];
      const hits = result.findings.filter((f) => covers(f, anomaly) && categories.includes(f.category));
      expect(hits.map((f) => `${f.sheet}!${f.cell} ${f.category}`)).not.toEqual([]);
    });
  }

  it("raises nothing the answer key does not list", () => {
    const extras = result.findings.filter((f) => f.severity !== "info" && !key.anomalies.some((a) => covers(f, a)));
    expect(extras.map((f) => `${f.rule} ${f.sheet}!${f.cell}: ${f.message.zh}`)).toEqual([]);
  });
});
