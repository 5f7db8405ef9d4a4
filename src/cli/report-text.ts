// Text output of `check`, for people: grouped by sheet and table, Chinese by default.
import type { FileReport } from "./check-files";
import { pick, type Lang } from "../core/report/i18n";
import { TABLE_KIND_NAMES } from "../core/report/vocabulary";

const SEVERITY_LABEL: Record<string, { zh: string; en: string }> = {
  error: { zh: "错误", en: "error" },
  warning: { zh: "警告", en: "warning" },
  info: { zh: "提示", en: "info" },
};

export function renderText(reports: readonly FileReport[], lang: Lang): string {
  const lines: string[] = [];
  const t = (zh: string, en: string) => (lang === "en" ? en : zh);
  for (const report of reports) {
    lines.push(`== ${report.file}`);
    if (report.error) {
      lines.push(`  ${t("无法读取", "cannot read")}: ${report.error.message}`);
      continue;
    }
    if (report.tables.length === 0) lines.push(`  ${t("未发现预算或绩效表格", "no budget or performance table found")}`);
    const sheets = [...new Set(report.tables.map((tb) => tb.sheet))];
    for (const sheet of sheets) {
      lines.push(`  [${sheet}]`);
      for (const table of report.tables.filter((tb) => tb.sheet === sheet)) {
        const own = report.findings.filter((f) => f.tableId === table.id);
        lines.push(`    ${table.range}  ${pick(TABLE_KIND_NAMES[table.kind], lang)}  «${table.title}»  (${own.length} ${t("条", "findings")})`);
        for (const finding of own) {
          lines.push(`      ${finding.cell.padEnd(6)} ${pick(SEVERITY_LABEL[finding.severity], lang)}  ${finding.message}`);
        }
      }
    }
    const loose = report.findings.filter((f) => !f.tableId || !report.tables.some((tb) => tb.id === f.tableId));
    for (const finding of loose) {
      lines.push(`  ${finding.sheet}!${finding.cell} ${pick(SEVERITY_LABEL[finding.severity], lang)}  ${finding.message}`);
    }
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of report.findings) counts[f.severity]++;
    lines.push(
      `  ${t("表格", "tables")} ${report.tables.length}, ${t("错误", "errors")} ${counts.error}, ${t("警告", "warnings")} ${counts.warning}, ${t("提示", "info")} ${counts.info}`,
    );
    if ((report.accepted ?? []).length > 0) {
      lines.push(`  ${t("已接受（不计入）", "accepted (not counted)")}: ${report.accepted!.length}`);
      for (const f of report.accepted!) lines.push(`    ${f.sheet}!${f.cell} ${pick(SEVERITY_LABEL[f.severity], lang)}  ${f.message}  ${t("理由", "reason")}: ${f.reason}`);
    }
    if ((report.staleMarks ?? []).length > 0) {
      lines.push(`  ${t("已失效的接受标记", "stale marks")}: ${report.staleMarks!.length}`);
      for (const m of report.staleMarks!) {
        const why = m.why === "changed" ? t("内容已改动，问题重新计入", "changed since, counted again") : t("问题已不存在", "finding gone");
        lines.push(`    ${m.sheet}!${m.cell} ${m.rule}  ${why}  ${t("理由", "reason")}: ${m.reason}`);
      }
    }
    if (report.notChecked.length > 0) {
      lines.push(`  ${t("未能检查", "not checked")}: ${report.notChecked.length}`);
      for (const item of report.notChecked.slice(0, 20)) lines.push(`    ${item.sheet}${item.cell ? "!" + item.cell : ""} ${item.reason}`);
    }
  }
  return lines.join("\n") + "\n";
}
