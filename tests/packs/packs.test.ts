import {
  BUILTIN_PACKS,
  choosePack,
  DEPT_OVERALL_JINAN,
  loadRulePack,
  PROJECT_COST_FIRST,
  RulePackError,
} from "../../src/core/packs";

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function loadError(json: unknown): RulePackError {
  try {
    loadRulePack(json);
  } catch (error) {
    if (error instanceof RulePackError) return error;
    throw error;
  }
  throw new Error("the pack loaded although it is malformed");
}

describe("shipped rule packs", () => {
  it("ships the four packs of RULES section 1", () => {
    expect(BUILTIN_PACKS.map((pack) => pack.id).sort()).toEqual(["dept-overall-jinan", "project-cost-first", "project-legacy", "self-eval"]);
  });

  it("the department pack holds the 16 fixed 投入管理 rows with their standard targets", () => {
    const rows = DEPT_OVERALL_JINAN.fixedRows?.rows ?? [];
    expect(rows).toHaveLength(16);
    expect(rows.find((row) => row.level3 === "政府采购执行率")?.target).toBe("≥95%");
  });

  it("fills defaults for thresholds a pack leaves out", () => {
    expect(PROJECT_COST_FIRST.thresholds.satisfactionMin).toBe(80);
    expect(PROJECT_COST_FIRST.thresholds.perUnitRatioMax).toBe(0.1);
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests spoil arbitrary JSON on purpose
type LooseJson = Record<string, any>;

describe("loadRulePack on malformed packs", () => {
  const cases: Array<[string, (pack: LooseJson) => void, string, string]> = [
    ["satisfaction threshold out of range", (pack) => (pack.thresholds = { satisfactionMin: 120 }), "thresholds.satisfactionMin: expected a number between 0 and 100", "0 到 100"],
    ["satisfaction threshold as text", (pack) => (pack.thresholds = { satisfactionMin: "90%" }), "thresholds.satisfactionMin: expected a number between 0 and 100", "0 到 100"],
    ["unknown 二级 role", (pack) => (pack.framework.level1[1].level2[0].role = "amount"), "framework.level1[1].level2[0].role: expected a known 二级 role", "二级指标类型"],
    ["bad severity override", (pack) => (pack.rules = { "indicators/taxonomy": "fatal" }), 'rules.indicators/taxonomy: expected off, error, warning or info', "off、error"],
    ["requirement naming a 二级 not in the framework", (pack) => (pack.requirements[4].level2 = "数量"), 'requirements[4].level2: expected a 二级 of the framework, got "数量"', "不是框架中的二级指标"],
    ["missing name", (pack) => delete pack.name, "name: required field is missing", "缺少必填字段"],
    ["unknown field", (pack) => (pack.threshold = {}), "(pack): unknown field(s): threshold", "未知字段"],
    ["an unknown reading of the county special funds", (pack) => (pack.department = { specialFundsTotal: "all" }), "department.specialFundsTotal: expected project-expenditure or fiscal-appropriation", "department.specialFundsTotal"],
  ];
  it.each(cases)("%s: the message names the field and its path", (_title, spoil, en, zh) => {
    const json = clone(PROJECT_COST_FIRST) as LooseJson;
    spoil(json);
    const error = loadError(json);
    expect(error.message).toContain(en);
    expect(error.text.en).toContain(en);
    expect(error.text.zh).toContain(zh);
  });

  it("accepts a pack that switches a rule off and lowers a threshold", () => {
    const json = clone(PROJECT_COST_FIRST) as LooseJson;
    json.rules = { "indicators/satisfaction-threshold": "off", "indicators/taxonomy": "info" };
    json.thresholds = { satisfactionMin: 85 };
    const pack = loadRulePack(json);
    expect(pack.rules["indicators/taxonomy"]).toBe("info");
    expect(pack.thresholds.satisfactionMin).toBe(85);
    expect(pack.thresholds.toleranceWanYuan).toBe(0.01);
  });
});

describe("choosePack (RULES 1.5)", () => {
  const pairs = (list: Array<[string | null, string | null]>) => list.map(([level1, level2]) => ({ level1, level2 }));
  const cases: Array<[string, Parameters<typeof choosePack>[0], string, boolean]> = [
    ["成本指标 as a 一级", { indicatorPairs: pairs([["成本指标", "经济成本指标"], ["产出指标", "数量指标"]]) }, "project-cost-first", true],
    ["成本指标 wrapped across lines", { indicatorPairs: pairs([["成本\n指标", "经济成本指\n标"]]) }, "project-cost-first", true],
    ["成本指标 under 产出指标", { indicatorPairs: pairs([["产出指标", "数量指标"], ["产出指标", "成本指标"]]) }, "project-legacy", true],
    ["投入管理指标 block", { indicatorPairs: pairs([["投入管理指标", "预算配置"]]) }, "dept-overall-jinan", true],
    [
      "self-evaluation headers",
      { indicatorPairs: pairs([["成本指标", "经济成本指标"]]), headers: ["一级指标", "年度指标值", "实际完成指标值", "分值", "得分"] },
      "self-eval",
      true,
    ],
    ["nothing decides", { indicatorPairs: pairs([["产出指标", "数量指标"]]) }, "project-cost-first", false],
  ];
  it.each(cases)("%s → %s", (_title, evidence, id, detected) => {
    const choice = choosePack(evidence);
    expect(choice.pack.id).toBe(id);
    expect(choice.detected).toBe(detected);
  });

  it("falls back to the user's default", () => {
    const legacy = BUILTIN_PACKS.find((pack) => pack.id === "project-legacy");
    expect(choosePack({ indicatorPairs: [] }, { defaultPack: legacy }).pack.id).toBe("project-legacy");
  });
});
