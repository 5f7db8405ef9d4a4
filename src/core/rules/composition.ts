// Row composition (RULES 3.1.2, 3.2 fiscal overview lines, 3.3 三公, 3.4 listing rows): on every row a
// 合计/小计/总计 column equals the sum of the columns beside it under the same header. The relations
// come from the header words, not from fixed positions, so any column set (决算数 groups, 三公 year
// blocks, 资金来源 groups) is covered by the same reading.
import { columnLabel, valueCell, type AmountColumn } from "../forms/budget-table";
import type { RuleContext, RuleFamily, RuleMeta } from "./rule";
import { budgetTables, checkSum, rowName, rowSumAgrees } from "./totals-support";

export const rowComposition: RuleMeta = {
  id: "composition/row",
  category: "composition-mismatch",
  severity: "error",
  description: {
    zh: "每行的合计/小计列 = 同一表头下各组成列之和（如 合计 = 基本支出 + 项目支出，小计 = 一般公共预算 + 政府性基金预算）",
    en: "On every row a 合计/小计 column equals the sum of its sibling columns (合计 = 基本支出 + 项目支出; 小计 = 一般公共预算 + 政府性基金预算)",
  },
};

/** A column headed 其中… holds a part of the total beside it, which other sources may complete. */
const PARTIAL_HEADER = /^其中/;

/** The columns under a 其中 header are the whole of the total when they split it into 基本支出 and 项目支出. */
function isWholeBreakdown(members: readonly AmountColumn[]): boolean {
  const leaves = members.map((m) => m.path[m.path.length - 1]);
  return leaves.includes("基本支出") && leaves.includes("项目支出");
}

/** Header leaves that name a total of the columns beside them. */
const TOTAL_LEAF = /^(合计|小计|总计|本年(收入|支出)合计|收入合计|支出合计)$/;

/**
 * A named total (采购预算合计, 资金合计): a total only of a group headed 按…分 beside it (按采购类别分:
 * 货物 | 工程 | 服务), which splits it whole by its very heading. Beside other columns it may be one of
 * two years' totals (上年合计 | 本年合计), so nothing else is read as its parts.
 */
const NAMED_TOTAL_LEAF = /^.{1,8}合计$/;
const BREAKDOWN_HEADER = /^按.{1,10}分$/;

export interface CompositionRelation {
  readonly total: AmountColumn;
  readonly parts: readonly AmountColumn[];
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((p, i) => path[i] === p);
}

/**
 * The composition relations of a header: each total column with the columns it adds up. Siblings that
 * form a group of their own count through the group's 小计 when it has one, else through its columns.
 */
/**
 * A header that names the items first and the measure last (三公 决算: 合计 | 因公出国(境)费 | … each over
 * 预算数 | 决算数): the same measures under every item. Read measure first (预算数 / 合计, 预算数 /
 * 因公出国(境)费 …), its totals add up within each measure. Undefined for any other header.
 */
function measureFirst(columns: readonly AmountColumn[]): AmountColumn[] | undefined {
  if (columns.length < 4 || columns.some((c) => c.path.length < 2)) return undefined;
  const leafOf = (c: AmountColumn) => c.path[c.path.length - 1];
  const measures = new Set(columns.map(leafOf));
  if (measures.size < 2 || measures.size > 4 || [...measures].some((m) => TOTAL_LEAF.test(m) || !/(数|额)$/.test(m))) return undefined;
  const byItem = new Map<string, Set<string>>();
  for (const c of columns) {
    const item = c.path.slice(0, -1).join("/");
    const seen = byItem.get(item) ?? new Set<string>();
    seen.add(leafOf(c));
    byItem.set(item, seen);
  }
  if (byItem.size < 2 || [...byItem.values()].some((seen) => seen.size !== measures.size)) return undefined;
  return columns.map((c) => ({ ...c, path: [leafOf(c), ...c.path.slice(0, -1)] }));
}

export function compositionRelations(columns: readonly AmountColumn[]): CompositionRelation[] {
  const reordered = measureFirst(columns);
  if (reordered) {
    const original = new Map(reordered.map((c, i) => [c, columns[i]]));
    return relationsOf(reordered).map((r) => ({ total: original.get(r.total)!, parts: r.parts.map((p) => original.get(p)!) }));
  }
  return relationsOf(columns);
}

function relationsOf(columns: readonly AmountColumn[]): CompositionRelation[] {
  const relations: CompositionRelation[] = [];
  for (const total of columns) {
    const leaf = total.path[total.path.length - 1];
    if (leaf === undefined) continue;
    const named = !TOTAL_LEAF.test(leaf);
    if (named && !NAMED_TOTAL_LEAF.test(leaf)) continue;
    const parent = total.path.slice(0, -1);
    const siblings = columns.filter((c) => c !== total && c.path.length > parent.length && startsWith(c.path, parent));
    const groups = new Map<string, AmountColumn[]>();
    for (const sibling of siblings) {
      const key = sibling.path[parent.length];
      groups.set(key, [...(groups.get(key) ?? []), sibling]);
    }
    const parts: AmountColumn[] = [];
    for (const [key, members] of groups) {
      if (named && !BREAKDOWN_HEADER.test(key)) continue; // a named total adds up its 按…分 group only
      if (TOTAL_LEAF.test(key)) continue; // a second total beside this one is not a part
      // 其中:一般公共预算安排数 is a part of the total, not one of its addends; a 其中 merged over the whole
      // breakdown (决算 公开03: 其中 基本支出 | 项目支出 | 上缴上级支出 …) lists every addend.
      if (PARTIAL_HEADER.test(key) && !isWholeBreakdown(members)) continue;
      if (PARTIAL_HEADER.test(key)) {
        parts.push(...members.filter((m) => m.path.length === parent.length + 2));
        continue;
      }
      if (members.length === 1 && members[0].path.length === parent.length + 1) {
        parts.push(members[0]);
        continue;
      }
      const groupTotal = members.find((m) => m.path.length === parent.length + 2 && TOTAL_LEAF.test(m.path[parent.length + 1]));
      if (groupTotal) parts.push(groupTotal);
      else parts.push(...members.filter((m) => m.path.length === parent.length + 2));
    }
    if (parts.length > 0) relations.push({ total, parts });
  }
  return relations;
}

export const compositionFamily: RuleFamily = {
  name: "composition",
  rules: [rowComposition],
  check(context: RuleContext) {
    for (const { model, detected } of budgetTables(context)) {
      const relations = compositionRelations(model.amountColumns);
      if (relations.length === 0) continue;
      const seenRows = new Set<number>();
      for (const row of model.rows) {
        if (seenRows.has(row.row) || row.count) continue;
        seenRows.add(row.row);
        // Spelled out only for a message: most rows agree.
        const name = () => (row.role === "total" ? { zh: `${row.label}行`, en: `${row.label} row` } : rowName(row.label, row.code, row.level));
        for (const relation of relations) {
          if (rowSumAgrees(context, detected, row, relation.total, relation.parts)) continue;
          const totalLabel = () => columnLabel(relation.total);
          const partsLabel = () => {
            const leaves = relation.parts.map((p) => p.path[p.path.length - 1]);
            // Items over one measure (三公 决算 … 预算数 | 决算数): the parts are named by their items.
            if (leaves.length > 1 && leaves.every((l) => l === leaves[0])) return relation.parts.map((p) => p.path.slice(0, -1).join("/"));
            return relation.parts.map((p, i) => (leaves[i] === "小计" || leaves[i] === "合计" ? columnLabel(p) : leaves[i]));
          };
          checkSum(context, {
            rule: rowComposition,
            table: detected,
            total: valueCell(row, relation.total),
            parts: relation.parts.map((p) => valueCell(row, p)),
            what: () => {
              const spelled = name();
              return { zh: `${spelled.zh}“${totalLabel()}”`, en: `${spelled.en} "${totalLabel()}"` };
            },
            partsName: () => ({ zh: partsLabel().join(" + "), en: partsLabel().join(" + ") }),
          });
        }
      }
    }
  },
};
