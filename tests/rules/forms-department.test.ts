// department/*: the 部门（单位）整体支出绩效目标申报表 (RULES 3.5 department, P7, P15).
import Decimal from "decimal.js";
import fc from "fast-check";
import { checkWorkbook } from "../../src/core/engine";
import { DEPT_OVERALL_JINAN, loadRulePack } from "../../src/core/packs";
import { departmentFamily } from "../../src/core/rules/department";
import { cents, expenditureSummary } from "./budget-builders";
import { departmentSheet, run, workbookOf, type DepartmentSpec } from "./forms-builders";

const base = (): DepartmentSpec => ({
  name: "济南市历下区民政局",
  contact: "西希",
  phone: "88151213",
  establishment: 36,
  inPost: 36,
  controlTarget: "≤100%",
  basic: 1263.27,
  project: 20670,
  fiscal: 21933.27,
  other: 0,
  operating: 0,
  specificPurpose: 20670,
  local: 20670,
  transfer: 0,
  tasks: [
    [20000, 20000, 0],
    [507, 500, 7],
  ],
  taskTotal: [20507, 20500, 7],
});

function check(spec: DepartmentSpec, family = departmentFamily()) {
  const layout = departmentSheet("部门", spec);
  const findings = run(workbookOf(layout.sheet), family).findings.filter((f) => f.rule.startsWith("department/"));
  return { cells: layout.cells, findings, at: findings.map((f) => `${f.rule}@${f.cell}:${f.severity}`) };
}

describe("department form", () => {
  it("a consistent form gives no finding", () => {
    expect(check(base()).findings).toEqual([]);
  });

  it.each<[string, Partial<DepartmentSpec>]>([
    ["a mobile phone number", { phone: "13912345678" }],
    ["a phone with area code", { phone: "0531-86568760" }],
    ["staff below the establishment", { inPost: 30 }],
    ["staff above the establishment without a ≤100% target", { inPost: 40, controlTarget: "≤110%" }],
    ["a tasks total below 项目支出", { tasks: [[100, 100, 0]], taskTotal: [100, 100, 0] }],
  ])("no finding for %s", (_, change) => {
    expect(check({ ...base(), ...change }).findings).toEqual([]);
  });

  it.each<[string, Partial<DepartmentSpec>, (c: ReturnType<typeof departmentSheet>["cells"]) => string[]]>([
    ["基本+项目 ≠ 财政拨款+其他资金, 其他资金 the gap", { other: 327.89 }, (c) => [`department/type-vs-source@${c.other}:error`]],
    ["基本+项目 ≠ 财政拨款+其他资金, no part the gap", { fiscal: 21000 }, (c) => [`department/type-vs-source@${c.fiscal}:error`]],
    ["运转类+特定目标类 equal to the department total instead of 项目支出", { operating: 21933.27, specificPurpose: 0 }, (c) => [`department/project-by-nature@${c.operating}:error`]],
    ["本级安排+上级转移支付 equal to neither 项目支出 nor 财政拨款", { local: 21000 }, (c) => [`department/special-funds@${c.local}:error`]],
    ["项目支出 itself off: the total is blamed", { project: 20000 }, (c) => [`department/type-vs-source@${c.fiscal}:error`, `department/project-by-nature@${c.project}:error`, `department/special-funds@${c.project}:error`, `department/task-within-project@${c.taskTotal[0]}:warning`]],
    ["a task row whose 预算资金 ≠ 财政拨款+其他资金", { tasks: [[20000, 20000, 0], [517, 500, 7]], taskTotal: [20517, 20500, 7] }, (c) => [`department/task-composition@${c.taskRow(1)[0]}:error`]],
    // One slip (the 合计's 财政拨款), one finding: the 合计 row's own 预算资金 = 财政拨款 + 其他资金 is its corroboration.
    ["a tasks 合计 ≠ Σ rows", { taskTotal: [20507, 20400, 7] }, (c) => [`department/task-total@${c.taskTotal[1]}:error`]],
    ["tasks above 项目支出", { tasks: [[21000, 21000, 0]], taskTotal: [21000, 21000, 0] }, (c) => [`department/task-within-project@${c.taskTotal[0]}:warning`]],
    ["在职 > 编制 under 在职人员控制率 ≤100%", { inPost: 40 }, (c) => [`department/staff-over-establishment@${c.inPostCurrent}:warning`]],
    ["a malformed phone", { phone: "8815-12" }, (c) => [`department/contact@${c.phone}:warning`]],
    ["no contact", { contact: null }, () => ["department/contact@B4:warning"]],
  ])("reports %s", (_, change, expected) => {
    const { cells, at } = check({ ...base(), ...change });
    expect(at.sort()).toEqual(expected(cells).sort());
  });

  describe("区（县）级财政专项资金: the reading the forms satisfy (RULES open question 2)", () => {
    const specialFunds = (findings: readonly { rule: string; cell: string; message: { zh: string } }[]) => findings.filter((f) => f.rule === "department/special-funds");
    const workbook = (...specs: DepartmentSpec[]) => {
      const layouts = specs.map((spec, index) => departmentSheet(`部门${index + 1}`, spec));
      return { layouts, findings: specialFunds(checkWorkbook(workbookOf(...layouts.map((l) => l.sheet)), { families: [departmentFamily()] }).findings) };
    };

    it("a lone form meeting either reading gives no finding (= 项目支出, = 财政拨款)", () => {
      expect(workbook(base()).findings).toEqual([]);
      expect(workbook({ ...base(), local: 21933.27 }).findings).toEqual([]);
    });
    it("a form meeting neither reading names both readings tried", () => {
      const { findings } = workbook({ ...base(), local: 21000 });
      expect(findings.map((f) => f.cell)).toEqual(["G13"]);
      expect(findings[0]!.message.zh).toContain("按项目支出、财政拨款两种口径均不成立");
    });
    it("a form is held to the reading its sibling forms show when they agree", () => {
      const sibling: DepartmentSpec = { ...base(), name: "济南市历下区教育和体育局" };
      const { findings } = workbook(sibling, sibling, { ...base(), local: 21933.27 });
      expect(findings.map((f) => f.cell)).toEqual(["G13"]);
      expect(findings[0]!.message.zh).toContain("本工作簿其他部门表按项目支出口径填列");
    });
    it("siblings that disagree settle nothing: each form meeting a reading is consistent", () => {
      expect(workbook(base(), { ...base(), local: 21933.27 }).findings).toEqual([]);
    });
    it("a reading fixed in code or by a pack is the one checked", () => {
      const family = departmentFamily({ specialFundsTotal: "fiscal-appropriation" });
      expect(check({ ...base(), local: 21933.27 }, family).findings).toEqual([]);
      expect(check(base(), family).at).toEqual(["department/special-funds@G13:error"]);
      const pack = loadRulePack({ ...JSON.parse(JSON.stringify(DEPT_OVERALL_JINAN)), department: { specialFundsTotal: "project-expenditure" } });
      const layout = departmentSheet("部门", { ...base(), local: 21933.27 });
      const withPack = checkWorkbook(workbookOf(layout.sheet), { families: [departmentFamily()], pack }).findings.filter((f) => f.rule === "department/special-funds");
      expect(withPack.map((f) => f.cell)).toEqual(["G13"]);
    });
  });

  it("states the arithmetic in the message", () => {
    const { findings } = check({ ...base(), operating: 21933.27, specificPurpose: 0 });
    expect(findings[0].message.zh).toBe("运转类支出 21,933.27 + 特定目标类支出 0.00 = 21,933.27，应等于项目支出 20,670.00，相差 1,263.27");
  });

  const cents = fc.integer({ min: 0, max: 100_000_000 }).map((c) => new Decimal(c).div(100));
  it("property: consistent 预算情况 gives no finding; moving 特定目标类 by more than 0.01 gives one error at it", () => {
    fc.assert(
      fc.property(cents, cents, cents, cents, fc.integer({ min: 2, max: 1_000_000 }), (basic, operating, specific, other, shiftCents) => {
        const project = operating.plus(specific);
        const spec: DepartmentSpec = {
          ...base(),
          basic: basic.toNumber(),
          project: project.toNumber(),
          fiscal: basic.plus(project).minus(other).toNumber(),
          other: other.toNumber(),
          operating: operating.toNumber(),
          specificPurpose: specific.toNumber(),
          local: project.toNumber(),
          transfer: 0,
          tasks: [[project.toNumber(), project.minus(other).toNumber(), other.toNumber()]],
          taskTotal: [project.toNumber(), project.minus(other).toNumber(), other.toNumber()],
        };
        fc.pre(basic.plus(project).gte(other));
        expect(check(spec).findings).toEqual([]);
        const moved = specific.plus(new Decimal(shiftCents).div(100));
        const { at, cells } = check({ ...spec, specificPurpose: moved.toNumber() });
        const blamed = moved.gt(operating) ? cells.specificPurpose : cells.operating;
        expect(at).toEqual([`department/project-by-nature@${blamed}:error`]);
      }),
      { numRuns: 60 },
    );
  });
});

describe("department/truncated-task", () => {
  const taskFindings = (texts: string[]) => {
    const layout = departmentSheet("部门", { ...base(), taskTexts: texts });
    const found = run(workbookOf(layout.sheet), departmentFamily()).findings.filter((f) => f.rule === "department/truncated-task");
    return { layout, found: found.map((f) => `${f.cell} ${f.category} ${f.severity}`) };
  };
  it("leaves whole task texts alone", () => expect(taskFindings(["全面加强教师队伍建设", "加强教育宣传力度"]).found).toEqual([]));
  it("flags a task text cut mid-word or on a comma, on its cell", () => {
    const { layout, found } = taskFindings(["全面加强教师队伍建", "健全学生资助工作体系，"]);
    const [first] = layout.cells.taskRow(0);
    const [second] = layout.cells.taskRow(1);
    const row = (address: string) => address.replace(/^[A-Z]+/, "");
    expect(found).toEqual([`C${row(first)} truncated-text warning`, `C${row(second)} truncated-text warning`]);
  });
});

describe("department/against-budget-tables (P12)", () => {
  const lines = [{ lei: "208", name: "社会保障和就业支出", values: [21933.27, 1263.27, 20670] }];
  const withSummary = (basic: number, project: number) => {
    const layout = departmentSheet("部门", base());
    const summary = expenditureSummary([cents(basic + project), basic, project], lines.map((l) => ({ ...l, values: [cents(basic + project), basic, project] })));
    const findings = run(workbookOf(layout.sheet, ...summary.sheets), departmentFamily()).findings.filter((f) => f.rule === "department/against-budget-tables");
    return { layout, findings };
  };

  it("agrees when the form's 基本支出 and 项目支出 are the summary's 合计 row", () => {
    expect(withSummary(1263.27, 20670).findings).toEqual([]);
  });

  it("flags the form's figure that differs from the summary, on the form's cell", () => {
    const { layout, findings } = withSummary(1263.27, 20600);
    expect(findings.map((f) => `${f.cell} ${f.severity} ${f.expected}/${f.actual}`)).toEqual([`${layout.cells.project} warning 20600.00/20670.00`]);
  });

  it("compares nothing when the workbook holds several departments' forms", () => {
    const summary = expenditureSummary([21863.27, 1263.27, 20600], [{ lei: "208", name: "社会保障和就业支出", values: [21863.27, 1263.27, 20600] }]);
    const sheets = [departmentSheet("部门甲", base()).sheet, departmentSheet("部门乙", base()).sheet, ...summary.sheets];
    expect(run(workbookOf(...sheets), departmentFamily()).findings.filter((f) => f.rule === "department/against-budget-tables")).toEqual([]);
  });
});
