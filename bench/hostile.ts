// Hostile workbooks for the benchmark, generated as .xlsx bytes (never committed) so that the reader
// is measured with the engine: a used range of 1,048,576 rows with a few hundred filled cells, a sheet
// 16,384 columns wide, 20,000 merged areas, a 50 MB shared-strings part, and a sheet of 500,000 filled
// cells that holds no table.
import JSZip from "jszip";
import { columnLetters } from "../src/core/workbook/address";

type Value = number | string;

interface SheetXml {
  readonly name: string;
  /** Rows in order: [row number, [column, value][]]. Strings go to the shared-strings part. */
  readonly rows: Iterable<[number, Iterable<[number, Value]>]>;
  readonly merges?: readonly string[];
  readonly dimension?: string;
}

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

async function packageOf(sheets: readonly SheetXml[], sharedStrings?: readonly string[]): Promise<Uint8Array> {
  const strings: string[] = sharedStrings ? [...sharedStrings] : [];
  const index = new Map<string, number>(strings.map((s, i) => [s, i]));
  const zip = new JSZip();
  const sheetParts = sheets.map((sheet) => {
    const parts: string[] = [`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`];
    if (sheet.dimension) parts.push(`<dimension ref="${sheet.dimension}"/>`);
    parts.push("<sheetData>");
    for (const [r, cells] of sheet.rows) {
      parts.push(`<row r="${r}">`);
      for (const [c, value] of cells) {
        const ref = `${columnLetters(c)}${r}`;
        if (typeof value === "number") parts.push(`<c r="${ref}"><v>${value}</v></c>`);
        else {
          let i = index.get(value);
          if (i === undefined) index.set(value, (i = strings.push(value) - 1));
          parts.push(`<c r="${ref}" t="s"><v>${i}</v></c>`);
        }
      }
      parts.push("</row>");
    }
    parts.push("</sheetData>");
    if (sheet.merges && sheet.merges.length > 0) parts.push(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells>`);
    parts.push("</worksheet>");
    return parts.join("");
  });
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  sheetParts.forEach((xml, i) => zip.file(`xl/worksheets/sheet${i + 1}.xml`, xml));
  zip.file(
    "xl/sharedStrings.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${escape(s)}</t></si>`).join("")}</sst>`,
  );
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 1 } });
}

/** A small project form (a few hundred cells) at the top of a sheet, so that detection has work to do. */
function smallForm(top: number): [number, [number, Value][]][] {
  const rows: [number, [number, Value][]][] = [
    [top, [[1, "项目支出绩效目标表"]]],
    [top + 1, [[1, "项目名称"], [2, "敌意测试项目"], [4, "主管部门"], [5, "某区财政局"]]],
    [top + 2, [[1, "项目资金 (万元)"], [2, "年度预算资金总额:"], [3, 120]]],
    [top + 3, [[1, "年度总体绩效目标"], [2, "完成敌意测试项目的全部任务。"]]],
    [top + 4, [[1, "绩效指标"], [2, "一级指标"], [3, "二级指标"], [4, "三级指标"], [5, "指标值"]]],
  ];
  for (let i = 0; i < 60; i++) rows.push([top + 5 + i, [[2, "产出指标"], [3, "数量指标"], [4, `完成任务数量${i}`], [5, `≥${i + 1} 个`]]]);
  return rows;
}

function* range(from: number, to: number): Generator<number> {
  for (let i = from; i <= to; i++) yield i;
}

export interface HostileCase {
  readonly name: string;
  readonly what: string;
  build(): Promise<Uint8Array>;
}

const prose = (i: number) => `第${i}条说明：本单位按照预算绩效管理要求，对项目实施过程、资金使用情况和产出效益进行了全面梳理与分析，形成结论如下，编号${i}。`;

export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    name: "tall",
    what: "used range of 1,048,576 rows, a few hundred filled cells",
    build: () => packageOf([{ name: "高", dimension: "A1:E1048576", rows: [...smallForm(1), [1_048_576, [[1, "末行"]]]] }]),
  },
  {
    name: "wide",
    what: "16,384 columns: a form, a full-width row of figures and a stray cell at XFD",
    build: () =>
      packageOf([
        {
          name: "宽",
          rows: [
            ...smallForm(1),
            [80, (function* () {
              for (const c of range(1, 16_384)) yield [c, c * 1.5] as [number, Value];
            })()],
            [120, [[16_384, "最后一列"]]],
          ],
        },
      ]),
  },
  {
    name: "merges",
    what: "20,000 merged areas (2 per row over 10,000 rows)",
    build: () => {
      const merges: string[] = [];
      for (let r = 1; r <= 10_000; r++) merges.push(`A${r}:B${r}`, `C${r}:E${r}`);
      return packageOf([
        {
          name: "合并",
          rows: (function* () {
            for (const r of range(1, 10_000)) yield [r, [[1, `名称${r % 97}`], [3, r % 5 === 0 ? `说明${r}` : r * 0.25]]] as [number, [number, Value][]];
          })(),
          merges,
        },
      ]);
    },
  },
  {
    name: "strings",
    what: "a 50 MB shared-strings part (240,000 long texts, one column)",
    build: () => {
      const strings = Array.from({ length: 240_000 }, (_, i) => prose(i));
      return packageOf(
        [
          {
            name: "文字",
            rows: (function* () {
              for (const r of range(1, strings.length)) yield [r, [[1, strings[r - 1]]]] as [number, [number, Value][]];
            })(),
          },
        ],
        strings,
      );
    },
  },
  {
    name: "no-table",
    what: "500,000 filled cells (10,000 rows × 50 columns), no table",
    build: () =>
      packageOf([
        {
          name: "数据",
          rows: (function* () {
            for (const r of range(1, 10_000))
              yield [r, (function* () {
                for (const c of range(1, 50)) yield [c, c % 7 === 0 ? `记录${(r * c) % 1000}` : (r * 31 + c * 17) % 10_007] as [number, Value];
              })()] as [number, Iterable<[number, Value]>];
          })(),
        },
      ]),
  },
];

