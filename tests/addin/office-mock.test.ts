// The adapter's selection step against Microsoft's office-addin-mock: the calls Excel receives and
// the single sync. (Load/sync semantics are covered by the simulated host, which enforces them.)
import { OfficeMockObject } from "office-addin-mock";
import { createExcelHost, type ExcelBatchRunner } from "../../src/excel/excel-host";

it("activates the finding's sheet and selects its cell in one batch", async () => {
  const received: string[] = [];
  const excelMock = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          getItem(name: string) {
            return {
              activate: () => received.push(`activate ${name}`),
              getRange: (address: string) => ({ select: () => received.push(`select ${name}!${address}`) }),
            };
          },
        },
      },
    },
    async run(batch: (context: unknown) => Promise<unknown>) {
      return batch((this as unknown as { context: unknown }).context);
    },
  }) as unknown as { context: { sync: () => Promise<void> }; run: ExcelBatchRunner };
  const realSync = excelMock.context.sync.bind(excelMock.context);
  let syncs = 0;
  excelMock.context.sync = async () => {
    syncs += 1;
    await realSync();
  };
  await createExcelHost((batch) => excelMock.run(batch)).selectCell("项目(1-5)", "E84");
  expect(received).toEqual(["activate 项目(1-5)", "select 项目(1-5)!E84"]);
  expect(syncs).toBe(1);
});
