// The indicator framework of a rule pack (RULES 1.1–1.6): normalised names, aliases, and the
// classification of a (一级, 二级) pair by name, not by column, so that a row shifted one column in
// an export is recognised as a layout defect and only a known 二级 under another 一级 is reported.
import { foldText, withoutIndicatorSuffix } from "../workbook/text";
import type { Level1Role, Level2Role, RulePack } from "../packs/schema";

/** RULES 1.6: NFKC, no whitespace at all, numbering and a trailing colon dropped, 指标 optional. */
/** Names repeat across every form (经济成本指标, 数量指标 …): each spelling is normalised once. */
const NORMALISED_NAMES = new Map<string, string>();

export function normaliseIndicatorName(text: string): string {
  let normalised = NORMALISED_NAMES.get(text);
  if (normalised === undefined) {
    if (NORMALISED_NAMES.size > 50000) NORMALISED_NAMES.clear();
    NORMALISED_NAMES.set(text, (normalised = normaliseUncached(text)));
  }
  return normalised;
}

function normaliseUncached(text: string): string {
  const folded = foldText(text)
    .replace(/^(\d+[.、)]|[(（]?[一二三四五六七八九十]+[)）、.]|[(（]\d+[)）])/, "")
    .replace(/[:：]$/, "")
    // Points written into the name (产出指标(50分), 满意度指标（10分）) are the category's weight, not its name.
    .replace(/\(\d+(?:\.\d+)?分\)$/, "");
  return withoutIndicatorSuffix(folded);
}

export interface Level1Entry {
  readonly name: string;
  readonly role: Level1Role;
}

export interface Level2Entry {
  readonly name: string;
  readonly role: Level2Role;
  /** The 一级 this 二级 belongs to in the pack. */
  readonly parent: Level1Entry;
}

export type PairStatus =
  /** 二级 belongs to its 一级 (or only a 一级 is given and it is known). */
  | "ok"
  /** Both cells empty. */
  | "empty"
  /** A known 二级 of a different 一级 (时效指标 under 效益指标): RULES 1.6, W. */
  | "wrong-level1"
  /** A 一级 name of this pack written in the 二级 column (成本指标 under 产出指标 in the cost-first pack). */
  | "level1-as-level2"
  /** A 二级 name written in the 一级 column: a shifted row, or the other framework's layout. */
  | "level2-as-level1"
  /** A 一级 not in the framework. */
  | "unknown-level1"
  /** A 二级 not in the framework. */
  | "unknown-level2";

export interface PairClassification {
  readonly status: PairStatus;
  /** The 一级 the row is under after resolution (for level2-as-level1, the 二级's own parent). */
  readonly level1?: Level1Entry;
  readonly level2?: Level2Entry;
  /** For wrong-level1: the 一级 the 二级 belongs to. */
  readonly expectedLevel1?: Level1Entry;
}

export class IndicatorFramework {
  private readonly level1ByName = new Map<string, Level1Entry>();
  private readonly level2ByName = new Map<string, Level2Entry[]>();
  readonly level1: readonly Level1Entry[];
  readonly level2: readonly Level2Entry[];

  constructor(pack: RulePack) {
    const level1: Level1Entry[] = [];
    const level2: Level2Entry[] = [];
    for (const level1Spec of pack.framework.level1) {
      const entry: Level1Entry = { name: level1Spec.name, role: level1Spec.role };
      level1.push(entry);
      for (const name of [level1Spec.name, ...level1Spec.aliases]) this.level1ByName.set(normaliseIndicatorName(name), entry);
      for (const level2Spec of level1Spec.level2) {
        const child: Level2Entry = { name: level2Spec.name, role: level2Spec.role, parent: entry };
        level2.push(child);
        for (const name of [level2Spec.name, ...level2Spec.aliases]) {
          const key = normaliseIndicatorName(name);
          const list = this.level2ByName.get(key) ?? [];
          list.push(child);
          this.level2ByName.set(key, list);
        }
      }
    }
    this.level1 = level1;
    this.level2 = level2;
  }

  findLevel1(text: string): Level1Entry | undefined {
    return this.level1ByName.get(normaliseIndicatorName(text));
  }

  /** All 二级 entries with this name (a name may be a 二级 of more than one 一级 in a pack). */
  findLevel2(text: string): readonly Level2Entry[] {
    return this.level2ByName.get(normaliseIndicatorName(text)) ?? [];
  }

  findLevel2ByName(name: string): Level2Entry | undefined {
    return this.level2.find((entry) => entry.name === name);
  }

  /**
   * Classifies the (一级, 二级) of one row. Pass the texts as the row shows them (after filling a merged
   * 一级 down); null or "" means the cell is empty.
   */
  classify(level1Text: string | null, level2Text: string | null): PairClassification {
    const level1Name = level1Text === null ? "" : normaliseIndicatorName(level1Text);
    const level2Name = level2Text === null ? "" : normaliseIndicatorName(level2Text);
    if (level1Name === "" && level2Name === "") return { status: "empty" };

    const level1 = level1Name === "" ? undefined : this.level1ByName.get(level1Name);
    const level2Candidates = level2Name === "" ? [] : (this.level2ByName.get(level2Name) ?? []);

    if (level1Name !== "" && level1 === undefined) {
      const asLevel2 = this.level2ByName.get(level1Name) ?? [];
      const first = asLevel2[0];
      if (first !== undefined) return { status: "level2-as-level1", level1: first.parent, level2: first };
      return { status: "unknown-level1" };
    }
    if (level2Name === "") return { status: "ok", level1 };

    const own = level2Candidates.find((candidate) => level1 === undefined || candidate.parent === level1);
    if (own !== undefined) return { status: "ok", level1: own.parent, level2: own };
    const other = level2Candidates[0];
    if (other !== undefined) return { status: "wrong-level1", level1, level2: other, expectedLevel1: other.parent };
    const level1AsLevel2 = this.level1ByName.get(level2Name);
    if (level1AsLevel2 !== undefined && level1AsLevel2 !== level1) return { status: "level1-as-level2", level1 };
    return { status: "unknown-level2", level1 };
  }
}

const frameworkCache = new WeakMap<RulePack, IndicatorFramework>();

/** The framework of a pack, built once per pack object. */
export function frameworkOf(pack: RulePack): IndicatorFramework {
  let framework = frameworkCache.get(pack);
  if (framework === undefined) {
    framework = new IndicatorFramework(pack);
    frameworkCache.set(pack, framework);
  }
  return framework;
}
