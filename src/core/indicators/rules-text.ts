// Rules on the text of indicator rows: names cut off (RULES 1.7, 2.2), duplicates (P17), empty
// required cells, numbers written with full-width digits (2.1).
import type { AnalysedRow, IndicatorRule } from "./rule";
import { groupName, sameGroup } from "./rule";
import { normaliseIndicatorName } from "./framework";
import { QUALITATIVE_LEXICON } from "./lexicon";
import { DANGLING_END, endsMidWord, headlessEnd } from "./word-ends";
import { endsWithWord, withoutSpace, wordSet } from "../workbook/text";

/** Display width: a CJK or full-width character is 1, an ASCII character ½ (how a cell fits text). */
export function displayWidth(text: string): number {
  let width = 0;
  // Latin-1 characters print at half the width of a CJK character; a surrogate pair is one character.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    width += code <= 0xff ? 0.5 : 1;
  }
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
const NATURAL_END = wordSet(NATURAL_END_WORDS);

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
  const width = cutWidth(peers.map(withoutSpace));
  PEER_WIDTHS.set(peers, width);
  return width;
}

interface NameVerdict {
  readonly messageId: "nameCut" | "nameDangling" | "nameMidWord" | "nameBeforeHead" | "nameUnbalanced" | "nameTail" | "namePrefix";
  readonly data: Readonly<Record<string, string | number>>;
}

/** Opening and closing marks that a whole text pairs: an opening left open is where the text stopped. */
const PAIRS: ReadonlyArray<readonly [string, string]> = [["(", ")"], ["《", "》"], ["〈", "〉"], ["“", "”"], ["‘", "’"], ["【", "】"], ["[", "]"], ["「", "」"]];

/** Each mark's pair by its code: 2 × its index in PAIRS, + 1 when it opens; -1 for any other code. */
const MARK_CODES = (() => {
  const codes = PAIRS.flatMap(([open, close]) => [open.charCodeAt(0), close.charCodeAt(0)]);
  const table = new Int8Array(Math.max(...codes) + 1).fill(-1);
  PAIRS.forEach(([open, close], pair) => {
    table[open.charCodeAt(0)] = 2 * pair + 1;
    table[close.charCodeAt(0)] = 2 * pair;
  });
  return table;
})();

/** The first opening mark of the text (in the order of PAIRS) that is never closed after it, if any. */
export function unclosedMark(text: string): string | undefined {
  // One pass over the text keeps every pair's depth; every mark is one UTF-16 unit.
  let depths: number[] | undefined;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const mark = code < MARK_CODES.length ? MARK_CODES[code]! : -1;
    if (mark < 0) continue;
    depths ??= new Array<number>(PAIRS.length).fill(0);
    const pair = mark >> 1;
    if (mark & 1) depths[pair]!++;
    else if (depths[pair]! > 0) depths[pair]!--;
  }
  if (depths === undefined) return undefined;
  const open = depths.findIndex((depth) => depth > 0);
  return open < 0 ? undefined : PAIRS[open]![0];
}

/**
 * The one character after the last comma or 、 of a text whose other parts are longer: a clause or list
 * item of one character is where an export stopped (…的情况下，用). A list of single characters
 * (衣、食、住、行) is whole.
 */
export function oneCharacterTail(text: string): string | undefined {
  if (!/[，,、；;]/.test(text)) return undefined; // one part only
  const parts = text.split(/[，,、；;]/);
  if (parts.length < 2) return undefined;
  const tail = parts[parts.length - 1]!;
  const before = parts.slice(0, -1);
  if ([...tail].length !== 1 || !/[\u4e00-\u9fff]/.test(tail)) return undefined;
  return before.some((part) => [...part].length >= 2) ? tail : undefined;
}

/**
 * A text that can only be cut, whatever form it sits in: it stops on a joining character (、 ，的 和),
 * mid-word (队伍建), before the word its last word needs (中小, 按季度), with a bracket or quote left
 * open (《〈…〉, “…), or on a one-character clause after a comma.
 */
function certainCut(name: string): NameVerdict | undefined {
  if (name.length < 4) return undefined;
  const last = name.slice(-1);
  if (DANGLING_END.test(name)) return { messageId: "nameDangling", data: { last } };
  const open = unclosedMark(name);
  if (open !== undefined) return { messageId: "nameUnbalanced", data: { mark: open } };
  const tail = oneCharacterTail(name);
  if (tail !== undefined) return { messageId: "nameTail", data: { tail } };
  if (name.length >= 6 && endsMidWord(name)) return { messageId: "nameMidWord", data: { last } };
  const head = headlessEnd(name);
  if (head !== undefined) return { messageId: "nameBeforeHead", data: { tail: head } };
  return undefined;
}

function nameWidth(name: string): number {
  return Math.ceil(displayWidth(withoutSpace(name)));
}

/**
 * A name that is the strict beginning of another name of the same form and stops inside a word the
 * other completes (基层单位财务管理规范化水 | 平提升: the head word 水平 straddles the stop). A name is
 * never written ending on the first half of the head noun its sibling spells out, so the shorter one
 * lost the rest. A whole name that a sibling extends by further words (发放补助种类 | 完成及时率) stops
 * at a word boundary and is left alone.
 */
function prefixVerdict(row: AnalysedRow, rows: readonly AnalysedRow[]): NameVerdict | undefined {
  const name = row.name;
  if (name.length < 6 || endsWithWord(name, NATURAL_END)) return undefined;
  for (const other of rows) {
    if (other === row || other.name.length <= name.length || !other.name.startsWith(name)) continue;
    const word = STRADDLING_WORDS.find((candidate) => straddles(other.name, name.length, candidate));
    if (word === undefined) continue;
    return { messageId: "namePrefix", data: { other: other.name, otherCell: other.input.level3?.cell ?? "", word } };
  }
  return undefined;
}

/** Head words of two or more characters (水平, 情况, 标准 …): the words a stop can fall inside. */
const STRADDLING_WORDS = NATURAL_END_WORDS.filter((word) => word.length >= 2);

/** True when the word occurs in the text across position `at` (some of it before, some after). */
function straddles(text: string, at: number, word: string): boolean {
  for (let before = 1; before < word.length; before++) {
    const start = at - before;
    if (start >= 0 && text.startsWith(word, start)) return true;
  }
  return false;
}

/**
 * A name at the width where the document's names pile up (an export cut them there), with no natural
 * ending. The width is the document's own distribution, never a number fitted beforehand.
 */
function widthVerdict(name: string, width: number | undefined): NameVerdict | undefined {
  if (width === undefined || name.length < 4 || nameWidth(name) !== width || endsWithWord(name, NATURAL_END)) return undefined;
  return { messageId: "nameCut", data: { width } };
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
      nameUnbalanced: { zh: "三级指标“{text}”中的“{mark}”没有闭合，疑似被截断", en: "三级 indicator “{text}” leaves “{mark}” open: it looks cut off" },
      nameTail: { zh: "三级指标“{text}”在逗号后只剩“{tail}”一个字，疑似被截断", en: "三级 indicator “{text}” ends on a one-character clause “{tail}” after a comma: it looks cut off" },
      namePrefix: {
        zh: "三级指标“{text}”是同表“{other}”（{otherCell}）的开头，止于“{word}”一词中间，疑似被截断",
        en: "三级 indicator “{text}” is the beginning of “{other}” ({otherCell}) in the same form and stops inside the word “{word}”: it looks cut off",
      },
      valueCut: { zh: "指标值“{text}”以“{tail}”结尾，后面缺少它所修饰的词，疑似被截断", en: "指标值 “{text}” ends on “{tail}”, which needs a word after it: it looks cut off" },
      valueDangling: { zh: "指标值“{text}”以“{last}”结尾，疑似被截断", en: "指标值 “{text}” ends with “{last}”: it looks cut off" },
    },
  },
  check({ block, report }) {
    const names = block.rows.map((row) => row.name).filter((name) => name !== "");
    const peerWidth = block.context.peerLevel3Texts ? peerCutWidth(block.context.peerLevel3Texts) : cutWidth(names);
    block.rows.forEach((row) => {
      const nameCell = row.input.level3?.cell;
      if (nameCell === undefined) return;
      const verdict = certainCut(row.name) ?? prefixVerdict(row, block.rows) ?? widthVerdict(row.name, peerWidth);
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
    const firstByName = new Map<string, AnalysedRow>();
    for (const row of block.rows) {
      const cell = row.input.level3?.cell;
      if (cell === undefined || row.name === "" || /^(不涉及|无|\/)$/.test(row.name)) continue;
      const key = normaliseIndicatorName(row.name);
      const earlier = firstByName.get(key);
      if (earlier === undefined) {
        firstByName.set(key, row);
        continue;
      }
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
