// The grammar against every distinct 指标值 of the published documents (shared/domain/indicator-values.tsv),
// each with its parse under RULES 2.2. A handful of rows are judgement calls (is 随机 a lexicon word?),
// so the test measures agreement and lists the disagreements instead of demanding 100%.
import * as fs from "fs";
import * as path from "path";
import Decimal from "decimal.js";
import { parseIndicatorValue, type IndicatorValueReading } from "../../src/core/indicators/value-grammar";

const CORPUS = path.join(__dirname, "..", "..", "..", "shared", "domain", "indicator-values.tsv");

interface CorpusRow {
  value: string;
  count: number;
  form: string;
  op: string;
  lo: string;
  hi: string;
  unit: string;
  approx: string;
}

function readCorpus(): CorpusRow[] {
  const lines = fs.readFileSync(CORPUS, "utf8").split(/\r?\n/);
  const header = lines.find((line) => line.startsWith("value\t"));
  if (header === undefined) throw new Error("indicator-values.tsv has no header line");
  const columns = header.split("\t");
  const at = (cells: string[], name: string): string => cells[columns.indexOf(name)] ?? "";
  return lines
    .slice(lines.indexOf(header) + 1)
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const cells = line.split("\t");
      return {
        value: at(cells, "value"),
        count: Number(at(cells, "count")),
        form: at(cells, "form"),
        op: at(cells, "op"),
        lo: at(cells, "num_lo"),
        hi: at(cells, "num_hi"),
        unit: at(cells, "unit"),
        approx: at(cells, "approx"),
      };
    });
}

const APPROX_MARKERS = ["预计", "约", "余", "左右", "以上"];

/** The corpus keeps 余/左右 and bracketed remarks in its unit column; the reading keeps them apart. */
function corpusUnit(unit: string): string {
  return unit
    .normalize("NFKC")
    .replace(/\(.*\)$/, "")
    .replace(/余|左右|以上/g, "");
}

/** The corpus has no separate approx form: an approximate number is a bare number with markers. */
function corpusForm(reading: IndicatorValueReading): string {
  if (reading.form === "approx") return "bare-number";
  return reading.form;
}

function sameNumber(expected: string, actual: Decimal | undefined): boolean {
  if (expected === "") return actual === undefined;
  return actual !== undefined && actual.equals(new Decimal(expected));
}

function disagreement(row: CorpusRow, reading: IndicatorValueReading): string | undefined {
  const problems: string[] = [];
  if (corpusForm(reading) !== row.form) problems.push(`form ${reading.form} ≠ ${row.form}`);
  // Number, unit and operator are compared where the corpus parsed a number.
  if (row.lo !== "") {
    if ((reading.operator ?? "") !== row.op) problems.push(`op ${reading.operator ?? "∅"} ≠ ${row.op || "∅"}`);
    if (!sameNumber(row.lo, reading.value)) problems.push(`lo ${reading.value?.toString() ?? "∅"} ≠ ${row.lo}`);
    if (!sameNumber(row.hi, reading.high)) problems.push(`hi ${reading.high?.toString() ?? "∅"} ≠ ${row.hi || "∅"}`);
    if ((reading.unit ?? "") !== corpusUnit(row.unit)) problems.push(`unit ${reading.unit ?? "∅"} ≠ ${corpusUnit(row.unit) || "∅"}`);
    const expectedMarkers = APPROX_MARKERS.filter((marker) => row.approx.includes(marker)).sort();
    const actualMarkers = [...reading.approxMarkers].sort();
    if (expectedMarkers.join() !== actualMarkers.join()) problems.push(`approx ${actualMarkers.join() || "∅"} ≠ ${expectedMarkers.join() || "∅"}`);
  }
  return problems.length === 0 ? undefined : `${row.value}: ${problems.join("; ")}`;
}

describe("指标值 grammar against the published values", () => {
  const rows = readCorpus();

  it("reads the corpus (hundreds of distinct values)", () => {
    expect(rows.length).toBeGreaterThan(500);
  });

  it("agrees with the reference parse on at least 98% of distinct values and 99% of occurrences", () => {
    const disagreements: string[] = [];
    let agreedOccurrences = 0;
    let totalOccurrences = 0;
    for (const row of rows) {
      const problem = disagreement(row, parseIndicatorValue(row.value));
      totalOccurrences += row.count;
      if (problem === undefined) agreedOccurrences += row.count;
      else disagreements.push(problem);
    }
    const distinctAgreement = (rows.length - disagreements.length) / rows.length;
    const occurrenceAgreement = agreedOccurrences / totalOccurrences;
    // Reported so that a change in the grammar shows its effect on the corpus.
    console.info(
      `indicator-values.tsv agreement: ${(distinctAgreement * 100).toFixed(1)}% of ${rows.length} distinct, ` +
        `${(occurrenceAgreement * 100).toFixed(1)}% of ${totalOccurrences} occurrences\n  ${disagreements.join("\n  ")}`,
    );
    expect(distinctAgreement).toBeGreaterThanOrEqual(0.98);
    expect(occurrenceAgreement).toBeGreaterThanOrEqual(0.99);
  });

  it("never leaves a corpus value with a number unread as a number", () => {
    const unread = rows.filter((row) => row.lo !== "" && parseIndicatorValue(row.value).value === undefined).map((row) => row.value);
    expect(unread).toEqual([]);
  });
});
