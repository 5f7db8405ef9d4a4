// Loading a rule pack from untrusted JSON: validate with the schema and, when it is wrong, say which
// field at which path is wrong, in Chinese and English, so that a bureau can fix its own pack.
import type { z } from "zod";
import type { Bilingual } from "../report/i18n";
import { RulePackSchema, type RulePack } from "./schema";

/** A pack that does not validate. `text` holds every problem, one per line, in both languages. */
export class RulePackError extends Error {
  readonly text: Bilingual;
  readonly problems: readonly { readonly path: string; readonly text: Bilingual }[];

  constructor(problems: readonly { readonly path: string; readonly text: Bilingual }[]) {
    const en = problems.map((problem) => `${problem.path}: ${problem.text.en}`).join("\n");
    super(en);
    this.name = "RulePackError";
    this.problems = problems;
    this.text = {
      zh: `规则包无效：\n${problems.map((problem) => `${problem.path}：${problem.text.zh}`).join("\n")}`,
      en: `Invalid rule pack:\n${en}`,
    };
  }
}

/** `thresholds.satisfactionMin`, `framework.level1[2].level2[0].name`. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(pack)" : out;
}

const ZH_MESSAGES: ReadonlyArray<[RegExp, (match: RegExpExecArray) => string]> = [
  [/^expected a number between 0 and 100$/, () => "应为 0 到 100 之间的数"],
  [/^expected a number ≥ 0$/, () => "应为不小于 0 的数"],
  [/^expected a fraction between 0 and 10/, () => "应为 0 到 10 之间的比例（0.1 即 10%）"],
  [/^expected a whole number ≥ 1$/, () => "应为不小于 1 的整数"],
  [/^expected one of (.*)$/, (match) => `应为以下之一：${match[1] ?? ""}`],
  [/^expected (.*) \(non-empty text\)$/, () => "应为非空文本"],
  [/^expected (.*) \(text\)$/, () => "应为文本"],
  [/^expected at least one 一级$/, () => "至少需要一个一级指标"],
  [/^expected at least one 二级$/, () => "至少需要一个二级指标"],
  [/^expected level1 or level2$/, () => "应指定 level1 或 level2"],
  [/^expected a 一级 of framework.level1, got "(.*)"$/, (match) => `“${match[1] ?? ""}”不是 framework.level1 中的一级指标`],
  [/^expected a 二级 of the framework, got "(.*)"$/, (match) => `“${match[1] ?? ""}”不是框架中的二级指标`],
  [/^expected a known 二级 role/, () => "应为已知的二级指标类型（economic-cost、quantity、quality、timeliness、satisfaction 等）"],
  [/^expected an id of lower-case letters/, () => "应为由小写字母、数字和连字符组成的标识"],
  [/^expected a rule id/, () => "应为规则标识，例如 indicators/taxonomy"],
  [/^expected off, error, warning or info$/, () => "应为 off、error、warning 或 info"],
  [/^expected true or false$/, () => "应为 true 或 false"],
];

function valueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = json;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function issueText(issue: z.core.$ZodIssue, json: unknown): Bilingual {
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.join(", ");
    return { zh: `未知字段：${keys}`, en: `unknown field(s): ${keys}` };
  }
  if (issue.code === "invalid_type" && valueAt(json, issue.path) === undefined) {
    return { zh: "缺少必填字段", en: "required field is missing" };
  }
  for (const [pattern, zh] of ZH_MESSAGES) {
    const match = pattern.exec(issue.message);
    if (match !== null) return { zh: zh(match), en: issue.message };
  }
  return { zh: `取值无效（${issue.message}）`, en: issue.message };
}

/** Validates a pack written as JSON. Throws RulePackError naming each bad field and its path. */
export function loadRulePack(json: unknown): RulePack {
  const parsed = RulePackSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new RulePackError(parsed.error.issues.map((issue) => ({ path: issuePath(issue.path), text: issueText(issue, json) })));
}
