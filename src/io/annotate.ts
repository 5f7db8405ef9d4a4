// The annotated copy of a checked workbook (`check --annotate`): every finding's cells highlighted,
// a note (comment) on each with the messages, and a 审核报告 sheet at the end listing the findings,
// each with an internal hyperlink to its cell.
//
// The copy is made by editing the package, not by reading it into a model and writing it out again:
// only the parts named below change, by insertion, and every other part (values, formulas, shared
// strings, charts, images, pivot tables, macros of an .xlsm, custom XML, …) is copied byte for byte.
//   - xl/styles.xml: three differential formats (dxf) for the highlights, two fonts and two cell
//     formats for the report sheet's header and links, appended at the end of their lists so that no
//     existing index moves;
//   - each sheet with findings: conditional formats (one per severity, formula TRUE) after its own
//     and a legacyDrawing reference when it had none; the cells and their style indexes are not
//     touched. A highlight is thus a conditional format, as in the add-in, not a change of style;
//   - the sheet's comments and VML drawing parts (new, or the existing ones with notes added; a cell
//     that already has a note keeps it, with the finding's text added at its end), its relationships;
//   - xl/workbook.xml (one <sheet> added at the end of <sheets>), its relationships, and
//     [Content_Types].xml; the new sheet part.
import JSZip from "jszip";
import type { Finding } from "../core/report/finding";
import { highlightEdits, HIGHLIGHT_STYLES } from "../core/report/highlights";
import { pick, type Lang } from "../core/report/i18n";
import type { Severity } from "../core/report/vocabulary";
import { parseCellAddress } from "../core/workbook/address";
import {
  addRelationship,
  attribute,
  childElements,
  contentEnd,
  escapeXml,
  insertChild,
  namespacePrefix,
  prefixedAttribute,
  relationships,
  relativeTarget,
  relsPathOf,
  resolvePart,
  rootElement,
  setAttribute,
  type XmlElement,
} from "./ooxml";

export const REPORT_SHEET = "审核报告";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = {
  officeDocument: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
  worksheet: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet",
  styles: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles",
  comments: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments",
  vmlDrawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing",
};
const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};

/** CT_Worksheet's sequence of children (ECMA-376 Part 1, 18.3.1.99). */
const WORKSHEET_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection", "protectedRanges",
  "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells", "phoneticPr", "conditionalFormatting",
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks", "colBreaks",
  "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing", "legacyDrawingHF", "drawingHF",
  "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];
/** CT_Stylesheet's sequence (18.8.39). */
const STYLESHEET_ORDER = ["numFmts", "fonts", "fills", "borders", "cellStyleXfs", "cellXfs", "cellStyles", "dxfs", "tableStyles", "colors", "extLst"];
const SEVERITIES: Severity[] = ["error", "warning", "info"];
const SEVERITY_TEXT: Record<Severity, { zh: string; en: string }> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "info" },
};
const AUTHOR = "Budget Check";

export class AnnotateError extends Error {}

interface SheetPart {
  name: string;
  path: string;
}

const argb = (hex: string) => `FF${hex.replace(/^#/, "").toUpperCase()}`;

async function text(zip: JSZip, path: string): Promise<string | undefined> {
  const file = zip.file(path);
  return file ? file.async("string") : undefined;
}

/** A sheet name quoted for an internal link: always quoted, quotes doubled. */
export function linkLocation(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/** A finding a reviewer accepted in the workbook: not marked in the copy, listed apart in its 审核报告 with the reason. */
export interface AcceptedForReport {
  readonly finding: Finding;
  readonly reason: string;
}

export async function annotateWorkbook(bytes: Uint8Array, findings: readonly Finding[], lang: Lang, accepted: readonly AcceptedForReport[] = []): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const rootRels = relationships(await text(zip, "_rels/.rels"));
  const workbookPath = resolvePart("", rootRels.find((r) => r.type === REL.officeDocument)?.target ?? "xl/workbook.xml");
  const workbookXml = await text(zip, workbookPath);
  if (workbookXml === undefined) throw new AnnotateError(`no workbook part ${workbookPath}`);
  const workbookRelsPath = relsPathOf(workbookPath);
  let workbookRels = await text(zip, workbookRelsPath);
  const rels = relationships(workbookRels);
  let contentTypes = (await text(zip, "[Content_Types].xml")) ?? "";

  // The sheets, by name, from <sheets> and the workbook's relationships.
  const wbRoot = rootElement(workbookXml);
  const sheetsElement = childElements(workbookXml, wbRoot.openEnd, wbRoot.contentEnd).find((e) => e.local === "sheets");
  if (!sheetsElement) throw new AnnotateError("the workbook part has no <sheets>");
  const sheetEntries = childElements(workbookXml, sheetsElement.openEnd, contentEnd(workbookXml, sheetsElement)).filter((e) => e.local === "sheet");
  const sheets = new Map<string, SheetPart>();
  for (const entry of sheetEntries) {
    const name = attribute(entry.tag, "name");
    const rel = rels.find((r) => r.id === prefixedAttribute(entry.tag, "id"));
    if (name !== undefined && rel && rel.type === REL.worksheet) sheets.set(name, { name, path: resolvePart(workbookPath, rel.target) });
  }

  // Styles: the highlight formats and the report sheet's two cell formats.
  let stylesRel = rels.find((r) => r.type === REL.styles);
  if (!stylesRel) {
    const added = addRelationship(workbookRels, REL.styles, "styles.xml");
    workbookRels = added.xml;
    stylesRel = { id: added.id, type: REL.styles, target: "styles.xml", external: false };
    zip.file(resolvePart(workbookPath, "styles.xml"), MINIMAL_STYLES);
    contentTypes = addOverride(contentTypes, `/${resolvePart(workbookPath, "styles.xml")}`, CONTENT_TYPE.styles);
  }
  const stylesPath = resolvePart(workbookPath, stylesRel.target);
  const styles = addStyles((await text(zip, stylesPath)) ?? MINIMAL_STYLES);
  zip.file(stylesPath, styles.xml);

  // Notes: per sheet and cell, the messages of the findings on it, most severe first.
  const notes = new Map<string, Map<string, string[]>>();
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  for (const finding of [...findings].sort((a, b) => rank(a.severity) - rank(b.severity))) {
    const bySheet = notes.get(finding.sheet) ?? new Map<string, string[]>();
    notes.set(finding.sheet, bySheet);
    for (const cell of new Set([finding.cell, ...(finding.cells ?? [])])) {
      const list = bySheet.get(cell) ?? [];
      list.push(`【${pick(SEVERITY_TEXT[finding.severity], lang)}】${pick(finding.message, lang)}`);
      bySheet.set(cell, list);
    }
  }
  const highlights = highlightEdits(findings);
  let vmlBlock = await nextVmlBlock(zip);
  for (const [sheetName, cellNotes] of notes) {
    const part = sheets.get(sheetName);
    if (!part) continue; // a finding on a sheet the package does not have (cannot happen for a read workbook)
    let sheetXml = await text(zip, part.path);
    if (sheetXml === undefined) continue;
    const marks = highlights.filter((h) => h.sheet === sheetName);
    sheetXml = addConditionalFormats(sheetXml, marks, styles.dxf);
    const result = await addNotes(zip, part.path, sheetXml, cellNotes, vmlBlock);
    sheetXml = result.sheetXml;
    if (result.usedBlock) vmlBlock++;
    contentTypes = result.contentTypes(contentTypes);
    zip.file(part.path, sheetXml);
  }

  // The report sheet, last in the workbook.
  const taken = new Set([...sheets.keys(), ...sheetEntries.map((e) => attribute(e.tag, "name") ?? "")].map((n) => n.toLowerCase()));
  let reportName = REPORT_SHEET;
  for (let n = 2; taken.has(reportName.toLowerCase()); n++) reportName = `${REPORT_SHEET} (${n})`;
  let sheetNumber = 1;
  while (zip.file(`xl/worksheets/sheet${sheetNumber}.xml`)) sheetNumber++;
  const reportPath = `xl/worksheets/sheet${sheetNumber}.xml`;
  zip.file(reportPath, reportSheet(findings, lang, styles, accepted));
  const addedRel = addRelationship(workbookRels, REL.worksheet, relativeTarget(workbookPath, reportPath));
  workbookRels = addedRel.xml;
  zip.file(workbookRelsPath, workbookRels);
  contentTypes = addOverride(contentTypes, `/${reportPath}`, CONTENT_TYPE.worksheet);
  zip.file("[Content_Types].xml", contentTypes);
  const maxSheetId = Math.max(0, ...sheetEntries.map((e) => Number(attribute(e.tag, "sheetId") ?? 0)));
  const relPrefix = namespacePrefix(wbRoot.tag, NS_REL);
  const idAttribute = relPrefix ? `${relPrefix}id="${addedRel.id}"` : `xmlns:r="${NS_REL}" r:id="${addedRel.id}"`;
  const sheetElement = `<${wbRoot.prefix}sheet name="${escapeXml(reportName)}" sheetId="${maxSheetId + 1}" ${idAttribute}/>`;
  const sheetsEnd = contentEnd(workbookXml, sheetsElement);
  zip.file(workbookPath, workbookXml.slice(0, sheetsEnd) + sheetElement + workbookXml.slice(sheetsEnd));

  const out = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  return out;
}

function addOverride(contentTypes: string, partName: string, type: string): string {
  if (contentTypes.includes(`PartName="${partName}"`)) return contentTypes;
  const root = rootElement(contentTypes);
  return contentTypes.slice(0, root.contentEnd) + `<Override PartName="${escapeXml(partName)}" ContentType="${type}"/>` + contentTypes.slice(root.contentEnd);
}

function addDefault(contentTypes: string, extension: string, type: string): string {
  const root = rootElement(contentTypes);
  const known = childElements(contentTypes, root.openEnd, root.contentEnd).some(
    (e) => e.local === "Default" && (attribute(e.tag, "Extension") ?? "").toLowerCase() === extension,
  );
  if (known) return contentTypes;
  return contentTypes.slice(0, root.openEnd) + `<Default Extension="${extension}" ContentType="${type}"/>` + contentTypes.slice(root.openEnd);
}

const MINIMAL_STYLES =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS_MAIN}">` +
  `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
  `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
  `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
  `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

interface Styles {
  xml: string;
  /** dxf index per severity. */
  dxf: Record<Severity, number>;
  /** cellXfs indexes of the report sheet's header and link cells. */
  header: number;
  link: number;
  wrap: number;
}

/** Appends children to a list element of the stylesheet (creating it if absent); returns the index of the first. */
function appendToList(xml: string, listName: string, items: string[]): { xml: string; first: number } {
  const root = rootElement(xml);
  const p = root.prefix;
  const list = childElements(xml, root.openEnd, root.contentEnd).find((e) => e.local === listName);
  if (!list) {
    const element = `<${p}${listName} count="${items.length}">${items.join("")}</${p}${listName}>`;
    return { xml: insertChild(xml, root.openEnd, root.contentEnd, STYLESHEET_ORDER, listName, element), first: 0 };
  }
  const end = contentEnd(xml, list);
  const existing = list.selfClosing ? 0 : childElements(xml, list.openEnd, end).length;
  const openTag = setAttribute(list.selfClosing ? list.tag.replace(/\s*\/>$/, ">") : list.tag, "count", String(existing + items.length));
  const body = list.selfClosing ? "" : xml.slice(list.openEnd, end);
  const closing = `</${list.name}>`;
  return { xml: xml.slice(0, list.start) + openTag + body + items.join("") + closing + xml.slice(list.end), first: existing };
}

function addStyles(stylesXml: string): Styles {
  const p = rootElement(stylesXml).prefix;
  const dxfs = SEVERITIES.map((s) => {
    const { fill, fontColor } = HIGHLIGHT_STYLES[s];
    return (
      `<${p}dxf><${p}font><${p}color rgb="${argb(fontColor)}"/></${p}font>` +
      `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(fill)}"/><${p}bgColor rgb="${argb(fill)}"/></${p}patternFill></${p}fill></${p}dxf>`
    );
  });
  let xml = stylesXml;
  const dxf = appendToList(xml, "dxfs", dxfs);
  xml = dxf.xml;
  const fonts = appendToList(xml, "fonts", [
    `<${p}font><${p}b/><${p}sz val="11"/><${p}name val="等线"/></${p}font>`,
    `<${p}font><${p}u/><${p}sz val="11"/><${p}color rgb="FF0563C1"/><${p}name val="等线"/></${p}font>`,
  ]);
  xml = fonts.xml;
  const xfs = appendToList(xml, "cellXfs", [
    `<${p}xf numFmtId="0" fontId="${fonts.first}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`,
    `<${p}xf numFmtId="0" fontId="${fonts.first + 1}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`,
    `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><${p}alignment vertical="top" wrapText="1"/></${p}xf>`,
  ]);
  xml = xfs.xml;
  return {
    xml,
    dxf: { error: dxf.first, warning: dxf.first + 1, info: dxf.first + 2 },
    header: xfs.first,
    link: xfs.first + 1,
    wrap: xfs.first + 2,
  };
}

function addConditionalFormats(sheetXml: string, marks: ReturnType<typeof highlightEdits>, dxf: Record<Severity, number>): string {
  if (marks.length === 0) return sheetXml;
  const root = rootElement(sheetXml);
  const p = root.prefix;
  // After every rule the sheet has, so that its own rules keep their precedence.
  let priority = Math.max(0, ...[...sheetXml.matchAll(/\spriority\s*=\s*"(\d+)"/g)].map((m) => Number(m[1])));
  const blocks = marks
    .map(
      (mark) =>
        `<${p}conditionalFormatting sqref="${mark.ranges.join(" ")}"><${p}cfRule type="expression" dxfId="${dxf[mark.severity]}" priority="${++priority}">` +
        `<${p}formula>TRUE</${p}formula></${p}cfRule></${p}conditionalFormatting>`,
    )
    .join("");
  return insertChild(sheetXml, root.openEnd, root.contentEnd, WORKSHEET_ORDER, "conditionalFormatting", blocks);
}

/** An unused VML shape-id block (o:idmap data): each drawing of a workbook has its own. */
async function nextVmlBlock(zip: JSZip): Promise<number> {
  let max = 0;
  const vmlFiles = zip.file(/\.vml$/i);
  for (const file of vmlFiles) {
    const vml = await file.async("string");
    for (const m of vml.matchAll(/idmap[^>]*\sdata\s*=\s*"([\d,\s]+)"/g)) for (const n of m[1].split(",")) max = Math.max(max, Number(n) || 0);
  }
  return max + 1;
}

const VML_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

function vmlShape(id: number, cell: string): string {
  const { row, col } = parseCellAddress(cell);
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:216pt;height:90pt;z-index:${id};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col}, 15, ${Math.max(0, row - 2)}, 10, ${col + 4}, 15, ${row + 4}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row - 1}</x:Row><x:Column>${col - 1}</x:Column></x:ClientData></v:shape>`
  );
}

function newVml(block: number, shapes: string): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>${VML_SHAPETYPE}${shapes}</xml>`
  );
}

function commentRun(p: string, text: string, bold: boolean): string {
  return (
    `<${p}r><${p}rPr>${bold ? `<${p}b/>` : ""}<${p}sz val="9"/><${p}color indexed="81"/><${p}rFont val="宋体"/><${p}charset val="134"/></${p}rPr>` +
    `<${p}t xml:space="preserve">${escapeXml(text)}</${p}t></${p}r>`
  );
}

function noteText(p: string, messages: string[]): string {
  return commentRun(p, `${AUTHOR}:\n`, true) + commentRun(p, messages.join("\n"), false);
}

/**
 * Adds the notes of one sheet: to its comments part and VML drawing if it has them, else to new
 * ones. A cell with a note already keeps it; the finding's text is added after the existing text.
 */
async function addNotes(zip: JSZip, sheetPath: string, sheetXml: string, cellNotes: Map<string, string[]>, block: number) {
  const relsPath = relsPathOf(sheetPath);
  let relsXml = await text(zip, relsPath);
  const sheetRels = relationships(relsXml);
  const root = rootElement(sheetXml);
  const children = childElements(sheetXml, root.openEnd, root.contentEnd);
  const legacy = children.find((e: XmlElement) => e.local === "legacyDrawing");
  const vmlRel = legacy ? sheetRels.find((r) => r.id === prefixedAttribute(legacy.tag, "id")) : undefined;
  const commentsRel = sheetRels.find((r) => r.type === REL.comments);
  const contentTypeEdits: ((ct: string) => string)[] = [];
  let usedBlock = false;

  // The comments part.
  let commentsPath: string;
  let commentsXml: string;
  if (commentsRel) {
    commentsPath = resolvePart(sheetPath, commentsRel.target);
    commentsXml = (await text(zip, commentsPath)) ?? emptyComments();
  } else {
    let n = 1;
    while (zip.file(`xl/comments${n}.xml`)) n++;
    commentsPath = `xl/comments${n}.xml`;
    commentsXml = emptyComments();
    const added = addRelationship(relsXml, REL.comments, relativeTarget(sheetPath, commentsPath));
    relsXml = added.xml;
    contentTypeEdits.push((ct) => addOverride(ct, `/${commentsPath}`, CONTENT_TYPE.comments));
  }
  const cRoot = rootElement(commentsXml);
  const p = cRoot.prefix;
  const cChildren = childElements(commentsXml, cRoot.openEnd, cRoot.contentEnd);
  const authors = cChildren.find((e) => e.local === "authors");
  const list = cChildren.find((e) => e.local === "commentList");
  const existing = list ? childElements(commentsXml, list.openEnd, contentEnd(commentsXml, list)).filter((e) => e.local === "comment") : [];
  const authorCount = authors ? childElements(commentsXml, authors.openEnd, contentEnd(commentsXml, authors)).length : 0;
  const edits: { at: number; text: string }[] = [];
  const fresh: string[] = [];
  for (const [cell, messages] of cellNotes) {
    const old = existing.find((e) => attribute(e.tag, "ref") === cell);
    if (old) {
      const textElement = childElements(commentsXml, old.openEnd, contentEnd(commentsXml, old)).find((e) => e.local === "text");
      if (textElement && !textElement.selfClosing) {
        edits.push({ at: contentEnd(commentsXml, textElement), text: commentRun(p, `\n\n${messages.join("\n")}`, false) });
        continue;
      }
    }
    fresh.push(cell);
    const comment = `<${p}comment ref="${cell}" authorId="${authorCount}"><${p}text>${noteText(p, messages)}</${p}text></${p}comment>`;
    if (list && !list.selfClosing) edits.push({ at: contentEnd(commentsXml, list), text: comment });
    else edits.push({ at: -1, text: comment });
  }
  if (authors && !authors.selfClosing) edits.push({ at: contentEnd(commentsXml, authors), text: `<${p}author>${AUTHOR}</${p}author>` });
  // Apply from the end so that offsets stay valid; comments for a missing list go into a new one.
  const newList = edits.filter((e) => e.at < 0).map((e) => e.text).join("");
  const placed = edits.map((e, i) => ({ ...e, i })).filter((e) => e.at >= 0);
  for (const edit of placed.sort((a, b) => b.at - a.at || b.i - a.i)) commentsXml = commentsXml.slice(0, edit.at) + edit.text + commentsXml.slice(edit.at);
  if (!authors || authors.selfClosing || newList !== "") {
    // A comments part with no authors or no list (rare): rebuilt with both, keeping what it had.
    const r = rootElement(commentsXml);
    const kids = childElements(commentsXml, r.openEnd, r.contentEnd);
    const a = kids.find((e) => e.local === "authors");
    const l = kids.find((e) => e.local === "commentList");
    const authorsXml = a && !a.selfClosing ? commentsXml.slice(a.start, a.end) : `<${p}authors><${p}author>${AUTHOR}</${p}author></${p}authors>`;
    const listXml = l && !l.selfClosing ? commentsXml.slice(l.start, contentEnd(commentsXml, l)) + newList + `</${l.name}>` : `<${p}commentList>${newList}</${p}commentList>`;
    const rest = kids.filter((e) => e.local !== "authors" && e.local !== "commentList").map((e) => commentsXml.slice(e.start, e.end)).join("");
    commentsXml = commentsXml.slice(0, r.openEnd) + authorsXml + listXml + rest + commentsXml.slice(r.contentEnd);
  }
  zip.file(commentsPath, commentsXml);

  // The VML drawing that shows the notes.
  if (fresh.length > 0) {
    if (vmlRel) {
      const vmlPath = resolvePart(sheetPath, vmlRel.target);
      let vml = (await text(zip, vmlPath)) ?? newVml(block, "");
      const idmap = /idmap[^>]*\sdata\s*=\s*"(\d+)/.exec(vml);
      let id = Math.max(idmap ? Number(idmap[1]) * 1024 : 0, ...[...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1])));
      const shapes = fresh.map((cell) => vmlShape(++id, cell)).join("");
      const shapetype = vml.includes('id="_x0000_t202"') ? "" : VML_SHAPETYPE;
      const close = vml.lastIndexOf("</xml>");
      vml = close < 0 ? newVml(block, shapes) : vml.slice(0, close) + shapetype + shapes + vml.slice(close);
      zip.file(vmlPath, vml);
    } else {
      let n = 1;
      while (zip.file(`xl/drawings/vmlDrawing${n}.vml`)) n++;
      const vmlPath = `xl/drawings/vmlDrawing${n}.vml`;
      zip.file(vmlPath, newVml(block, fresh.map((cell, i) => vmlShape(block * 1024 + i + 1, cell)).join("")));
      usedBlock = true;
      const added = addRelationship(relsXml, REL.vmlDrawing, relativeTarget(sheetPath, vmlPath));
      relsXml = added.xml;
      contentTypeEdits.push((ct) => addDefault(ct, "vml", CONTENT_TYPE.vml));
      const relPrefix = namespacePrefix(root.tag, NS_REL);
      const idAttribute = relPrefix ? `${relPrefix}id="${added.id}"` : `xmlns:r="${NS_REL}" r:id="${added.id}"`;
      sheetXml = insertChild(sheetXml, root.openEnd, root.contentEnd, WORKSHEET_ORDER, "legacyDrawing", `<${root.prefix}legacyDrawing ${idAttribute}/>`);
    }
  }
  if (relsXml !== undefined) zip.file(relsPath, relsXml);
  return { sheetXml, usedBlock, contentTypes: (ct: string) => contentTypeEdits.reduce((acc, edit) => edit(acc), ct) };
}

function emptyComments(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="${NS_MAIN}"><authors></authors><commentList></commentList></comments>`;
}

const REPORT_HEADERS = {
  zh: ["序号", "位置", "工作表", "单元格", "严重程度", "规则", "类别", "说明", "应为", "实为", "接受理由"],
  en: ["no.", "location", "sheet", "cell", "severity", "rule", "category", "message", "expected", "actual", "accepted reason"],
};
const REPORT_WIDTHS = [6, 24, 18, 10, 9, 30, 24, 80, 14, 14, 30];
const ACCEPTED_HEADING = { zh: "已接受（不计入问题数）", en: "Accepted (not counted)" };

function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** The 审核报告 sheet: a header row (frozen), one row per finding with a link to its cell. */
function reportSheet(findings: readonly Finding[], lang: Lang, styles: Styles, accepted: readonly AcceptedForReport[] = []): string {
  const rows: string[] = [];
  const links: string[] = [];
  const cellXml = (ref: string, value: string | number, style?: number) =>
    typeof value === "number"
      ? `<c r="${ref}"${style !== undefined ? ` s="${style}"` : ""}><v>${value}</v></c>`
      : `<c r="${ref}" t="inlineStr"${style !== undefined ? ` s="${style}"` : ""}><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
  rows.push(`<row r="1">${REPORT_HEADERS[lang].map((h, i) => cellXml(`${columnLetter(i)}1`, h, styles.header)).join("")}</row>`);
  // The findings that count, then (after a heading row) those accepted, each with its reason.
  const ordered: { f: Finding; reason: string; n: number }[] = findings.map((f, i) => ({ f, reason: "", n: i + 1 }));
  const headingRow = accepted.length > 0 ? findings.length + 2 : 0;
  accepted.forEach(({ finding, reason }, i) => ordered.push({ f: finding, reason, n: i + 1 }));
  ordered.forEach(({ f, reason, n }, i) => {
    const r = i + 2 + (headingRow > 0 && i >= findings.length ? 1 : 0);
    if (r - 1 === headingRow) rows.push(`<row r="${headingRow}">${cellXml(`A${headingRow}`, pick(ACCEPTED_HEADING, lang))}</row>`);
    const location = `${f.sheet}!${f.cell}`;
    const values: (string | number)[] = [
      n,
      location,
      f.sheet,
      [f.cell, ...(f.cells ?? [])].join(","),
      pick(SEVERITY_TEXT[f.severity], lang),
      f.rule,
      f.category,
      pick(f.message, lang),
      f.expected ?? "",
      f.actual ?? "",
      reason,
    ];
    rows.push(
      `<row r="${r}">${values
        .map((v, c) => (v === "" ? "" : cellXml(`${columnLetter(c)}${r}`, v, c === 1 ? styles.link : c === 7 ? styles.wrap : undefined)))
        .join("")}</row>`,
    );
    links.push(`<hyperlink ref="B${r}" location="${escapeXml(linkLocation(f.sheet, f.cell))}" display="${escapeXml(location)}"/>`);
  });
  if (findings.length === 0 && accepted.length === 0) {
    rows.push(`<row r="2">${cellXml("A2", lang === "en" ? "no findings" : "未发现问题")}</row>`);
  }
  const cols = REPORT_WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("");
  const last = `${columnLetter(REPORT_HEADERS[lang].length - 1)}${Math.max(1, findings.length + 1 + (accepted.length > 0 ? accepted.length + 1 : 0))}`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:${last}"/>` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData>${rows.join("")}</sheetData>` +
    (links.length > 0 ? `<hyperlinks>${links.join("")}</hyperlinks>` : "") +
    `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`
  );
}
