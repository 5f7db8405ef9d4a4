// `check --annotate`: the annotated copy of each workbook against its original. Every cell keeps its
// value, formula and style; the package keeps every part it had, byte for byte, except the parts the
// annotation edits, and those only by insertion; each finding's cells are highlighted and carry its
// message in a note; the 审核报告 sheet links to every finding's cell, also after LibreOffice has
// converted the copy.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { FIXTURES_DIR } from "../helpers/fixtures";
import { budgetCheck } from "./run-cli";

const work = fs.mkdtempSync(path.join(os.tmpdir(), "bc-annotate-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const FIXTURES = fs.readdirSync(FIXTURES_DIR).filter((f) => f.endsWith(".xlsx")).sort();

interface JsonFinding {
  sheet: string;
  cell: string;
  range?: string;
  severity: string;
  message: string;
}
interface JsonFile {
  file: string;
  findings: JsonFinding[];
}

const sha = (file: string) => createHash("sha256").update(fs.readFileSync(file)).digest("hex");

/**
 * The cell a finding lands on. (A grouped finding's further cells are marked too, but the JSON
 * output cannot tell them from the cells a finding involves, so only its own cell is asserted.)
 */
const cellsOf = (f: JsonFinding) => [f.cell];

async function readXlsx(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Sheet name → part path, from workbook.xml and its relationships. */
async function sheetParts(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\sId="([^"]+)"/.exec(m[0])![1];
    const target = /\sTarget="([^"]+)"/.exec(m[0])![1];
    targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescape(/\sname="([^"]*)"/.exec(m[0])![1]);
    const id = /\sr:id="([^"]+)"/.exec(m[0])![1];
    parts.set(name, targets.get(id)!);
  }
  return parts;
}

function unescape(text: string): string {
  return text.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** The internal links of a sheet part: cell → { sheet, cell } it points at. */
async function internalLinks(zip: JSZip, part: string): Promise<Map<string, { sheet: string; cell: string }>> {
  const xml = await zip.file(part)!.async("string");
  const relsFile = zip.file(part.replace(/([^/]+)$/, "_rels/$1.rels"));
  const rels = relsFile ? await relsFile.async("string") : "";
  const links = new Map<string, { sheet: string; cell: string }>();
  for (const m of xml.matchAll(/<hyperlink\b[^>]*>/g)) {
    const ref = /\sref="([^"]+)"/.exec(m[0])![1];
    let location = /\slocation="([^"]*)"/.exec(m[0])?.[1];
    if (location === undefined) {
      // Written as a relationship whose target is "#…" instead.
      const id = /\sr:id="([^"]+)"/.exec(m[0])?.[1];
      const rel = id ? new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*>`).exec(rels)?.[0] : undefined;
      location = rel ? /Target="#?([^"]*)"/.exec(rel)?.[1] : undefined;
    }
    if (location === undefined) continue;
    const target = unescape(location).replace(/^#/, "");
    const bang = target.lastIndexOf("!");
    const sheet = target.slice(0, bang).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
    links.set(ref, { sheet, cell: target.slice(bang + 1).replace(/\$/g, "") });
  }
  return links;
}

function libreoffice(): string {
  const found = spawnSync("sh", ["-c", "command -v soffice || command -v libreoffice"], { encoding: "utf8" });
  if (found.status !== 0 || found.stdout.trim() === "") throw new Error("LibreOffice is not installed; install it with: apt-get install -y libreoffice-calc");
  return found.stdout.trim().split("\n")[0];
}

let findingsByFile: Map<string, JsonFinding[]>;
const inputDir = path.join(work, "in");
const outDir = path.join(work, "annotated");

beforeAll(() => {
  fs.mkdirSync(inputDir);
  for (const f of FIXTURES) fs.copyFileSync(path.join(FIXTURES_DIR, f), path.join(inputDir, f));
  const before = FIXTURES.map((f) => sha(path.join(inputDir, f)));
  const result = budgetCheck(["check", inputDir, "--annotate", outDir, "--format", "json"]);
  expect(result.stderr).toBe("");
  expect([0, 1]).toContain(result.code);
  // The originals are not touched.
  expect(FIXTURES.map((f) => sha(path.join(inputDir, f)))).toEqual(before);
  const output = JSON.parse(result.stdout) as { files: JsonFile[] };
  findingsByFile = new Map(output.files.map((f) => [path.basename(f.file), f.findings]));
});

describe.each(FIXTURES)("the annotated copy of %s", (name) => {
  const original = () => path.join(inputDir, name);
  const copy = () => path.join(outDir, name);

  it("keeps every cell's value, formula and style, every merge and the sheet order, and adds 审核报告 last", async () => {
    const [a, b] = await Promise.all([readXlsx(original()), readXlsx(copy())]);
    expect(b.worksheets.map((s) => s.name)).toEqual([...a.worksheets.map((s) => s.name), "审核报告"]);
    let compared = 0;
    for (const sheetA of a.worksheets) {
      const sheetB = b.getWorksheet(sheetA.name)!;
      expect(sheetB.state).toBe(sheetA.state);
      expect((sheetB.model as { merges?: string[] }).merges).toEqual((sheetA.model as { merges?: string[] }).merges);
      const rows = Math.max(sheetA.rowCount, sheetB.rowCount);
      const cols = Math.max(sheetA.columnCount, sheetB.columnCount);
      for (let r = 1; r <= rows; r++) {
        for (let c = 1; c <= cols; c++) {
          const ca = sheetA.getCell(r, c);
          const cb = sheetB.getCell(r, c);
          expect({ at: ca.address, value: cb.value, formula: cb.formula, style: cb.style }).toEqual({ at: ca.address, value: ca.value, formula: ca.formula, style: ca.style });
          compared++;
        }
        expect(sheetB.getRow(r).height).toBe(sheetA.getRow(r).height);
      }
      for (let c = 1; c <= cols; c++) expect(sheetB.getColumn(c).width).toBe(sheetA.getColumn(c).width);
    }
    expect(compared).toBeGreaterThan(0);
  });

  it("keeps every part of the package byte for byte, except the edited ones, and those only gain", async () => {
    await expectOnlyInsertions(original(), copy(), findingsByFile.get(name)!);
  });

  it("highlights each finding's cells and gives each a note with its message", async () => {
    const findings = findingsByFile.get(name)!;
    const zip = await JSZip.loadAsync(fs.readFileSync(copy()));
    const parts = await sheetParts(zip);
    const workbook = await readXlsx(copy());
    const source = await readXlsx(original());
    for (const finding of findings) {
      const xml = await zip.file(parts.get(finding.sheet)!)!.async("string");
      const marked = new Set([...xml.matchAll(/<conditionalFormatting sqref="([^"]*)"><cfRule type="expression"/g)].flatMap((m) => m[1].split(" ")));
      for (const cell of cellsOf(finding)) {
        expect({ cell: `${finding.sheet}!${cell}`, marked: marked.has(cell) }).toEqual({ cell: `${finding.sheet}!${cell}`, marked: true });
        const note = workbook.getWorksheet(finding.sheet)!.getCell(cell).note;
        const noteText = typeof note === "string" ? note : (note?.texts ?? []).map((t) => t.text).join("");
        expect(noteText).toContain(finding.message);
      }
    }
    // No note anywhere else: the cells without a finding have the original's notes (none here).
    const findingCells = new Set(findings.flatMap((f) => (f.range?.includes(",") ? f.range.split(",") : [f.cell]).map((c) => `${f.sheet}!${c}`)));
    for (const sheet of source.worksheets) {
      sheet.eachRow({ includeEmpty: true }, (row) =>
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (!findingCells.has(`${sheet.name}!${cell.address}`)) expect(workbook.getWorksheet(sheet.name)!.getCell(cell.address).note).toEqual(cell.note);
        }),
      );
    }
  });

  it("lists every finding in 审核报告 with a link that resolves to its cell", async () => {
    const findings = findingsByFile.get(name)!;
    const zip = await JSZip.loadAsync(fs.readFileSync(copy()));
    const parts = await sheetParts(zip);
    const links = await internalLinks(zip, parts.get("审核报告")!);
    expect(links.size).toBe(findings.length);
    findings.forEach((finding, i) => {
      const link = links.get(`B${i + 2}`);
      expect(link).toEqual({ sheet: finding.sheet, cell: finding.cell });
      expect(parts.has(link!.sheet)).toBe(true);
    });
  });
});

/**
 * Every part of the original is in the copy; those the annotation does not edit are byte for byte
 * the same; an edited sheet gives back its original text once the inserted highlights and note
 * drawing are taken out; any other edited part only gains text.
 */
async function expectOnlyInsertions(originalFile: string, copyFile: string, findings: JsonFinding[]): Promise<void> {
  const [a, b] = await Promise.all([JSZip.loadAsync(fs.readFileSync(originalFile)), JSZip.loadAsync(fs.readFileSync(copyFile))]);
  const partsA = Object.keys(a.files).filter((p) => !a.files[p].dir);
  const sheetsA = await sheetParts(a);
  const annotatedSheets = new Set(findings.map((f) => sheetsA.get(f.sheet)!));
  const edited = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", ...annotatedSheets]);
  for (const part of partsA) {
    const [bytesA, fileB] = [await a.file(part)!.async("uint8array"), b.file(part)];
    expect({ part, present: fileB !== null }).toEqual({ part, present: true });
    const bytesB = await fileB!.async("uint8array");
    if (!edited.has(part) && !part.includes("_rels/")) {
      expect({ part, same: Buffer.compare(Buffer.from(bytesA), Buffer.from(bytesB)) === 0 }).toEqual({ part, same: true });
      continue;
    }
    const textA = Buffer.from(bytesA).toString("utf8");
    const textB = Buffer.from(bytesB).toString("utf8");
    if (annotatedSheets.has(part)) {
      const stripped = textB
        .replace(/<conditionalFormatting sqref="[^"]*"><cfRule type="expression" dxfId="\d+" priority="\d+"><formula>TRUE<\/formula><\/cfRule><\/conditionalFormatting>/g, "")
        .replace(/<legacyDrawing r:id="rId\d+"\/>/, (m) => (textA.includes(m) ? m : ""));
      expect({ part, same: stripped === textA }).toEqual({ part, same: true });
    } else {
      // The lists' count attributes are updated; everything else of the original is kept in order.
      const uncounted = (t: string) => t.replace(/\scount="\d+"/g, "");
      expect({ part, gains: isSubsequence(uncounted(textA), uncounted(textB)) }).toEqual({ part, gains: true });
    }
  }
}

/** Whether every character of `a` appears in `b` in order (b is a with insertions). */
function isSubsequence(a: string, b: string): boolean {
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    j = b.indexOf(a[i], j);
    if (j < 0) return false;
    j++;
  }
  return true;
}

test("after LibreOffice converts the annotated copies, the report's links still resolve to the findings' cells", async () => {
  const soffice = libreoffice();
  const converted = path.join(work, "converted");
  const profile = `file://${path.join(work, "lo-profile")}`;
  const run = spawnSync(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", converted, ...FIXTURES.map((f) => path.join(outDir, f))], {
    encoding: "utf8",
    timeout: 240000,
  });
  expect(run.status).toBe(0);
  for (const name of FIXTURES) {
    const findings = findingsByFile.get(name)!;
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(converted, name)));
    const parts = await sheetParts(zip);
    expect([...parts.keys()].at(-1)).toBe("审核报告");
    const links = await internalLinks(zip, parts.get("审核报告")!);
    expect({ name, links: links.size }).toEqual({ name, links: findings.length });
    findings.forEach((finding, i) => {
      const link = links.get(`B${i + 2}`)!;
      expect({ name, link }).toEqual({ name, link: { sheet: finding.sheet, cell: finding.cell } });
      expect(parts.has(link.sheet)).toBe(true);
    });
  }
}, 300000);

test("a workbook with notes, conditional formats and a macro part of its own keeps them, and a noted cell keeps its note", async () => {
  const source = await readXlsx(path.join(FIXTURES_DIR, "liaocheng-2024-formulas.xlsx"));
  const findings = findingsByFile.get("liaocheng-2024-formulas.xlsx")!;
  const target = findings[0];
  const sheet = source.getWorksheet(target.sheet)!;
  sheet.getCell(target.cell).note = "原有批注";
  sheet.getCell("A1").note = "标题批注";
  sheet.addConditionalFormatting({ ref: "A1:B2", rules: [{ type: "expression", priority: 1, formulae: ["FALSE"], style: { font: { bold: true } } }] });
  const zip = await JSZip.loadAsync(await source.xlsx.writeBuffer());
  const macro = Buffer.from("not really a VBA project, but bytes to keep");
  zip.file("xl/vbaProject.bin", macro);
  const dir = path.join(work, "own");
  fs.mkdirSync(dir);
  const file = path.join(dir, "带批注.xlsm");
  fs.writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
  const out = path.join(work, "own-annotated");
  const result = budgetCheck(["check", file, "--annotate", out, "--format", "json"]);
  expect(result.stderr).toBe("");
  const copy = path.join(out, "带批注.xlsm");
  const copyZip = await JSZip.loadAsync(fs.readFileSync(copy));
  expect(Buffer.compare(await copyZip.file("xl/vbaProject.bin")!.async("nodebuffer"), macro)).toBe(0);
  const annotated = await readXlsx(copy);
  const noted = annotated.getWorksheet(target.sheet)!;
  const text = (cell: string) => {
    const note = noted.getCell(cell).note;
    return typeof note === "string" ? note : (note?.texts ?? []).map((t) => t.text).join("");
  };
  expect(text("A1")).toBe("标题批注");
  expect(text(target.cell)).toContain("原有批注");
  expect(text(target.cell)).toContain(target.message);
  const xml = await copyZip.file((await sheetParts(copyZip)).get(target.sheet)!)!.async("string");
  expect(xml).toMatch(/<conditionalFormatting sqref="A1:B2">/);
});

test("a template (protected sheet, dropdowns, a very hidden marker sheet, defined names) keeps all of it in its annotated copy", async () => {
  const template = path.join(work, "模板.xlsx");
  expect(budgetCheck(["template", "--kind", "project-performance-target", "--out", template]).code).toBe(0);
  const out = path.join(work, "template-annotated");
  const result = budgetCheck(["check", template, "--annotate", out, "--format", "json"]);
  const findings = (JSON.parse(result.stdout) as { files: JsonFile[] }).files[0].findings;
  expect(findings.length).toBeGreaterThan(0);
  const copy = path.join(out, "模板.xlsx");
  await expectOnlyInsertions(template, copy, findings);
  const [a, b] = await Promise.all([readXlsx(template), readXlsx(copy)]);
  expect(b.worksheets.map((s) => [s.name, s.state])).toEqual([...a.worksheets.map((s) => [s.name, s.state]), ["审核报告", "visible"]]);
  const sheet = findings[0].sheet;
  expect(a.getWorksheet(sheet)!.getCell("B11").dataValidation).toMatchObject({ type: "list" });
  expect(b.getWorksheet(sheet)!.getCell("B11").dataValidation).toEqual(a.getWorksheet(sheet)!.getCell("B11").dataValidation);
  expect((a.getWorksheet(sheet) as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
  expect((b.getWorksheet(sheet) as unknown as { sheetProtection: unknown }).sheetProtection).toEqual((a.getWorksheet(sheet) as unknown as { sheetProtection: unknown }).sheetProtection);
  expect(b.definedNames.model).toEqual(a.definedNames.model);
});
