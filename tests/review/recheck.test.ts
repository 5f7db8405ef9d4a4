// Which areas an edit makes the pane read again: pure planning over tables and the snapshot.
import type { DetectedTable } from "../../src/core/detect/types";
import { formulaReferences, patchSnapshot, planReRead } from "../../src/core/review";
import { parseRange } from "../../src/core/workbook/address";
import { makeCell, sheetFromGrid, type WorkbookSnapshot } from "../../src/core/workbook/snapshot";

function table(id: string, sheet: string, range: string): DetectedTable {
  return { id, sheet, sheetIndex: 0, range: parseRange(range), kind: "expenditure-summary", title: id, columns: [] };
}

const grid = (rows: number, cols: number) => Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => r * 10 + c + 1));

/** 表A holds two tables; 表B's table totals a cell of 表A's second table by formula. */
function workbook(): { snapshot: WorkbookSnapshot; tables: DetectedTable[] } {
  const a = sheetFromGrid("表A", grid(20, 4));
  const b = sheetFromGrid("表B", grid(5, 3));
  const rows = b.rows.map((line) => line?.slice());
  rows[2]![1] = makeCell(42, { formula: "SUM('表A'!B12:B14)+\"A1\"" });
  return {
    snapshot: { sheets: [a, { ...b, rows }] },
    tables: [table("t1", "表A", "A1:D8"), table("t2", "表A", "A11:D20"), table("t3", "表B", "A1:C5")],
  };
}

describe("planReRead", () => {
  it("re-reads the table holding the edited cell and nothing else", () => {
    const { snapshot, tables } = workbook();
    expect(planReRead(tables, snapshot, [{ sheet: "表A", address: "C3", structural: false }])).toEqual({
      kind: "areas",
      areas: [{ sheet: "表A", range: parseRange("A1:D8") }],
      tables: ["t1"],
    });
  });

  it("also re-reads a table on another sheet whose formula refers to the edited table", () => {
    const { snapshot, tables } = workbook();
    const plan = planReRead(tables, snapshot, [{ sheet: "表A", address: "B15", structural: false }]);
    expect(plan).toEqual({ kind: "areas", areas: [{ sheet: "表A", range: parseRange("A11:D20") }, { sheet: "表B", range: parseRange("A1:C5") }], tables: ["t2", "t3"] });
  });

  it("re-reads the whole sheet for an edit outside every table, a paste across a table's edge, and inserted rows", () => {
    const { snapshot, tables } = workbook();
    for (const signal of [
      { sheet: "表A", address: "A9", structural: false },
      { sheet: "表A", address: "B7:B12", structural: false },
      { sheet: "表A", address: "5:5", structural: true },
      { sheet: "表A", structural: false },
    ]) {
      const plan = planReRead(tables, snapshot, [signal]);
      expect(plan.kind === "areas" && plan.areas[0]).toEqual({ sheet: "表A" });
    }
  });

  it("reads everything for a sheet the snapshot does not know", () => {
    const { snapshot, tables } = workbook();
    expect(planReRead(tables, snapshot, [{ sheet: "新表", address: "A1", structural: false }]).kind).toBe("full");
  });
});

describe("formulaReferences", () => {
  it("finds qualified and unqualified references and skips text in quotes", () => {
    expect(formulaReferences("SUM('表 A'!B2:B4)+C1+\"D9\"+Sheet2!$E$5", "本表")).toEqual([
      { sheet: "表 A", range: parseRange("B2:B4") },
      { sheet: "本表", range: parseRange("C1") },
      { sheet: "Sheet2", range: parseRange("E5") },
    ]);
  });
});

describe("patchSnapshot", () => {
  it("replaces the cells and merges inside the re-read range and keeps the rest", () => {
    const { snapshot } = workbook();
    const read = sheetFromGrid("表A", [[], [null, "新", null]], [parseRange("B2:C2")]);
    const patched = patchSnapshot(snapshot, [{ request: { sheet: "表A", range: parseRange("A1:C2") }, sheet: read }]);
    const sheet = patched.sheets[0];
    expect(sheet.rows[1]?.slice(0, 4).map((cell) => cell?.value)).toEqual([undefined, "新", undefined, 14]);
    expect(sheet.rows[0]?.map((cell) => cell?.value)).toEqual([undefined, undefined, undefined, 4]);
    expect(sheet.merges).toEqual([parseRange("B2:C2")]);
    expect(patched.sheets[1]).toBe(snapshot.sheets[1]);
  });
});
