// The engine's whole output (tables, findings and not-checked items, messages included) on every
// fixture workbook and on a small generated benchmark workbook, as one JSON document. The guard test
// compares it with tests/engine/golden/engine-output.json, which scripts/write-golden.ts writes from a
// chosen commit; the test itself never writes it.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { BASE_SHAPE, generateWorkbook } from "../../bench/generate";
import { checkWorkbook, summariseTable, type CheckResult } from "../../src/core/engine";
import { makeCell, type WorkbookSnapshot } from "../../src/core/workbook/snapshot";
import { readWorkbook } from "../../src/io/xlsx-reader";

const ROOT = path.resolve(__dirname, "..", "..");
export const GOLDEN_FILE = path.join(ROOT, "tests", "engine", "golden", "engine-output.json");

/** The folders whose workbooks the guard covers, relative to the repository. */
const FOLDERS = [
  "../shared/fixtures",
  "tests/fixtures/other-regions",
  "tests/fixtures/budget-blind",
  "tests/fixtures/budget-blind-2",
  "tests/fixtures/budget-blind-3",
  "tests/fixtures/budget-blind-4",
  "tests/fixtures/forms-blind",
  "tests/fixtures/forms-blind-2",
  "tests/fixtures/blind-5",
  "tests/fixtures/blind-6",
  "tests/fixtures/blind-7",
  "tests/fixtures/blind-8",
  "tests/fixtures/blind-9",
  "tests/fixtures/blind-10",
  "tests/fixtures/blind-11",
  "tests/fixtures/blind-12",
  "tests/fixtures/blind-13",
  "tests/fixtures/blind-14",
  "tests/fixtures/blind-15",
  "tests/fixtures/blind-16",
];

function outputOf(result: CheckResult): unknown {
  return { tables: result.tables.map(summariseTable), findings: result.findings, notChecked: result.notChecked };
}

export async function engineOutput(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const folder of FOLDERS) {
    const dir = path.resolve(ROOT, folder);
    for (const file of readdirSync(dir).filter((f) => f.endsWith(".xlsx")).sort()) {
      const snapshot = await readWorkbook(readFileSync(path.join(dir, file)));
      out[`${folder}/${file}`] = outputOf(checkWorkbook(snapshot));
    }
  }
  // A small benchmark workbook, clean and with slips sown through it (in full the output would be
  // large: the counts and a digest).
  const shape = { ...BASE_SHAPE, projectForms: 40, budgetTables: 2, subjectRowsPerBudget: 600 };
  for (const [name, workbook] of [
    ["bench/generate (40 forms, 2 budget tables)", generateWorkbook(shape)],
    ["bench/generate with slips", withSlips(generateWorkbook(shape))],
  ] as const) {
    const result = checkWorkbook(workbook);
    out[name] = {
      tables: result.tables.length,
      findings: result.findings.length,
      notChecked: result.notChecked.length,
      sha256: createHash("sha256").update(JSON.stringify(outputOf(result))).digest("hex"),
    };
  }
  return out;
}

/** Every 53rd number off by a little, every 89th a number typed as text, every 71st text changed. */
function withSlips(workbook: WorkbookSnapshot): WorkbookSnapshot {
  let n = 0;
  const words = ["", "无", "/", "12.5", "≥ 90", "#REF!", "合计", "项目名称"];
  return {
    sheets: workbook.sheets.map((sheet) => ({
      ...sheet,
      rows: sheet.rows.map((row) =>
        row?.map((cell) => {
          if (!cell) return cell;
          n++;
          if (cell.type === "number" && n % 53 === 0) return makeCell((cell.value as number) + (n % 2 ? 0.01 : 3.5));
          if (cell.type === "number" && n % 89 === 0) return makeCell(String(cell.value));
          if (cell.type === "string" && n % 71 === 0) return makeCell(words[n % words.length] || `${String(cell.value)}  `);
          return cell;
        }),
      ),
    })),
  };
}
