// Draws the add-in icons (assets/icon-16.png … icon-80.png): a green rounded square with a white
// check mark. Pure Node (zlib for the PNG deflate stream): no image files, no network.
//
//   node scripts/make-icons.mjs            write assets/icon-{16,32,64,80}.png
//   node scripts/make-icons.mjs --check    exit 1 if a committed icon differs from what this draws
import { deflateSync } from "node:zlib";
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ASSETS = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
const SIZES = [16, 32, 64, 80];

const GREEN_TOP = [0x21, 0x9a, 0x52]; // lighter at the top …
const GREEN_BOTTOM = [0x10, 0x7c, 0x41]; // … Excel-like green at the bottom
const WHITE = [0xff, 0xff, 0xff];
const SUPERSAMPLE = 8; // 8×8 samples per pixel for anti-aliased edges

/** Signed distance from (x, y) to a rounded rectangle centred at (cx, cy); negative inside. */
function roundedRectDistance(x, y, cx, cy, halfW, halfH, r) {
  const qx = Math.abs(x - cx) - (halfW - r);
  const qy = Math.abs(y - cy) - (halfH - r);
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  return Math.hypot(ox, oy) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance from (x, y) to the segment a–b. */
function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** RGBA pixels of one icon, drawn in a unit square and scaled to `size`. */
function draw(size) {
  // Geometry in units of the icon's side (0..1). A 1/16 margin (none at 16 px, to keep the edges crisp).
  const margin = size <= 16 ? 0 : 1 / 16;
  const half = 0.5 - margin;
  const radius = 0.2;
  const stroke = size <= 16 ? 2.1 / 16 : size <= 32 ? 3.4 / 32 : 0.1; // check-mark line width
  const check = [
    [0.27, 0.52],
    [0.43, 0.68],
    [0.74, 0.34],
  ];

  const px = new Uint8Array(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      let inSquare = 0;
      let inCheck = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (pxl + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (roundedRectDistance(x, y, 0.5, 0.5, half, half, radius) <= 0) {
            inSquare++;
            const d = Math.min(segmentDistance(x, y, check[0], check[1]), segmentDistance(x, y, check[1], check[2]));
            if (d <= stroke / 2) inCheck++;
          }
        }
      }
      const alpha = inSquare / (n * n);
      const i = (py * size + pxl) * 4;
      if (alpha === 0) continue; // transparent corner
      const t = (py + 0.5) / size;
      const green = GREEN_TOP.map((c, k) => c + (GREEN_BOTTOM[k] - c) * t);
      const w = inCheck / inSquare; // share of the covered area that is white
      for (let k = 0; k < 3; k++) px[i + k] = Math.round(green[k] * (1 - w) + WHITE[k] * w);
      px[i + 3] = Math.round(alpha * 255);
    }
  }
  return px;
}

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "ascii");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An 8-bit RGBA, non-interlaced PNG. */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const checkOnly = process.argv.includes("--check");
mkdirSync(ASSETS, { recursive: true });
let stale = 0;
for (const size of SIZES) {
  const file = join(ASSETS, `icon-${size}.png`);
  const png = encodePng(size, draw(size));
  if (checkOnly) {
    if (!existsSync(file) || !readFileSync(file).equals(png)) {
      console.error(`stale: ${file} (run node scripts/make-icons.mjs)`);
      stale++;
    }
  } else {
    writeFileSync(file, png);
    console.log(`${file}  ${png.length} bytes`);
  }
}
if (stale) process.exit(1);
