// Workbooks the harness makes in the page instead of opening a file (harness.html?workbook=NAME):
// the benchmark's generated workbook, to time the pane's own path on it, and one whose check
// yields thousands of findings, for the list. Nothing large is kept in the repository or served.
// The generators are imported on demand, so the harness's own bundle does not carry them.
import type { WorkbookSnapshot } from "../core/workbook/snapshot";
import { simulatedWorkbookFrom } from "./load-workbook";
import type { SimulatedWorkbook } from "./simulated-workbook";

/** Slips in the many-findings workbook: each is one finding. */
export const MANY_FINDINGS_SLIPS = 5000;

export const GENERATED_WORKBOOKS = {
  bench: {
    fileName: { zh: "基准工作簿（生成）", en: "Benchmark workbook (generated)" },
    snapshot: async (): Promise<WorkbookSnapshot> => {
      const { BASE_SHAPE, generateWorkbook, scaled } = await import("../../bench/generate");
      return generateWorkbook(scaled(BASE_SHAPE, 1));
    },
  },
  "many-findings": {
    fileName: { zh: `${MANY_FINDINGS_SLIPS} 处错误的预算表（生成）`, en: `Budget tables with ${MANY_FINDINGS_SLIPS} slips (generated)` },
    snapshot: async (): Promise<WorkbookSnapshot> => {
      const { generateSlippedWorkbook } = await import("../../bench/many-findings");
      return generateSlippedWorkbook(MANY_FINDINGS_SLIPS);
    },
  },
} as const;

export type GeneratedWorkbookName = keyof typeof GENERATED_WORKBOOKS;

export function isGeneratedWorkbookName(name: string | null): name is GeneratedWorkbookName {
  return name !== null && Object.prototype.hasOwnProperty.call(GENERATED_WORKBOOKS, name);
}

export async function generatedWorkbook(name: GeneratedWorkbookName): Promise<SimulatedWorkbook> {
  return simulatedWorkbookFrom(await GENERATED_WORKBOOKS[name].snapshot());
}
