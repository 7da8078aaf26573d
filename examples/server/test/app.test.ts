import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import t from 'tap';
import { buildApp } from '../src/app.js';
import { readConfig } from '../src/config.js';
import { seedDemoStore } from '../src/demo.js';

t.test('configuration comes from the environment, with zero-setup defaults', async (t) => {
  const config = readConfig({});
  t.match(config, { port: 3000, databaseUrl: 'sqlite:data/dukaan.db', redisUrl: null, rateLimitLogin: 10, rateLimitCheckout: 30 });
  t.ok(config.sessionSecret.length >= 32, 'a development secret is generated');
  t.same(readConfig({ TRUST_PROXY: '10.0.0.1, 172.29.0.0/24', RATE_LIMIT_LOGIN: '0', RATE_LIMIT_CHECKOUT: '' }).trustProxy, ['10.0.0.1', '172.29.0.0/24']);
  t.equal(readConfig({ RATE_LIMIT_LOGIN: '0' }).rateLimitLogin, 0, '0 turns the limit off');
  t.equal(readConfig({ RATE_LIMIT_CHECKOUT: '' }).rateLimitCheckout, 30, 'empty means default, not off');
  t.throws(() => readConfig({ PORT: 'eighty' }), /PORT/);
  t.throws(() => readConfig({ NODE_ENV: 'production' }), /SESSION_SECRET/);
  t.throws(() => readConfig({ REDIS_URL: 'http://nope' }), /REDIS_URL/);
});

t.test('the app migrates, seeds the demo store and serves it', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'dukaan-app-'));
  const app = await buildApp(readConfig({ DATABASE_URL: `sqlite:${join(dir, 'app.db')}`, MEDIA_DIR: join(dir, 'media'), LOG_LEVEL: 'silent' }));
  t.teardown(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const { slug } = await seedDemoStore(app.dukaan);
  await seedDemoStore(app.dukaan);
  const response = await app.server.inject(`/api/v1/stores/${slug}`);
  t.equal(response.statusCode, 200);
  t.equal(JSON.parse(response.payload).products.length, 8, 'seeding twice does not duplicate');
  t.equal((await app.server.inject('/readyz')).statusCode, 200);
  const home = await app.server.inject('/');
  t.equal(home.statusCode, 303);
  t.equal(home.headers.location, '/dashboard');
  const dashboard = await app.server.inject('/dashboard');
  t.match(dashboard.headers.location, /^\/login\?next=/, 'a stranger is asked to log in');
  const store = await app.server.inject(`/${slug}`);
  t.equal(store.statusCode, 200);
  t.match(store.payload, /Masala Chai 250 g/);
});

t.test('passwords, session cookies and API tokens never reach the log', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'dukaan-log-'));
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  const app = await buildApp(readConfig({ DATABASE_URL: `sqlite:${join(dir, 'app.db')}`, MEDIA_DIR: join(dir, 'media'), LOG_LEVEL: 'debug' }), { logStream });
  t.teardown(async () => {
    await app.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  const password = 'a very secret password 42';
  const signup = await app.server.inject({ method: 'POST', url: '/api/v1/vendors', payload: { email: 'log@example.com', password, storeName: 'Logs' } });
  t.equal(signup.statusCode, 201);
  const cookie = String([signup.headers['set-cookie']].flat()[0]).split(';')[0] ?? '';
  const token = JSON.parse((await app.server.inject({ method: 'POST', url: '/api/v1/tokens', headers: { cookie }, payload: { name: 'ci' } })).payload).token as string;
  t.equal((await app.server.inject({ url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode, 200);
  t.equal((await app.server.inject({ method: 'POST', url: '/api/v1/session', payload: { email: 'log@example.com', password: 'wrong but secret 99' } })).statusCode, 401);
  const log = lines.join('');
  t.ok(lines.length >= 4, `requests were logged (${lines.length} lines)`);
  t.match(log, /"req":\{"id":/, 'each request line carries its request id');
  for (const secret of [password, 'wrong but secret 99', cookie.split('=')[1] ?? 'x', token]) t.notOk(log.includes(secret), 'secret absent from the log');
});

t.test('the app starts on the zero-setup defaults, relative paths included', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'dukaan-defaults-'));
  const cwd = process.cwd();
  process.chdir(dir);
  t.teardown(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });
  const app = await buildApp(readConfig({ LOG_LEVEL: 'silent' }));
  t.teardown(() => app.stop());
  t.equal((await app.server.inject('/healthz')).statusCode, 200);
  t.equal((await app.server.inject('/signup')).statusCode, 200, 'pages render');
  t.ok(existsSync(join(dir, 'data', 'dukaan.db')), 'the SQLite file is under ./data');
});
