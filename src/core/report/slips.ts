// One slip, one finding. A wrong cell breaks every relation it takes part in: a 类 amount typed wrong
// fails its 款 sum, its row's 合计 = 基本 + 项目 and the table's 合计 row. Each failed relation says which
// correction of which cell would mend it (a total by −difference, a part by +difference); a cell whose one
// correction mends two or more failed relations is the slip, reported once at that cell with the other
// checks as corroboration.
import Decimal from "decimal.js";
import type { Bilingual } from "./i18n";
import type { Finding } from "./finding";
import type { SlipRelation } from "../rules/rule";

const SEVERITY_RANK = { error: 3, warning: 2, info: 1 } as const;
const CENT = new Decimal("0.01");

interface Mend {
  readonly finding: number;
  readonly correction: Decimal;
  readonly isTotal: boolean;
  readonly tolerance: Decimal;
}

/** Merges the findings one slip explains; findings without a relation pass through unchanged. */
export function mergeSlips(findings: readonly Finding[], relations: ReadonlyMap<number, SlipRelation>): Finding[] {
  const merged = new Set<number>();
  const result: Finding[] = [...findings];
  const replacements = new Map<number, Finding>();
  for (;;) {
    const mends = new Map<string, Mend[]>();
    for (const [index, relation] of relations) {
      if (merged.has(index) || findings[index].severity === "info") continue;
      const add = (cell: string, mend: Mend) => mends.set(cell, [...(mends.get(cell) ?? []), mend]);
      const tolerance = relation.tolerance ?? CENT;
      add(relation.total, { finding: index, correction: relation.difference.negated(), isTotal: true, tolerance });
      for (const part of relation.parts) add(part, { finding: index, correction: relation.difference, isTotal: false, tolerance });
    }
    let best: { cell: string; group: Mend[] } | undefined;
    for (const [cell, list] of mends) {
      for (const mend of list) {
        const group = list.filter((m) => m.correction.minus(mend.correction).abs().lte(Decimal.max(m.tolerance, mend.tolerance)));
        const distinct = new Set(group.map((m) => m.finding));
        if (distinct.size < 2) continue;
        const score = distinct.size * 2 + (group.some((m) => m.isTotal) ? 1 : 0);
        const bestScore = best ? new Set(best.group.map((m) => m.finding)).size * 2 + (best.group.some((m) => m.isTotal) ? 1 : 0) : -1;
        if (score > bestScore) best = { cell, group: dedupe(group) };
      }
    }
    if (!best) break;
    const members = best.group.map((m) => m.finding);
    const primaryIndex = best.group.find((m) => m.isTotal)?.finding ?? members[0];
    const [sheet, cell] = splitCell(best.cell);
    const primary = replacements.get(primaryIndex) ?? findings[primaryIndex];
    const others = members.filter((i) => i !== primaryIndex).map((i) => replacements.get(i) ?? findings[i]);
    const severity = [primary, ...others].reduce((top, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[top] ? f.severity : top), primary.severity);
    const lands = primary.cell === cell && primary.sheet === sheet;
    const message: Bilingual = lands ? primary.message : relanded(cell, best.group.find((m) => m.finding === primaryIndex)!.correction, primary.message);
    const corroboration = [...(primary.corroboration ?? []), ...others.flatMap((o) => [{ rule: o.rule, sheet: o.sheet, cell: o.cell, message: o.message }, ...(o.corroboration ?? [])])];
    const cells = [...new Set([...(primary.cells ?? []), ...(lands ? [] : [primary.cell]), ...others.filter((o) => o.sheet === sheet).map((o) => o.cell)])].filter((c) => c !== cell);
    replacements.set(primaryIndex, {
      ...primary,
      sheet,
      cell,
      severity,
      message: withCorroboration(message, corroboration),
      corroboration,
      ...(cells.length > 0 ? { cells } : {}),
      ...(lands ? {} : { expected: undefined, actual: undefined }),
    });
    for (const other of members) if (other !== primaryIndex) merged.add(other);
    // The merged relation now stands for the slip: it no longer joins further merges.
    merged.add(primaryIndex);
  }
  return result
    .map((finding, index) => (merged.has(index) && !replacements.has(index) ? undefined : (replacements.get(index) ?? finding)))
    .filter((f): f is Finding => f !== undefined)
    .map(stripUndefined);
}

function dedupe(group: readonly Mend[]): Mend[] {
  const seen = new Set<number>();
  return group.filter((m) => (seen.has(m.finding) ? false : (seen.add(m.finding), true)));
}

function splitCell(qualified: string): [string, string] {
  const at = qualified.lastIndexOf("!");
  return [qualified.slice(0, at), qualified.slice(at + 1)];
}

function relanded(cell: string, correction: Decimal, message: Bilingual): Bilingual {
  const sign = correction.isNegative() ? "减少" : "增加";
  const amount = correction.abs().toFixed(2);
  return {
    zh: `${cell} 若${sign} ${amount}，以下各处即都相符：${message.zh}`,
    en: `${cell} ${correction.isNegative() ? "lowered" : "raised"} by ${amount} would mend all of these: ${message.en}`,
  };
}

function withCorroboration(message: Bilingual, corroboration: readonly { cell: string; message: Bilingual }[]): Bilingual {
  if (corroboration.length === 0) return message;
  return {
    zh: `${message.zh}。同一差额也使 ${corroboration.length} 处核对不符：${corroboration.map((c) => `${c.cell}（${c.message.zh}）`).join("；")}`,
    en: `${message.en}. The same gap also breaks ${corroboration.length} other check${corroboration.length > 1 ? "s" : ""}: ${corroboration.map((c) => `${c.cell} (${c.message.en})`).join("; ")}`,
  };
}

function stripUndefined(finding: Finding): Finding {
  const copy: Record<string, unknown> = { ...finding };
  for (const key of Object.keys(copy)) if (copy[key] === undefined) delete copy[key];
  return copy as Finding;
}
