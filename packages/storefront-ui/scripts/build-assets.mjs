// Bundles the island client and the stylesheet into dist/assets with
// content-hashed names, and writes manifest.json for loadAssetManifest().
import { build } from 'esbuild';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'assets');

const common = { bundle: true, minify: true, write: true, metafile: true, outdir, legalComments: 'none', logLevel: 'warning' };

/** The single output file of a build (esbuild keys outputs by path relative to the cwd). */
function outputName(result) {
  const files = Object.keys(result.metafile.outputs).filter((f) => !f.endsWith('.map'));
  if (files.length !== 1) throw new Error(`expected one output, got ${files.join(', ')}`);
  return basename(files[0]);
}

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

const js = await build({
  ...common,
  absWorkingDir: root,
  entryPoints: ['src/client.ts'],
  entryNames: 'client.[hash]',
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  define: { 'process.env.NODE_ENV': '"production"' },
});

const css = await build({
  ...common,
  absWorkingDir: root,
  entryPoints: ['src/styles/app.css'],
  entryNames: 'app.[hash]',
  target: ['chrome80', 'safari13', 'firefox78'],
});

const manifest = { css: outputName(css), js: outputName(js) };
await writeFile(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`assets: ${manifest.css}, ${manifest.js}`);
