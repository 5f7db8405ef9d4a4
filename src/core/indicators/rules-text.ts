// Rules on the text of indicator rows: names cut off (RULES 1.7, 2.2), duplicates (P17), empty
// required cells, numbers written with full-width digits (2.1).
import type { AnalysedRow, IndicatorRule } from "./rule";
import { groupName, sameGroup } from "./rule";
import { normaliseIndicatorName } from "./framework";
import { QUALITATIVE_LEXICON } from "./lexicon";
import { DANGLING_END, endsMidWord, headlessEnd } from "./word-ends";

/** Display width: a CJK or full-width character is 1, an ASCII character ½ (how a cell fits text). */
export function displayWidth(text: string): number {
  let width = 0;
  // Latin-1 characters print at half the width of a CJK character.
  for (const character of text) width += (character.codePointAt(0) ?? 0) <= 0xff ? 0.5 : 1;
  return width;
}

/** Nouns and verbs an indicator name normally ends with: a name at the cut width ending so is whole. */
const NATURAL_END_WORDS = [
  "率", "数", "量", "度", "性", "额", "费", "值", "感", "标准", "成本", "时间", "时限", "周期", "年限", "情况", "水平", "效益", "效果", "影响",
  "质量", "范围", "面积", "长度", "经费", "费用", "支出", "运转", "覆盖", "到位", "达标", "合格", "人次", "规模", "期限", "项目", "活动", "比例",
  "平台", "制度", "机制", "体系", "场次", "批次", "人员", "问题", "维护", "审计", "演出", "增效",
  // A name ending in a direction word of the lexicon (RULES 2.3) is a whole statement: 程度明显提升.
  ...QUALITATIVE_LEXICON.direction.filter((word) => word !== "保障"),
];
const NATURAL_END = new RegExp(`(${NATURAL_END_WORDS.join("|")})$`);

/**
 * The width at which a column cut its texts, if there is one: many names at exactly one width and
 * few beyond it. Texts typed by people spread over lengths; texts cut by an export pile up at the cut.
 */
export function cutWidth(texts: readonly string[]): number | undefined {
  const counts = new Map<number, number>();
  for (const text of texts) {
    const width = Math.ceil(displayWidth(text));
    if (width >= 8) counts.set(width, (counts.get(width) ?? 0) + 1);
  }
  let best: number | undefined;
  for (const [width, count] of counts) {
    const below = counts.get(width - 1) ?? 0;
    let beyond = 0;
    for (const [other, otherCount] of counts) if (other > width) beyond += otherCount;
    if (count >= 4 && count >= 1.5 * below && count >= 2 * beyond && (best === undefined || count > (counts.get(best) ?? 0))) best = width;
  }
  return best;
}

/** The blocks of one sheet share their peers' list: its cut width is worked out once. */
const PEER_WIDTHS = new WeakMap<readonly string[], number | undefined>();
function peerCutWidth(peers: readonly string[]): number | undefined {
  if (PEER_WIDTHS.has(peers)) return PEER_WIDTHS.get(peers);
  const width = cutWidth(peers.map((text) => text.replace(/\s/g, "")));
  PEER_WIDTHS.set(peers, width);
  return width;
}

interface NameVerdict {
  readonly messageId: "nameCut" | "nameDangling" | "nameMidWord" | "nameBeforeHead" | "nameTwinCut";
  readonly data: Readonly<Record<string, string | number>>;
}

/** A name that can only be cut: it stops on a joining character, mid-word, or before its head word. */
function certainCut(name: string): NameVerdict | undefined {
  if (name.length < 4) return undefined;
  const last = name.slice(-1);
  if (DANGLING_END.test(name)) return { messageId: "nameDangling", data: { last } };
  if (name.length >= 6 && endsMidWord(name)) return { messageId: "nameMidWord", data: { last } };
  const head = headlessEnd(name);
  if (head !== undefined) return { messageId: "nameBeforeHead", data: { tail: head } };
  return undefined;
}

function nameWidth(name: string): number {
  return Math.ceil(displayWidth(name.replace(/\s/g, "")));
}

/**
 * The widths at which this form's names were cut: the sheet's cut width, and any width at which two
 * different names of the form are certainly cut. One export can cut a form's column a character
 * short of its neighbours' (a wider glyph on the line), and the form itself then shows where.
 */
function formCutWidths(rows: readonly AnalysedRow[], peerWidth: number | undefined): ReadonlySet<number> {
  const cutNamesByWidth = new Map<number, Set<string>>();
  for (const row of rows) {
    if (certainCut(row.name) === undefined) continue;
    const width = nameWidth(row.name);
    if (width < 8) continue;
    const names = cutNamesByWidth.get(width) ?? new Set<string>();
    names.add(row.name);
    cutNamesByWidth.set(width, names);
  }
  const widths = new Set<number>();
  if (peerWidth !== undefined) widths.add(peerWidth);
  for (const [width, names] of cutNamesByWidth) if (names.size >= 2) widths.add(width);
  return widths;
}

function nameVerdict(name: string, cutWidths: ReadonlySet<number>): NameVerdict | undefined {
  const certain = certainCut(name);
  if (certain !== undefined) return certain;
  const width = nameWidth(name);
  if (name.length >= 4 && cutWidths.has(width) && !NATURAL_END.test(name)) return { messageId: "nameCut", data: { width } };
  return undefined;
}

/** The length of the opening two texts share. */
function sharedOpening(a: string, b: string): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length++;
  return length;
}

/**
 * Parallel names written to one pattern (符合…条件的企业离退休人员 / 符合…条件的灵活就业人员) share
 * their fate: when one of them is cut, a twin that opens the same way, is at least as long, and has no
 * natural ending lost its last word too.
 */
function twinVerdict(row: AnalysedRow, cutRows: ReadonlySet<AnalysedRow>): NameVerdict | undefined {
  if (NATURAL_END.test(row.name)) return undefined;
  for (const twin of cutRows) {
    if (twin === row || !sameGroup(twin, row) || row.name.length < twin.name.length || twin.name === row.name) continue;
    const opening = sharedOpening(row.name, twin.name);
    if (opening >= 8 && opening * 2 >= twin.name.length) {
      return { messageId: "nameTwinCut", data: { twin: twin.name, twinCell: twin.input.level3?.cell ?? "" } };
    }
  }
  return undefined;
}

export const truncatedTextRule: IndicatorRule = {
  meta: {
    id: "indicators/truncated-text",
    category: "truncated-text",
    defaultSeverity: "warning",
    description: { zh: "指标名称或指标值不应被截断", en: "indicator names and values must not be cut off" },
    messages: {
      nameCut: { zh: "三级指标“{text}”疑似被截断（在第 {width} 个字处中断）", en: "三级 indicator “{text}” looks cut off (at width {width})" },
      nameDangling: { zh: "三级指标“{text}”以“{last}”结尾，疑似被截断", en: "三级 indicator “{text}” ends with “{last}”: it looks cut off" },
      nameMidWord: { zh: "三级指标“{text}”在词语中间结束（“{last}”后缺字），疑似被截断", en: "三级 indicator “{text}” stops mid-word after “{last}”: it looks cut off" },
      nameBeforeHead: { zh: "三级指标“{text}”以“{tail}”结尾，后面缺少它所修饰的词，疑似被截断", en: "三级 indicator “{text}” ends on “{tail}”, which needs a word after it: it looks cut off" },
      nameTwinCut: {
        zh: "三级指标“{text}”与已被截断的“{twin}”（{twinCell}）开头相同、不比它短，且没有完整的结尾，疑似同样被截断",
        en: "三级 indicator “{text}” opens like “{twin}” ({twinCell}, cut off), is no shorter, and has no natural ending: it looks cut off too",
      },
      valueCut: { zh: "指标值“{text}”以“{tail}”结尾，后面缺少它所修饰的词，疑似被截断", en: "指标值 “{text}” ends on “{tail}”, which needs a word after it: it looks cut off" },
      valueDangling: { zh: "指标值“{text}”以“{last}”结尾，疑似被截断", en: "指标值 “{text}” ends with “{last}”: it looks cut off" },
    },
  },
  check({ block, report }) {
    const names = block.rows.map((row) => row.name).filter((name) => name !== "");
    const peerWidth = block.context.peerLevel3Texts ? peerCutWidth(block.context.peerLevel3Texts) : cutWidth(names);
    const widths = formCutWidths(block.rows, peerWidth);
    const cutRows = new Set<AnalysedRow>();
    const nameChecks = block.rows.map((row) => {
      const verdict = nameVerdict(row.name, widths);
      if (verdict !== undefined) cutRows.add(row);
      return verdict;
    });
    block.rows.forEach((row, index) => {
      const nameCell = row.input.level3?.cell;
      if (nameCell === undefined) return;
      const verdict = nameChecks[index] ?? twinVerdict(row, cutRows);
      if (verdict !== undefined) report({ messageId: verdict.messageId, cell: nameCell, data: { text: row.name, ...verdict.data }, actual: row.name });
    });
    for (const row of block.rows) {
      const value = row.value;
      const valueCell = row.input.value?.cell;
      if (value !== undefined && valueCell !== undefined && value.hints.includes("ends-with-punctuation")) {
        report({ messageId: "valueDangling", cell: valueCell, data: { text: value.normalised, last: value.normalised.slice(-1) }, actual: value.text });
      } else if (value !== undefined && valueCell !== undefined && value.form === "descriptive") {
        const head = headlessEnd(value.normalised);
        if (head !== undefined) report({ messageId: "valueCut", cell: valueCell, data: { text: value.normalised, tail: head }, actual: value.text });
      }
    }
  },
};

export const duplicateIndicatorRule: IndicatorRule = {
  meta: {
    id: "indicators/duplicate",
    category: "duplicate-entry",
    defaultSeverity: "warning",
    description: { zh: "同一三级指标不应重复填写", en: "the same 三级 indicator must not be listed twice" },
    messages: {
      sameGroup: { zh: "三级指标“{name}”在{group}下重复（另见 {other}）", en: "三级 “{name}” is listed twice under {group} (see also {other})" },
      twoGroups: {
        zh: "“{name} {value}”同时出现在{otherGroup}（{other}）和{group}下",
        en: "“{name} {value}” appears under both {otherGroup} ({other}) and {group}",
      },
    },
  },
  check({ block, report }) {
    const seen: AnalysedRow[] = [];
    for (const row of block.rows) {
      const cell = row.input.level3?.cell;
      if (cell === undefined || row.name === "" || /^(不涉及|无|\/)$/.test(row.name)) continue;
      const key = normaliseIndicatorName(row.name);
      const earlier = seen.find((other) => normaliseIndicatorName(other.name) === key);
      seen.push(row);
      if (earlier === undefined) continue;
      const other = earlier.input.level3?.cell ?? "";
      const inOneGroup = sameGroup(earlier, row) || (earlier.pair.level2 !== undefined && earlier.pair.level2 === row.pair.level2);
      if (inOneGroup) {
        report({ messageId: "sameGroup", cell, range: other, data: { name: row.name, group: groupName(row), other } });
      } else if ((earlier.value?.normalised ?? "") === (row.value?.normalised ?? "")) {
        report({ messageId: "twoGroups", cell, data: { name: row.name, value: row.value?.text.trim() ?? "", group: groupName(row), otherGroup: groupName(earlier), other } });
      }
    }
  },
};

export const missingIndicatorCellRule: IndicatorRule = {
  meta: {
    id: "indicators/missing-value",
    category: "missing-value",
    defaultSeverity: "warning",
    description: { zh: "指标行的三级指标和指标值必须填写", en: "an indicator row needs its 三级 name and its 指标值" },
    messages: {
      noValue: { zh: "三级指标“{name}”没有指标值", en: "三级 “{name}” has no 指标值" },
      emptyGroupName: { zh: "{group}没有填写三级指标", en: "{group} has no 三级 indicator" },
      emptyGroupValue: { zh: "{group}没有填写指标值", en: "{group} has no 指标值" },
      noName: { zh: "指标值“{value}”没有对应的三级指标名称", en: "指标值 “{value}” has no 三级 name" },
    },
  },
  check({ block, report }) {
    block.rows.forEach((row) => {
      if (row.input.valueUncalculated) return; // unknown, not missing: said to be not checked
      const valueCell = row.input.value?.cell;
      if (row.name !== "" && row.value === undefined) {
        // The value cell is empty, so the caller may not know its address: fall back to the name's row.
        report({ messageId: "noValue", cell: valueCell ?? row.input.level3?.cell ?? "", severity: "error", data: { name: row.name } });
        return;
      }
      if (row.name === "" && row.value !== undefined && row.value.form !== "not-applicable") {
        report({ messageId: "noName", cell: valueCell ?? "", data: { value: row.value.text.trim() } });
        return;
      }
      if (row.name === "" && row.value === undefined) {
        // An empty spare row beside filled rows of the same 二级 is harmless; a 二级 with no row at all is not.
        const groupHasRows = block.rows.some((other) => other !== row && sameGroup(other, row) && (other.name !== "" || other.value !== undefined || other.input.valueUncalculated === true));
        if (groupHasRows || (row.level2 === null && row.level1 === null)) return;
        const group = groupName(row);
        const nameCell = row.input.level3?.cell;
        if (nameCell !== undefined) report({ messageId: "emptyGroupName", cell: nameCell, data: { group } });
        if (valueCell !== undefined) report({ messageId: "emptyGroupValue", cell: valueCell, data: { group } });
        if (nameCell === undefined && valueCell === undefined) {
          report({ messageId: "emptyGroupName", cell: row.level2?.cell ?? row.level1?.cell ?? "", data: { group } });
        }
      }
    });
  },
};

export const fullWidthDigitsRule: IndicatorRule = {
  meta: {
    id: "indicators/full-width-digits",
    category: "number-as-text",
    defaultSeverity: "info",
    description: { zh: "指标值中的全角数字", en: "full-width digits in a 指标值" },
    messages: {
      fullWidth: { zh: "指标值“{value}”使用全角数字，已按半角读取", en: "指标值 “{value}” uses full-width digits; read as ordinary digits" },
    },
  },
  check({ block, report }) {
    for (const row of block.rows) {
      const cell = row.input.value?.cell;
      if (cell !== undefined && row.value?.hints.includes("full-width-digits")) {
        report({ messageId: "fullWidth", cell, data: { value: row.value.text }, actual: row.value.text });
      }
    }
  },
};
