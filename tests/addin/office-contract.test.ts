// The Office.js contract of the Excel door, in one place: every call src/excel makes, the requirement
// set it needs, the documentation or issue the adapter follows, and, where Excel's behaviour matters,
// a test that the simulated host behaves that way (so the adapter's own tests can fail the way Excel
// fails). When Office.js changes, this is the file to read first.
//
// Sources (all retrieved for this file):
//   [RunOptions]   learn.microsoft.com/javascript/api/excel/excel.runoptions — delayForCellEdit
//   [Types]        @types/office-js 1.0.612 (the API reference's text): ConditionalFormat.id "The priority of the
//                  conditional format in the current ConditionalFormatCollection"; getMergedAreasOrNullObject
//                  "if the merged areas count in this range is more than 512, then this method will fail";
//                  Application.calculationMode "ExcelApi 1.1 for get"; Excel.ErrorCodes
//                  (AccessDenied, InvalidOperationInCellEditMode, ResponsePayloadSizeLimitExceeded)
//   [Limits]       office-js-docs-pr PR 2846 (docs/excel/performance.md): "Excel on the web has a payload size limit
//                  for requests and responses of 5MB … On all platforms, a range is limited to five million cells
//                  for get operations"; PR 5333: the 5 MB limit is for Excel on the web only;
//                  specklesystems/speckle-excel issue 9: "RequestPayloadSizeLimitExceeded: The request payload size
//                  has exceeded the limit"
//   [Merges-3611]  OfficeDev/office-js issue 3611: getMergedAreasOrNullObject returns only merged areas whose top-left
//                  cell lies in the range (kept as designed)
//   [CF-2180]      OfficeDev/office-js issue 2180: loading items/custom/rule/formula fails ("This operation is not
//                  permitted for the current object") when the collection holds other types; customOrNullObject
//   [SheetId-297]  OfficeDev/office-js-docs issue 297 and OfficeDev/office-js issue 1390: worksheet ids change after
//                  closing and reopening a workbook
//   [Hidden-365]   OfficeDev/office-js issue 365: deleting a very hidden sheet fails; make it hidden first (by design)
//   [Visible-244]  OfficeDev/office-js-docs issue 244: Worksheet.visibility is writable from ExcelApi 1.2
//   [Undo]         OfficeDev/office-js issue 6170: worksheets.add and Range.formulas clear the undo stack in Excel on
//                  Windows (by design); office-js-docs-pr PR 5175: undo support for most APIs from ExcelApi 1.19,
//                  "if you call an unsupported API … the user's undo stack is cleared"; issue 3788: before that,
//                  "most of the set operation of Excel API will disable undo/redo" — hence the pane's note before
//                  新建项目 inserts (Excel's behaviour varies by build: to confirm in real Excel)
//   [Changed]      learn.microsoft.com/javascript/api/excel/excel.worksheetchangedeventargs: address, changeType,
//                  worksheetId (1.7); WorksheetCollection.onChanged 1.9; office-js issues 669 (an inserted first
//                  column reported as RowInserted), 728 (RowInserted with the wrong address), 420 (a value picked
//                  from a validation list raises nothing), 3729 (Text to Columns raised nothing): the events are a
//                  dirty signal only, so src/core/review/recheck.ts falls back to the sheet
//   [Coauthor]     learn.microsoft.com/office/dev/add-ins/excel/co-authoring-in-excel-add-ins: coauthoring
//                  synchronises the workbook's content; state kept in a (hidden) worksheet travels with it
import { readFileSync } from "node:fs";
import path from "node:path";
import { sheetFromGrid } from "../../src/core/workbook/snapshot";
import { createExcelHost, RUN_OPTIONS } from "../../src/excel/excel-host";
import { HIGHLIGHT_FORMULA } from "../../src/excel/highlights";
import { isPayloadError, mergeBands, MAX_MERGED_AREAS_PER_READ, parseMergedAreas } from "../../src/excel/range-reading";
import { simulatedWorkbookFrom } from "../../src/harness/load-workbook";
import { reopenWorkbook } from "../../src/harness/reopen";
import { simulatedExcelRun } from "../../src/harness/simulated-excel";
import type { SimulatedWorkbook } from "../../src/harness/simulated-workbook";

interface OfficeCall {
  /** The call as the adapter writes it. */
  readonly call: string;
  /** ExcelApi version that brings it. */
  readonly set: string;
  /** Where the adapter makes it. */
  readonly where: string;
  /** Gated by Office.context.requirements.isSetSupported, so it may be above the manifest's floor. */
  readonly optional?: boolean;
  readonly source: string;
}

const OFFICE_CALLS: readonly OfficeCall[] = [
  // delayForCellEdit carries no requirement set in the reference (mergeUndoGroup beside it is 1.20, not used).
  { call: "Excel.run({ delayForCellEdit: true }, batch)", set: "1.1", where: "excel-host", source: "[RunOptions]: without it a batch fails while the user edits a cell" },
  { call: "worksheets.load('items/name,items/visibility')", set: "1.1", where: "read-snapshot", source: "Worksheet.visibility 1.1 (writable 1.2 [Visible-244])" },
  { call: "Worksheet.getUsedRange(true)", set: "1.2", where: "read-snapshot", source: "valuesOnly since 1.2" },
  { call: "Worksheet.getRangeByIndexes(r, c, rows, cols)", set: "1.7", where: "read-snapshot", source: "[Types]" },
  { call: "Range.load('values,valueTypes,formulas,numberFormat')", set: "1.1", where: "read-snapshot", source: "[Limits]: 5 MB per request and response on the web; 5,000,000 cells per get" },
  { call: "Range.getMergedAreasOrNullObject().load('address')", set: "1.13", where: "read-snapshot", source: "[Types] fails above 512; [Merges-3611] top-left cell in range" },
  { call: "Range.untrack()", set: "1.1", where: "read-snapshot", source: "[Types]" },
  { call: "Application.load('calculationMode')", set: "1.1", where: "excel-host", source: "[Types] get 1.1 (set 1.8, not used)" },
  { call: "Application.calculate('Recalculate')", set: "1.1", where: "excel-host", source: "[Types]" },
  { call: "worksheets.load('items/protection/protected,items/protection/options')", set: "1.2", where: "highlights", source: "WorksheetProtection 1.2" },
  { call: "Worksheet.getRange().conditionalFormats.load('items/type,items/customOrNullObject/rule/formula')", set: "1.6", where: "highlights", source: "[CF-2180]: not items/custom" },
  { call: "Worksheet.getRanges(addresses).conditionalFormats.add('Custom')", set: "1.9", where: "highlights", source: "RangeAreas 1.9; refused on a protected sheet" },
  { call: "ConditionalFormat.custom.rule.formula / format.fill.color / format.font.color", set: "1.6", where: "highlights", source: "[Types]" },
  { call: "ConditionalFormat.delete()", set: "1.6", where: "highlights", source: "refused on a protected sheet" },
  { call: "WorksheetProtection.unprotect() / protect(options)", set: "1.2", where: "highlights", source: "unprotect(password) 1.7, not used: only sheets protected without a password" },
  { call: "worksheets.getItemOrNullObject(name).load('protection/protected')", set: "1.4", where: "highlights", source: "repair after a refused batch" },
  { call: "Worksheet.load('visibility'); activate(); Range.select()", set: "1.1", where: "excel-host", source: "a hidden sheet is not activated (to confirm in real Excel)" },
  { call: "Worksheet.visibility = 'Visible'", set: "1.2", where: "excel-host", source: "[Visible-244]" },
  { call: "Worksheet.getUsedRangeOrNullObject(true)", set: "1.4", where: "insert-template", source: "[Types]" },
  { call: "names.load('items/name'); NamedItem.delete()", set: "1.4", where: "insert-template", source: "[Types]" },
  { call: "Worksheet.delete() (very hidden: visibility = 'Hidden' first)", set: "1.1", where: "insert-template", source: "[Hidden-365]" },
  { call: "Range.clear('Contents')", set: "1.1", where: "insert-template", source: "[Types]" },
  { call: "worksheets.add; Range.values / formulas / numberFormat / format.*; merge", set: "1.2", where: "insert-template", source: "[Types]; clears the undo stack [Undo]" },
  { call: "names.add; NamedItem.visible", set: "1.4", where: "insert-template", source: "[Types]" },
  { call: "Range.dataValidation.rule / prompt", set: "1.8", where: "insert-template", source: "[Types]" },
  { call: "Worksheet.pageLayout.*", set: "1.9", where: "insert-template", source: "[Types]" },
  { call: "workbook.notes.add", set: "1.18", where: "insert-template", optional: true, source: "[Types]; gated by isSetSupported('ExcelApi', '1.18')" },
  { call: "Worksheet.protection.protect(options)", set: "1.2", where: "insert-template", source: "[Types]" },
  { call: "worksheets.getItemOrNullObject(name or id).load('name'); getUsedRangeOrNullObject(true).load('values,rowIndex,columnIndex')", set: "1.4", where: "review", source: "the mark sheet as it is now [Coauthor]" },
  { call: "worksheets.add; Worksheet.visibility = 'VeryHidden'; Range.values", set: "1.2", where: "review", source: "marks in a very hidden sheet [Coauthor] [Visible-244]" },
  { call: "Worksheet.delete(); worksheets.add; Range.values; format.font.bold; format.columnWidth; activate()", set: "1.2", where: "review", source: "the 审核报告 sheet (visible, so delete works [Hidden-365])" },
  { call: "worksheets.load('items/id,items/name'); worksheets.onChanged.add(handler)", set: "1.9", where: "review", source: "[Changed]; ids hold within a session [SheetId-297]" },
  { call: "EventHandlerResult.remove()", set: "1.1", where: "review", source: "[Types]" },
];

const minor = (version: string) => Number(version.split(".")[1]);

function run(workbook: SimulatedWorkbook, options: Excel.RunOptions = RUN_OPTIONS) {
  return <T>(batch: (context: Excel.RequestContext) => Promise<T>) => simulatedExcelRun(workbook)(options, batch);
}

describe("requirement sets", () => {
  it("calls nothing above the manifest's ExcelApi floor unless gated at run time", () => {
    const manifest = readFileSync(path.resolve(__dirname, "..", "..", "manifest.xml"), "utf8");
    const floor = /<Set Name="ExcelApi" MinVersion="([\d.]+)"\/>/.exec(manifest)![1];
    expect(floor).toBe("1.13");
    const above = OFFICE_CALLS.filter((entry) => !entry.optional && minor(entry.set) > minor(floor));
    expect(above).toEqual([]);
    // The floor is set by getMergedAreasOrNullObject, the one 1.13 call.
    expect(OFFICE_CALLS.filter((entry) => entry.set === floor).map((entry) => entry.where)).toEqual(["read-snapshot"]);
  });
});

describe("Excel.run and cell edit mode [RunOptions]", () => {
  it("fails a batch while the user edits a cell, unless it is run with delayForCellEdit", async () => {
    const workbook = simulatedWorkbookFrom({ sheets: [sheetFromGrid("表1", [[1]])] });
    workbook.userStartCellEdit();
    const read = (context: Excel.RequestContext) => {
      context.workbook.worksheets.load("items/name");
      return context.sync();
    };
    await expect(run(workbook, {})(read)).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    const delayed = run(workbook)(read);
    workbook.userEndCellEdit();
    await expect(delayed).resolves.toBeUndefined();
    expect(RUN_OPTIONS).toEqual({ delayForCellEdit: true });
  });
});

describe("getMergedAreasOrNullObject [Types] [Merges-3611]", () => {
  const manyMerges = () => {
    const merges = Array.from({ length: 600 }, (_, i) => ({ top: i + 1, left: 1, bottom: i + 1, right: 2 }));
    return simulatedWorkbookFrom({ sheets: [sheetFromGrid("表", Array.from({ length: 600 }, () => ["x", null]), merges)] });
  };

  it("fails above 512 merged areas in the range", async () => {
    await expect(
      run(manyMerges())(async (context) => {
        context.workbook.worksheets.getItem("表").getRange("A1:B600").getMergedAreasOrNullObject().load("address");
        await context.sync();
      }),
    ).rejects.toThrow(/512/);
  });

  it("returns only merges whose top-left cell lies in the range, and a null object when there are none", async () => {
    const workbook = simulatedWorkbookFrom({ sheets: [sheetFromGrid("表", [["a", null], [null, null]], [{ top: 1, left: 1, bottom: 2, right: 2 }])] });
    await run(workbook)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("表");
      const fromTopLeft = sheet.getRange("A1:A1").getMergedAreasOrNullObject();
      const insideOnly = sheet.getRange("B2:B2").getMergedAreasOrNullObject();
      fromTopLeft.load("address");
      insideOnly.load("address");
      await context.sync();
      expect(fromTopLeft.address).toMatch(/^'?表'?!A1:B2$/);
      expect(insideOnly.isNullObject).toBe(true);
    });
  });

  it("is read in bands where no more than 512 merges can begin, whatever the sheet's shape", () => {
    for (const columnCount of [1, 2, 7, 30, 255, 256, 600]) {
      for (const band of mergeBands([{ sheetIndex: 0, rowIndex: 0, columnIndex: 0, rowCount: 5000, columnCount }])) {
        // Every merge claims its top-left and a neighbour right or below: at most (R+1)(C+1)/2 merges.
        expect(((band.rowCount + 1) * (band.columnCount + 1)) / 2).toBeLessThanOrEqual(MAX_MERGED_AREAS_PER_READ);
      }
    }
  });

  it.each([
    ["Sheet1!A1:B2, Sheet1!D4:E4", ["A1:B2", "D4:E4"]],
    ["'预算, 2025'!A1:B2,'预算, 2025'!C3:D3", ["A1:B2", "C3:D3"]],
    ["'It''s, Q1'!$A$1:$C$1", ["A1:C1"]],
    ["Sheet1!3:4", ["A3:XFD4"]],
    ["Sheet1!B:C", ["B1:C1048576"]],
    ["'a!b'!A1:A2", ["A1:A2"]],
  ])("parses the address %s", (address, expected) => {
    const letters = (col: number): string => (col <= 0 ? "" : letters(Math.floor((col - 1) / 26)) + String.fromCharCode(65 + ((col - 1) % 26)));
    expect(parseMergedAreas(address).map((area) => `${letters(area.left)}${area.top}:${letters(area.right)}${area.bottom}`)).toEqual(expected);
  });
});

describe("request limits on the web [Limits]", () => {
  it("refuses a response above 5 MB with ResponsePayloadSizeLimitExceeded, which the adapter recognises", async () => {
    const long = "预".repeat(30_000);
    const workbook = simulatedWorkbookFrom({ sheets: [sheetFromGrid("表", Array.from({ length: 80 }, () => [long]))] });
    const failure = await run(workbook)(async (context) => {
      context.workbook.worksheets.getItem("表").getRange("A1:A80").load("values,formulas");
      await context.sync();
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(isPayloadError(failure)).toBe(true);
    expect(isPayloadError(Object.assign(new Error("x"), { code: "RequestPayloadSizeLimitExceeded" }))).toBe(true);
    expect(isPayloadError(Object.assign(new Error("x"), { code: "AccessDenied" }))).toBe(false);
  });

  it("has no payload limit on the desktop", async () => {
    const long = "预".repeat(30_000);
    const workbook = simulatedWorkbookFrom({ sheets: [sheetFromGrid("表", Array.from({ length: 80 }, () => [long]))] });
    workbook.limits = { payloadBytes: undefined };
    await expect(
      run(workbook)(async (context) => {
        context.workbook.worksheets.getItem("表").getRange("A1:A80").load("values,formulas");
        await context.sync();
      }),
    ).resolves.toBeUndefined();
  });
});

describe("conditional formats [Types] [CF-2180]", () => {
  const withRules = () => {
    const workbook = simulatedWorkbookFrom({ sheets: [sheetFromGrid("表", [[1], [2]])] });
    const range = [{ top: 1, left: 1, bottom: 2, right: 1 }];
    workbook.userAddConditionalFormat("表", { type: "Custom", ranges: range, formula: "=A1>1", fill: "#FF0000", fontColor: null });
    workbook.userAddConditionalFormat("表", { type: "ColorScale", ranges: range, formula: "", fill: null, fontColor: null });
    return workbook;
  };

  it("fails to load items/custom when the sheet has rules of other types; customOrNullObject works", async () => {
    const workbook = withRules();
    await expect(
      run(workbook)(async (context) => {
        context.workbook.worksheets.getItem("表").getRange().conditionalFormats.load("items/custom/rule/formula");
        await context.sync();
      }),
    ).rejects.toThrow(/not permitted/);
    await run(workbook)(async (context) => {
      const formats = context.workbook.worksheets.getItem("表").getRange().conditionalFormats;
      formats.load("items/type,items/customOrNullObject/rule/formula");
      await context.sync();
      expect(formats.items.map((format) => [format.type, format.customOrNullObject.isNullObject])).toEqual([
        ["Custom", false],
        ["ColorScale", true],
      ]);
      expect(formats.items[0].customOrNullObject.rule.formula).toBe("=A1>1");
    });
  });

  it("refuses to add or delete a conditional format on a protected sheet (AccessDenied)", async () => {
    const workbook = withRules();
    workbook.userProtectSheet("表");
    await expect(
      run(workbook)(async (context) => {
        context.workbook.worksheets.getItem("表").getRanges("A1").conditionalFormats.add("Custom").custom.rule.formula = HIGHLIGHT_FORMULA;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
    await expect(
      run(workbook)(async (context) => {
        const formats = context.workbook.worksheets.getItem("表").getRange().conditionalFormats;
        formats.load("items/type");
        await context.sync();
        formats.items[0].delete();
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("numbers conditional-format ids by priority and worksheet ids afresh after a reopen [SheetId-297]", async () => {
    const workbook = withRules();
    const before = { sheet: workbook.sheets[0].id, formats: workbook.sheets[0].conditionalFormats.map((format) => format.id) };
    const reopened = await reopenWorkbook(workbook);
    const after = { sheet: reopened.sheets[0].id, formats: reopened.sheets[0].conditionalFormats.map((format) => format.id) };
    expect(after.sheet).not.toBe(before.sheet);
    expect(after.formats).toEqual(["1", "2"]);
    expect(after.formats).not.toEqual(before.formats);
    // The adapter asks for neither id: it finds its rules by their formula.
    reopened.requestLog = [];
    await createExcelHost(simulatedExcelRun(reopened)).applyHighlights([{ op: "highlight", sheet: "表", ranges: ["A1"], severity: "error", fill: "#FFC7CE", fontColor: "#9C0006" }]);
    await createExcelHost(simulatedExcelRun(reopened)).clearHighlights();
    const loaded = reopened.requestLog.flatMap((request) => (request as { load?: string[] }).load ?? []);
    expect(loaded).toContain("items/customOrNullObject/rule/formula");
    expect(loaded.filter((property) => /(^|\/)id$/.test(property))).toEqual([]);
  });
});

describe("sheets [Hidden-365] [Visible-244]", () => {
  it("refuses to activate a hidden sheet or select a range on it", async () => {
    const workbook = simulatedWorkbookFrom({ sheets: [sheetFromGrid("甲", [[1]]), sheetFromGrid("乙", [[1]], [], "hidden")] });
    await expect(
      run(workbook)(async (context) => {
        context.workbook.worksheets.getItem("乙").activate();
        await context.sync();
      }),
    ).rejects.toThrow(/hidden/);
    await expect(
      run(workbook)(async (context) => {
        context.workbook.worksheets.getItem("乙").getRange("A1").select();
        await context.sync();
      }),
    ).rejects.toThrow(/hidden/);
  });

  it("refuses to delete a very hidden sheet until it is made hidden", async () => {
    const workbook = simulatedWorkbookFrom({ sheets: [sheetFromGrid("甲", [[1]]), sheetFromGrid("_bc_meta", [[1]], [], "veryHidden")] });
    await expect(
      run(workbook)(async (context) => {
        context.workbook.worksheets.getItem("_bc_meta").delete();
        await context.sync();
      }),
    ).rejects.toThrow();
    await run(workbook)(async (context) => {
      const sheet = context.workbook.worksheets.getItem("_bc_meta");
      sheet.visibility = "Hidden";
      sheet.delete();
      await context.sync();
    });
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(["甲"]);
  });

  it("reads calculationMode", async () => {
    const workbook = simulatedWorkbookFrom({ sheets: [sheetFromGrid("甲", [[1]])] });
    workbook.calculationMode = "Manual";
    await run(workbook)(async (context) => {
      context.workbook.application.load("calculationMode");
      await context.sync();
      expect(context.workbook.application.calculationMode).toBe("Manual");
    });
  });
});
