// Small .xlsx packages written part by part, each holding what real files hold now and then and a
// reader must take as exceljs takes it: every cell type, shared and array formulas, cached results
// of 0 and FALSE, dates in both date systems, styles beyond the list, cells without an address or
// twice at one address, rows given twice, hyperlinks, rich and phonetic text, inline strings,
// entities, merges, a missing shared-strings or styles part, and packages exceljs refuses.
import JSZip from "jszip";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface OddSheet {
  name: string;
  state?: "hidden" | "veryHidden";
  /** The worksheet element's content (sheetData and what follows it). */
  body?: string;
  /** The part's name under xl/worksheets/ (default sheetN.xml). */
  part?: string;
  /** Relationships of the sheet part (`<Relationship .../>` elements). */
  rels?: string;
  /** The whole part, root included, instead of a worksheet around `body`. */
  xml?: string;
}

export interface OddPackage {
  sheets: OddSheet[];
  /** `<si>` elements; no shared-strings part when undefined. */
  sharedStrings?: string;
  /** styles.xml's content; the default one when undefined, none when null. */
  styles?: string | null;
  workbookPr?: string;
  definedNames?: string;
}

const DEFAULT_STYLES = `<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/><numFmt numFmtId="165" formatCode="&quot;¥&quot;#,##0.00;[Red]\\-&quot;¥&quot;#,##0.00"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment horizontal="center"/></xf><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>
<dxfs count="1"><dxf><numFmt numFmtId="166" formatCode="0.000"/></dxf></dxfs>`;

export async function oddPackage(spec: OddPackage): Promise<Uint8Array> {
  const zip = new JSZip();
  const parts = spec.sheets.map((sheet, i) => sheet.part ?? `sheet${i + 1}.xml`);
  zip.file(
    "[Content_Types].xml",
    `${DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${parts.map((p) => `<Override PartName="/xl/worksheets/${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}</Types>`,
  );
  zip.file("_rels/.rels", `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file(
    "xl/workbook.xml",
    `${DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${REL}">${spec.workbookPr ?? ""}<sheets>${spec.sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`).join("")}</sheets>${spec.definedNames ? `<definedNames>${spec.definedNames}</definedNames>` : ""}</workbook>`,
  );
  const rels = parts.map((p, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/${p}"/>`);
  if (spec.styles !== null) rels.push(`<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>`);
  if (spec.sharedStrings !== undefined) rels.push(`<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
  zip.file("xl/_rels/workbook.xml.rels", `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`);
  spec.sheets.forEach((sheet, i) => {
    zip.file(`xl/worksheets/${parts[i]}`, sheet.xml ?? `${DECLARATION}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${sheet.body ?? ""}</worksheet>`);
    if (sheet.rels) zip.file(`xl/worksheets/_rels/${parts[i]}.rels`, `${DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheet.rels}</Relationships>`);
  });
  if (spec.styles !== null) zip.file("xl/styles.xml", `${DECLARATION}<styleSheet xmlns="${MAIN}">${spec.styles ?? DEFAULT_STYLES}</styleSheet>`);
  if (spec.sharedStrings !== undefined) zip.file("xl/sharedStrings.xml", `${DECLARATION}<sst xmlns="${MAIN}">${spec.sharedStrings}</sst>`);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

const SHARED = [
  "<si><t>项目名称</t></si>",
  "<si><t xml:space=\"preserve\"> 带空格 </t></si>",
  "<si><r><t>富</t></r><r><rPr><b/><sz val=\"11\"/></rPr><t>文本</t></r></si>",
  "<si><t>第一行_x000D_\n第二行</t></si>",
  "<si/>",
  "<si><t>东京</t><rPh sb=\"0\" eb=\"2\"><t>トウキョウ</t></rPh><phoneticPr fontId=\"1\"/></si>",
  "<si><r><t>先</t></r><t>后来的</t></si>",
  "<si><t>&lt;tag&gt; &amp; &#x4E2D;</t></si>",
  "<si><t></t></si>",
].join("");

const cells = (row: number, content: string) => `<row r="${row}">${content}</row>`;

/** Packages a reader should read, each named for what it holds. */
export const ODD_PACKAGES: Record<string, OddPackage> = {
  "every cell type": {
    sharedStrings: SHARED,
    sheets: [
      {
        name: "类型",
        body: `<sheetData>${[
          cells(1, '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c><c r="E1" t="s"><v>4</v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c><c r="H1" t="s"><v>7</v></c><c r="I1" t="s"><v>8</v></c>'),
          cells(2, '<c r="A2"><v>16028.22</v></c><c r="B2"><v> 12 </v></c><c r="C2"><v>1E3</v></c><c r="D2"><v>abc</v></c><c r="E2" t="n"><v>-0</v></c><c r="F2"><v></v></c>'),
          cells(3, '<c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="e"><v>#DIV/0!</v></c><c r="D3" t="e"><v>#N/A</v></c><c r="E3" t="str"><v>a &amp;lt; b</v></c><c r="F3" t="d"><v>2024-05-01</v></c>'),
          cells(4, '<c r="A4" t="inlineStr"><is><t>行内</t></is></c><c r="B4" t="inlineStr"><is><r><t>行</t></r><r><rPr><i/></rPr><t>内富文本</t></r></is></c><c r="C4" t="inlineStr"><is><t>a_x000D_b</t></is></c><c r="D4" t="inlineStr"><is><t></t></is></c>'),
          cells(5, '<c r="A5" s="1"><v>45292</v></c><c r="B5" s="2"><v>45292.75</v></c><c r="C5" s="3"><v>1234.5</v></c><c r="D5" s="4"><v>0.5</v></c><c r="E5" s="5"><v>0.123</v></c><c r="F5" s="6"><v>45000</v></c><c r="G5" s="7"><v>7</v></c><c r="H5" s="0"><v>8</v></c><c r="I5" s="x"><v>9</v></c>'),
          cells(6, '<c r="A6" s="3"/><c r="B6" s="0"/><c r="C6"/><c r="D6" t="s" s="2"/>'),
          cells(7, '<c r="A7"><v>1<!-- a comment -->2</v></c><c r="B7"><v><![CDATA[34]]></v></c><c r="C7" t="inlineStr"><is><t>x</t><t>y</t></is></c>'),
        ].join("")}</sheetData>`,
      },
    ],
  },
  formulas: {
    sharedStrings: SHARED,
    sheets: [
      {
        name: "公式",
        body: `<sheetData>${[
          cells(1, '<c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><f>A1+B1</f><v>3</v></c><c r="D1"><f>A1-A1</f><v>0</v></c><c r="E1" t="b"><f>A1&gt;B1</f><v>0</v></c><c r="F1" t="str"><f>""</f><v></v></c><c r="G1"><f>SUM(A1:B1)</f></c>'),
          cells(2, '<c r="A2"><f t="shared" ref="A2:A5" si="0">B1*2</f><v>4</v></c><c r="B2" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="C2" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="D2" s="1"><f>TODAY()</f><v>45300</v></c><c r="E2" s="1" t="str"><f>"文本"</f><v>文本</v></c><c r="F2" t="str"><f>"&amp;lt;"</f><v>&amp;lt;</v></c>'),
          cells(3, '<c r="A3"><f t="shared" si="0"/><v>6</v></c><c r="B3"><f t="shared" si="7"/><v>9</v></c><c r="C3"><f t="array" ref="C3:C4">SUM(A1:B1*2)</f><v>6</v></c><c r="D3"><f t="shared" si="0"/><v>0</v></c><c r="E3" t="s"><f>A1</f><v>3</v></c>'),
          cells(4, '<c r="A4"><f t="shared" si="0"/></c><c r="C4"><v>6</v></c><c r="D4"><f></f><v>5</v></c><c r="E4"><f t="shared" ref="E4:E5" si="1">A4</f><v>0</v></c>'),
          cells(5, '<c r="A5"><f t="shared" si="0"/><v>10</v></c><c r="E5"><f t="shared" si="1"/><v>0</v></c>'),
        ].join("")}</sheetData>`,
      },
    ],
  },
  "dates from 1904": {
    workbookPr: '<workbookPr date1904="1"/>',
    sheets: [{ name: "日期", body: `<sheetData>${cells(1, '<c r="A1" s="1"><v>0</v></c><c r="B1" s="1"><v>43831.5</v></c><c r="C1" s="2"><f>A1</f><v>1</v></c>')}</sheetData>` }],
  },
  "dates without 1904 written true": {
    workbookPr: '<workbookPr date1904="true"/>',
    sheets: [{ name: "日期", body: `<sheetData>${cells(1, '<c r="A1" s="1"><v>43831</v></c>')}</sheetData>` }],
  },
  "addresses and rows": {
    sharedStrings: SHARED,
    sheets: [
      {
        name: "地址",
        body: `<sheetData>${[
          cells(1, '<c r="A1"><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c r="E1"><v>5</v></c><c t="s"><v>0</v></c>'),
          cells(2, '<c r="B2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><v>3</v></c><c r="C2" s="1"/><c r="D2"><v>4</v></c><c r="D2"/><c r="E2"><v>5</v></c>'),
          cells(3, '<c r="B9"><v>39</v></c><c r="$C$3"><v>33</v></c><c r="D3x"><v>34</v></c>'),
          cells(5, '<c r="A5"><v>first</v></c>'),
          cells(4, '<c r="A4"><v>4</v></c>'),
          cells(5, '<c r="B5"><v>second</v></c>'),
          cells(6, '<c r="A6"><v>6</v></c>'),
          cells(6, '<c r="A6" s="1"/>'),
          cells(0, '<c r="A1"><v>0</v></c>'),
          cells(8, ""),
          '<row r="10" spans="1:3" s="1" customFormat="1"><c r="A10"><v>10</v></c></row>',
        ].join("")}</sheetData>`,
      },
    ],
  },
  hyperlinks: {
    sharedStrings: SHARED,
    sheets: [
      {
        name: "链接",
        body: `<sheetData>${cells(1, '<c r="A1" t="s"><v>0</v></c><c r="B1"><v>42</v></c><c r="C1" t="str"><f>"链"</f><v>链</v></c><c r="D1" t="s"><v>2</v></c><c r="E1" t="s"><v>0</v></c><c r="F1" t="s"><v>0</v></c><c r="G1"><f>1+1</f><v>2</v></c>')}</sheetData><hyperlinks><hyperlink ref="A1" r:id="rId1"/><hyperlink ref="B1" r:id="rId1"/><hyperlink ref="C1" r:id="rId2"/><hyperlink ref="D1" r:id="rId1" tooltip="提示"/><hyperlink ref="E1" location="'链接'!A1"/><hyperlink ref="F1" r:id="rId3"/><hyperlink ref="G1" r:id="rId2"/></hyperlinks>`,
        rels: `<Relationship Id="rId1" Type="${REL}/hyperlink" Target="https://example.org/" TargetMode="External"/><Relationship Id="rId2" Type="${REL}/hyperlink" Target="mailto:a@b.c" TargetMode="External"/><Relationship Id="rId3" Type="${REL}/hyperlink" Target="" TargetMode="External"/>`,
      },
    ],
  },
  "merges, states and order": {
    sharedStrings: SHARED,
    sheets: [
      {
        name: "合并 &amp; 状态",
        part: "sheet2.xml",
        body: `<dimension ref="A1:D4"/><sheetData>${[cells(1, '<c r="A1" t="s"><v>0</v></c><c r="B1"><v>9</v></c><c r="C1"><v>8</v></c>'), cells(2, '<c r="A2"><v>1</v></c><c r="B2"><v>2</v></c>'), cells(4, '<c r="D4"><v>4</v></c>')].join("")}</sheetData><mergeCells count="3"><mergeCell ref="A1:C1"/><mergeCell ref="A2:B3"/><mergeCell ref="D1:D1048576"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><headerFooter><oddHeader>&amp;C页眉</oddHeader></headerFooter>`,
      },
      { name: "隐藏", state: "hidden", part: "sheet1.xml", body: `<sheetData>${cells(1, '<c r="A1"><v>1</v></c>')}</sheetData>` },
      { name: "深藏", state: "veryHidden", part: "sheet10.xml", body: "<sheetData/>" },
      { name: "无数据", part: "sheet3.xml", body: '<sheetViews><sheetView workbookViewId="0"/></sheetViews>' },
    ],
    definedNames: `<definedName name="区域">'合并 &amp;amp; 状态'!$A$1:$C$3</definedName><definedName name="_xlnm.Print_Area" localSheetId="0">'合并 &amp;amp; 状态'!$A$1:$D$4</definedName>`,
  },
  "no shared strings and no styles": {
    styles: null,
    sheets: [{ name: "无", body: `<sheetData>${cells(1, '<c r="A1" t="s"><v>3</v></c><c r="B1" s="1"><v>45000</v></c><c r="C1"><v>1</v></c>')}</sheetData>` }],
  },
  "styles without cell formats": {
    styles: '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>',
    sheets: [{ name: "样式", body: `<sheetData>${cells(1, '<c r="A1"><v>1</v></c><c r="B1" s="0"><v>2</v></c>')}</sheetData>` }],
  },
  "phonetic text in an inline string": {
    sheets: [
      {
        name: "注音",
        body: `<sheetData>${[cells(1, '<c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t>东京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c><c r="C1"><v>3</v></c>'), cells(2, '<c r="A2"><v>2</v></c>')].join("")}</sheetData>`,
      },
    ],
  },
  "a cell outside a row": {
    sheets: [{ name: "散", body: `<sheetData>${cells(1, '<c r="A1"><v>1</v></c>')}<c r="B1"><v>2</v></c>${cells(2, '<c r="A2"><v>3</v></c>')}</sheetData>` }],
  },
  "pretty-printed with a byte-order mark": {
    sharedStrings: SHARED,
    sheets: [
      {
        name: "排版",
        xml: `\uFEFF${DECLARATION}<worksheet xmlns="${MAIN}">\n  <sheetData>\n    <row r="1">\n      <c r="A1" t="s">\n        <v>0</v>\n      </c>\n      <c r="B1">\n        <v>\n12\n</v>\n      </c>\n    </row>\n  </sheetData>\n</worksheet>\n`,
      },
    ],
  },
  "a row without its number": { sheets: [{ name: "坏", body: `<sheetData><row><c r="A1"><v>1</v></c></row></sheetData>` }] },
  "a shared string that is not there": { sharedStrings: "<si><t>一</t></si>", sheets: [{ name: "坏", body: `<sheetData>${cells(1, '<c r="A1" t="s"><v>5</v></c>')}</sheetData>` }] },
  "an address without a row": { sheets: [{ name: "坏", body: `<sheetData>${cells(1, '<c r="A"><v>1</v></c>')}</sheetData>` }] },
  "a column past XFD": { sheets: [{ name: "坏", body: `<sheetData>${cells(1, '<c r="XFE1"><v>1</v></c>')}</sheetData>` }] },
  "malformed sheet XML": { sheets: [{ name: "坏", body: `<sheetData><row r="1"><c r="A1"><v>1</v></row></sheetData>` }] },
  "a prefixed worksheet": { sheets: [{ name: "坏", xml: `${DECLARATION}<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>` }] },
  "a run after a shared string's text": { sharedStrings: "<si><t>先写</t><r><t>后加的</t></r></si>", sheets: [{ name: "坏", body: "<sheetData/>" }] },
  "a run after an inline string's text": { sheets: [{ name: "坏", body: `<sheetData>${cells(1, '<c r="A1" t="inlineStr"><is><t>先写</t><r><t>后加的</t></r></is></c>')}</sheetData>` }] },
  "an unexpected element in the shared strings": { sharedStrings: "<si><t>一</t></si><extLst/>", sheets: [{ name: "坏", body: "<sheetData/>" }] },
};
