import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';

const here = dirname(fileURLToPath(import.meta.url));

t.test('the embedding example serves its own routes and the shop under /shop', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'dukaan-embed-'));
  const child = spawn(process.execPath, [join(here, '..', 'main.mjs')], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.teardown(() => {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no "listening" line within 20 s')), 20_000);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[\d.:]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`exited early with ${code}`)));
  });
  t.same(await (await fetch(`${base}/`)).json(), { app: 'my blog', shop: '/shop' });
  const signup = await fetch(`${base}/shop/api/v1/vendors`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'host@example.com', password: 'chai-and-biscuits', storeName: 'Hosted', slug: 'hosted' }),
  });
  t.equal(signup.status, 201);
  t.match(signup.headers.get('set-cookie'), /Path=\/shop/);
  const body = (await signup.json()) as { store: { url: string } };
  t.match(body.store.url, /\/shop\/hosted$/);
  t.equal((await fetch(`${base}/shop/api/v1/stores/hosted`)).status, 200);
  t.equal((await fetch(`${base}/api/v1/stores/hosted`)).status, 404, 'nothing leaks outside the prefix');
  t.equal((await fetch(`${base}/about`)).headers.get('content-security-policy'), null, 'host routes untouched');
});
