// A cache closed while its connections are still opening must not keep the process alive:
// node-redis finishes opening a socket that was destroyed mid-connect and holds on to it.
// Runs the built adapter in a child process (`npm test` builds first) and waits for it to exit.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { testServices } from '../src/testing/services.js';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const { redisUrl } = testServices();

t.test('closing right after opening lets the process exit', { skip: !redisUrl && 'Redis not configured' }, async (t) => {
  t.ok(existsSync(join(dist, 'adapters', 'keyv', 'index.js')), 'core is built');
  const script = `
    import { keyvCache } from ${JSON.stringify(join(dist, 'adapters', 'keyv', 'index.js'))};
    for (let i = 0; i < 10; i++) {
      const stores = keyvCache({ redisUrl: ${JSON.stringify(redisUrl)}, namespace: 'close-test' });
      // A subscription opens a second connection, as the store cache's listener does.
      stores.bus.subscribe('store-versions', () => {}, () => {});
      if (i % 2) await new Promise((resolve) => setTimeout(resolve, i * 10));
      await stores.close();
    }
    console.log('closed');`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { timeout: 20_000, encoding: 'utf8' });
  t.equal(child.signal, null, 'exited by itself (not killed at the 20 s bound)');
  t.equal(child.status, 0, child.stderr);
  t.match(child.stdout, /closed/);
});
