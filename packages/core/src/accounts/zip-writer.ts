// A small streaming ZIP writer (PKWARE APPNOTE 6.3, no ZIP64): enough for a data export, which is
// a few JSON and CSV files plus images. Small entries (`data` a string or bytes) are compressed
// whole and their sizes and CRC go in the local header. Large ones (`data` an async iterable) are
// deflated chunk by chunk as the archive is read: their local header says "sizes follow" (general
// purpose flag bit 3) and a data descriptor after the data carries the CRC and sizes computed on
// the way, so no entry has to be whole in memory.
import { pipeline, Readable } from 'node:stream';
import { promisify } from 'node:util';
import { crc32, createDeflateRaw, deflateRaw } from 'node:zlib';

const deflate = promisify(deflateRaw);

type Chunk = Uint8Array | string;

export interface ZipEntry {
  /** Path inside the archive with forward slashes, e.g. `images/a.png`; stored as UTF-8. */
  name: string;
  /**
   * The content: whole (a string is stored as UTF-8), or produced piece by piece, which the
   * writer pulls only as fast as the archive is read (for entries too large to hold at once).
   */
  data: Chunk | AsyncIterable<Chunk>;
  /** Default: when the entry is written. */
  modified?: Date;
}

/** Without ZIP64, sizes and offsets are 32-bit and the entry count 16-bit. */
const maxBytes = 0xffff_ffff;
const maxEntries = 0xffff;

/** How much of a streamed entry's source is gathered before it goes to zlib. */
const batchBytes = 64 * 1024;

const flagSizesFollow = 1 << 3;
const flagUtf8Names = 1 << 11;
const methodStored = 0;
const methodDeflated = 8;
const versionNeeded = 20; // 2.0: deflate
const versionMadeBy = (3 << 8) | versionNeeded; // 3 = Unix, so the external attributes are Unix modes
const regularFile644 = (0o100644 << 16) >>> 0;

const noop = () => {};
const bytesOf = (chunk: Chunk): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
const tooLarge = (what: string) => new RangeError(`${what} would be over 4 GiB, which needs ZIP64`);

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

/** CRC and sizes of an entry's data; zero in a local header whose data descriptor follows the data. */
interface Sums {
  crc: number;
  compressedSize: number;
  size: number;
}

interface Written extends Sums {
  name: Buffer;
  extra: Buffer;
  flags: number;
  method: number;
  when: { time: number; date: number };
  offset: number;
}

/** The fields local and central headers share, from "version needed" to the extra field's length. */
function commonFields(entry: Written, sums: Sums): Buffer {
  const b = Buffer.alloc(26);
  b.writeUInt16LE(versionNeeded, 0);
  b.writeUInt16LE(entry.flags, 2);
  b.writeUInt16LE(entry.method, 4);
  b.writeUInt16LE(entry.when.time, 6);
  b.writeUInt16LE(entry.when.date, 8);
  b.writeUInt32LE(sums.crc, 10);
  b.writeUInt32LE(sums.compressedSize, 14);
  b.writeUInt32LE(sums.size, 18);
  b.writeUInt16LE(entry.name.length, 22);
  b.writeUInt16LE(entry.extra.length, 24);
  return b;
}

function localHeader(entry: Written, sums: Sums): Buffer {
  const signature = Buffer.alloc(4);
  signature.writeUInt32LE(0x04034b50, 0);
  return Buffer.concat([signature, commonFields(entry, sums), entry.name, entry.extra]);
}

/** Follows a bit-3 entry's data: signature (optional in the spec, expected by most readers), CRC, sizes. */
function dataDescriptor(sums: Sums): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(sums.crc, 4);
  b.writeUInt32LE(sums.compressedSize, 8);
  b.writeUInt32LE(sums.size, 12);
  return b;
}

function centralHeader(entry: Written): Buffer {
  const head = Buffer.alloc(6);
  head.writeUInt32LE(0x02014b50, 0);
  head.writeUInt16LE(versionMadeBy, 4);
  const tail = Buffer.alloc(14); // comment length, disk number, internal attributes: all 0
  tail.writeUInt32LE(regularFile644, 6);
  tail.writeUInt32LE(entry.offset, 10);
  return Buffer.concat([head, commonFields(entry, entry), tail, entry.name, entry.extra]);
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

/** A whole entry: local header with its sums, then the data, deflated unless that makes it larger. */
async function* wholeEntry(entry: Written, data: Chunk): AsyncGenerator<Buffer> {
  const raw = bytesOf(data);
  if (raw.length > maxBytes) throw tooLarge(`the ZIP entry ${entry.name.toString('utf8')}`);
  const deflated = await deflate(raw);
  // Already-compressed data (JPEG, PNG) often grows when deflated: store it as it is then.
  const [method, body] = deflated.length < raw.length ? [methodDeflated, deflated] : [methodStored, raw];
  Object.assign(entry, { method, crc: crc32(raw), compressedSize: body.length, size: raw.length });
  const header = localHeader(entry, entry);
  if (entry.offset + header.length + body.length > maxBytes) throw tooLarge('the ZIP archive');
  yield header;
  yield body;
}

/**
 * A streamed entry: header, the deflated data as zlib produces it, then the data descriptor. The
 * source is pulled through the deflater only as its output is read (stream backpressure), so
 * memory holds a chunk or two of the source (or 64 KiB of small ones) and zlib's buffers,
 * whatever the entry's size.
 */
async function* streamedEntry(entry: Written, source: AsyncIterable<Chunk>): AsyncGenerator<Buffer> {
  Object.assign(entry, { flags: entry.flags | flagSizesFollow, method: methodDeflated });
  const header = localHeader(entry, { crc: 0, compressedSize: 0, size: 0 });
  yield header;
  const sums: Sums = { crc: 0, compressedSize: 0, size: 0 };
  // Small chunks (a CSV stream gives one per row) are gathered up to `batchBytes` first: a zlib
  // call per row would cost a thread pool round trip each.
  async function* counted(): AsyncGenerator<Buffer> {
    let batch: Buffer[] = [];
    let batched = 0;
    for await (const chunk of source) {
      const bytes = bytesOf(chunk);
      sums.size += bytes.length;
      if (sums.size > maxBytes) throw tooLarge(`the ZIP entry ${entry.name.toString('utf8')}`);
      sums.crc = crc32(bytes, sums.crc);
      batch.push(bytes);
      batched += bytes.length;
      if (batched < batchBytes) continue;
      yield Buffer.concat(batch, batched);
      [batch, batched] = [[], 0];
    }
    if (batched > 0) yield Buffer.concat(batch, batched);
  }
  // objectMode off: the readable side buffers bytes (one chunk at most once past its 16 KiB mark), not 16 chunks.
  const deflated = pipeline(Readable.from(counted(), { objectMode: false }), createDeflateRaw(), noop);
  let end = entry.offset + header.length;
  for await (const chunk of deflated as AsyncIterable<Buffer>) {
    end += chunk.length;
    if (end + 16 > maxBytes) throw tooLarge('the ZIP archive');
    sums.compressedSize += chunk.length;
    yield chunk;
  }
  Object.assign(entry, sums);
  yield dataDescriptor(sums);
}

/** The archive's bytes in order, for a caller that wraps them in its own stream; see zipStream. */
export async function* zipChunks(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): AsyncGenerator<Buffer> {
  const names = new Set<string>();
  const central: Buffer[] = [];
  let offset = 0;
  for await (const source of entries) {
    const name = checkName(source.name, names);
    if (names.size > maxEntries) throw new RangeError(`a ZIP without ZIP64 holds at most ${maxEntries} entries`);
    const modified = source.modified ?? new Date();
    const entry: Written = { name, extra: unixTimeField(modified), flags: flagUtf8Names, method: methodStored, crc: 0, compressedSize: 0, size: 0, when: dosDateTime(modified), offset };
    const { data } = source;
    const parts = typeof data === 'string' || data instanceof Uint8Array ? wholeEntry(entry, data) : streamedEntry(entry, data);
    for await (const part of parts) {
      offset += part.length;
      yield part;
    }
    // The sums are known now, after the data: the central directory is written at the end.
    central.push(centralHeader(entry));
  }
  const directory = Buffer.concat(central);
  if (offset + directory.length > maxBytes) throw tooLarge('the ZIP archive');
  yield directory;
  yield endOfCentralDirectory(central.length, directory.length, offset);
}

/**
 * A ZIP archive of `entries`, produced as the stream is read: entries are pulled one at a time,
 * and a streamed entry's source only as fast as the reader takes the archive, so a slow download
 * holds at most one whole entry, or one chunk of a streamed one, in memory. A bad name, an entry
 * over 4 GiB or a failing source destroys the stream with the error; destroying the stream stops
 * the sources (their `finally` blocks run).
 */
export function zipStream(entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>): Readable {
  return Readable.from(zipChunks(entries), { objectMode: false });
}
