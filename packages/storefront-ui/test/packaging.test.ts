// What `npm pack` publishes: built code, declarations, maps, the hashed assets, README.md and LICENSE.
// Assumes `npm run build` ran (the root `npm test` builds first).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { checkPackage } from '../../../scripts/pack-check.mjs';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

t.test('npm pack lists only dist code, the built assets, README.md and LICENSE', async (t) => {
  const { files, problems } = checkPackage(packageDir, { extraAllowed: [/^dist\/assets\/(app|client)\.[\w-]+\.(css|js)$|^dist\/assets\/manifest\.json$|^dist\/assets\/icon-(192|512)\.png$/] });
  t.same(problems, [], 'nothing missing, nothing extra');
  t.ok(files.includes('dist/assets/manifest.json'), 'the asset manifest ships');
  t.ok(files.includes('dist/assets/icon-192.png') && files.includes('dist/assets/icon-512.png'), 'and the dashboard icons');
  t.equal(readFileSync(join(packageDir, 'LICENSE'), 'utf8'), readFileSync(join(packageDir, '..', '..', 'LICENSE'), 'utf8'));
});
