// Runs the example as a user would (after `npm run build`) and checks what it prints.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import t from 'tap';

const exampleDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const root = join(exampleDir, '..', '..');

t.test('main.mjs signs up, sells and ships an order on SQLite', async (t) => {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(exampleDir, 'main.mjs')], {
    cwd: root,
    env,
    timeout: 60_000,
  });
  t.equal(stderr, '', 'nothing on stderr');
  t.match(stdout, /^store: Priya's Kitchen \(\/priyas-kitchen\)$/m);
  t.match(stdout, /^order #1001: shipped$/m);
  t.match(stdout, /^ {2}2 x Veg thali @ 25000 = 50000$/m);
  t.match(stdout, /^ {2}1 x Mango lassi @ 9000 = 9000$/m);
  t.match(stdout, /^subtotal 59000, delivery 4000, total 63000 INR$/m, 'delivery charged below the free-delivery threshold');
  t.match(stdout, /^history: pending -> accepted -> shipped$/m);
  t.match(stdout, /^thali left: 18$/m, 'stock taken');
});
