// The export's ZIP writer, read back by an independent reader (yauzl) and, when the machine has
// it, checked by Info-ZIP's `unzip -t`, which verifies every CRC.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { crc32 } from 'node:zlib';
import t from 'tap';
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

const failureOf = (stream: Readable) => buffer(stream).then(() => null, (error: unknown) => error as Error);

t.test('entries come back with their names, bytes, CRCs and times', async (t) => {
  const modified = new Date('2025-05-03T14:05:08Z');
  const random = randomBytes(3 * 1024 * 1024 + 17);
  const repetitive = Buffer.from('order,1001,Asha Rao,paid\r\n'.repeat(400_000));
  const entries: ZipEntry[] = [
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

  if (hasUnzip) {
    const dir = mkdtempSync(join(tmpdir(), 'zip-writer-'));
    t.teardown(() => rmSync(dir, { recursive: true, force: true }));
    writeFileSync(join(dir, 'a.zip'), zip);
    const report = execFileSync('unzip', ['-t', join(dir, 'a.zip')], { encoding: 'utf8' });
    t.match(report, /No errors detected/, 'unzip -t verifies every CRC');
  }
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
});
