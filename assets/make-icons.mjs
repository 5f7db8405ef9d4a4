// Draws the add-in's icons (a green sheet with a white check mark) as PNGs, with Node's zlib only.
// Run: node assets/make-icons.mjs
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SIZES = [16, 32, 64, 80, 128];
const SHEET_GREEN = [0x21, 0x73, 0x46];
const WHITE = [0xff, 0xff, 0xff];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size, pixel) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", Buffer.alloc(0))]);
}

/** Coverage (0..1) of a pixel by a shape, from 4×4 samples, for smooth edges. */
function coverage(x, y, inside) {
  let hits = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) hits++;
  return hits / 16;
}
function distanceToSegment(px, py, ax, ay, bx, by) {
  const t = Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
}

function icon(size) {
  const s = size;
  const radius = s * 0.18;
  const inSheet = (x, y) => {
    const cx = Math.min(Math.max(x, radius), s - radius);
    const cy = Math.min(Math.max(y, radius), s - radius);
    return Math.hypot(x - cx, y - cy) <= radius;
  };
  const stroke = Math.max(1.2, s * 0.11);
  const inCheck = (x, y) =>
    distanceToSegment(x, y, s * 0.24, s * 0.52, s * 0.43, s * 0.71) <= stroke / 2 ||
    distanceToSegment(x, y, s * 0.43, s * 0.71, s * 0.78, s * 0.3) <= stroke / 2;
  return png(s, (x, y) => {
    const sheet = coverage(x, y, inSheet);
    const check = coverage(x, y, (u, v) => inSheet(u, v) && inCheck(u, v));
    const rgb = SHEET_GREEN.map((c, i) => Math.round(c * (1 - check) + WHITE[i] * check));
    return [...rgb, Math.round(sheet * 255)];
  });
}

const folder = dirname(fileURLToPath(import.meta.url));
for (const size of SIZES) writeFileSync(join(folder, `icon-${size}.png`), icon(size));
