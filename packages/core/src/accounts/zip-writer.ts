// A small streaming ZIP writer (PKWARE APPNOTE 6.3, no ZIP64): enough for a data export, which is
// a few JSON and CSV files plus images. Each entry is compressed whole, so only one entry is in
// memory at a time, and its sizes and CRC go in the local header (no data descriptors).
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { crc32, deflateRaw } from 'node:zlib';

const deflate = promisify(deflateRaw);

export interface ZipEntry {
  /** Path inside the archive with forward slashes, e.g. `images/a.png`; stored as UTF-8. */
  name: string;
  data: Uint8Array | string;
  /** Default: when the entry is written. */
  modified?: Date;
}

/** Without ZIP64, sizes and offsets are 32-bit and the entry count 16-bit. */
const maxBytes = 0xffff_ffff;
const maxEntries = 0xffff;

const flagUtf8Names = 1 << 11;
const versionNeeded = 20; // 2.0: deflate
const versionMadeBy = (3 << 8) | versionNeeded; // 3 = Unix, so the external attributes are Unix modes
const regularFile644 = (0o100644 << 16) >>> 0;

/** Refuses names an unzip tool would place outside its folder, or could not represent. */
function checkName(name: string, seen: Set<string>): Buffer {
  const segments = name.split('/');
  const bad =
    name === '' || name.startsWith('/') || name.includes('\\') || /[\u0000-\u001f]/.test(name) || segments.some((s) => s === '' || s === '.' || s === '..');
  if (bad) throw new TypeError(`not a safe ZIP entry name: ${JSON.stringify(name)}`);
  if (seen.has(name)) throw new TypeError(`two ZIP entries named ${JSON.stringify(name)}`);
  seen.add(name);
  const bytes = Buffer.from(name, 'utf8');
  if (bytes.length > 0xffff) throw new RangeError('a ZIP entry name is longer than 65535 bytes');
  return bytes;
}

/** MS-DOS date and time (2-second steps, 1980 to 2107), in UTC as servers keep time. */
function dosDateTime(date: Date): { time: number; date: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

/** The "UT" extra field (0x5455): the exact modification time, which unzip tools prefer over the DOS fields. */
function unixTimeField(date: Date): Buffer {
  const field = Buffer.alloc(9);
  field.writeUInt16LE(0x5455, 0);
  field.writeUInt16LE(5, 2);
  field.writeUInt8(1, 4); // flags: modification time present
  field.writeUInt32LE(Math.min(Math.max(Math.floor(date.getTime() / 1000), 0), maxBytes), 5);
  return field;
}

interface Written {
  name: Buffer;
  extra: Buffer;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  when: { time: number; date: number };
  offset: number;
}

/** The fields local and central headers share, from "version needed" to the extra field's length. */
function commonFields(entry: Written): Buffer {
  const b = Buffer.alloc(26);
  b.writeUInt16LE(versionNeeded, 0);
  b.writeUInt16LE(flagUtf8Names, 2);
  b.writeUInt16LE(entry.method, 4);
  b.writeUInt16LE(entry.when.time, 6);
  b.writeUInt16LE(entry.when.date, 8);
  b.writeUInt32LE(entry.crc, 10);
  b.writeUInt32LE(entry.compressedSize, 14);
  b.writeUInt32LE(entry.size, 18);
  b.writeUInt16LE(entry.name.length, 22);
  b.writeUInt16LE(entry.extra.length, 24);
  return b;
}

function localHeader(entry: Written): Buffer {
  const signature = Buffer.alloc(4);
  signature.writeUInt32LE(0x04034b50, 0);
  return Buffer.concat([signature, commonFields(entry), entry.name, entry.extra]);
}

function centralHeader(entry: Written): Buffer {
  const head = Buffer.alloc(6);
  head.writeUInt32LE(0x02014b50, 0);
  head.writeUInt16LE(versionMadeBy, 4);
  const tail = Buffer.alloc(14); // comment length, disk number, internal attributes: all 0
  tail.writeUInt32LE(regularFile644, 6);
  tail.writeUInt32LE(entry.offset, 10);
  return Buffer.concat([head, commonFields(entry), tail, entry.name, entry.extra]);
}

function endOfCentralDirectory(count: number, size: number, offset: number): Buffer {
  const b = Buffer.alloc(22);
  b.writeUInt32LE(0x06054b50, 0);
  b.writeUInt16LE(count, 8);
  b.writeUInt16LE(count, 10);
  b.writeUInt32LE(size, 12);
  b.writeUInt32LE(offset, 16);
  return b;
}

async function* zipChunks(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): AsyncGenerator<Buffer> {
  const names = new Set<string>();
  const central: Buffer[] = [];
  let offset = 0;
  for await (const entry of entries) {
    const name = checkName(entry.name, names);
    if (names.size > maxEntries) throw new RangeError(`a ZIP without ZIP64 holds at most ${maxEntries} entries`);
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    if (raw.length > maxBytes) throw new RangeError(`the ZIP entry ${entry.name} is over 4 GiB, which needs ZIP64`);
    const deflated = await deflate(raw);
    // Already-compressed data (JPEG, PNG) often grows when deflated: store it as it is then.
    const [method, body] = deflated.length < raw.length ? [8, deflated] : [0, raw];
    const modified = entry.modified ?? new Date();
    const written: Written = { name, extra: unixTimeField(modified), method, crc: crc32(raw), compressedSize: body.length, size: raw.length, when: dosDateTime(modified), offset };
    const header = localHeader(written);
    if (offset + header.length + body.length > maxBytes) throw new RangeError('the ZIP archive would be over 4 GiB, which needs ZIP64');
    central.push(centralHeader(written));
    yield header;
    yield body;
    offset += header.length + body.length;
  }
  const directory = Buffer.concat(central);
  if (offset + directory.length > maxBytes) throw new RangeError('the ZIP archive would be over 4 GiB, which needs ZIP64');
  yield directory;
  yield endOfCentralDirectory(central.length, directory.length, offset);
}

/**
 * A ZIP archive of `entries`, produced as the stream is read: entries are pulled (and compressed)
 * one at a time, so a slow download holds at most one entry in memory. A bad name, an entry over
 * 4 GiB or a failing source destroys the stream with the error.
 */
export function zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): Readable {
  return Readable.from(zipChunks(entries), { objectMode: false });
}
