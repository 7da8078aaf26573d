// Bundles the island client and the stylesheet into dist/assets with
// content-hashed names, and writes manifest.json for loadAssetManifest().
//
// The client is split: the entry (client.[hash].js, the only file pages name)
// holds the hydration loop and imports Preact's shared chunk; each island is its own chunk
// (chunk.[hash].js, beside the entry), imported relatively by the entry only
// when a page has that island (test/size.test.ts follows those imports).
import { build } from 'esbuild';
import { copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'assets');

const common = { bundle: true, minify: true, write: true, metafile: true, outdir, legalComments: 'none', logLevel: 'warning' };

/** The output file built from `entryPoint` (esbuild keys outputs by path relative to the working directory). */
function outputName(result, entryPoint) {
  const files = Object.entries(result.metafile.outputs)
    .filter(([f, out]) => !f.endsWith('.map') && out.entryPoint === entryPoint)
    .map(([f]) => f);
  if (files.length !== 1) throw new Error(`expected one output for ${entryPoint}, got ${files.join(', ') || 'none'}`);
  return basename(files[0]);
}

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

const js = await build({
  ...common,
  absWorkingDir: root,
  entryPoints: ['src/client.ts'],
  entryNames: 'client.[hash]',
  // Flat names: the static route serves /static/{file}, one path segment.
  chunkNames: 'chunk.[hash]',
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Islands get their texts pre-parsed from the server (useIslandMessages), so the browser needs
  // intl-messageformat's formatter only: FormatJS's no-parser entry leaves the ICU parser out.
  alias: { '@formatjs/icu-messageformat-parser': '@formatjs/icu-messageformat-parser/no-parser.js' },
});

const css = await build({
  ...common,
  absWorkingDir: root,
  entryPoints: ['src/styles/index.css'],
  entryNames: 'app.[hash]',
  target: ['chrome80', 'safari13', 'firefox78'],
});

// The dashboard's home-screen icons (src/icons/icon.svg rendered at 192 and 512 px, committed as
// PNG so the build needs no image library): plain names, served by the plugin's manifest routes.
for (const size of [192, 512]) await copyFile(join(root, 'src', 'icons', `icon-${size}.png`), join(outdir, `icon-${size}.png`));

const manifest = { css: outputName(css, 'src/styles/index.css'), js: outputName(js, 'src/client.ts') };
await writeFile(join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
const chunks = Object.keys(js.metafile.outputs).length - 1;
console.log(`assets: ${manifest.css}, ${manifest.js} (+${chunks} chunks)`);
