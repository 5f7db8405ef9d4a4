// Reads an .xlsx/.xlsm file (bytes) into a WorkbookSnapshot. Used by the command line and the browser
// harness alike: it takes bytes, never a path, so it has no file-system dependency.
// The cells are read here, part by part and streamed (xlsx-cells.ts, by exceljs's own rules), and
// exceljs reads the rest (sheet names, order and visibility, defined names) from the package with
// the cell data taken out: exceljs holds a whole workbook in memory several times over (about 1 GB
// for a 50 MB shared-strings part), this holds little more than the cells it returns.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseRange, type CellRange } from "../core/workbook/address";
import type { Cell, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from "../core/workbook/snapshot";
import { bilingual } from "../core/report/i18n";
import { WorkbookReadError } from "./read-error";
import { NumberFormatsPass, SharedStringsPass, WorkbookPropertiesPass, type SharedString } from "./xlsx-cells";
import { declaredSize, megabytes, parsePart, PartTooLargeError, READ_LIMITS, type ReadLimits, type XmlPass, type XmlTag } from "./xlsx-parts";
import { WorksheetPass, type HyperlinkRef } from "./xlsx-worksheet";

export { WorkbookReadError, type ReadErrorCode } from "./read-error";
export { READ_LIMITS, type ReadLimits } from "./xlsx-parts";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Tells apart the formats users send by mistake, before exceljs gives a cryptic error. */
function rejectUnsupported(bytes: Uint8Array): void {
  if (bytes.length === 0) {
    throw new WorkbookReadError("empty-file", bilingual("文件为空（0 字节）", "the file is empty (0 bytes)"));
  }
  if (startsWith(bytes, OLE_MAGIC)) {
    throw new WorkbookReadError(
      "unsupported-format",
      bilingual(
        "这是旧版 Excel 97-2003（.xls）格式，不受支持：请在 Excel 中另存为 .xlsx 后再检查",
        "this is the old Excel 97-2003 (.xls) format, which is not supported: save it as .xlsx in Excel and check again",
      ),
    );
  }
  if (!startsWith(bytes, ZIP_MAGIC)) {
    throw new WorkbookReadError(
      "unsupported-format",
      bilingual("不是 Excel 工作簿（.xlsx）：文件内容不是 xlsx 格式", "not an Excel workbook (.xlsx): the content is not in xlsx format"),
    );
  }
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
  if (head.includes("application/vnd.oasis.opendocument")) {
    throw new WorkbookReadError(
      "unsupported-format",
      bilingual("这是 OpenDocument（.ods）表格，不受支持：请另存为 .xlsx", "this is an OpenDocument (.ods) spreadsheet, which is not supported: save it as .xlsx"),
    );
  }
}

function visibilityOf(state: string | undefined): SheetVisibility {
  if (state === "hidden") return "hidden";
  if (state === "veryHidden") return "veryHidden";
  return "visible";
}


/** A sheet part's cells and merges, as the pass over it left them. */
interface SheetPart {
  rows: (Cell | undefined)[][];
  mergeRefs: readonly string[];
}

function sheetSnapshot(worksheet: ExcelJS.Worksheet, part: SheetPart): SheetSnapshot {
  const rows = part.rows;
  // Read from the sheet part itself: the covered cells keep nothing of their own, the master only.
  const merges = mergeRanges(part.mergeRefs);
  for (const m of merges) {
    for (let r = m.top; r <= Math.min(m.bottom, rows.length); r++) {
      const line = rows[r - 1];
      if (!line) continue;
      for (let c = m.left; c <= Math.min(m.right, line.length); c++) if ((r !== m.top || c !== m.left) && line[c - 1]) line[c - 1] = undefined;
    }
  }
  // As when exceljs marks covered cells: a row ends at its last cell of its own, and a row left with
  // nothing of its own is no row.
  for (let r = 0; r < rows.length; r++) {
    const line = rows[r];
    if (!line) continue;
    while (line.length > 0 && line[line.length - 1] === undefined) line.length--;
    if (line.length === 0) delete rows[r];
  }
  while (rows.length > 0 && rows[rows.length - 1] === undefined) rows.length--;
  // Dense outer array (holes become undefined) so that length is the used row count.
  const denseRows = Array.from({ length: rows.length }, (_, i) => rows[i]);
  return { name: worksheet.name, visibility: visibilityOf(worksheet.state), rows: denseRows, merges };
}

function readDefinedNames(workbook: ExcelJS.Workbook): Record<string, string> {
  const names: Record<string, string> = {};
  const model = (workbook.definedNames as unknown as { model?: { name: string; ranges: string[] }[] }).model ?? [];
  for (const entry of model) names[entry.name] = entry.ranges.join(",");
  return names;
}

const OFFICE_DOCUMENT = /<Relationship\b[^>]*\bType="[^"]*\/officeDocument"[^>]*>/;

/**
 * A package may keep its workbook part anywhere (the package relationships say where): Excel opens
 * such a file, exceljs only reads parts under xl/. Moves the workbook's folder to xl/ (workbook.xml,
 * its relationships, absolute targets and content types along); returns the same zip when it is standard.
 */
async function workbookUnderXl(zip: JSZip): Promise<JSZip> {
  const rels = await zip.file("_rels/.rels")?.async("string");
  const relation = rels ? OFFICE_DOCUMENT.exec(rels)?.[0] : undefined;
  const target = relation ? /\bTarget="([^"]*)"/.exec(relation)?.[1]?.replace(/^\//, "") : undefined;
  if (!target || target === "xl/workbook.xml" || zip.file(target) === null) return zip;
  const slash = target.lastIndexOf("/");
  const folder = slash < 0 ? "" : target.slice(0, slash + 1);
  const part = target.slice(slash + 1);
  if (folder === "" || folder === "xl/") return zip;
  const moved = new JSZip();
  const renamed = (name: string): string => {
    if (!name.startsWith(folder)) return name;
    const rest = name.slice(folder.length);
    if (rest === part) return "xl/workbook.xml";
    if (rest === `_rels/${part}.rels`) return "xl/_rels/workbook.xml.rels";
    return `xl/${rest}`;
  };
  const absolute = new RegExp(`(["'])/${folder.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "g");
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const name = renamed(entry.name);
    if (entry.name === "[Content_Types].xml" || entry.name.endsWith(".rels")) {
      let text = await entry.async("string");
      if (entry.name === "[Content_Types].xml") text = text.split(`"/${folder}${part}"`).join(`"/xl/workbook.xml"`);
      if (entry.name === "_rels/.rels") text = text.split(`Target="${target}"`).join(`Target="xl/workbook.xml"`).split(`Target="/${target}"`).join(`Target="/xl/workbook.xml"`);
      moved.file(name, text.replace(absolute, "$1/xl/"));
    } else moved.file(name, await entry.async("uint8array"));
  }
  return moved;
}

/** Moves a package's workbook part to xl/ when it sits elsewhere (see workbookUnderXl); else the bytes as they are. */
export async function withWorkbookUnderXl(bytes: Uint8Array): Promise<Uint8Array> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return bytes;
  }
  const moved = await workbookUnderXl(zip);
  return moved === zip ? bytes : moved.generateAsync({ type: "uint8array", compression: "STORE" });
}

/** Merge references as ranges, one per master cell (a later one for the same master replaces it), in file order. */
function mergeRanges(refs: readonly string[]): CellRange[] {
  const byMaster = new Map<string, CellRange>();
  for (const ref of refs) {
    try {
      const range = parseRange(ref);
      byMaster.set(`${range.top}:${range.left}`, range);
    } catch {
      // An unreadable merge reference is ignored rather than failing the whole sheet.
    }
  }
  return [...byMaster.values()];
}


// Part names as exceljs matches them (after dropping a leading "/"): these by name, worksheets and
// their relationships by pattern, anywhere in the name.
const SHARED_STRINGS = "xl/sharedStrings.xml";
const STYLES = "xl/styles.xml";
const WORKBOOK = "xl/workbook.xml";
const NAMED_PARTS = new Set(["_rels/.rels", WORKBOOK, "xl/_rels/workbook.xml.rels", SHARED_STRINGS, STYLES, "docProps/app.xml", "docProps/core.xml"]);
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKSHEET_RELS_PART = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/;

const EMPTY_SHARED_STRINGS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

interface Part {
  /** The name exceljs goes by. */
  name: string;
  entry: JSZip.JSZipObject;
}

function tooLarge(kind: "shared-strings" | "worksheet", part: string, bytes: number | undefined, limit: number): WorkbookReadError {
  const size = bytes === undefined ? undefined : megabytes(bytes);
  const max = megabytes(limit);
  if (kind === "shared-strings") {
    return new WorkbookReadError(
      "too-large",
      size === undefined
        ? bilingual(`共享字符串部分 ${part} 解压后超过上限 ${max} MB：未读取（预算工作簿的这一部分通常只有几 MB）`, `the shared-strings part ${part} inflates past the limit of ${max} MB: not read (a budget workbook's is a few MB)`)
        : bilingual(`共享字符串部分 ${part} 有 ${size} MB，超过上限 ${max} MB：未读取（预算工作簿的这一部分通常只有几 MB）`, `the shared-strings part ${part} is ${size} MB, above the limit of ${max} MB: not read (a budget workbook's is a few MB)`),
    );
  }
  return new WorkbookReadError(
    "too-large",
    size === undefined
      ? bilingual(`工作表部分 ${part} 解压后超过上限 ${max} MB：未读取（预算工作簿的一张工作表通常只有几 MB）`, `the worksheet part ${part} inflates past the limit of ${max} MB: not read (a budget workbook's sheet is a few MB)`)
      : bilingual(`工作表部分 ${part} 有 ${size} MB，超过上限 ${max} MB：未读取（预算工作簿的一张工作表通常只有几 MB）`, `the worksheet part ${part} is ${size} MB, above the limit of ${max} MB: not read (a budget workbook's sheet is a few MB)`),
  );
}

function tooManyCells(limit: number): WorkbookReadError {
  const count = limit.toLocaleString("en");
  return new WorkbookReadError(
    "too-large",
    bilingual(
      `工作簿的非空单元格超过上限 ${count} 个：未读取（预算工作簿通常只有几千到几万个）`,
      `the workbook has more non-empty cells than the limit of ${count}: not read (a budget workbook has a few thousand to some tens of thousands)`,
    ),
  );
}

function rowPastExcel(part: string, row: number): WorkbookReadError {
  return new WorkbookReadError(
    "corrupt-file",
    bilingual(
      `工作表部分 ${part} 有第 ${row} 行，超出 Excel 的最后一行（第 1048576 行）：文件已损坏或不是 Excel 保存的`,
      `the worksheet part ${part} has a row ${row}, past Excel's last row (1048576): the file is corrupt or was not saved by Excel`,
    ),
  );
}

/** Parses a part with a limit on its bytes; past it, the reader's message for that kind of part. */
async function parseLimited(part: Part, pass: XmlPass, kind: "shared-strings" | "worksheet", limit: number): Promise<void> {
  try {
    await parsePart(part.entry, pass, limit);
  } catch (error) {
    if (error instanceof PartTooLargeError) throw tooLarge(kind, part.name, undefined, limit);
    throw error;
  }
}

/** A part exceljs parses unchanged: a failure here is left for exceljs to report, as it always did. */
async function parseLeniently(part: Part | undefined, pass: XmlPass): Promise<void> {
  if (part) await parsePart(part.entry, pass).catch(() => undefined);
}

/** Relationship targets by id (RelationshipsXform; a later id replaces an earlier one). */
class RelationshipsPass implements XmlPass {
  readonly targets = new Map<string, string | undefined>();
  finished = false;
  open(tag: XmlTag): void {
    if (tag.name === "Relationship") this.targets.set(tag.attributes.Id, tag.attributes.Target);
  }
  text(): void {}
  close(name: string): void {
    if (name === "Relationships") this.finished = true;
  }
}

/** The hyperlink targets by cell address exceljs gives a sheet (WorksheetXform.reconcile). */
async function hyperlinkTargets(hyperlinks: readonly HyperlinkRef[], rels: Part | undefined): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  if (!hyperlinks.some((h) => h.rId)) return targets;
  const relationships = new RelationshipsPass();
  await parseLeniently(rels, relationships);
  const byAddress = new Map<string, string | undefined>();
  for (const { ref, rId } of hyperlinks) {
    // An id with no relationship makes exceljs fail on the package; it says so when it reads it.
    if (rId && relationships.targets.has(rId)) byAddress.set(String(ref), relationships.targets.get(rId));
  }
  for (const [address, target] of byAddress) if (target) targets.set(address, target);
  return targets;
}

interface PackageCells {
  /** The package as exceljs is to read it: shared strings emptied, each sheet without its cells. */
  zip: JSZip;
  sheets: SheetPart[];
}

/**
 * Reads the cells of every worksheet part, streaming, and puts in their place what exceljs still
 * needs: the sheet parts without cell data and merges (each with a marker naming its part) and an
 * empty shared-strings part. Sizes are checked first as the package states them, then as read.
 */
async function readPackageCells(zip: JSZip, limits: ReadLimits): Promise<PackageCells> {
  const parts: Part[] = Object.values(zip.files)
    .filter((entry) => !entry.dir)
    .map((entry) => ({ name: entry.name.startsWith("/") ? entry.name.slice(1) : entry.name, entry }));
  const named = (name: string) => parts.filter((p) => p.name === name);
  const worksheetParts = parts.filter((p) => !NAMED_PARTS.has(p.name) && WORKSHEET_PART.test(p.name));
  const sharedStringParts = named(SHARED_STRINGS);
  for (const part of sharedStringParts) {
    const size = declaredSize(part.entry);
    if (size > limits.sharedStringsBytes) throw tooLarge("shared-strings", part.name, size, limits.sharedStringsBytes);
  }
  for (const part of worksheetParts) {
    const size = declaredSize(part.entry);
    if (size > limits.worksheetBytes) throw tooLarge("worksheet", part.name, size, limits.worksheetBytes);
  }

  const properties = new WorkbookPropertiesPass();
  await parseLeniently(named(WORKBOOK).pop(), properties);
  // The last of a name is the one exceljs keeps; each is parsed, so that a broken one fails as it did.
  let styles: NumberFormatsPass | undefined;
  for (const part of named(STYLES)) {
    styles = new NumberFormatsPass();
    await parsePart(part.entry, styles);
  }
  let sharedStrings: SharedString[] | undefined;
  for (const part of sharedStringParts) {
    const pass = new SharedStringsPass();
    await parseLimited(part, pass, "shared-strings", limits.sharedStringsBytes);
    sharedStrings = pass.values;
  }

  const sheets: SheetPart[] = [];
  let cells = 0;
  for (const part of worksheetParts) {
    const sheetNo = WORKSHEET_PART.exec(part.name)![1];
    const rels = parts.filter((p) => WORKSHEET_RELS_PART.exec(p.name)?.[1] === sheetNo).pop();
    const marker = String(sheets.length);
    const context = {
      sharedStrings,
      styles,
      date1904: properties.date1904,
      rowPastLimit: (row: number) => rowPastExcel(part.name, row),
      cellsLeft: limits.cells - cells,
      tooManyCells: () => tooManyCells(limits.cells),
    };
    let pass = new WorksheetPass({ ...context, hyperlinks: new Map() }, marker);
    await parseLimited(part, pass, "worksheet", limits.worksheetBytes);
    const hyperlinks = await hyperlinkTargets(pass.hyperlinks, rels);
    if (hyperlinks.size > 0) {
      // Hyperlinks come after the cells in the part, and a cell with one reads differently: once more with them.
      pass = new WorksheetPass({ ...context, hyperlinks }, marker);
      await parseLimited(part, pass, "worksheet", limits.worksheetBytes);
    }
    cells += pass.cells.count;
    sheets.push({ rows: pass.cells.rows, mergeRefs: pass.mergeRefs });
    zip.file(part.entry.name, pass.rewritten);
  }
  for (const part of sharedStringParts) zip.file(part.entry.name, EMPTY_SHARED_STRINGS);
  return { zip, sheets };
}

/** The sheet part an exceljs worksheet was read from: the marker its headerFooter carries. */
function partOf(worksheet: ExcelJS.Worksheet, sheets: readonly SheetPart[]): SheetPart {
  const part = sheets[Number(worksheet.headerFooter?.oddHeader)];
  if (!part) {
    throw new WorkbookReadError(
      "corrupt-file",
      bilingual(`无法读取工作表“${worksheet.name}”的单元格：其部件结构不标准`, `cannot read the cells of sheet "${worksheet.name}": its part is not laid out as a worksheet`),
    );
  }
  return part;
}

export async function readWorkbook(bytes: Uint8Array, limits: ReadLimits = READ_LIMITS): Promise<WorkbookSnapshot> {
  rejectUnsupported(bytes);
  const workbook = new ExcelJS.Workbook();
  let sheets: SheetPart[] = [];
  try {
    const zip = await workbookUnderXl(await JSZip.loadAsync(bytes));
    const cells = await readPackageCells(zip, limits);
    sheets = cells.sheets;
    // Parts not rewritten are passed on as they are compressed.
    const stripped = await cells.zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    await workbook.xlsx.load(stripped as unknown as ExcelJS.Buffer);
  } catch (error) {
    if (error instanceof WorkbookReadError) throw error;
    const detail = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new WorkbookReadError(
      "corrupt-file",
      bilingual(`无法读取工作簿，文件可能已损坏或不是 .xlsx 格式（${detail}）`, `cannot read the workbook; the file may be corrupt or not an .xlsx (${detail})`),
    );
  }
  if (workbook.worksheets.length === 0 && bytesContain(bytes, "xl/workbook.bin")) {
    throw new WorkbookReadError(
      "unsupported-format",
      bilingual("这是 Excel 二进制工作簿（.xlsb），不受支持：请另存为 .xlsx", "this is an Excel binary workbook (.xlsb), which is not supported: save it as .xlsx"),
    );
  }
  if (workbook.worksheets.length === 0 && bytesContain(bytes, "workbook.xml") && !bytesContain(bytes, "xl/workbook.xml")) {
    throw new WorkbookReadError(
      "unsupported-format",
      bilingual(
        "工作簿的内部结构不标准（部件不在 xl/ 目录下），无法读取：请在 Excel 中打开后另存为 .xlsx",
        "the workbook's inner structure is non-standard (its parts are not under xl/): open it in Excel and save it as .xlsx",
      ),
    );
  }
  if (workbook.worksheets.length === 0 && !bytesContain(bytes, "xl/workbook.xml")) {
    throw new WorkbookReadError(
      "unsupported-format",
      bilingual("压缩包中没有 Excel 工作表：不是 .xlsx 文件", "the archive holds no Excel worksheet: not an .xlsx file"),
    );
  }
  return { sheets: workbook.worksheets.map((worksheet) => sheetSnapshot(worksheet, partOf(worksheet, sheets))), definedNames: readDefinedNames(workbook) };
}

/** Looks for a zip entry name in the archive's bytes (names are stored uncompressed). */
function bytesContain(bytes: Uint8Array, entryName: string): boolean {
  return new TextDecoder("latin1").decode(bytes).includes(entryName);
}
