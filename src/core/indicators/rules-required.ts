// Required indicators (RULES 1.7, from the pack's requirements) and the fixed 投入管理 rows of the
// department template (RULES 1.3).
import { frameworkOf, normaliseIndicatorName } from "./framework";
import type { IndicatorRule } from "./rule";
import { parseIndicatorValue } from "./value-grammar";

export const requiredIndicatorsRule: IndicatorRule = {
  meta: {
    id: "indicators/required",
    category: "indicator-missing",
    defaultSeverity: "error",
    description: { zh: "规则包要求的指标类别必须填写", en: "indicator categories the pack requires must be present" },
    messages: {
      missing: { zh: "{description}（规则包 {pack} 要求至少 {minRows} 行）", en: "{description} (pack {pack} requires at least {minRows} row(s))" },
    },
  },
  check({ block, report, notChecked }) {
    if (block.rows.length === 0) return;
    const framework = frameworkOf(block.pack);
    const anchor = block.rows[0]?.input.level1?.cell ?? block.rows[0]?.input.level3?.cell ?? block.rows[0]?.input.value?.cell ?? "";
    // A category missing altogether is one finding: its 一级 is reported, not again each 二级 under it.
    const missingLevel1 = new Set(
      block.pack.requirements
        .filter((requirement) => requirement.level1 !== undefined && requirement.level2 === undefined)
        .map((requirement) => requirement.level1!)
        .filter((name) => !block.rows.some((row) => row.pair.level1?.name === name)),
    );
    for (const requirement of block.pack.requirements) {
      const level2 = requirement.level2 === undefined ? undefined : framework.findLevel2ByName(requirement.level2);
      if (requirement.level1 === undefined && level2 !== undefined && missingLevel1.has(level2.parent.name)) continue;
      const matching = block.rows.filter((row) => {
        if (requirement.level1 !== undefined && row.pair.level1?.name !== requirement.level1) return false;
        if (level2 !== undefined && row.pair.level2 !== level2) return false;
        // A row laid out under the category but left empty counts as present: its empty cells are
        // reported one by one as missing values, which says more than "category missing".
        if (row.name === "" && row.value === undefined) return true;
        // A target whose formula was never calculated may well be the amount the pack asks for.
        if (row.input.valueUncalculated) return true;
        if (requirement.valueFamily !== undefined && row.value?.unitFamily !== requirement.valueFamily) {
          // A number written without its unit (4019.73) is a cost row whose unit is missing: that is
          // reported on the value itself, not again as a missing category.
          const numberWithoutUnit = row.value?.value !== undefined && (row.value.unitFamily === undefined || row.value.unitFamily === "unknown");
          if (!numberWithoutUnit) return false;
        }
        return true;
      });
      if (matching.length >= requirement.minRows) continue;
      // A 二级 the framework does not know, under the 一级 the missing category belongs to, may be that
      // category misnamed (数据指标 for 数量指标): the name is reported by the taxonomy rule, and whether
      // the category is missing is not known.
      const unknownSibling = level2 === undefined ? undefined : block.rows.find((row) => row.pair.status === "unknown-level2" && row.pair.level1 === level2.parent && row.level2 !== null);
      if (unknownSibling?.level2) {
        notChecked(
          {
            zh: `${requirement.description.zh}：二级指标“${unknownSibling.level2.text.trim()}”（${unknownSibling.level2.cell}）不是规定名称，可能即是所缺类别，未按缺少核对`,
            en: `${requirement.description.en}: the 二级 “${unknownSibling.level2.text.trim()}” (${unknownSibling.level2.cell}) is not a framework name and may be the missing category, so it was not reported as missing`,
          },
          unknownSibling.level2.cell,
        );
        continue;
      }
      report({
        messageId: "missing",
        cell: anchor,
        severity: requirement.severity,
        data: { description: requirement.description, pack: block.pack.id, minRows: requirement.minRows },
        expected: `≥${requirement.minRows}`,
        actual: String(matching.length),
      });
    }
  },
};

export const fixedRowsRule: IndicatorRule = {
  meta: {
    id: "indicators/fixed-rows",
    category: "indicator-missing",
    defaultSeverity: "warning",
    description: {
      zh: "部门整体绩效目标表须含投入管理指标的固定行及其标准目标值",
      en: "the department form must hold the fixed 投入管理 rows with their standard targets",
    },
    messages: {
      missingRow: { zh: "缺少固定指标“{level2} / {level3}”（标准目标值 {target}）", en: "fixed indicator “{level2} / {level3}” (standard target {target}) is missing" },
      changedTarget: {
        zh: "固定指标“{level3}”的目标值为 {actual}，标准为 {target}",
        en: "fixed indicator “{level3}” has target {actual}; the standard is {target}",
      },
    },
  },
  check({ block, report }) {
    const fixed = block.pack.fixedRows;
    if (fixed === undefined || block.rows.length === 0) return;
    const anchor = block.rows[0]?.input.level1?.cell ?? block.rows[0]?.input.level3?.cell ?? "";
    for (const expected of fixed.rows) {
      const names = [expected.level3, ...expected.aliases].map(normaliseIndicatorName);
      const row = block.rows.find((candidate) => names.includes(normaliseIndicatorName(candidate.name)));
      if (row === undefined) {
        report({ messageId: "missingRow", cell: anchor, severity: fixed.missingSeverity, data: { level2: expected.level2, level3: expected.level3, target: expected.target }, expected: `${expected.level3} ${expected.target}` });
        continue;
      }
      const target = parseIndicatorValue(expected.target);
      const actual = row.value;
      if (actual === undefined) continue; // an empty target is the missing-value rule's finding
      // `=100%` and `100%` are the same target (RULES 1.3: up to operator spelling).
      const sameOperator = (actual.operator ?? "=") === (target.operator ?? "=");
      const sameNumber = target.value === undefined ? actual.normalised === target.normalised : actual.value !== undefined && actual.value.equals(target.value) && actual.unit === target.unit;
      if (sameOperator && sameNumber) continue;
      report({
        messageId: "changedTarget",
        cell: row.input.value?.cell ?? anchor,
        severity: fixed.changedTargetSeverity,
        data: { level3: expected.level3, target: expected.target, actual: actual.text.trim() },
        expected: expected.target,
        actual: actual.text.trim(),
      });
    }
  },
};
