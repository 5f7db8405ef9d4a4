// The reader as it was before cells were streamed (commit 403cddf): exceljs loads the whole package,
// merges taken out of the sheet parts first, and the snapshot is made from its worksheets. The
// streamed reader must read every package to what this reads it to (or fail with the same message).
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseRange, type CellRange } from "../../src/core/workbook/address";
import type { Cell, SheetSnapshot, SheetVisibility, WorkbookSnapshot } from "../../src/core/workbook/snapshot";
import { bilingual } from "../../src/core/report/i18n";
import { WorkbookReadError, withWorkbookUnderXl } from "../../src/io/xlsx-reader";

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

function excelSerialFromDate(date: Date): number {
  // Excel's day 0 is 1899-12-30 (with the 1900 leap-year bug folded in).
  return date.getTime() / 86400000 + 25569;
}

function errorText(value: unknown): string {
  const err = (value as { error?: unknown })?.error;
  return typeof err === "string" ? err : "#VALUE!";
}

/**
 * A formula's value with its cached result. exceljs leaves a falsy cached result out of `cell.value`
 * (exceljs issue 2943) though the file holds it (`<v>0</v>`); its model still has it. A cached 0 or
 * FALSE is taken back; an empty text result stays as exceljs gives it (a formula showing nothing).
 */
function withCachedResult(cell: ExcelJS.Cell): ExcelJS.CellValue {
  const value = cell.value;
  if (value === null || typeof value !== "object" || !("formula" in value || "sharedFormula" in value) || "result" in value) return value;
  const cached = (cell as unknown as { model?: { result?: unknown } }).model?.result;
  return cached === 0 || cached === false ? ({ ...value, result: cached } as ExcelJS.CellValue) : value;
}

/** Translates one exceljs value into a snapshot cell. Returns undefined for an empty cell. */
function toCell(raw: ExcelJS.CellValue, numberFormat: string | undefined): Cell | undefined {
  const fmt = numberFormat && numberFormat !== "General" ? { numberFormat } : {};
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === "number") return { type: "number", value: raw, ...fmt };
  if (typeof raw === "string") return raw === "" ? undefined : { type: "string", value: raw, ...fmt };
  if (typeof raw === "boolean") return { type: "boolean", value: raw, ...fmt };
  if (raw instanceof Date) return { type: "number", value: excelSerialFromDate(raw), ...fmt };
  if (typeof raw === "object") {
    if ("formula" in raw || "sharedFormula" in raw) {
      const formulaValue = raw as ExcelJS.CellFormulaValue & { sharedFormula?: string };
      const formula = formulaValue.formula ?? formulaValue.sharedFormula ?? "";
      const result = formulaValue.result;
      // A cached result of 0 is a real value; only undefined means "never calculated".
      if (result === undefined || result === null) {
        return { type: "empty", value: null, formula, uncalculated: true, ...fmt };
      }
      const inner = toCell(result as ExcelJS.CellValue, numberFormat);
      return { ...(inner ?? { type: "empty", value: null }), formula };
    }
    if ("error" in raw) return { type: "error", value: errorText(raw), ...fmt };
    if ("richText" in raw) {
      const text = (raw as ExcelJS.CellRichTextValue).richText.map((run) => run.text).join("");
      return text === "" ? undefined : { type: "string", value: text, ...fmt };
    }
    if ("text" in raw) {
      const text = (raw as ExcelJS.CellHyperlinkValue).text;
      const plain = typeof text === "string" ? text : String((text as { richText?: { text: string }[] })?.richText?.map((r) => r.text).join("") ?? "");
      return plain === "" ? undefined : { type: "string", value: plain, ...fmt };
    }
  }
  return undefined;
}

function visibilityOf(state: string | undefined): SheetVisibility {
  if (state === "hidden") return "hidden";
  if (state === "veryHidden") return "veryHidden";
  return "visible";
}

function readSheet(worksheet: ExcelJS.Worksheet, mergeRefs?: readonly string[]): SheetSnapshot {
  const rows: (Cell | undefined)[][] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const line: (Cell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.type === ExcelJS.ValueType.Merge) return; // covered cells repeat the master; keep the master only
      const snapshotCell = toCell(withCachedResult(cell), cell.numFmt);
      if (snapshotCell) line[colNumber - 1] = snapshotCell;
    });
    if (line.length > 0) rows[rowNumber - 1] = line;
  });
  let merges: CellRange[];
  if (mergeRefs) {
    // Read from the sheet part itself: the covered cells keep nothing of their own, the master only.
    merges = mergeRanges(mergeRefs);
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
  } else merges = mergeRanges((worksheet.model as { merges?: string[] }).merges ?? []);
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

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function xmlText(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, name: string) =>
    name.startsWith("#x") ? String.fromCodePoint(parseInt(name.slice(2), 16)) : name.startsWith("#") ? String.fromCodePoint(Number(name.slice(1))) : (XML_ENTITIES[name] ?? whole),
  );
}

const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref="([^"]*)"/g;
const MERGE_CELLS = /<([\w.-]+:)?mergeCells\b[^>]*\/>|<([\w.-]+:)?mergeCells\b[\s\S]*?<\/(?:[\w.-]+:)?mergeCells>/g;

/**
 * The package as exceljs is given it, with each sheet's merged areas (by sheet name) taken out of the
 * sheet parts: exceljs checks every merge against every other one and creates every covered cell, so
 * 20,000 merges or one merge over a whole column would take minutes; the reader keeps them as ranges.
 */
async function preparedPackage(bytes: Uint8Array): Promise<{ bytes: Uint8Array; merges: Map<string, string[]> }> {
  const merges = new Map<string, string[]>();
  const standard = await withWorkbookUnderXl(bytes);
  let moved: JSZip;
  try {
    moved = await JSZip.loadAsync(standard);
  } catch {
    return { bytes, merges }; // exceljs says what is wrong with it
  }
  let changed = standard !== bytes;
  const workbookXml = await moved.file("xl/workbook.xml")?.async("string");
  const relsXml = await moved.file("xl/_rels/workbook.xml.rels")?.async("string");
  if (workbookXml && relsXml) {
    const targets = new Map<string, string>();
    for (const m of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
      const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
      const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
      if (id && target) targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    }
    for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
      const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
      const id = /\br:id="([^"]*)"|\b[\w.-]+:id="([^"]*)"/.exec(m[0]);
      const partName = id ? targets.get(id[1] ?? id[2]) : undefined;
      const file = partName ? moved.file(partName) : null;
      if (name === undefined || !file) continue;
      const xml = await file.async("string");
      if (!xml.includes("mergeCell")) continue;
      const refs = [...xml.matchAll(MERGE_CELL)].map((r) => r[1]);
      merges.set(xmlText(name), refs);
      moved.file(file.name, xml.replace(MERGE_CELLS, ""));
      changed = true;
    }
  }
  return { bytes: changed ? await moved.generateAsync({ type: "uint8array", compression: "STORE" }) : bytes, merges };
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

export async function readWithWholeExceljs(bytes: Uint8Array): Promise<WorkbookSnapshot> {
  rejectUnsupported(bytes);
  const workbook = new ExcelJS.Workbook();
  let prepared: Awaited<ReturnType<typeof preparedPackage>> = { bytes, merges: new Map() };
  try {
    prepared = await preparedPackage(bytes);
    await workbook.xlsx.load(prepared.bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
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
  const sheets = workbook.worksheets.map((worksheet) => readSheet(worksheet, prepared.merges.get(worksheet.name)));
  return { sheets, definedNames: readDefinedNames(workbook) };
}

/** Looks for a zip entry name in the archive's bytes (names are stored uncompressed). */
function bytesContain(bytes: Uint8Array, entryName: string): boolean {
  return new TextDecoder("latin1").decode(bytes).includes(entryName);
}
