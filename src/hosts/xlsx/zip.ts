/**
 * The ZIP container of an .xlsx, read by us rather than a library, so that every limit is checked before
 * anything is allocated: the central directory is the only index (each local header must agree with it),
 * names resolve one way (no leading `/`, `./`, `..`, backslashes, duplicates in any letter case, or
 * Unicode-path extra fields that would let two readers see two different packages), entries may not
 * overlap, and a part inflates to no more than its declared size, within a total and a ratio.
 */
import { corruptError, errorDetail, tooLargeBytesError, tooManyError, unsafeError } from "./errors";

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  dataStart: number;
}

export interface ZipLimits {
  /** Sum of the declared (and enforced) inflated sizes of the parts read. */
  maxInflatedBytes: number;
  /** Inflated ÷ compressed above this, for parts over 1 MB inflated, is a zip bomb. */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxInflatedBytes: 256 * 1024 * 1024, maxRatio: 1000, maxEntries: 10_000 };

/** Inflates raw deflate data to at most `maxOutput` bytes (throws beyond). The CLI passes node:zlib's. */
export type InflateRawSync = (data: Uint8Array, maxOutput: number) => Uint8Array;

export class ZipPackage {
  private readonly entries = new Map<string, ZipEntry>();
  private inflatedTotal = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly limits: ZipLimits,
    private readonly inflateSync?: InflateRawSync,
  ) {
    readDirectory(bytes, limits, this.entries);
  }

  /** Part names are case-insensitive (OPC). */
  get(name: string): ZipEntry | undefined {
    return this.entries.get(name.toLowerCase());
  }

  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** The part's bytes, inflated; counted against the limits before and while inflating. */
  async read(entry: ZipEntry): Promise<Uint8Array> {
    const { limits } = this;
    if (this.inflatedTotal + entry.uncompressedSize > limits.maxInflatedBytes) throw tooLargeBytesError(limits.maxInflatedBytes);
    if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize / Math.max(1, entry.compressedSize) > limits.maxRatio) {
      // Excel's own files compress 5–50×; beyond 1000× it is a zip bomb.
      throw unsafeError(`zip: ${entry.name} inflates ${Math.round(entry.uncompressedSize / Math.max(1, entry.compressedSize))}×`);
    }
    this.inflatedTotal += entry.uncompressedSize;
    const data = this.bytes.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
    let out: Uint8Array;
    if (entry.method === 0) out = data;
    else if (this.inflateSync) {
      try {
        out = this.inflateSync(data, entry.uncompressedSize + 1);
      } catch (e) {
        if (/larger than|maxOutputLength|buffer/i.test(errorDetail(e))) throw corruptError(`${entry.name}: inflates past its declared size`);
        throw corruptError(`inflate ${entry.name}: ${errorDetail(e)}`);
      }
    } else out = await inflateStream(data, entry);
    // A part must be exactly as large as the directory says: a bigger one was built to get past the limits.
    if (out.length !== entry.uncompressedSize) throw corruptError(`${entry.name}: inflated ${out.length} bytes, declared ${entry.uncompressedSize}`);
    return out;
  }
}

/** DecompressionStream (Node ≥ 18 and browsers), stopped as soon as it passes the declared size. */
async function inflateStream(data: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const writing = (async () => {
    for (let i = 0; i < data.length; i += 1 << 20) await writer.write(data.slice(i, Math.min(data.length, i + (1 << 20))));
    await writer.close();
  })();
  writing.catch(() => undefined); // reported through the reader, or irrelevant after an early stop
  const out = new Uint8Array(entry.uncompressedSize);
  let size = 0;
  try {
    for (;;) {
      let result: ReadableStreamReadResult<Uint8Array>;
      try {
        result = await reader.read();
      } catch (e) {
        throw corruptError(`inflate ${entry.name}: ${errorDetail(e)}`);
      }
      if (result.done) break;
      if (size + result.value.length > out.length) throw corruptError(`${entry.name}: inflates past its declared size`);
      out.set(result.value, size);
      size += result.value.length;
    }
  } catch (e) {
    reader.cancel().catch(() => undefined);
    writer.abort().catch(() => undefined);
    throw e;
  }
  return size === out.length ? out : out.subarray(0, size);
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

function readDirectory(bytes: Uint8Array, limits: ZipLimits, entries: Map<string, ZipEntry>): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const len = bytes.length;
  let eocd = -1;
  for (let i = len - 22; i >= Math.max(0, len - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw corruptError("zip: end of central directory not found (truncated file?)");

  let count = view.getUint16(eocd + 10, true);
  let cdSize = view.getUint32(eocd + 12, true);
  let cdOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || view.getUint32(loc, true) !== 0x07064b50) throw corruptError("zip64: locator not found");
    const z64 = Number(view.getBigUint64(loc + 8, true));
    if (z64 + 56 > len || view.getUint32(z64, true) !== 0x06064b50) throw corruptError("zip64: end record not found");
    count = Number(view.getBigUint64(z64 + 32, true));
    cdSize = Number(view.getBigUint64(z64 + 40, true));
    cdOffset = Number(view.getBigUint64(z64 + 48, true));
  }
  if (cdOffset + cdSize > len) throw corruptError("zip: central directory outside the file");
  if (count > limits.maxEntries) throw tooManyError({ zh: "压缩包内的部件", en: "package parts" }, limits.maxEntries);

  const spans: [number, number, string][] = [];
  let declared = 0;
  let p = cdOffset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > len || view.getUint32(p, true) !== 0x02014b50) throw corruptError("zip: bad central directory entry");
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    let compressedSize = view.getUint32(p + 20, true);
    let uncompressedSize = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    let localHeaderOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLen + extraLen > len) throw corruptError("zip: central directory entry outside the file");
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    let name: string;
    try {
      name = UTF8.decode(nameBytes);
    } catch {
      throw unsafeError("zip: an entry name is not UTF-8");
    }
    let e = p + 46 + nameLen;
    const extraEnd = e + extraLen;
    while (e + 4 <= extraEnd) {
      const id = view.getUint16(e, true);
      const size = view.getUint16(e + 2, true);
      if (id === 0x7075) throw unsafeError(`zip: Unicode path extra field on ${name}`);
      if (id === 0x0001) {
        // ZIP64: only the fields that are 0xFFFFFFFF in the fixed part, in order.
        let q = e + 4;
        if (uncompressedSize === 0xffffffff && q + 8 <= e + 4 + size) (uncompressedSize = Number(view.getBigUint64(q, true))), (q += 8);
        if (compressedSize === 0xffffffff && q + 8 <= e + 4 + size) (compressedSize = Number(view.getBigUint64(q, true))), (q += 8);
        if (localHeaderOffset === 0xffffffff && q + 8 <= e + 4 + size) localHeaderOffset = Number(view.getBigUint64(q, true));
      }
      e += 4 + size;
    }
    p += 46 + nameLen + extraLen + commentLen;
    checkName(name);
    if (name.endsWith("/")) continue; // a folder entry
    if (flags & 1) throw corruptError(`zip: ${name} is zip-encrypted`);
    if (method !== 0 && method !== 8) throw corruptError(`zip: unsupported compression ${method} in ${name}`);
    if (method === 0 && compressedSize !== uncompressedSize) throw corruptError(`zip: stored ${name} with two sizes`);

    // The local header must name the same part: a reader that trusts local headers would see another package.
    const lh = localHeaderOffset;
    if (lh + 30 > len || view.getUint32(lh, true) !== 0x04034b50) throw corruptError(`zip: bad local header for ${name}`);
    const localNameLen = view.getUint16(lh + 26, true);
    const localExtraLen = view.getUint16(lh + 28, true);
    const localName = bytes.subarray(lh + 30, lh + 30 + localNameLen);
    if (localNameLen !== nameLen || !localName.every((b, i) => b === nameBytes[i])) throw unsafeError(`zip: local header names another part than ${name}`);
    const dataStart = lh + 30 + localNameLen + localExtraLen;
    if (dataStart + compressedSize > len) throw corruptError(`zip: data of ${name} runs past the end of the file`);

    const key = name.toLowerCase();
    if (entries.has(key)) throw unsafeError(`zip: two parts named ${name}`);
    declared += uncompressedSize;
    entries.set(key, { name, method, compressedSize, uncompressedSize, dataStart });
    spans.push([lh, dataStart + compressedSize, name]);
  }
  // Overlapping entries are how the smallest zip bombs reuse one compressed stream many times.
  spans.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) if (spans[i]![0] < spans[i - 1]![1]) throw unsafeError(`zip: ${spans[i]![2]} overlaps ${spans[i - 1]![2]}`);
  void declared;
}

/** One spelling per part: what Excel writes. */
function checkName(name: string): void {
  // eslint-disable-next-line no-control-regex
  if (name === "" || name.startsWith("/") || name.includes("\\") || /[\u0000-\u001f]/.test(name)) throw unsafeError(`zip: entry name ${JSON.stringify(name)}`);
  const segments = name.split("/");
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (s === "." || s === ".." || (s === "" && i < segments.length - 1)) throw unsafeError(`zip: entry name ${JSON.stringify(name)}`);
  }
}
