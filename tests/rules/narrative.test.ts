// narrative/* (RULES 3.3, 3.0): change rates and 三公 amounts stated in a 说明, on the published text of
// the 聊城 document and its real 三公 table.
import Decimal from "decimal.js";
import fc from "fast-check";
import { checkWorkbook } from "../../src/core/engine";
import { changeStatements, executionRateStatements, gradeCounts, narrativeFamily, previousAmount, rateBounds } from "../../src/core/rules/narrative";
import { selfEvaluationFamily } from "../../src/core/rules/self-evaluation";
import { makeCell, sheetFromGrid, type WorkbookSnapshot } from "../../src/core/workbook/snapshot";
import { readFixture } from "../helpers/fixtures";

/** Paragraphs of the published 说明 (seed 004), as a clerk pastes them one per cell. */
const HEADING = "2024年通过一般公共预算财政拨款安排的“三公”经费";
const TOTAL = "预算共 2.99 万元，比上年减少 0.11 万元，下降 3.55%，主要原因是压缩三公经费支出预算。其中：";
const CARS = "2. 公务用车购置及运行费 0.99 万元，包括公务用车购置费 0.00 万元，与上年基本持平；公务用车运行维护费 0.99 万元，比上年减少 0.11 万元，下降 10.00%，主要原因是压缩公务用车购置及运行费支出预算。";
const RUNNING = "2024 年本部门机关运行经费安排 149.89 万元。较 2023 年预算增加 26.71 万元，增长 21.68%。主要原因是：职能划转下放，新增人员，增加相关预算支出。";

function withExplanation(workbook: WorkbookSnapshot, paragraphs: string[]): WorkbookSnapshot {
  return { ...workbook, sheets: [...workbook.sheets, sheetFromGrid("情况说明", paragraphs.map((text) => [text]), [])] };
}

function narrativeFindings(workbook: WorkbookSnapshot): string[] {
  return checkWorkbook(workbook, { families: [narrativeFamily] }).findings.map((f) => `${f.rule} ${f.sheet}!${f.cell} ${f.expected ?? ""}/${f.actual ?? ""}`);
}

describe("changeStatements", () => {
  it("reads the statements of the published text", () => {
    const [total] = changeStatements(TOTAL);
    expect(total).toMatchObject({ label: "预算共", direction: "down", rateDirection: "down" });
    expect([total!.amount.toString(), total!.change.toString(), total!.rate!.toString(), previousAmount(total!).toString()]).toEqual(["2.99", "0.11", "3.55", "3.1"]);
    expect(changeStatements(CARS).map((s) => [s.label, s.amount.toString(), s.rate?.toString()])).toEqual([["公务用车运行维护费", "0.99", "10"]]);
    expect(changeStatements(RUNNING).map((s) => [s.direction, previousAmount(s).toString(), s.rate?.toString()])).toEqual([["up", "123.18", "21.68"]]);
    expect(changeStatements("2024年收支预算16,028.22万元，较上年预算增加2,943.03万元，其中：").map((s) => [s.amount.toString(), s.change.toString(), s.rate])).toEqual([["16028.22", "2943.03", undefined]]);
  });

  it("reads full-width digits and keeps the clerk's punctuation in the quote", () => {
    const [statement] = changeStatements("经费 ５.００ 万元，比上年增加 １.００ 万元，增长 ２５.００％。");
    expect([statement!.amount.toString(), previousAmount(statement!).toString(), statement!.rate!.toString(), statement!.quote]).toEqual(["5", "4", "25", "经费５.００万元，比上年增加１.００万元，增长２５.００％"]);
  });

  it("finds nothing in prose without a comparison", () => {
    expect(changeStatements("2024 年政府采购预算 253.88 万元，其中：政府采购货物预算 12.89 万元。")).toEqual([]);
  });
});

describe("narrative/change-rate", () => {
  const sheetOf = (...texts: string[]): WorkbookSnapshot => ({ sheets: [sheetFromGrid("说明", texts.map((t) => [t]), [])] });

  it("accepts the published rates", () => expect(narrativeFindings(sheetOf(TOTAL, CARS, RUNNING))).toEqual([]));

  it("flags a rate that the amounts cannot give, with the rate they give", () => {
    expect(narrativeFindings(sheetOf(TOTAL.replace("3.55%", "4.55%")))).toEqual(["narrative/change-rate 说明!A1 3.55%/4.55%"]);
    expect(narrativeFindings(sheetOf(RUNNING.replace("21.68%", "21.78%")))).toEqual(["narrative/change-rate 说明!A1 21.68%/21.78%"]);
  });

  it("accepts a rate the rounded amounts allow: 0.11 of 3.10 may be anything from 3.38% to 3.72%", () => {
    expect(narrativeFindings(sheetOf(TOTAL.replace("3.55%", "3.45%")))).toEqual([]);
  });

  it("flags a rate whose word points the other way", () => {
    expect(narrativeFindings(sheetOf(RUNNING.replace("增长 21.68%", "下降 21.68%")))).toEqual(["narrative/change-rate 说明!A1 /"]);
  });

  it("a rate computed from the printed amounts is always accepted; one off by more than rounding allows is flagged", () => {
    const cents = fc.integer({ min: 1, max: 10_000_000 });
    fc.assert(
      fc.property(cents, cents, fc.boolean(), fc.integer({ min: 2, max: 500 }), (amountCents, changeCents, up, offBy) => {
        const amount = new Decimal(amountCents).div(100);
        const change = new Decimal(changeCents).div(100);
        const previous = up ? amount.minus(change) : amount.plus(change);
        fc.pre(previous.gt(0.05));
        const rate = change.div(previous).times(100).toDecimalPlaces(2);
        const text = (r: Decimal) => `经费 ${amount.toFixed(2)} 万元，比上年${up ? "增加" : "减少"} ${change.toFixed(2)} 万元，${up ? "增长" : "下降"} ${r.toFixed(2)}%。`;
        expect(narrativeFindings(sheetOf(text(rate)))).toEqual([]);
        const bounds = rateBounds(changeStatements(text(rate))[0]!)!;
        const wrong = bounds.high.plus(new Decimal(offBy).div(100)).toDecimalPlaces(2);
        expect(narrativeFindings(sheetOf(text(wrong)))).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });
});

describe("narrative/three-public-figures on the 聊城 budget", () => {
  let budget: WorkbookSnapshot;
  beforeAll(async () => {
    budget = await readFixture("liaocheng-2024-department-budget.xlsx");
  });

  it("the published 说明 agrees with the workbook's 三公 table (2.99 and 3.10; 0.99 and 1.10)", () => {
    expect(narrativeFindings(withExplanation(budget, [HEADING, TOTAL, CARS]))).toEqual([]);
  });

  it("a 说明 stating another total is flagged against the table, this year's and the implied last year's", () => {
    const changed = TOTAL.replace("2.99 万元，比上年减少 0.11", "2.89 万元，比上年减少 0.21").replace("3.55%", "6.77%");
    expect(narrativeFindings(withExplanation(budget, [HEADING, changed]))).toEqual(["narrative/three-public-figures 情况说明!A2 2.99/2.89"]);
    const lastYearOnly = TOTAL.replace("减少 0.11", "减少 0.31").replace("3.55%", "9.39%");
    expect(narrativeFindings(withExplanation(budget, [HEADING, lastYearOnly]))).toEqual(["narrative/three-public-figures 情况说明!A2 3.10/3.30"]);
  });

  it("an item's amount is compared with its own column", () => {
    expect(narrativeFindings(withExplanation(budget, [HEADING, CARS.replace("运行维护费 0.99 万元，比上年减少 0.11 万元，下降 10.00%", "运行维护费 1.09 万元，比上年减少 0.01 万元，下降 0.91%")]))).toEqual([
      "narrative/three-public-figures 情况说明!A2 0.99/1.09",
    ]);
  });

  it("a change statement about other money is not compared with the 三公 table", () => {
    expect(narrativeFindings(withExplanation(budget, [RUNNING]))).toEqual([]);
  });

  it("a whole 说明 pasted into one cell is read statement by statement", () => {
    expect(narrativeFindings(withExplanation(budget, [[HEADING, TOTAL, CARS, "三、机关运行经费情况", RUNNING].join("\n")]))).toEqual([]);
    const wrongRunning = [HEADING, TOTAL, CARS, RUNNING.replace("21.68%", "31.68%")].join("\n");
    expect(narrativeFindings(withExplanation(budget, [wrongRunning]))).toEqual(["narrative/change-rate 情况说明!A1 21.68%/31.68%"]);
  });
});

describe("self-evaluation/summary-narrative on the 历下 self-evaluations (RULES 3.6.13)", () => {
  let selfEvaluations: WorkbookSnapshot;
  beforeAll(async () => {
    selfEvaluations = await readFixture("lixia-2024-self-evaluation.xlsx");
  });
  const countFindings = (paragraph: string) =>
    checkWorkbook(withExplanation(selfEvaluations, [paragraph]), { families: [selfEvaluationFamily()] })
      .findings.filter((f) => f.rule === "self-evaluation/summary-narrative")
      .map((f) => `${f.sheet}!${f.cell} ${f.message.zh}`);

  it("reads the counts a 说明 states", () => {
    expect(gradeCounts("本次共对 4 个项目开展绩效自评，其中自评等级为优的项目 3 个、良 1 个。")).toEqual({ projects: 4, grades: { 优: 3, 良: 1 } });
    expect(gradeCounts("其中8个项目已完成")).toBeUndefined();
  });

  it("agrees with the summary as written (4 projects, all marked 优)", () => {
    expect(countFindings("本次共对 4 个项目开展绩效自评，自评结果为优秀 4 个。")).toEqual([]);
  });

  it("flags counts the summary does not show", () => {
    expect(countFindings("本次共对 5 个项目开展绩效自评，其中优 3 个、良 2 个。")).toEqual([
      "情况说明!A1 说明文字与自评汇总表不符：项目 5 个，汇总表为 4 个；“优” 3 个，汇总表为 4 个；“良” 2 个，汇总表为 0 个",
    ]);
  });
});

describe("self-evaluation/narrative-rate on the 历下 self-evaluations (RULES 3.6.13)", () => {
  let selfEvaluations: WorkbookSnapshot;
  beforeAll(async () => {
    selfEvaluations = await readFixture("lixia-2024-self-evaluation.xlsx");
  });
  const rateFindings = (workbook: WorkbookSnapshot) =>
    checkWorkbook(workbook, { families: [selfEvaluationFamily()] })
      .findings.filter((f) => f.rule === "self-evaluation/narrative-rate")
      .map((f) => `${f.sheet}!${f.cell} ${f.severity} ${f.expected}/${f.actual}`);
  const explained = (paragraph: string) => rateFindings(withExplanation(selfEvaluations, [paragraph]));

  /** The workbook with one cell's text replaced, as a clerk would type it into the form. */
  function withText(sheetName: string, row: number, col: number, text: string): WorkbookSnapshot {
    const sheets = selfEvaluations.sheets.map((sheet) => {
      if (sheet.name !== sheetName) return sheet;
      const rows = sheet.rows.map((cells) => (cells ? [...cells] : cells));
      rows[row - 1]![col - 1] = makeCell(text);
      return { ...sheet, rows };
    });
    return { ...selfEvaluations, sheets };
  }

  it("reads the rates a text states, with their precision and sentence", () => {
    const [first, second] = executionRateStatements("两馆免费开放项目预算执行率为 81.2%；全部项目整体执行率达９６％。");
    expect([first!.rate.toString(), first!.decimals, first!.sentence]).toEqual(["81.2", 1, "两馆免费开放项目预算执行率为81.2%"]);
    expect([second!.rate.toString(), second!.decimals, second!.sentence]).toEqual(["96", 0, "全部项目整体执行率达９６％"]);
  });

  it("agrees with the form a sentence names (两馆免费开放: 32.48 ÷ 40 = 81.20%), also rounded to fewer digits", () => {
    expect(explained("两馆免费开放项目全年预算执行率为 81.20%，政务大厅运行经费执行率达 96%。")).toEqual([]);
  });

  it("flags a rate the named form does not show, as information with the arithmetic", () => {
    expect(explained("两馆免费开放项目全年预算执行率为 82.10%。")).toEqual(["情况说明!A1 info 81.20%/82.10%"]);
    const message = checkWorkbook(withExplanation(selfEvaluations, ["两馆免费开放项目全年预算执行率为 82.10%。"]), { families: [selfEvaluationFamily()] })
      .findings.find((f) => f.rule === "self-evaluation/narrative-rate")!.message.zh;
    expect(message).toContain("全年执行数 32.48 ÷ 全年预算数 40.00");
  });

  it("reads an overall rate against all forms together (ΣB 2,040.97 ÷ ΣA 2,128.80 = 95.87%)", () => {
    expect(explained("4 个项目整体预算执行率为 95.87%。")).toEqual([]);
    expect(explained("4 个项目整体预算执行率为 97.50%。")).toEqual(["情况说明!A1 info 95.87%/97.50%"]);
  });

  it("leaves alone a sentence naming two projects, or none without 整体/总体, and a target (以上)", () => {
    expect(explained("两馆免费开放和文旅专项业务经费的执行率为 50%。")).toEqual([]);
    expect(explained("本单位预算执行率为 50%。")).toEqual([]);
    expect(explained("两馆免费开放项目预算执行率达到 95%以上。")).toEqual([]);
  });

  it("reads the form's own 目标实际完成情况 against that form (妇女儿童: 77.36 ÷ 80 = 96.70%)", () => {
    expect(rateFindings(withText("妇联-妇女儿童工作", 11, 6, "全年开展各类活动 32 次，预算执行率 96.7%。"))).toEqual([]);
    expect(rateFindings(withText("妇联-妇女儿童工作", 11, 6, "全年开展各类活动 32 次，预算执行率 100%。"))).toEqual(["妇联-妇女儿童工作!F11 info 96.70%/100.00%"]);
  });
});
