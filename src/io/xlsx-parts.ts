// Reads a part of an .xlsx package (a zip entry) through saxes, the XML parser exceljs uses, one
// decompressed chunk at a time: no part is ever held whole, as bytes or as text, and its bytes are
// counted against a limit as they come (a package can state a small size and inflate to gigabytes).
import type JSZip from "jszip";
import { SaxesParser, type SaxesTagPlain } from "saxes";

export type XmlTag = SaxesTagPlain;

/** What a pass over a part does with its events; `finished` ends the pass (exceljs stops at the root's end tag). */
export interface XmlPass {
  open(tag: XmlTag): void;
  text(text: string): void;
  close(name: string): void;
  readonly finished: boolean;
}

const MB = 1024 * 1024;

/**
 * The sizes past which a workbook is refused. A budget workbook is a few MB as a whole, with some
 * thousands to a few tens of thousands of filled cells; its shared-strings part rarely reaches 2 MB
 * and a sheet part 20 MB. Each limit is far above that and keeps a worker's memory and time bounded:
 * - Shared strings are all kept while the sheets are read (up to about 2 bytes of memory for a byte
 *   of part, with many short texts): 128 MB bounds them to some 256 MB. The benchmark's hostile
 *   workbook with a 50 MB part is read.
 * - A worksheet part is streamed and only its non-empty cells are kept: its size costs time (about
 *   10 s per 100 MB of dense cells on this machine), not memory; 256 MB bounds that time.
 * - Non-empty cells are what the snapshot and the checks hold (a number cell is some 60 bytes of
 *   snapshot, a check takes some 0.5 KB a cell, more for long texts): 2,000,000 bound the snapshot to
 *   about 120 MB and a check to about 1 GB; the benchmark's largest workbook has 1,162,584.
 */
export interface ReadLimits {
  readonly sharedStringsBytes: number;
  readonly worksheetBytes: number;
  readonly cells: number;
}

export const READ_LIMITS: ReadLimits = { sharedStringsBytes: 128 * MB, worksheetBytes: 256 * MB, cells: 2_000_000 };

/** Thrown when a part turns out larger than its limit while it is read. */
export class PartTooLargeError extends Error {
  constructor(readonly part: string, readonly bytes: number) {
    super(`${part} is larger than its limit (${bytes} bytes read)`);
  }
}

/** Megabytes for a message, rounded up so that a part just past a limit never shows the limit itself. */
export function megabytes(bytes: number): number {
  return Math.ceil(bytes / MB);
}

/** The part's uncompressed size as the zip's central directory states it (before anything is inflated). */
export function declaredSize(entry: JSZip.JSZipObject): number {
  // jszip keeps it on the entry's compressed data; an entry added in memory holds its bytes or text.
  const data = (entry as unknown as { _data?: { uncompressedSize?: number; byteLength?: number; length?: number } })._data;
  return data?.uncompressedSize ?? data?.byteLength ?? data?.length ?? 0;
}

interface ChunkStream {
  on(event: "data", handler: (chunk: Uint8Array) => void): ChunkStream;
  on(event: "end", handler: () => void): ChunkStream;
  on(event: "error", handler: (error: Error) => void): ChunkStream;
  resume(): ChunkStream;
  pause(): ChunkStream;
}

/**
 * Runs `pass` over the part's XML. Like exceljs: the text is UTF-8 (a byte-order mark is left to
 * saxes, which skips it), events after the pass has finished are not looked at, and an unclosed
 * root is no error of its own (exceljs never closes its parser; the pass sees what there was).
 */
export function parsePart(entry: JSZip.JSZipObject, pass: XmlPass, maxBytes = Infinity): Promise<void> {
  return new Promise((resolve, reject) => {
    const parser = new SaxesParser();
    let failure: Error | undefined;
    parser.on("error", (error) => (failure ??= error));
    parser.on("opentag", (tag) => pass.finished || pass.open(tag));
    parser.on("text", (text) => pass.finished || pass.text(text));
    parser.on("closetag", (tag) => pass.finished || pass.close(tag.name));
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    // internalStream is jszip's documented chunk stream; its typings leave it out.
    const stream = (entry as unknown as { internalStream(type: "uint8array"): ChunkStream }).internalStream("uint8array");
    let bytes = 0;
    let settled = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      if (error === undefined) resolve();
      else {
        stream.pause();
        reject(error);
      }
    };
    const feed = (text: string) => {
      try {
        parser.write(text);
      } catch (error) {
        failure ??= error as Error;
      }
      // exceljs fails on an error anywhere in a chunk it has begun, even past the root's end tag.
      if (failure) settle(failure);
      else if (pass.finished) settle();
    };
    stream.on("data", (chunk) => {
      if (settled) return;
      bytes += chunk.length;
      if (bytes > maxBytes) settle(new PartTooLargeError(entry.name, bytes));
      else feed(decoder.decode(chunk, { stream: true }));
    });
    stream.on("error", (error) => settle(error));
    stream.on("end", () => {
      if (settled) return;
      feed(decoder.decode());
      settle();
    });
    stream.resume();
  });
}
