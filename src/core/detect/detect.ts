// Finds every budget and performance table of a workbook: cuts each sheet into blocks of content,
// cuts blocks at title rows and at the head rows of title-less forms, then names each piece's kind
// from its title and its header words. A piece that shows no budget structure is not a table.
import type { TableKind } from "../report/vocabulary";
import { rangeAddress, type CellRange } from "../workbook/address";
import { CellKind, SheetView, type RowText } from "../workbook/sheet-view";
import type { WorkbookSnapshot } from "../workbook/snapshot";
import { segmentSheet, tightBounds } from "./segment";
import {
  BUDGET_HEADER_WORDS,
  FOOTNOTE_LINE,
  FORM_HEAD_LABELS,
  INDICATOR_HEADER,
  isSignatureLine,
  TITLE_SIGNATURES,
  TOTAL_LABEL,
  UNIT_LINE,
  type TitleSignature,
} from "./signatures";
import type { DetectedTable, HeaderColumn } from "./types";
import { keepShape } from "../shapes";
import { foldText } from "../workbook/text";

/** A title is one short text line; longer text is prose that merely mentions a table. */
const MAX_TITLE_LENGTH = 60;

interface Anchor {
  readonly row: number;
  readonly title?: { readonly text: string; readonly signature: TitleSignature };
}

export function detectTables(workbook: WorkbookSnapshot, viewOf: (sheetIndex: number) => SheetView = (i) => new SheetView(workbook.sheets[i])): DetectedTable[] {
  const tables: DetectedTable[] = [];
  workbook.sheets.forEach((_sheet, sheetIndex) => {
    const view = viewOf(sheetIndex);
    const found: DetectedTable[] = [];
    const orphans: CellRange[] = [];
    for (const block of withDetachedTitles(view, segmentSheet(view).flatMap((b) => splitAtSideBySideTitles(view, b)))) {
      const inBlock = detectInBlock(view, sheetIndex, block);
      if (inBlock.length === 0) orphans.push(block);
      for (const table of inBlock) found.push(table);
    }
    const joined = withDetachedBodies(view, found, orphans);
    for (const table of joined) tables.push(withDetachedTotal(view, table, joined));
  });
  return tables;
}

/**
 * Two tables printed side by side with no blank column between them (a 三公 table and a 政府采购 table
 * on one sheet): the block's first row holds two or more table titles, each merged over its own table's
 * columns. The block is cut at the titles' left edges when no merge below crosses a cut, except a note
 * merged across the whole width under both tables, which belongs to neither.
 */
function splitAtSideBySideTitles(view: SheetView, block: CellRange): CellRange[] {
  if (!view.hasMerges) return [block];
  const texts = view.rowTexts(block.top, block.left, block.right, true);
  if (texts.length < 2) return [block];
  const titles: CellRange[] = [];
  for (const text of texts) {
    const merge = view.mergeAt(block.top, text.col);
    if (!merge || merge.top !== block.top || merge.right === merge.left || titleSignatureOf(text.text) === undefined) return [block];
    titles.push(merge);
  }
  const cuts = titles.slice(1).map((t) => t.left);
  const parts = titles.map((t, i) => ({ top: block.top, left: i === 0 ? block.left : t.left, right: i + 1 < titles.length ? titles[i + 1]!.left - 1 : block.right, bottom: block.top }));
  // A merge crosses a cut when it covers the cut's first column and starts left of it.
  const crossesCut = (r: number) =>
    cuts.some((cut) => {
      const m = view.mergeAt(r, cut);
      return m !== undefined && m.left < cut;
    });
  let notesFrom: number | undefined;
  for (let r = block.top + 1; r <= block.bottom; r++) {
    const crossing = crossesCut(r);
    if (crossing) {
      notesFrom ??= r;
      continue;
    }
    // A row after a crossing note that is not one itself: the cut is not certain.
    if (notesFrom !== undefined) return [block];
    for (const part of parts) if (view.rowTexts(r, part.left, part.right).length > 0) part.bottom = r;
  }
  return parts;
}

/**
 * A title line printed one or two blank rows above its table (…自评结果汇总表, then a spacer row, then the
 * header) belongs to that table: a block of one row whose text is a table title is joined to the block
 * right below it when their columns overlap.
 */
function withDetachedTitles(view: SheetView, blocks: readonly CellRange[]): CellRange[] {
  const joined: CellRange[] = [];
  const used = new Set<number>();
  blocks.forEach((block, i) => {
    if (used.has(i)) return;
    if (block.top === block.bottom) {
      const texts = view.rowTexts(block.top, block.left, block.right, true);
      const below = texts.length === 1 && titleSignatureOf(texts[0].text) !== undefined
        ? blocks.findIndex((b, j) => j > i && !used.has(j) && b.top > block.bottom + 1 && b.top <= block.bottom + 3 && b.left <= block.right && b.right >= block.left)
        : -1;
      if (below >= 0) {
        const next = blocks[below];
        used.add(below);
        joined.push({ top: block.top, bottom: next.bottom, left: Math.min(block.left, next.left), right: Math.max(block.right, next.right) });
        return;
      }
    }
    joined.push(block);
  });
  return joined.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * A budget table whose 合计 line sits below its last line after one blank line (a printed form's spacer
 * row) keeps that line: a lone total row of figures within the table's columns, right under it, that
 * no other table holds.
 */
/**
 * Rows of a budget table that a blank row cut off from it (a blank line under the header, or between
 * two 类 groups): a block below the table, within its columns, that is no table of its own and holds
 * figures, continues the table when only blank rows (at most two) lie between them.
 */
function withDetachedBodies(view: SheetView, tables: readonly DetectedTable[], orphans: readonly CellRange[]): DetectedTable[] {
  const result = [...tables];
  if (result.every((table) => FORM_KINDS.has(table.kind))) return result;
  for (const orphan of [...orphans].sort((a, b) => a.top - b.top)) {
    // Only a block that starts right under a table is trimmed of its notes (a pass per note line).
    if (!result.some((table) => !FORM_KINDS.has(table.kind) && orphan.top > table.range.bottom && orphan.top - table.range.bottom <= 3)) continue;
    const block = withoutFootnotes(view, orphan, true);
    if (!block) continue;
    const index = result.findIndex((table) => {
      if (FORM_KINDS.has(table.kind)) return false;
      const { left, right, bottom } = table.range;
      if (block.top <= bottom || block.top - bottom > 3 || block.left < left || block.right > right) return false;
      for (let r = bottom + 1; r < block.top; r++) if (!view.isRowBlank(r, left, right)) return false;
      return !result.some((other) => other !== table && other.range.top <= block.bottom && other.range.bottom >= bottom + 1 && other.range.left <= right && other.range.right >= left);
    });
    if (index < 0) continue;
    let figures = false;
    for (let r = block.top; r <= block.bottom && !figures; r++) figures = view.filledColumns(r, block.left, block.right).some((c) => view.raw(r, c).type === "number");
    if (!figures) continue;
    const table = result[index]!;
    const range = { ...table.range, bottom: block.bottom };
    result[index] = { ...table, id: `s${table.sheetIndex + 1}!${rangeAddress(range)}`, range };
  }
  return result;
}

function withDetachedTotal(view: SheetView, table: DetectedTable, others: readonly DetectedTable[]): DetectedTable {
  if (FORM_KINDS.has(table.kind)) return table;
  const { left, right, bottom } = table.range;
  const row = bottom + 2;
  if (row > view.rowCount || !view.isRowBlank(bottom + 1, left, right)) return table;
  const texts = rowTexts(view, row, left, right).filter((t) => view.raw(row, t.col).type === "string");
  if (texts.length !== 1 || texts[0].col > left + 2 || !TOTAL_LABEL.test(texts[0].text)) return table;
  const numbers = view.filledColumns(row, left, right).filter((c) => view.raw(row, c).type === "number");
  if (numbers.length === 0) return table;
  if (view.filledColumns(row, 1, view.columnCount).some((c) => c < left || c > right)) return table;
  if (others.some((o) => o !== table && o.range.top <= row && o.range.bottom >= row)) return table;
  const range = { ...table.range, bottom: row };
  return { ...table, id: `s${table.sheetIndex + 1}!${rangeAddress(range)}`, range };
}

const FORM_KINDS: ReadonlySet<TableKind> = new Set(["performance-target-list", "department-performance-target", "project-performance-target", "project-self-evaluation", "self-evaluation-summary"]);

/** The texts shown in a row within the columns of a region, with their columns (merged areas once). */
function rowTexts(view: SheetView, row: number, left: number, right: number): readonly RowText[] {
  return view.rowTexts(row, left, right);
}

/** How many cells of the row between the columns hold a value of their own, counting up to `limit`. */
function filledCount(view: SheetView, row: number, left: number, right: number, limit: number): number {
  const line = view.sheet.rows[row - 1];
  if (!line) return 0;
  let n = 0;
  const last = Math.min(right, line.length);
  for (let c = Math.max(left, 1); c <= last && n < limit; c++) {
    const cell = line[c - 1];
    if (cell && cell.type !== "empty") n++;
  }
  return n;
}

function titleSignatureOf(text: string): TitleSignature | undefined {
  if (text.length > MAX_TITLE_LENGTH || !text.includes("表")) return undefined;
  return TITLE_SIGNATURES.find((s) => s.pattern.test(text));
}

/** A title row: its first text names a table kind, and anything else on the row is a short tag. */
function titleAnchor(view: SheetView, row: number, block: CellRange): Anchor | undefined {
  // Cheap rejection first: a title row holds at most two cells of its own (the title and a tag).
  if (filledCount(view, row, block.left, block.right, 3) > 2) return undefined;
  const texts = rowTexts(view, row, block.left, block.right);
  if (texts.length === 0 || texts.length > 2) return undefined;
  const signature = titleSignatureOf(texts[0].text);
  if (!signature) return undefined;
  if (texts.length === 2 && !(UNIT_LINE.test(texts[1].text) || texts[1].text.length <= 8)) return undefined;
  const raw = view.cell(row, texts[0].col).value;
  return { row, title: { text: String(raw).trim(), signature } };
}

const FORM_HEAD_FIRST_CHARS = [...new Set(FORM_HEAD_LABELS.map((label) => label[0]!))];

function isFormHeadRow(view: SheetView, row: number, block: CellRange): boolean {
  // A label is a cell of its own (a merge's master), so only the row's own cells need looking at.
  const line = view.sheet.rows[row - 1];
  if (!line) return false;
  const last = Math.min(block.right, line.length);
  for (let c = Math.max(block.left, 1); c <= last; c++) {
    const cell = line[c - 1];
    if (!cell || cell.type === "empty") continue;
    // A figure's own text is no label; inside a merge the text shown is the master's.
    const merged = view.hasMerges && view.mergeAt(row, c) !== undefined;
    if (cell.type === "number" && !merged) continue;
    // Cheap first test: the text holds a label's first character (folding keeps ideographs); a merge
    // shows its master's text, so its cells are read in full.
    if (!merged && cell.type === "string" && !FORM_HEAD_FIRST_CHARS.some((ch) => (cell.value as string).includes(ch))) continue;
    if (FORM_HEAD_LABELS.includes(view.text(row, c))) return true;
  }
  return false;
}

/**
 * A title-less project form stacked under another one opens with its 项目名称 row: 项目名称 is the row's
 * first text, a name follows it, and an indicator header (一级指标) comes within the next rows. A table
 * header that starts with 项目名称 (项目名称 | 项目类型 | 合计 …) has no 一级指标 under it.
 */
/** A cell of its own that shows nothing a reader would see as the row's first text. */
function showsNothing(view: SheetView, row: number, col: number): boolean {
  const kind = view.kindAt(row, col);
  if (kind === CellKind.string) return view.text(row, col) === "";
  return kind !== CellKind.number && kind !== CellKind.boolean;
}

function opensProjectForm(view: SheetView, row: number, block: CellRange): boolean {
  // Cheap first test: the row's first own cell says 项目名称 (most rows are data rows and fail here).
  const last = Math.min(block.right, view.storedLength(row));
  let first = block.left;
  while (first <= last && showsNothing(view, row, first)) first++;
  if (first > last || view.kindAt(row, first) !== CellKind.string || !view.text(row, first).startsWith("项目名称")) return false;
  const texts = view.rowTexts(row, block.left, block.right, true);
  if (texts.length < 2 || texts.length > 6 || !/^项目名称[:：]?$/.test(texts[0].text)) return false;
  for (let r = row + 1; r <= Math.min(block.bottom, row + 15); r++) {
    if (view.rowTexts(r, block.left, block.right, true).some((t) => t.text === "一级指标")) return true;
    // Another 项目名称 first means this row heads no form of its own.
    if (view.rowTexts(r, block.left, block.right, true)[0]?.text.startsWith("项目名称")) return false;
  }
  return false;
}

function findAnchors(view: SheetView, block: CellRange): Anchor[] {
  const anchors: Anchor[] = [];
  let lastTitleRow = -Infinity;
  for (let r = block.top; r <= block.bottom; r++) {
    const title = titleAnchor(view, r, block);
    if (title) {
      anchors.push(title);
      lastTitleRow = r;
      continue;
    }
    // A title-less form starts at its 项目编码 row, unless that row is the head of a titled form.
    if (r - lastTitleRow > 4 && (isFormHeadRow(view, r, block) || opensProjectForm(view, r, block))) anchors.push({ row: r });
  }
  return anchors;
}

function detectInBlock(view: SheetView, sheetIndex: number, block: CellRange): DetectedTable[] {
  const anchors = findAnchors(view, block);
  const segments: { range: CellRange; anchor?: Anchor }[] = [];
  if (anchors.length === 0 || anchors[0].row > block.top) {
    segments.push({ range: { ...block, bottom: anchors.length > 0 ? anchors[0].row - 1 : block.bottom } });
  }
  anchors.forEach((anchor, i) => {
    const bottom = i + 1 < anchors.length ? anchors[i + 1].row - 1 : block.bottom;
    segments.push({ range: { ...block, top: anchor.row, bottom }, anchor });
  });
  const tables: DetectedTable[] = [];
  for (const segment of segments) {
    const bounds = withoutFootnotes(view, segment.range, segment.anchor?.title?.signature.family === "budget");
    if (!bounds) continue;
    const table = classify(view, sheetIndex, bounds, segment.anchor);
    if (table) tables.push(table);
  }
  return tables;
}

/**
 * Drops footnote lines (注：…) at the bottom and re-tightens the bounds. Below a budget table, whose
 * data rows all hold figures, a note may run on over several lines of prose (注 then (1)…(2)…, or a
 * 口径说明 heading and its paragraphs): every single-cell line of prose at the bottom is left out too.
 * A signature or contact line (填表人：…, 项目负责人： | 财务负责人：) is outside the table as well.
 */
function withoutFootnotes(view: SheetView, range: CellRange, budget = false): CellRange | undefined {
  const bounds = tightBounds(view, range);
  if (!bounds) return undefined;
  // Note lines are taken off one by one and the bounds made tight once at the end: a block of
  // thousands of long text lines (no table at all) is read in linear time.
  let bottom = bounds.bottom;
  while (bottom > bounds.top) {
    const texts = rowTexts(view, bottom, bounds.left, bounds.right);
    if (texts.length > 0) {
      const signature = isSignatureLine(texts.map((t) => t.text));
      if (texts.length !== 1 && !signature) break;
      const note = signature || FOOTNOTE_LINE.test(texts[0].text) || (budget && (texts[0].text.length >= 30 || /说明$/.test(texts[0].text)));
      if (!note) break;
    }
    bottom--;
  }
  return bottom === bounds.bottom ? bounds : tightBounds(view, { ...bounds, bottom });
}

type Position = { row: number; col: number };

/**
 * Every folded text in the range with its position (merged areas once, at their first occurrence in
 * reading order). Figures are left out: the labels are looked up by words, and the text of a number is
 * never one. Rows are read only as far as a question needs: a budget table's header words are found in
 * its first rows, so its thousands of 科目 lines are not read for them.
 */
class Labels {
  /** Each label's first position, as row * 32768 + col (a position object is made only when asked for). */
  private readonly positions = new Map<string, number>();
  private next: number;

  constructor(
    private readonly view: SheetView,
    private readonly range: CellRange,
  ) {
    this.next = range.top;
  }

  /** Reads one more row; false when every row has been read. */
  private readRow(): boolean {
    if (this.next > this.range.bottom) return false;
    const r = this.next++;
    const texts = this.view.rowTexts(r, this.range.left, this.range.right, true);
    for (let i = 0; i < texts.length; i++) {
      const { col, text } = texts[i];
      if (!this.positions.has(text)) this.positions.set(text, r * 32768 + col);
    }
    return true;
  }

  get(word: string): Position | undefined {
    while (!this.positions.has(word) && this.readRow());
    const at = this.positions.get(word);
    return at === undefined ? undefined : { row: Math.floor(at / 32768), col: at % 32768 };
  }

  has(word: string): boolean {
    while (!this.positions.has(word) && this.readRow());
    return this.positions.has(word);
  }

  /** True when some label satisfies the test. */
  some(test: (label: string) => boolean): boolean {
    for (const label of this.positions.keys()) if (test(label)) return true;
    for (;;) {
      const before = this.positions.size;
      if (!this.readRow()) return false;
      if (this.positions.size === before) continue;
      let i = 0;
      for (const label of this.positions.keys()) if (i++ >= before && test(label)) return true;
    }
  }
}

function firstOf(labels: Labels, words: readonly string[]) {
  for (const word of words) {
    const at = labels.get(word);
    if (at) return at;
  }
  return undefined;
}

/** The value typed in the cell just right of a label (项目名称 → the project's name), if any. */
function valueRightOf(view: SheetView, at: { row: number; col: number }, range: CellRange): string | undefined {
  const labelMerge = view.mergeAt(at.row, at.col);
  const col = (labelMerge ? labelMerge.right : at.col) + 1;
  if (col > range.right) return undefined;
  // Only the value cell itself: an empty name must not borrow the next label (项目类别) as a title.
  const master = view.masterOf(at.row, col);
  const cell = view.raw(master.row, master.col);
  const text = cell.type === "empty" ? "" : String(cell.value).trim();
  return text === "" ? undefined : text;
}

interface FormShape {
  readonly kind: TableKind;
  readonly indicatorHeaderRow?: number;
}

/** Decides among the performance kinds by what the block holds. */
function performanceShape(labels: Labels, named: TableKind | undefined): FormShape | undefined {
  const level1 = firstOf(labels, INDICATOR_HEADER.level1);
  const hasLevel3 = firstOf(labels, INDICATOR_HEADER.level3OrValue) !== undefined;
  const hasActual = firstOf(labels, INDICATOR_HEADER.selfEvaluation) !== undefined;
  const hasScore = firstOf(labels, INDICATOR_HEADER.score) !== undefined;
  const isDepartment = labels.has("部门名称") || labels.has("投入管理指标") || labels.has("年度主要任务");
  if (level1 && hasLevel3) {
    if (named === "project-self-evaluation" || (hasActual && hasScore)) return { kind: "project-self-evaluation", indicatorHeaderRow: level1.row };
    if (named === "department-performance-target" || isDepartment) return { kind: "department-performance-target", indicatorHeaderRow: level1.row };
    return { kind: "project-performance-target", indicatorHeaderRow: level1.row };
  }
  if (named === undefined) return undefined;
  const hasSerial = labels.has("序号");
  if (named === "self-evaluation-summary" && (labels.has("自评得分") || labels.has("得分") || labels.has("自评等级"))) return { kind: named };
  if ((named === "performance-target-list" || named === "project-performance-target") && hasSerial) {
    const listsProjects = labels.some((t) => /项目|部门|单位/.test(t) && t.length <= 12);
    if (listsProjects) return { kind: "performance-target-list" };
  }
  return undefined;
}

/** Header words a label may end with (2023年预算数, 一、“三公”经费合计). */
const HEADER_ENDINGS = ["预算数", "决算数", "合计", "小计", "总计"];

function hasBudgetHeader(labels: Labels): boolean {
  let count = 0;
  for (const word of BUDGET_HEADER_WORDS) if (labels.has(word) && ++count >= 2) return true;
  for (const ending of HEADER_ENDINGS) {
    if (labels.has(ending)) continue;
    if (labels.some((label) => label.length <= 16 && label.endsWith(ending))) count++;
  }
  return count >= 2;
}

/** Header-word fallback for a budget table that has no title row. */
function budgetKindFromHeaders(labels: Labels): TableKind | undefined {
  const has = (w: string) => labels.has(w);
  const hasCode = has("科目编码") || has("功能分类科目编码") || (has("类") && has("款") && has("项"));
  if (has("因公出国(境)费") || has("因公出国(境)经费") || (has("公务接待费") && has("合计"))) return "three-public-expenses";
  if (!hasCode) return undefined;
  if (has("人员支出") && has("日常公用支出")) return "general-public-budget-expenditure";
  if (has("财政拨款收入") || has("事业收入")) return "income-summary";
  if (has("基本支出") && has("项目支出")) return "expenditure-summary";
  return undefined;
}

function classify(view: SheetView, sheetIndex: number, range: CellRange, anchor: Anchor | undefined): DetectedTable | undefined {
  if (range.bottom - range.top < 1 || range.right - range.left < 1) return undefined; // a single line or column is no table
  const labels = new Labels(view, range);
  const signature = anchor?.title?.signature;
  let kind: TableKind | undefined;
  let indicatorHeaderRow: number | undefined;
  if (!signature || signature.family === "performance") {
    const shape = performanceShape(labels, signature?.kind);
    if (shape) {
      kind = shape.kind;
      indicatorHeaderRow = shape.indicatorHeaderRow;
      // A title-less piece that is not a form's own head (rows above the first form) is no table.
      if (!signature && !anchor && !labels.has("项目名称") && !labels.has("部门名称")) kind = undefined;
    }
  }
  if (!kind && signature?.family === "budget" && hasBudgetHeader(labels)) kind = signature.kind;
  // A table with no title line at the top of a sheet named after a table kind (收支总表, 项目支出表):
  // the sheet's name is its title.
  if (!kind && !signature && anchor === undefined && range.top === view.rowsWithCells[0]) {
    const named = titleSignatureOf(foldText(view.name));
    if (named?.family === "budget" && hasBudgetHeader(labels)) kind = named.kind;
  }
  if (!kind && !signature && anchor === undefined) kind = budgetKindFromHeaders(labels);
  if (!kind) return undefined;

  const titleRow = anchor?.title ? anchor.row : undefined;
  const title = tableTitle(view, range, kind, labels, anchor);
  const headerRows = indicatorHeaderRow !== undefined ? { top: indicatorHeaderRow, bottom: indicatorHeaderRow } : headerBand(view, range, titleRow);
  const columns = headerRows ? headerColumns(view, range, headerRows) : [];
  return {
    id: `s${sheetIndex + 1}!${rangeAddress(range)}`,
    sheet: view.name,
    sheetIndex,
    range,
    kind,
    title,
    ...(titleRow !== undefined ? { titleRow } : {}),
    ...(headerRows ? { headerRows } : {}),
    columns,
  };
}

function tableTitle(
  view: SheetView,
  range: CellRange,
  kind: TableKind,
  labels: Labels,
  anchor: Anchor | undefined,
): string {
  const nameLabel =
    kind === "department-performance-target"
      ? firstOf(labels, ["部门名称", "单位名称", "部门(单位)名称"])
      : kind === "project-performance-target" || kind === "project-self-evaluation"
        ? firstOf(labels, ["项目名称"])
        : undefined;
  if (nameLabel) {
    const name = valueRightOf(view, nameLabel, range);
    if (name) return name;
  }
  return anchor?.title?.text ?? kind;
}

/** The column-header rows of a tabular table: below the title and unit lines, above the first data row. */
function headerBand(view: SheetView, range: CellRange, titleRow: number | undefined): { top: number; bottom: number } | undefined {
  let row = titleRow !== undefined ? titleRow + 1 : range.top;
  while (row <= range.bottom) {
    const texts = rowTexts(view, row, range.left, range.right);
    if (texts.length > 0 && (texts.every((t) => UNIT_LINE.test(t.text)) || isNameAndUnitLine(texts))) row++;
    else break;
  }
  const top = row;
  while (row <= range.bottom && row - top < 6 && !isDataRow(view, row, range)) row++;
  return row > top ? { top, bottom: row - 1 } : undefined;
}

/**
 * The line above a header that names the unit and the department (桐岭县自然资源局 | 单位：万元): one
 * unit text and one or two names that are no column headers.
 */
function isNameAndUnitLine(texts: readonly RowText[]): boolean {
  if (texts.length > 3 || !texts.some((t) => UNIT_LINE.test(t.text))) return false;
  return texts.every((t) => UNIT_LINE.test(t.text) || (!t.figure && !BUDGET_HEADER_WORDS.includes(t.text) && !/(数|额|计|项目|名称|编码|科目|收入|支出)$/.test(t.text)));
}

function isDataRow(view: SheetView, row: number, range: CellRange): boolean {
  for (let c = range.left; c <= range.right; c++) {
    const master = view.masterOf(row, c);
    if (master.row !== row) continue;
    const cell = view.raw(master.row, master.col);
    if (cell.type === "number") return true;
    const text = view.text(row, c);
    if (/^\d{2,}$/.test(text)) return true; // a classification code such as 201 or 2080505
    // An amount typed as text (914.72 with a trailing space) is a figure too: a header says no amount.
    if (/^[-+]?\d[\d,，]*\.\d+$/.test(text)) return true;
    if (c === range.left && TOTAL_LABEL.test(text)) return true;
  }
  return false;
}

function headerColumns(view: SheetView, range: CellRange, header: { top: number; bottom: number }): HeaderColumn[] {
  const columns: HeaderColumn[] = [];
  for (let c = range.left; c <= range.right; c++) {
    const path: string[] = [];
    for (let r = header.top; r <= header.bottom; r++) {
      const text = view.text(r, c);
      if (text !== "" && path[path.length - 1] !== text) path.push(text);
    }
    if (path.length > 0) columns.push({ col: c, path });
  }
  return columns;
}

keepShape(new Labels(new SheetView({ name: "", visibility: "visible", rows: [], merges: [] }), { top: 1, left: 1, bottom: 1, right: 1 }));
