// The adapter's selection step against Microsoft's office-addin-mock: the calls Excel receives, the
// run options and the two syncs (visibility first, then activate and select). (Load/sync semantics are covered by the simulated host, which enforces them.)
import { OfficeMockObject } from "office-addin-mock";
import { createExcelHost, type ExcelBatchRunner } from "../../src/excel/excel-host";

it("checks the sheet is visible, then activates it and selects the cell, in one batch that waits for cell edit", async () => {
  const received: string[] = [];
  const options: unknown[] = [];
  const excelMock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          getItem(name: string) {
            return {
              load: (properties: string) => received.push(`load ${name} ${properties}`),
              visibility: "Visible",
              activate: () => received.push(`activate ${name}`),
              getRange: (address: string) => ({ select: () => received.push(`select ${name}!${address}`) }),
            };
          },
        },
      },
    },
    async run(_options: unknown, batch: (context: unknown) => Promise<unknown>) {
      return batch((this as unknown as { context: unknown }).context);
    },
  }) as unknown as { context: { sync: () => Promise<void> }; run: ExcelBatchRunner };
  const realSync = excelMock.context.sync.bind(excelMock.context);
  let syncs = 0;
  excelMock.context.sync = async () => {
    syncs += 1;
    await realSync();
  };
  const outcome = await createExcelHost((runOptions, batch) => {
    options.push(runOptions);
    return excelMock.run(runOptions, batch);
  }).selectCell("项目(1-5)", "E84");
  expect(outcome).toEqual({ kind: "selected" });
  expect(received).toEqual(["load 项目(1-5) visibility", "activate 项目(1-5)", "select 项目(1-5)!E84"]);
  expect(options).toEqual([{ delayForCellEdit: true }]);
  expect(syncs).toBe(2);
});
