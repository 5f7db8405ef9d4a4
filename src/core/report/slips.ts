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
  const mends = new Map<string, Mend[]>();
  for (const [index, relation] of relations) {
    if (findings[index].severity === "info") continue;
    const tolerance = relation.tolerance ?? CENT;
    const add = (cell: string, mend: Mend) => {
      const list = mends.get(cell);
      if (list) list.push(mend);
      else mends.set(cell, [mend]);
    };
    add(relation.total, { finding: index, correction: relation.difference.negated(), isTotal: true, tolerance });
    for (const part of relation.parts) add(part, { finding: index, correction: relation.difference, isTotal: false, tolerance });
  }
  // Candidates: for each cell, its largest group of findings that one correction mends; the strongest
  // explanations are taken first, and a finding joins one slip at most.
  const candidates: { cell: string; group: Mend[]; score: number }[] = [];
  for (const [cell, list] of mends) {
    if (list.length < 2) continue;
    const group = bestGroup(list);
    if (group) candidates.push({ cell, group, score: scoreOf(group) });
  }
  candidates.sort((a, b) => b.score - a.score);
  const merged = new Set<number>();
  const replacements = new Map<number, Finding>();
  for (const candidate of candidates) {
    const group = bestGroup(candidate.group.filter((m) => !merged.has(m.finding)));
    if (!group) continue;
    const members = group.map((m) => m.finding);
    const primaryIndex = group.find((m) => m.isTotal)?.finding ?? members[0];
    const [sheet, cell] = splitCell(candidate.cell);
    const primary = findings[primaryIndex];
    const others = members.filter((i) => i !== primaryIndex).map((i) => findings[i]);
    const severity = [primary, ...others].reduce((top, f) => (SEVERITY_RANK[f.severity] > SEVERITY_RANK[top] ? f.severity : top), primary.severity);
    const lands = primary.cell === cell && primary.sheet === sheet;
    const message: Bilingual = lands ? primary.message : relanded(cell, group.find((m) => m.finding === primaryIndex)!.correction, primary.message);
    const corroboration = others.map((o) => ({ rule: o.rule, sheet: o.sheet, cell: o.cell, message: o.message }));
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
    for (const member of members) merged.add(member);
  }
  return findings
    .map((finding, index) => (merged.has(index) && !replacements.has(index) ? undefined : (replacements.get(index) ?? finding)))
    .filter((f): f is Finding => f !== undefined)
    .map(stripUndefined);
}

/** The largest set of distinct findings whose corrections of this cell agree; undefined below two. */
function bestGroup(list: readonly Mend[]): Mend[] | undefined {
  let best: Mend[] | undefined;
  for (const mend of list) {
    const group = dedupe(list.filter((m) => m.correction.minus(mend.correction).abs().lte(Decimal.max(m.tolerance, mend.tolerance))));
    if (group.length >= 2 && (!best || scoreOf(group) > scoreOf(best))) best = group;
  }
  return best;
}

function scoreOf(group: readonly Mend[]): number {
  return group.length * 2 + (group.some((m) => m.isTotal) ? 1 : 0);
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
