// economic family: personnel and public columns hold the right economic 类 (RULES 3.1.4), functional
// 项 against the economic 款 that pays them (3.2), 三公 car running costs against 款 30231 (3.3).
import fc from "fast-check";
import { checkWorkbook } from "../../src/core/engine";
import { economicFamily } from "../../src/core/rules/economic";
import type { WorkbookSnapshot } from "../../src/core/workbook/snapshot";
import { cents, generalPublicBasicExpenditure, generalPublicExpenditure, threePublic, type ClassifiedLine } from "./budget-builders";

const together = (...books: WorkbookSnapshot[]): WorkbookSnapshot => ({ sheets: books.flatMap((b) => b.sheets) });
const found = (workbook: WorkbookSnapshot) =>
  checkWorkbook(workbook, { families: [economicFamily] })
    .findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.severity}`)
    .sort();

/** 301 (with 30108 and 30113), 302 (with 30231) and 310, consistent unless changed. */
function economicLines(change: { pension?: number; car?: number; bookedAsPersonnel302?: boolean } = {}): ClassifiedLine[] {
  const pension = change.pension ?? 79.84;
  const car = change.car ?? 0.99;
  const wages = cents(100 + pension + 70.62);
  const goods = cents(20 + car);
  return [
    { lei: "301", name: "工资福利支出", values: [wages, wages, null] },
    { lei: "301", kuan: "01", name: "基本工资", values: [100, 100, null] },
    { lei: "301", kuan: "08", name: "机关事业单位基本养老保险缴费", values: [pension, pension, null] },
    { lei: "301", kuan: "13", name: "住房公积金", values: [70.62, 70.62, null] },
    { lei: "302", name: "商品和服务支出", values: change.bookedAsPersonnel302 ? [goods, goods, null] : [goods, null, goods] },
    { lei: "302", kuan: "01", name: "办公费", values: [20, null, 20] },
    { lei: "302", kuan: "31", name: "公务用车运行维护费", values: [car, null, car] },
    { lei: "310", name: "资本性支出", values: [10.24, null, 10.24] },
    { lei: "310", kuan: "02", name: "办公设备购置", values: [10.24, null, 10.24] },
  ];
}

function basicTable(change: Parameters<typeof economicLines>[0] = {}, totals?: number[]): WorkbookSnapshot {
  const lines = economicLines(change);
  const classes = lines.filter((l) => l.kuan === undefined);
  const sum = (index: number) => cents(classes.reduce((acc, l) => acc + Number(l.values[index] ?? 0), 0));
  return generalPublicBasicExpenditure(totals ?? [sum(0), sum(1), sum(2)], lines);
}

/** 一般公共预算支出情况表 with 2080505 and 2210201 paid from 基本支出. */
function functionalTable(pension = 79.84, housing = 70.62): WorkbookSnapshot {
  const lines: ClassifiedLine[] = [
    { lei: "208", name: "社会保障和就业支出", values: [pension, pension, pension, 0, 0] },
    { kuan: "05", name: "行政事业单位养老支出", values: [pension, pension, pension, 0, 0] },
    { xiang: "05", name: "机关事业单位基本养老保险缴费支出", values: [pension, pension, pension, 0, 0] },
    { lei: "221", name: "住房保障支出", values: [housing, housing, housing, 0, 0] },
    { kuan: "02", name: "住房改革支出", values: [housing, housing, housing, 0, 0] },
    { xiang: "01", name: "住房公积金", values: [housing, housing, housing, 0, 0] },
  ];
  const total = cents(pension + housing);
  return generalPublicExpenditure([total, total, total, 0, 0], lines);
}

describe("economic family", () => {
  it("finds nothing when the economic table, the functional table and the 三公 table agree", () => {
    expect(found(together(functionalTable(), basicTable(), threePublic([1.1, 0, 1.1, 0, 1.1, 0], [0.99, 0, 0.99, 0, 0.99, 0])))).toEqual([]);
  });

  it("flags a public-expense 类 booked in the personnel column (on that cell)", () => {
    const lines = economicLines({ bookedAsPersonnel302: true });
    const book = generalPublicBasicExpenditure([cents(250.46 + 20.99 + 10.24), cents(250.46 + 20.99), 10.24], lines);
    expect(found(book)).toEqual(["economic/personnel-split 一般公共预算基本支出情况表!H10 warning"]);
  });

  it("flags a 合计 personnel figure that is not 301 + 303", () => {
    expect(found(basicTable({}, [281.69, 260.46, 21.23]))).toEqual(["economic/personnel-split 一般公共预算基本支出情况表!H5 warning"]);
  });

  it("flags a functional 项 that differs from the economic 款 it pays (2080505 vs 30108)", () => {
    const result = checkWorkbook(together(functionalTable(80.84), basicTable()), { families: [economicFamily] });
    expect(result.findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.severity}`)).toEqual(["economic/function-economic 一般公共预算基本支出情况表!G8 warning"]);
    expect(result.findings[0]!.message.zh).toContain("2080505");
    expect(result.findings[0]!).toMatchObject({ expected: "80.84", actual: "79.84" });
  });

  it("flags 三公 car running costs that differ from 款 30231", () => {
    expect(found(together(basicTable(), threePublic([1.1, 0, 1.1, 0, 1.1, 0], [1.5, 0, 1.5, 0, 1.5, 0])))).toEqual(["economic/car-running-costs 三公经费!K6 warning"]);
  });

  it("property: consistent tables of any amounts give no finding; a pension amount changed beyond the 0.01 tolerance gives exactly one", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.integer({ min: 2, max: 9_999 }), (pensionCents, deltaCents) => {
        const pension = pensionCents / 100;
        expect(found(together(functionalTable(pension), basicTable({ pension })))).toEqual([]);
        const other = cents(pension + deltaCents / 100);
        expect(found(together(functionalTable(other), basicTable({ pension })))).toEqual(["economic/function-economic 一般公共预算基本支出情况表!G8 warning"]);
        // One cent is what rounding each cell separately leaves (RULES 3.0): no finding.
        expect(found(together(functionalTable(cents(pension + 0.01)), basicTable({ pension })))).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
