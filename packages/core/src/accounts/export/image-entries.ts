import type { ImageStore } from '../../catalog/image-store.js';
import type { ZipEntry } from '../zip-writer.js';

/** A file name for the archive from the key's last segment; keys are ours, but old data is not trusted to be tidy. */
function baseName(key: string): string {
  const base = (key.split('/').pop() ?? '').replace(/[^\w.-]/g, '_').replace(/^\.+/, '');
  return base === '' ? 'image' : base;
}

/**
 * One `images/<name>` entry per key the store can still read, read one at a time as the archive
 * is written (keys may come page by page; a repeated key is read once). `files` is filled with
 * key → path in the archive, so the JSON written after can point at each copy: it and the set of
 * keys seen grow with the number of images (a few dozen bytes each), never with their bytes. An
 * image that cannot be read is left out rather than failing the download halfway: its `file`
 * stays null, as README.txt explains.
 */
export async function* imageEntries(images: ImageStore | null, keys: AsyncIterable<string> | Iterable<string>, files: Map<string, string>, modified: Date): AsyncGenerator<ZipEntry> {
  if (!images) return;
  const taken = new Set<string>();
  const seen = new Set<string>();
  for await (const key of keys) {
    if (seen.has(key)) continue;
    seen.add(key);
    const bytes = await images.read(key).catch(() => null);
    if (!bytes) continue;
    let name = `images/${baseName(key)}`;
    for (let n = 2; taken.has(name); n += 1) name = `images/${n}-${baseName(key)}`;
    taken.add(name);
    files.set(key, name);
    yield { name, data: bytes, modified };
  }
}
