// Small, exact edits of OOXML parts as text: find the children of an element, insert an element at
// the place the schema orders it, read attributes. Everything not edited stays byte for byte.
// (A full parse and re-serialisation would rewrite every part it touched.)

export interface XmlElement {
  /** The qualified name as written ("sheetData", "x:sheetData"). */
  name: string;
  local: string;
  /** Offsets: the "<" of the start tag, the end of the start tag, the end of the element. */
  start: number;
  openEnd: number;
  end: number;
  selfClosing: boolean;
  /** The start tag's text, for reading attributes. */
  tag: string;
}

const TAG = /<(!--[\s\S]*?--|!\[CDATA\[[\s\S]*?\]\]|![^>]*|\?[\s\S]*?\?|\/?[^\s>/]+(?:[^>"']|"[^"]*"|'[^']*')*)>/g;

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** The root element (its content runs from openEnd to the start of its end tag, contentEnd). */
export function rootElement(xml: string): XmlElement & { contentEnd: number; prefix: string } {
  TAG.lastIndex = 0;
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    const body = m[1];
    if (body.startsWith("!") || body.startsWith("?")) continue;
    const name = /^[^\s>/]+/.exec(body)![0];
    const selfClosing = body.endsWith("/");
    const closeAt = selfClosing ? m.index + m[0].length : xml.lastIndexOf(`</${name}`);
    if (!selfClosing && closeAt < 0) throw new Error(`unclosed root element ${name}`);
    const colon = name.indexOf(":");
    return {
      name,
      local: localName(name),
      prefix: colon < 0 ? "" : name.slice(0, colon + 1),
      start: m.index,
      openEnd: m.index + m[0].length,
      end: xml.length,
      contentEnd: closeAt,
      selfClosing,
      tag: m[0],
    };
  }
  throw new Error("no root element");
}

/** The child elements of the element whose content is xml[from, to). */
export function childElements(xml: string, from: number, to: number): XmlElement[] {
  const children: XmlElement[] = [];
  let depth = 0;
  let current: XmlElement | undefined;
  TAG.lastIndex = from;
  for (let m = TAG.exec(xml); m && m.index < to; m = TAG.exec(xml)) {
    const body = m[1];
    if (body.startsWith("!") || body.startsWith("?")) continue;
    if (body.startsWith("/")) {
      depth--;
      if (depth === 0 && current) {
        current.end = m.index + m[0].length;
        children.push(current);
        current = undefined;
      }
      continue;
    }
    const selfClosing = body.endsWith("/");
    if (depth === 0) {
      const name = /^[^\s>/]+/.exec(body)![0];
      const element: XmlElement = { name, local: localName(name), start: m.index, openEnd: m.index + m[0].length, end: m.index + m[0].length, selfClosing, tag: m[0] };
      if (selfClosing) children.push(element);
      else {
        current = element;
        depth = 1;
      }
    } else if (!selfClosing) depth++;
  }
  return children;
}

/** The end of an element's content (the start of its end tag); openEnd for a self-closing one. */
export function contentEnd(xml: string, element: XmlElement): number {
  return element.selfClosing ? element.openEnd : xml.lastIndexOf("</", element.end - 1);
}

export function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[2] ?? m[3]) : undefined;
}

/** The value of the first attribute whose local name is `local` under any prefix ("r:id", "x:id"). */
export function prefixedAttribute(tag: string, local: string): string | undefined {
  const m = new RegExp(`\\s[A-Za-z_][\\w.-]*:${local}\\s*=\\s*("([^"]*)"|'([^']*)')`).exec(tag);
  return m ? unescapeXml(m[2] ?? m[3]) : undefined;
}

/** The prefix (with its colon) a start tag declares for a namespace, or undefined. */
export function namespacePrefix(tag: string, uri: string): string | undefined {
  const re = /\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) if ((m[3] ?? m[4]) === uri) return `${m[1]}:`;
  return undefined;
}

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, entity: string) => {
    if (entity === "lt") return "<";
    if (entity === "gt") return ">";
    if (entity === "amp") return "&";
    if (entity === "quot") return '"';
    if (entity === "apos") return "'";
    return String.fromCodePoint(entity.startsWith("#x") ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10));
  });
}

/** Escapes text for an element or a double-quoted attribute; drops characters XML 1.0 forbids. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- these are exactly the characters to drop
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * Inserts `text` as a child of the element whose content is xml[from, to), at the place `order`
 * (the schema's sequence of child names) gives `name`: before the first child that comes after it.
 */
export function insertChild(xml: string, from: number, to: number, order: readonly string[], name: string, text: string): string {
  const rank = order.indexOf(name);
  if (rank < 0) throw new Error(`${name} is not in the element order`);
  const after = childElements(xml, from, to).find((child) => order.indexOf(child.local) > rank);
  const at = after ? after.start : to;
  return xml.slice(0, at) + text + xml.slice(at);
}

/** Replaces (or adds) an attribute in a start tag. */
export function setAttribute(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  if (re.test(tag)) return tag.replace(re, `$1"${escapeXml(value)}"`);
  return tag.replace(/\s*(\/?)>$/, ` ${name}="${escapeXml(value)}"$1>`);
}

/** A part's path resolved from the part that refers to it ("worksheets/sheet1.xml" from xl/workbook.xml). */
export function resolvePart(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== "." && segment !== "") parts.push(segment);
  }
  return parts.join("/");
}

/** The relationships part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPathOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The target of `target` as written relative to the part that refers to it. */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function relationships(xml: string | undefined): Relationship[] {
  if (xml === undefined) return [];
  const root = rootElement(xml);
  return childElements(xml, root.openEnd, root.contentEnd)
    .filter((e) => e.local === "Relationship")
    .map((e) => ({
      id: attribute(e.tag, "Id") ?? "",
      type: attribute(e.tag, "Type") ?? "",
      target: attribute(e.tag, "Target") ?? "",
      external: attribute(e.tag, "TargetMode") === "External",
    }));
}

export const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

/** Adds a relationship and returns the new part text and the id it got. */
export function addRelationship(xml: string | undefined, type: string, target: string): { xml: string; id: string } {
  const text = xml ?? EMPTY_RELS;
  const taken = new Set(relationships(text).map((r) => r.id));
  let n = taken.size + 1;
  while (taken.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const root = rootElement(text);
  const element = `<${root.prefix}Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`;
  if (root.selfClosing) return { xml: text.slice(0, root.start) + root.tag.replace(/\s*\/>$/, ">") + element + `</${root.name}>` + text.slice(root.openEnd), id };
  return { xml: text.slice(0, root.contentEnd) + element + text.slice(root.contentEnd), id };
}
