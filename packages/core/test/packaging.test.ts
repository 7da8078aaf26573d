// What `npm pack` publishes: only built code, declarations, maps, README.md and LICENSE.
// Assumes `npm run build` ran (the root `npm test` builds first).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { checkPackage } from '../../../scripts/pack-check.mjs';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(packageDir, '..', '..');

t.test('npm pack lists only dist code, declarations, maps, README.md and LICENSE', async (t) => {
  const { files, problems } = checkPackage(packageDir);
  t.same(problems, [], 'nothing missing, nothing extra');
  t.notOk(files.some((file) => /^(src|test)\//.test(file)), 'no sources or tests');
  t.notOk(files.some((file) => file.endsWith('.tsbuildinfo')), 'no .tsbuildinfo');
  for (const entry of ['index', 'adapters/objection/index', 'adapters/keyv/index', 'adapters/disk/index', 'testing/index']) {
    t.ok(files.includes(`dist/${entry}.js`) && files.includes(`dist/${entry}.d.ts`), `${entry}: code and types`);
  }
});

t.test('the packed LICENSE is the repository LICENSE', async (t) => {
  t.equal(readFileSync(join(packageDir, 'LICENSE'), 'utf8'), readFileSync(join(root, 'LICENSE'), 'utf8'));
});
