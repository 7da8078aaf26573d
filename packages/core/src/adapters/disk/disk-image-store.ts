import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { ImageStore, ImageType, StoredImageType } from '../../catalog/image-store.js';
import { imageExtensions } from '../../catalog/image-type.js';

export interface DiskImageStoreOptions {
  /** Directory the files go to (created when missing); nginx serves it in production. */
  directory: string;
  /** URL path (or absolute URL) the directory is served under, e.g. '/media'. */
  publicPath: string;
}

/** What `put` accepts: path segments of word characters and hyphens, a name, one of our extensions. */
const keyShape = /^[\w-]+(?:\/[\w-]+)*\.(?:jpg|png|webp)$/;

/**
 * Keeps images as files: logos under random keys, so a URL reveals nothing and never collides;
 * product photos under the content-hashed keys the core picks (immutable, so nginx may cache
 * them for a year).
 */
export function diskImageStore(options: DiskImageStoreOptions): ImageStore {
  const root = resolve(options.directory);
  const base = options.publicPath.replace(/\/+$/, '');
  const pathOf = (key: string) => {
    const path = resolve(root, key);
    // Keys come from our own save(), but delete() and read() take one back from stored data: never leave the root.
    if (!path.startsWith(root + sep)) throw new TypeError(`image key outside the media directory: ${key}`);
    return path;
  };
  return {
    async save(bytes: Uint8Array, type: ImageType, prefix: string) {
      const safePrefix = prefix.replace(/[^\w/-]/g, '');
      const key = `${safePrefix}${randomBytes(12).toString('base64url')}.${imageExtensions[type]}`;
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, bytes, { flag: 'wx' });
      return { key, url: `${base}/${key}` };
    },
    async put(key: string, bytes: Uint8Array, type: StoredImageType) {
      if (!keyShape.test(key) || !key.endsWith(`.${imageExtensions[type]}`)) throw new TypeError(`not an image key: ${key}`);
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Written aside and renamed into place: nginx never serves half a file, and a crash leaves
      // no partial file under the real name for a retry to mistake for the finished one.
      const temporary = `${path}.${randomBytes(6).toString('hex')}.part`;
      try {
        await writeFile(temporary, bytes, { flag: 'wx' });
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
      return { url: `${base}/${key}` };
    },
    async delete(key: string) {
      await rm(pathOf(key), { force: true });
    },
    async read(key: string) {
      try {
        return await readFile(pathOf(key));
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        // Gone (or a directory where a file was): the caller skips it. Anything else is an I/O fault to surface.
        if (code === 'ENOENT' || code === 'EISDIR') return null;
        throw error;
      }
    },
  };
}
