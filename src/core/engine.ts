// The engine's one entry point: snapshot in, tables and findings out. Every door (pane, harness,
// command line) calls this and nothing else of the core's checking machinery.
import Decimal from "decimal.js";
import { detectTables } from "./detect/detect";
import type { DetectedTable } from "./detect/types";
import type { RulePack } from "./packs";
import type { Finding, NotChecked, TableSummary } from "./report/finding";
import type { Severity } from "./report/vocabulary";
import { readAmount, type AmountReading } from "./rules/amounts";
import { formatAmount } from "./rules/format";
import { numberAsText, numberAsTextMessage } from "./rules/number-as-text";
import { RULE_FAMILIES } from "./rules/registry";
import { mergeSlips } from "./report/slips";
import type { FindingInput, NotCheckedInput, RuleContext, RuleFamily, RuleMeta, RuleSettings, SlipRelation } from "./rules/rule";
import { DEFAULT_SETTINGS } from "./rules/tolerance";
import { cellAddress, parseCellAddress, rangeAddress } from "./workbook/address";
import { SheetView } from "./workbook/sheet-view";
import type { WorkbookSnapshot } from "./workbook/snapshot";
import { keepShape } from "./shapes";

/** What a rule pack may change about the rules: switch off, or change severity, by rule id. */
export interface RuleOverrides {
  readonly off?: readonly string[];
  readonly severity?: Readonly<Record<string, Severity>>;
}

export interface CheckOptions {
  /** A rule pack chosen by the user; when absent, packs are chosen per table automatically. */
  readonly pack?: RulePack;
  readonly overrides?: RuleOverrides;
  readonly settings?: Partial<RuleSettings>;
  /** Rule families to run instead of the registry's (tests run one family at a time). */
  readonly families?: readonly RuleFamily[];
}

export interface CheckResult {
  readonly tables: readonly DetectedTable[];
  readonly findings: readonly Finding[];
  readonly notChecked: readonly NotChecked[];
}

export function checkWorkbook(workbook: WorkbookSnapshot, options: CheckOptions = {}): CheckResult {
  const run = new CheckRun(workbook, options);
  for (const family of options.families ?? RULE_FAMILIES) {
    try {
      family.check(run);
    } catch (error) {
      // One family failing on odd input must not take the rest of the check with it.
      const detail = error instanceof Error ? error.message : String(error);
      run.notCheckedItems.push({
        rule: family.name,
        sheet: "",
        reason: { zh: `规则组“${family.name}”未能完成：${detail}`, en: `rule family "${family.name}" could not finish: ${detail}` },
      });
    }
  }
  return { tables: run.tables, findings: orderAndNumber(mergeSlips(run.findings, run.relations), workbook), notChecked: run.notCheckedItems };
}

/**
 * One check: the views, the detected tables and what the rules report. A class, so that its methods
 * are the same functions in every check: code that calls them stays compiled from one check to the
 * next, where closures made per check would be new functions each time.
 */
class CheckRun implements RuleContext {
  readonly tables: readonly DetectedTable[];
  readonly settings: RuleSettings;
  readonly pack: RulePack | undefined;
  readonly findings: Finding[] = [];
  readonly notCheckedItems: NotChecked[] = [];
  readonly relations = new Map<number, SlipRelation>();
  /** One view per sheet for detection and every rule: folded label texts are computed once. */
  private readonly views: (SheetView | undefined)[] = [];
  private readonly off: ReadonlySet<string>;
  private readonly severityOverride: Readonly<Record<string, Severity>>;
  private readonly seen = new Set<string>();
  /** Amount readings of this check, cached on each sheet's view by the master cell. */
  private readonly readingsKey = {};

  constructor(
    readonly workbook: WorkbookSnapshot,
    options: CheckOptions,
  ) {
    const fromPack = options.pack ? packAdjustments(options.pack) : undefined;
    this.off = new Set([...(fromPack?.overrides.off ?? []), ...(options.overrides?.off ?? [])]);
    this.severityOverride = { ...fromPack?.overrides.severity, ...options.overrides?.severity };
    this.settings = { ...DEFAULT_SETTINGS, ...fromPack?.settings, ...options.settings };
    this.pack = options.pack;
    this.tables = detectTables(workbook, (sheetIndex) => this.view(sheetIndex));
  }

  view(sheetIndex: number): SheetView {
    return (this.views[sheetIndex] ??= new SheetView(this.workbook.sheets[sheetIndex]));
  }

  report(rule: RuleMeta, input: FindingInput): void {
    if (this.off.has(rule.id)) return;
    // One missing value per cell, whichever rule noticed it first; otherwise one finding per rule and message.
    const key = rule.category === "missing-value" ? `missing|${input.sheet}|${input.cell}` : `${rule.id}|${input.sheet}|${input.cell}|${input.message.en}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const severity = this.severityOverride[rule.id] ?? input.severity ?? rule.severity;
    if (input.relation) this.relations.set(this.findings.length, input.relation);
    this.findings.push({
      id: "",
      rule: rule.id,
      category: rule.category,
      severity: input.severity === "info" && !this.severityOverride[rule.id] ? "info" : severity,
      sheet: input.sheet,
      cell: input.cell,
      ...(input.range ? { range: input.range } : {}),
      ...(input.cells && input.cells.length > 0 ? { cells: [...input.cells] } : {}),
      ...(input.tableId ? { tableId: input.tableId } : {}),
      message: input.message,
      ...(input.expected !== undefined ? { expected: input.expected } : {}),
      ...(input.actual !== undefined ? { actual: input.actual } : {}),
    });
  }

  amount(table: DetectedTable, row: number, col: number): AmountReading {
    // A cell is read once per check, however many sums it takes part in (key: sheet, master cell).
    const sheetView = this.view(table.sheetIndex);
    const merge = sheetView.mergeAt(row, col);
    const masterRow = merge ? merge.top : row;
    const masterCol = merge ? merge.left : col;
    const at = sheetView.storeIndex(masterRow, masterCol);
    if (at < 0) return readAmount(sheetView.raw(masterRow, masterCol)); // not stored: an empty cell
    const readings = sheetView.cellMemo<AmountReading>(this.readingsKey);
    let reading = readings[at];
    if (reading !== undefined) return reading;
    const cell = sheetView.raw(masterRow, masterCol);
    reading = readings[at] = readAmount(cell);
    if (reading.kind === "number" && reading.typedAsText) {
      this.report(numberAsText, {
        sheet: table.sheet,
        cell: cellAddress(masterRow, masterCol),
        tableId: table.id,
        message: numberAsTextMessage(String(cell.value), formatAmount(reading.value)),
      });
    }
    return reading;
  }

  cents(table: DetectedTable, row: number, col: number): number | undefined {
    const fast = this.view(table.sheetIndex).centsAt(row, col);
    if (fast !== undefined) return fast;
    const reading = this.amount(table, row, col);
    return reading.kind === "number" ? reading.cents : reading.kind === "empty" ? 0 : undefined;
  }

  notChecked(rule: RuleMeta, item: NotCheckedInput): void {
    if (!this.off.has(rule.id)) this.notCheckedItems.push({ rule: rule.id, ...item });
  }
}

/** What a rule pack changes for every rule: rules off, severities, and the tolerance of RULES 3.0. */
function packAdjustments(pack: RulePack): { overrides: RuleOverrides; settings: Partial<RuleSettings> } {
  const off: string[] = [];
  const severity: Record<string, Severity> = {};
  for (const [ruleId, setting] of Object.entries(pack.rules)) {
    if (setting === "off") off.push(ruleId);
    else severity[ruleId] = setting;
  }
  return {
    overrides: { off, severity },
    settings: {
      silentTolerance: new Decimal(pack.thresholds.toleranceWanYuan),
      roundingPerPart: new Decimal(pack.thresholds.roundingPerPartWanYuan),
      roundingCap: new Decimal(pack.thresholds.roundingCapWanYuan),
    },
  };
}

/** Sorts findings by sheet order, then row and column, and gives each a stable id. */
function orderAndNumber(findings: Finding[], workbook: WorkbookSnapshot): Finding[] {
  const sheetOrder = new Map(workbook.sheets.map((s, i) => [s.name, i]));
  const position = (f: Finding) => {
    try {
      return parseCellAddress(f.cell);
    } catch {
      return { row: 0, col: 0 };
    }
  };
  return findings
    .map((f, index) => ({ f, index, at: position(f) }))
    .sort(
      (a, b) =>
        (sheetOrder.get(a.f.sheet) ?? 0) - (sheetOrder.get(b.f.sheet) ?? 0) || a.at.row - b.at.row || a.at.col - b.at.col || a.index - b.index,
    )
    .map(({ f }, i) => ({ ...f, id: `F${String(i + 1).padStart(4, "0")}` }));
}

export function summariseTable(table: DetectedTable): TableSummary {
  return { id: table.id, sheet: table.sheet, range: rangeAddress(table.range), kind: table.kind, title: table.title };
}

keepShape(new CheckRun({ sheets: [] }, {}));
