// Packages whose zip headers state a part's uncompressed size other than it is: a zip bomb states
// gigabytes in a few KB, a forged one states a few bytes for a part that inflates far past them.
import ExcelJS from "exceljs";
import JSZip from "jszip";

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;

/** The package with `part`'s uncompressed size restated as `size` in its local header and in the central directory. */
export function withStatedSize(bytes: Uint8Array, part: string, size: number): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  const name = new TextEncoder().encode(part);
  const nameAt = (at: number, length: number) => length === name.length && name.every((b, i) => out[at + i] === b);
  let restated = 0;
  for (let i = 0; i + 46 <= out.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === LOCAL_HEADER && nameAt(i + 30, view.getUint16(i + 26, true))) {
      view.setUint32(i + 22, size, true);
      restated++;
    } else if (signature === CENTRAL_HEADER && nameAt(i + 46, view.getUint16(i + 28, true))) {
      view.setUint32(i + 24, size, true);
      restated++;
    }
  }
  if (restated !== 2) throw new Error(`${part}: found ${restated} of its 2 headers`);
  return out;
}

/** A small workbook (one sheet, texts in A1:A`rows`) written as a package with its sizes in its headers. */
export async function smallWorkbook(rows = 3, text = (row: number) => `第${row}行说明`): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("说明");
  for (let r = 1; r <= rows; r++) sheet.getCell(r, 1).value = text(r);
  // Written again by jszip, which puts each size in the headers rather than after the data.
  const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}
