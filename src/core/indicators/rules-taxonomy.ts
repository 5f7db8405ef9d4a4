// Taxonomy rules (RULES 1.2, 1.6, 1.7): 一级/二级 names against the pack's framework, and 三级
// indicators whose own words contradict the 二级 they sit under.
import { BAD_EVENT_WORDS, groupName, type AnalysedRow, type IndicatorRule } from "./rule";

/** A run of rows with the same (一级, 二级) is reported once, at its first row. */
function firstOfGroup(rows: readonly AnalysedRow[], index: number): boolean {
  const row = rows[index];
  const previous = rows[index - 1];
  if (row === undefined) return false;
  return previous === undefined || previous.level1 !== row.level1 || previous.level2 !== row.level2;
}

export const taxonomyRule: IndicatorRule = {
  meta: {
    id: "indicators/taxonomy",
    category: "indicator-taxonomy",
    defaultSeverity: "warning",
    description: { zh: "一级/二级指标名称须属于所选指标体系", en: "一级/二级 names must belong to the pack's indicator framework" },
    messages: {
      wrongLevel1: {
        zh: "二级指标“{level2}”属于一级指标“{expected}”，却填在“{level1}”下",
        en: "二级 “{level2}” belongs under 一级 “{expected}” but sits under “{level1}”",
      },
      level1AsLevel2: {
        zh: "“{level2}”在规则包“{pack}”中是一级指标，不应作为“{level1}”的二级指标",
        en: "“{level2}” is a 一级 in pack {pack}, not a 二级 under “{level1}”",
      },
      level2AsLevel1: {
        zh: "“{level1}”在规则包“{pack}”中是“{parent}”的二级指标，不应作为一级指标",
        en: "“{level1}” is a 二级 of “{parent}” in pack {pack}, not a 一级",
      },
      unknownLevel1: { zh: "一级指标“{level1}”不在指标体系（{pack}）中", en: "一级 “{level1}” is not in the framework of pack {pack}" },
      unknownLevel2: {
        zh: "二级指标“{level2}”不在一级指标“{level1}”的允许范围内（{pack}）",
        en: "二级 “{level2}” is not an allowed 二级 of “{level1}” in pack {pack}",
      },
    },
  },
  check({ block, report }) {
    const pack = block.pack.id;
    block.rows.forEach((row, index) => {
      if (!firstOfGroup(block.rows, index)) return;
      const level1 = row.level1?.text.trim() ?? "";
      const level2 = row.level2?.text.trim() ?? "";
      const level1Cell = row.level1?.cell ?? row.input.level3?.cell ?? "";
      const level2Cell = row.level2?.cell ?? level1Cell;
      switch (row.pair.status) {
        case "wrong-level1":
          report({ messageId: "wrongLevel1", cell: level2Cell, data: { level1, level2, expected: row.pair.expectedLevel1?.name ?? "" }, expected: row.pair.expectedLevel1?.name, actual: level1 });
          break;
        case "level1-as-level2":
          report({ messageId: "level1AsLevel2", cell: level2Cell, severity: "error", data: { level1, level2, pack } });
          break;
        case "level2-as-level1": {
          // A shifted row (RULES 1.6) puts the 二级 in the 一级 column and 三级 text in the 二级 column:
          // that is layout, not taxonomy. A real second-level name beside it means the other framework.
          const besideIsIndicatorName = /指标$/.test(level2.replace(/\s/g, "")) && level2 !== level1;
          if (besideIsIndicatorName) {
            report({ messageId: "level2AsLevel1", cell: level1Cell, severity: "error", data: { level1, parent: row.pair.level2?.parent.name ?? "", pack } });
          }
          break;
        }
        case "unknown-level1":
          report({ messageId: "unknownLevel1", cell: level1Cell, data: { level1, pack } });
          break;
        case "unknown-level2":
          report({ messageId: "unknownLevel2", cell: level2Cell, data: { level1, level2, pack } });
          break;
        default:
          break;
      }
    });
  },
};

const TIMELINESS_WORDS = /及时|按时|准时|时效|时限|进度|完成时间|办结时间|响应时间|周期/;

export const misplacedIndicatorRule: IndicatorRule = {
  meta: {
    id: "indicators/misplaced",
    category: "indicator-taxonomy",
    defaultSeverity: "warning",
    description: {
      zh: "三级指标的含义与所在二级指标不符（如及时率填在质量指标下）",
      en: "a 三级 indicator whose meaning contradicts its 二级 (e.g. a 及时率 under 质量指标)",
    },
    messages: {
      timelinessUnderQuality: { zh: "“{name}”是时效类指标，却填在{group}下", en: "“{name}” measures timeliness but sits under {group}" },
      quantityUnderTimeliness: {
        zh: "“{name} {value}”是数量/规模值，却填在{group}下",
        en: "“{name} {value}” is an amount or size, not a deadline or rate, yet sits under {group}",
      },
      satisfactionOutside: {
        zh: "满意度指标“{name}”填在{group}下，应放在满意度指标中",
        en: "satisfaction indicator “{name}” sits under {group}; it belongs under 满意度指标",
      },
      benefitAsCost: {
        zh: "社会成本指标“{name} {value}”描述的是效益而非成本",
        en: "社会成本 row “{name} {value}” states a benefit, not a cost",
      },
    },
  },
  check({ block, report }) {
    // RULES 1.7 (001 非遗): a satisfaction row elsewhere matters when the 满意度 block itself is empty.
    const satisfactionBlockFilled = block.rows.some(
      (row) => (row.level1Role === "satisfaction" || row.level2Role === "satisfaction") && (row.name !== "" || row.value !== undefined),
    );
    for (const row of block.rows) {
      const cell = row.input.level3?.cell ?? row.input.value?.cell;
      if (cell === undefined || row.name === "") continue;
      const value = row.value?.text.trim() ?? "";
      const data = { name: row.name, group: groupName(row), value };
      if (row.level2Role === "quality" && TIMELINESS_WORDS.test(row.name) && !/质量|合格|准确/.test(row.name)) {
        report({ messageId: "timelinessUnderQuality", cell, data });
      } else if (row.level2Role === "timeliness" && (row.value?.unitFamily === "physical" || (row.value?.unitFamily === "money" && !row.value.unitReading?.currencyMissing))) {
        report({ messageId: "quantityUnderTimeliness", cell, data });
      } else if (
        !satisfactionBlockFilled &&
        row.name.includes("满意") &&
        row.level1Role !== "satisfaction" &&
        row.level2Role !== "satisfaction" &&
        (row.level1Role === "benefit" || row.level1Role === "output" || row.level1Role === "cost")
      ) {
        report({ messageId: "satisfactionOutside", cell, data });
      } else if (
        row.level2Role === "social-cost" &&
        !BAD_EVENT_WORDS.test(row.name) &&
        (/^(保障|提升|提高|促进|改善|增强|确保)/.test(row.name) || (row.value?.form === "qualitative" && row.value.qualitativeKind === "direction"))
      ) {
        report({ messageId: "benefitAsCost", cell, data });
      }
    }
  },
};
