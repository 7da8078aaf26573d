import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AssetManifest } from './types.js';

// ../dist/assets from both src/ (tests) and dist/ (published): one answer.
/** Absolute path of the built, content-hashed CSS and JS (serve it at `${basePath}/static/`). */
export const assetDir: string = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'assets');

/** Reads dist/assets/manifest.json written by the build; throws when the package was not built. */
export function loadAssetManifest(): AssetManifest {
  const raw = JSON.parse(readFileSync(join(assetDir, 'manifest.json'), 'utf8')) as Partial<AssetManifest>;
  if (typeof raw.css !== 'string' || typeof raw.js !== 'string') {
    throw new TypeError(`Invalid asset manifest in ${assetDir}`);
  }
  return { css: raw.css, js: raw.js };
}
