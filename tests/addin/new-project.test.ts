// The pane's 新建项目 steps without a browser: which fields the schema and the form reject, and that
// a valid draft is planned against the workbook as it is at submit time and inserted once.
import type { Edit } from "../../src/core/edits";
import { createProject, emptyDraft, validateDraft, type NewProjectDraft } from "../../src/taskpane/new-project";

const VALID: NewProjectDraft = {
  ...emptyDraft(new Date(2025, 5, 1)),
  projectName: "社区图书室图书购置",
  department: "区文化和旅游局",
  implementingUnit: "区图书馆",
  fiscal: "12.5",
  carryOver: "",
  other: "0",
};

describe("validating the 新建项目 form", () => {
  it("proposes the coming year and accepts a complete draft", () => {
    expect(VALID.year).toBe("2026");
    expect(validateDraft(VALID)).toEqual({});
  });

  it.each<[Partial<NewProjectDraft>, string[]]>([
    [{ year: "26" }, ["year"]],
    [{ year: "2101" }, ["year"]],
    [{ fiscal: "-1" }, ["fiscal"]],
    [{ carryOver: "abc" }, ["carryOver"]],
    [{ other: "1.005" }, ["other"]],
    [{ indicatorRows: "0" }, ["indicatorRows"]],
    [{ indicatorRows: "2.5" }, ["indicatorRows"]],
    [{ projectName: "  " }, ["projectName"]],
    [{ department: "" }, ["department"]],
  ])("marks %j on exactly the fields %j", (change, fields) => {
    expect(Object.keys(validateDraft({ ...VALID, ...change })).sort()).toEqual(fields);
  });

  it("does not ask a department form for a project name or project funds", () => {
    expect(validateDraft({ ...VALID, kind: "department-performance-target", projectName: "", fiscal: "x" })).toEqual({});
  });
});

describe("creating the project", () => {
  it("reads the workbook, plans a unique sheet and inserts its edits with the first input selected", async () => {
    const inserted: { edits: readonly Edit[]; select: { sheet: string; cell: string } }[] = [];
    const outcome = await createProject(VALID, {
      readContext: async () => ({ sheetNames: ["项目绩效目标-社区图书室图书购置"], templateCount: 1 }),
      insert: async (edits, select) => void inserted.push({ edits, select }),
    });
    expect(outcome).toEqual({ kind: "inserted", sheet: "项目绩效目标-社区图书室图书购置 (2)", cell: "B3" });
    expect(inserted).toHaveLength(1);
    expect(inserted[0].edits[0]).toEqual({ op: "addSheet", sheet: "项目绩效目标-社区图书室图书购置 (2)" });
    expect(inserted[0].edits).toContainEqual({ op: "setValue", sheet: "项目绩效目标-社区图书室图书购置 (2)", cell: "C6", value: 12.5 });
  });

  it("neither reads nor writes the workbook when a field is wrong", async () => {
    const readContext = jest.fn();
    const insert = jest.fn();
    const outcome = await createProject({ ...VALID, year: "x" }, { readContext, insert });
    expect(outcome.kind).toBe("invalid");
    expect(readContext).not.toHaveBeenCalled();
    expect(insert).not.toHaveBeenCalled();
  });
});
