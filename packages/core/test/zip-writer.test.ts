// The export's ZIP writer, read back by an independent reader (yauzl) whose CRCs we check, with
// every data descriptor read from the bytes, and, when the machine has it, by Info-ZIP's
// `unzip -t`, which verifies every CRC on its own.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { crc32 } from 'node:zlib';
import t, { type Test } from 'tap';
import { fromBufferPromise, type Entry } from 'yauzl';
import { zipStream, type ZipEntry } from '../src/accounts/zip-writer.js';

interface ReadEntry {
  entry: Entry;
  data: Buffer;
}

/** Every entry of the archive by name, read through yauzl with its size checks on. */
async function readZip(bytes: Buffer): Promise<Map<string, ReadEntry>> {
  const zip = await fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true });
  const entries = new Map<string, ReadEntry>();
  for await (const entry of zip.eachEntry()) {
    const data = await buffer(await zip.openReadStreamPromise(entry));
    entries.set(entry.fileName, { entry, data });
  }
  return entries;
}

const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/**
 * Checks an entry's local header against the central directory: for a streamed entry (flag bit 3)
 * the local sums are 0 and the data descriptor after the data holds the CRC and both sizes.
 */
function checkLocalRecords(t: Test, zip: Buffer, entry: Entry, streamed: boolean): void {
  const at = entry.relativeOffsetOfLocalHeader;
  t.equal(zip.readUInt32LE(at), 0x04034b50, `${entry.fileName}: a local header`);
  const flags = zip.readUInt16LE(at + 6);
  t.equal(Boolean(flags & 8), streamed, `${entry.fileName}: flag bit 3 ${streamed ? 'set' : 'clear'} in the local header`);
  t.equal(Boolean(entry.generalPurposeBitFlag & 8), streamed, `${entry.fileName}: and in the central directory`);
  const localSums = [zip.readUInt32LE(at + 14), zip.readUInt32LE(at + 18), zip.readUInt32LE(at + 22)];
  const sums = [entry.crc32, entry.compressedSize, entry.uncompressedSize];
  const dataStart = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  if (!streamed) {
    t.same(localSums, sums, `${entry.fileName}: sums in the local header`);
    return;
  }
  t.same(localSums, [0, 0, 0], `${entry.fileName}: no sums in the local header`);
  const descriptor = dataStart + entry.compressedSize;
  t.equal(zip.readUInt32LE(descriptor), 0x08074b50, `${entry.fileName}: a data descriptor right after the data`);
  t.same([zip.readUInt32LE(descriptor + 4), zip.readUInt32LE(descriptor + 8), zip.readUInt32LE(descriptor + 12)], sums, `${entry.fileName}: holding the CRC and sizes`);
}

/** Info-ZIP's own check of every entry and CRC, when the machine has it. */
function unzipTest(t: Test, zip: Buffer): void {
  if (!hasUnzip) return;
  const dir = mkdtempSync(join(tmpdir(), 'zip-writer-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'a.zip'), zip);
  const report = execFileSync('unzip', ['-t', join(dir, 'a.zip')], { encoding: 'utf8' });
  t.match(report, /No errors detected/, 'unzip -t verifies every CRC');
}

async function* chunksOf(parts: Array<string | Uint8Array>): AsyncGenerator<string | Uint8Array> {
  for (const part of parts) yield part;
}

const failureOf = (stream: Readable) => buffer(stream).then(() => null, (error: unknown) => error as Error);

t.test('entries come back with their names, bytes, CRCs and times', async (t) => {
  const modified = new Date('2025-05-03T14:05:08Z');
  const random = randomBytes(3 * 1024 * 1024 + 17);
  const repetitive = Buffer.from('order,1001,Asha Rao,paid\r\n'.repeat(400_000));
  const entries: Array<ZipEntry & { data: string | Uint8Array }> = [
    { name: 'README.txt', data: 'Hello from the export.\n', modified },
    { name: 'données/été.csv', data: 'prix,1\n', modified },
    { name: 'images/फोटो-१.png', data: random, modified },
    { name: 'orders/big.csv', data: repetitive, modified },
    { name: 'empty.txt', data: new Uint8Array(0), modified },
    { name: 'slice.bin', data: new Uint8Array(random.buffer, random.byteOffset + 5, 10), modified },
  ];
  const zip = await buffer(zipStream(entries));
  const read = await readZip(zip);
  t.same([...read.keys()], entries.map((e) => e.name), 'every entry, in order, with its UTF-8 name');
  for (const source of entries) {
    const got = read.get(source.name);
    const expected = typeof source.data === 'string' ? Buffer.from(source.data) : Buffer.from(source.data);
    t.ok(got?.data.equals(expected), `${source.name}: the same bytes`);
    t.equal(got?.entry.crc32, crc32(expected), `${source.name}: the CRC matches the bytes`);
    t.equal(got?.entry.getLastModDate({ forceDosFormat: true, timezone: 'UTC' }).toISOString(), modified.toISOString(), `${source.name}: the time`);
  }
  const big = read.get('orders/big.csv')?.entry;
  t.equal(big?.compressionMethod, 8, 'text is deflated');
  t.ok(big && big.compressedSize < big.uncompressedSize / 50, `and shrinks (${big?.compressedSize} of ${big?.uncompressedSize} bytes)`);
  t.equal(read.get('images/फोटो-१.png')?.entry.compressionMethod, 0, 'incompressible data is stored, not grown');
  t.equal(read.get('images/फोटो-१.png')?.entry.getLastModDate().toISOString(), modified.toISOString(), 'the exact time from the extra field');

  for (const { entry } of read.values()) checkLocalRecords(t, zip, entry, false);
  unzipTest(t, zip);
});

t.test('streamed entries carry their CRC and sizes in a data descriptor, between whole ones', async (t) => {
  const modified = new Date('2025-05-03T14:05:08Z');
  const random = randomBytes(2 * 1024 * 1024 + 3);
  const rows = Array.from({ length: 5000 }, (_, i) => `${i},आशा राव,"12 MG Road",499.50\r\n`);
  const entries: ZipEntry[] = [
    { name: 'README.txt', data: 'whole\n', modified },
    { name: 'orders.csv', data: chunksOf(rows), modified },
    { name: 'empty.json', data: chunksOf([]), modified },
    { name: 'mixed.bin', data: chunksOf([random.subarray(0, 1000), 'text in between', random.subarray(1000)]), modified },
    { name: 'account.json', data: '{}\n', modified },
  ];
  const expected = new Map([
    ['README.txt', Buffer.from('whole\n')],
    ['orders.csv', Buffer.from(rows.join(''))],
    ['empty.json', Buffer.alloc(0)],
    ['mixed.bin', Buffer.concat([random.subarray(0, 1000), Buffer.from('text in between'), random.subarray(1000)])],
    ['account.json', Buffer.from('{}\n')],
  ]);
  const zip = await buffer(zipStream(entries));
  const read = await readZip(zip);
  t.same([...read.keys()], [...expected.keys()], 'every entry, in order');
  for (const [name, bytes] of expected) {
    const got = read.get(name);
    t.ok(got?.data.equals(bytes), `${name}: the same bytes`);
    t.equal(got?.entry.crc32, crc32(bytes), `${name}: the CRC matches the bytes`);
    t.equal(got?.entry.getLastModDate().toISOString(), modified.toISOString(), `${name}: the time`);
    if (got) checkLocalRecords(t, zip, got.entry, name === 'orders.csv' || name === 'empty.json' || name === 'mixed.bin');
  }
  const csv = read.get('orders.csv')?.entry;
  t.equal(csv?.compressionMethod, 8, 'a streamed entry is deflated');
  t.ok(csv && csv.compressedSize < csv.uncompressedSize / 5, `and shrinks (${csv?.compressedSize} of ${csv?.uncompressedSize} bytes)`);
  unzipTest(t, zip);
});

t.test('an empty archive is a valid archive', async (t) => {
  const read = await readZip(await buffer(zipStream([])));
  t.equal(read.size, 0);
});

t.test('entries are pulled as the stream is read, not all at once', async (t) => {
  let pulled = 0;
  async function* source(): AsyncGenerator<ZipEntry> {
    for (let i = 0; i < 40; i += 1) {
      pulled += 1;
      yield { name: `part-${i}.bin`, data: randomBytes(256 * 1024) };
    }
  }
  const stream = zipStream(source());
  const first = await new Promise<Buffer>((resolve) => stream.once('data', resolve));
  t.ok(first.length > 0, 'a first chunk arrives');
  stream.pause();
  await new Promise((resolve) => setTimeout(resolve, 50));
  t.ok(pulled <= 3, `only the entries being written are in memory (${pulled} of 40 pulled)`);
  stream.destroy();
});

t.test('a streamed source is pulled only as fast as the archive is read, and stopped when it is destroyed', async (t) => {
  let pulled = 0;
  let stopped = false;
  async function* rows(): AsyncGenerator<Uint8Array> {
    try {
      for (let i = 0; i < 400; i += 1) {
        pulled += 1;
        yield randomBytes(64 * 1024); // incompressible: each chunk really takes its size downstream
      }
    } finally {
      stopped = true;
    }
  }
  const stream = zipStream([{ name: 'big.bin', data: rows() }]);
  const first = await new Promise<Buffer>((resolve) => stream.once('data', resolve));
  t.ok(first.length > 0, 'a first chunk arrives');
  stream.pause();
  await new Promise((resolve) => setTimeout(resolve, 100));
  t.ok(pulled <= 4, `the paused reader holds the source back (${pulled} of 400 chunks pulled)`);
  stream.destroy();
  await new Promise((resolve) => stream.once('close', resolve));
  await new Promise((resolve) => setTimeout(resolve, 20));
  t.ok(stopped, "destroying the archive ends the source (its finally ran)");
  t.ok(pulled < 10, `and nothing more was pulled (${pulled})`);
});

t.test('names that could escape the folder, or repeat, are refused', async (t) => {
  for (const name of ['../evil.txt', '/etc/passwd', 'a\\b.txt', 'a//b', 'a/./b', '', 'nul\u0000.txt']) {
    const error = await failureOf(zipStream([{ name, data: 'x' }]));
    t.match(error, { name: 'TypeError', message: /not a safe ZIP entry name/ }, JSON.stringify(name));
  }
  const twice = await failureOf(zipStream([{ name: 'a.txt', data: 'x' }, { name: 'a.txt', data: 'y' }]));
  t.match(twice, { message: /two ZIP entries named "a.txt"/ });
});

t.test('a failing source fails the stream instead of ending it as if complete', async (t) => {
  async function* source(): AsyncGenerator<ZipEntry> {
    yield { name: 'one.txt', data: 'fine' };
    throw new Error('database went away');
  }
  t.match(await failureOf(zipStream(source())), { message: 'database went away' });
  async function* rows(): AsyncGenerator<string> {
    yield 'first page\n';
    throw new Error('database went away on page 2');
  }
  t.match(await failureOf(zipStream([{ name: 'orders.json', data: rows() }])), { message: 'database went away on page 2' }, 'also in the middle of a streamed entry');
});
