// Property: a generated 类/款/项 expenditure table whose every total adds up gives no finding; changing
// any one amount gives one finding at that cell, naming every relation it breaks. Year-on-year columns:
// a rate derived from the printed amounts is always accepted, one a point away always flagged.
import Decimal from "decimal.js";
import fc from "fast-check";
import { changeFamily } from "../../src/core/rules/change";
import { workbookOf, yunnanThreePublic } from "./final-accounts-builders";
import { checkWorkbook } from "../../src/core/engine";
import { compositionFamily } from "../../src/core/rules/composition";
import { totalsFamily } from "../../src/core/rules/totals";
import { cellAddress } from "../../src/core/workbook/address";
import { expenditureSummary, type ClassifiedLine } from "./budget-builders";

interface Node {
  code: string;
  level: "类" | "款" | "项";
  basic: Decimal;
  project: Decimal;
  parentIndex: number; // index in the flat line list, -1 for a 类 (its parent is the 合计 row)
  hasChildren: boolean;
}

const cents = fc.integer({ min: 0, max: 5_000_000 }).map((n) => new Decimal(n).dividedBy(100));
interface Amounts {
  basic: Decimal;
  project: Decimal;
}
interface GeneratedKuan {
  own?: Amounts;
  items: Amounts[];
}
const leaf: fc.Arbitrary<Amounts> = fc.record({ basic: cents, project: cents });
// A 款 either has 项 rows, or is a leaf with amounts of its own.
const kuan: fc.Arbitrary<GeneratedKuan> = fc
  .array(leaf, { minLength: 0, maxLength: 3 })
  .chain((items): fc.Arbitrary<GeneratedKuan> => (items.length === 0 ? leaf.map((own) => ({ own, items })) : fc.constant({ items })));
const lei = fc.array(kuan, { minLength: 1, maxLength: 3 });
const table = fc.array(lei, { minLength: 1, maxLength: 3 });

/** Flattens the generated tree into rows in print order, parents summing their children. */
function flatten(tree: ReadonlyArray<ReadonlyArray<GeneratedKuan>>): Node[] {
  const nodes: Node[] = [];
  tree.forEach((kuans, i) => {
    const leiIndex = nodes.length;
    const leiNode: Node = { code: String(201 + i), level: "类", basic: new Decimal(0), project: new Decimal(0), parentIndex: -1, hasChildren: true };
    nodes.push(leiNode);
    kuans.forEach((k, j) => {
      const kuanIndex = nodes.length;
      const kuanNode: Node = { code: `${leiNode.code}${String(j + 1).padStart(2, "0")}`, level: "款", basic: k.own?.basic ?? new Decimal(0), project: k.own?.project ?? new Decimal(0), parentIndex: leiIndex, hasChildren: k.items.length > 0 };
      nodes.push(kuanNode);
      k.items.forEach((item, n) => {
        nodes.push({ code: `${kuanNode.code}${String(n + 1).padStart(2, "0")}`, level: "项", basic: item.basic, project: item.project, parentIndex: kuanIndex, hasChildren: false });
        kuanNode.basic = kuanNode.basic.plus(item.basic);
        kuanNode.project = kuanNode.project.plus(item.project);
      });
      leiNode.basic = leiNode.basic.plus(kuanNode.basic);
      leiNode.project = leiNode.project.plus(kuanNode.project);
    });
  });
  return nodes;
}

const FIRST_LINE_ROW = 6; // title, 部门, two header rows, 合计
const TOTAL_ROW = 5;
const rowOf = (index: number) => (index < 0 ? TOTAL_ROW : FIRST_LINE_ROW + index);

function build(nodes: readonly Node[], change?: { index: number; col: number; delta: Decimal }) {
  const value = (index: number, col: number, base: Decimal) => (change && change.index === index && change.col === col ? base.plus(change.delta) : base).toNumber();
  const lines: ClassifiedLine[] = nodes.map((node, index) => {
    const values = [value(index, 5, node.basic.plus(node.project)), value(index, 6, node.basic), value(index, 7, node.project)];
    const part = node.level === "类" ? { lei: node.code } : node.level === "款" ? { kuan: node.code.slice(3) } : { xiang: node.code.slice(5) };
    return { ...part, name: `科目${node.code}`, values };
  });
  const basic = nodes.filter((n) => n.level === "类").reduce((s, n) => s.plus(n.basic), new Decimal(0));
  const project = nodes.filter((n) => n.level === "类").reduce((s, n) => s.plus(n.project), new Decimal(0));
  const totals = [value(-1, 5, basic.plus(project)), value(-1, 6, basic), value(-1, 7, project)];
  return expenditureSummary(totals, lines);
}

const check = (workbook: ReturnType<typeof build>) =>
  checkWorkbook(workbook, { families: [totalsFamily, compositionFamily] })
    .findings.map((f) => `${f.rule} ${f.cell}`)
    .sort();

describe("budget arithmetic properties", () => {
  it("a consistent generated 类/款/项 table gives no finding", () => {
    fc.assert(fc.property(table, (tree) => expect(check(build(flatten(tree)))).toEqual([])), { numRuns: 60 });
  });

  it("changing one amount gives one finding at that cell, naming every relation it breaks", () => {
    const scenario = table.chain((tree) => {
      const nodes = flatten(tree);
      return fc.record({
        tree: fc.constant(tree),
        index: fc.integer({ min: -1, max: nodes.length - 1 }),
        col: fc.constantFrom(5, 6, 7),
        delta: fc.integer({ min: 100, max: 100_000 }).map((n) => new Decimal(n).dividedBy(100)),
      });
    });
    fc.assert(
      fc.property(scenario, ({ tree, index, col, delta }) => {
        const nodes = flatten(tree);
        const expected: string[] = [];
        const row = rowOf(index);
        // The row's own 合计 = 基本支出 + 项目支出 breaks whichever of the three changed.
        expected.push(`composition/row ${cellAddress(row, 5)}`);
        if (index === -1) {
          expected.push(`totals/total-row ${cellAddress(row, col)}`);
        } else {
          const node = nodes[index];
          if (node.hasChildren) expected.push(`totals/hierarchy-sum ${cellAddress(row, col)}`);
          expected.push(node.parentIndex === -1 ? `totals/total-row ${cellAddress(TOTAL_ROW, col)}` : `totals/hierarchy-sum ${cellAddress(rowOf(node.parentIndex), col)}`);
        }
        const findings = checkWorkbook(build(nodes, { index, col, delta }), { families: [totalsFamily, compositionFamily] }).findings;
        expect(findings.map((f) => f.cell)).toEqual([cellAddress(row, col)]);
        // The broken relations, each at the total it is shown in: the finding itself and its corroboration.
        const broken = [findings[0], ...(findings[0].corroboration ?? [])].map((f) => f.rule).sort();
        expect(broken).toEqual(expected.map((e) => e.split(" ")[0]).sort());
        const shown = [findings[0].cells ?? [], (findings[0].corroboration ?? []).map((c) => c.cell)].flat();
        for (const at of expected.map((e) => e.split(" ")[1]).filter((c) => c !== cellAddress(row, col))) expect(shown).toContain(at);
      }),
      { numRuns: 120 },
    );
  });
});

describe("year-on-year columns", () => {
  // 上年 and 本年 amounts in cents, the change and the rate derived the way a department prints them.
  const amounts = fc.record({ previous: fc.integer({ min: 1, max: 10_000_000 }), current: fc.integer({ min: 0, max: 10_000_000 }), decimals: fc.constantFrom(0, 1, 2) });
  const table = (previous: number, current: number, rate: string) =>
    workbookOf(yunnanThreePublic([["合计", previous / 100, current / 100, (current - previous) / 100, rate], ["1.公务接待费", previous / 100, current / 100, (current - previous) / 100, rate]]));
  const printed = (previous: number, current: number, decimals: number) =>
    `${new Decimal(current - previous).div(previous).times(100).toFixed(decimals)}%`;
  const run = (workbook: ReturnType<typeof table>) => checkWorkbook(workbook, { families: [changeFamily] }).findings;

  it("accepts every rate computed from the printed amounts and rounded to the printed decimals", () => {
    fc.assert(fc.property(amounts, ({ previous, current, decimals }) => expect(run(table(previous, current, printed(previous, current, decimals)))).toEqual([])), { numRuns: 150 });
  });

  // From 10.00 up, and for changes within ±100%, the printed roundings move a rate by a tenth of a point at most.
  it("flags a rate a whole point away from amounts of 10.00 or more, at the rate cell", () => {
    fc.assert(
      fc.property(amounts.filter((a) => a.previous >= 1000 && a.current <= 2 * a.previous), ({ previous, current }) => {
        const wrong = `${new Decimal(current - previous).div(previous).times(100).plus(1).toFixed(2)}%`;
        expect(run(table(previous, current, wrong)).map((f) => `${f.rule} ${f.cell}`)).toEqual(["composition/change-rate E5", "composition/change-rate E6"]);
      }),
      { numRuns: 100 },
    );
  });

  // RULES 3.0: ±0.01 point from the figures shown. Beyond it an error only where no rounding of the
  // printed amounts could give the rate; within what roundings allow, a warning.
  it("a rate more than 0.01 point off the printed amounts is reported: an error beyond what their roundings allow, else a warning", () => {
    fc.assert(
      fc.property(amounts.filter((a) => a.previous >= 100 && a.current <= 2 * a.previous), fc.constantFrom(-1, 1), fc.integer({ min: 2, max: 300 }), ({ previous, current }, sign, hundredths) => {
        const exact = new Decimal(current - previous).div(previous).times(100);
        const shown = exact.toDecimalPlaces(2).plus(new Decimal(hundredths).div(100).times(sign));
        const change = new Decimal(current - previous).div(100);
        const before = new Decimal(previous).div(100);
        const corners = [-1, 1].flatMap((dc) => [-1, 1].map((dp) => change.plus(dc * 0.005).div(before.plus(dp * 0.005)).times(100)));
        const withinRounding = shown.plus(0.005).gte(Decimal.min(...corners)) && shown.minus(0.005).lte(Decimal.max(...corners));
        const off = shown.minus(exact).abs().gt(new Decimal("0.01"));
        const findings = run(table(previous, current, `${shown.toFixed(2)}%`));
        if (!off) expect(findings).toEqual([]);
        else expect(findings.map((f) => `${f.cell} ${f.severity}`)).toEqual(withinRounding ? ["E5 warning", "E6 warning"] : ["E5 error", "E6 error"]);
      }),
      { numRuns: 200 },
    );
  });
});
