// The reference app's settings: defaults, what is refused, and the messages that name the variable.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { readConfig } from '../src/config.js';
import { sleep, spawnManaged, stopProcess } from './support/processes.js';

const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32), PUBLIC_URL: 'https://shop.example' };

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
  t.same(config.allowedHosts, [], 'any host by default');
  t.same(readConfig({ ALLOWED_HOSTS: ' Shop.Example , shop.example:8443,' }).allowedHosts, ['shop.example', 'shop.example:8443']);
});

t.test('webhooks and the outbox: private addresses refused unless WEBHOOK_ALLOW_PRIVATE=1; a lease above the webhook timeout', async (t) => {
  t.match(readConfig({}), { webhookAllowPrivate: false, outboxPollIntervalMs: 2000, outboxLeaseMs: 30_000 });
  t.equal(readConfig({ WEBHOOK_ALLOW_PRIVATE: '1' }).webhookAllowPrivate, true);
  t.equal(readConfig({ WEBHOOK_ALLOW_PRIVATE: '0' }).webhookAllowPrivate, false);
  t.equal(readConfig({ WEBHOOK_ALLOW_PRIVATE: '' }).webhookAllowPrivate, false, 'empty means the default (as Compose passes it)');
  t.throws(() => readConfig({ WEBHOOK_ALLOW_PRIVATE: 'yes please' }), /WEBHOOK_ALLOW_PRIVATE.*1 \(allow\) or 0/);
  t.equal(readConfig({ OUTBOX_LEASE_MS: '7000' }).outboxLeaseMs, 7000);
  t.throws(() => readConfig({ OUTBOX_LEASE_MS: '6000' }), /OUTBOX_LEASE_MS/, 'a lease shorter than the webhook timeout would let a second instance send it too');
  t.throws(() => readConfig({ OUTBOX_POLL_INTERVAL_MS: '10' }), /OUTBOX_POLL_INTERVAL_MS/);
});

t.test('mail: the file outbox by default, SMTP with SMTP_URL', async (t) => {
  const config = readConfig({});
  t.match(config, { smtpUrl: null, mailFrom: 'Dukaan <no-reply@localhost>', mailOutboxDir: 'data/outbox' }, 'zero setup: the file outbox under data/');
  const smtp = readConfig({ SMTP_URL: 'smtps://shop%40example.com:p%40ss@smtp.example.com:465', MAIL_FROM: 'Asha’s Chai <orders@chai.example>', MAIL_OUTBOX_DIR: '/srv/data/outbox' });
  t.match(smtp, { smtpUrl: 'smtps://shop%40example.com:p%40ss@smtp.example.com:465', mailFrom: 'Asha’s Chai <orders@chai.example>', mailOutboxDir: '/srv/data/outbox' });
  t.equal(readConfig({ SMTP_URL: 'smtp://mailpit:1025' }).smtpUrl, 'smtp://mailpit:1025', 'a catcher without credentials is fine');
  t.equal(readConfig({ SMTP_URL: '', MAIL_FROM: '', MAIL_OUTBOX_DIR: '' }).smtpUrl, null, 'empty means unset (as Compose passes it)');
  t.match(readConfig({ MAIL_FROM: 'no-reply@shop.example' }), { mailFrom: 'no-reply@shop.example' }, 'a bare address');

  for (const bad of ['http://user:secret-pass-1@smtp.example.com', 'smtp.example.com:587', 'mailto:shop@example.com', 'smtp://user:secret pass@host']) {
    t.throws(() => readConfig({ SMTP_URL: bad }), /SMTP_URL.*smtp:\/\/ or smtps:\/\//, `${bad} is refused, naming SMTP_URL`);
    try {
      readConfig({ SMTP_URL: bad });
    } catch (error) {
      t.notMatch((error as Error).message, /secret/, 'the message does not echo the password');
    }
  }
  for (const bad of ['no-reply', 'Shop <no-reply>', 'a@b.example\nBcc: everyone@example.com', 'Shop <a@b.example> extra <c@d.example>']) {
    t.throws(() => readConfig({ MAIL_FROM: bad }), /"MAIL_FROM" must be an address/, `MAIL_FROM ${JSON.stringify(bad)} is refused`);
  }
});

t.test('PUBLIC_URL: required in production, where mail links come from', async (t) => {
  t.throws(() => readConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) }), /PUBLIC_URL is required in production/, 'a production start without it fails, naming it');
  const config = readConfig({ ...production, PUBLIC_URL: 'https://shop.example/' });
  t.equal(config.publicUrl, 'https://shop.example', 'the trailing slash is dropped');
  t.equal(config.mailLinkBase, 'https://shop.example', 'mail links start with PUBLIC_URL');
  t.equal(readConfig({ ...production, PUBLIC_URL: 'https://example.com/shop/' }).mailLinkBase, 'https://example.com/shop', 'a path prefix stays');
  t.equal(readConfig({ PORT: '4000' }).mailLinkBase, 'http://localhost:4000', 'development: http://localhost:<PORT>');
  t.equal(readConfig({ PORT: '4000', PUBLIC_URL: 'http://shop.test:8080' }).mailLinkBase, 'http://shop.test:8080', 'PUBLIC_URL wins in development too');
  t.throws(() => readConfig({ ...production, PUBLIC_URL: 'https://shop.example/?ref=mail' }), /"PUBLIC_URL" must be a URL without a query/);
  t.throws(() => readConfig({ ...production, PUBLIC_URL: 'ftp://shop.example' }), /PUBLIC_URL/);
});

t.test('a production start without PUBLIC_URL stops at once with one line naming it', async (t) => {
  const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
  if (!existsSync(main)) return t.fail('needs examples/server/dist (npm run build)');
  const started = spawnManaged('app without PUBLIC_URL', process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PORT: '0', DATABASE_URL: 'sqlite::memory:' },
  });
  t.teardown(() => stopProcess(started, 'SIGKILL'));
  await Promise.race([started.exited(), sleep(10_000)]);
  t.equal(started.child.exitCode, 1, 'it exits with status 1');
  const output = started.output().trim();
  t.match(output, /^dukaan-kit cannot start: Invalid environment: PUBLIC_URL is required in production/, output);
  t.equal(output.split('\n').length, 1, 'one line, no stack trace');
});

t.test('DATABASE_REPLICA_URL: a PostgreSQL standby for store page reads, only beside a PostgreSQL primary', async (t) => {
  t.equal(readConfig({}).databaseReplicaUrl, null, 'none by default: everything reads DATABASE_URL');
  t.equal(readConfig({ DATABASE_REPLICA_URL: '' }).databaseReplicaUrl, null, 'empty means none');
  const primary = 'postgres://app:secret@db-primary:5432/dukaan';
  const replica = 'postgres://app:secret@db-replica:5432/dukaan';
  t.equal(readConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URL: replica }).databaseReplicaUrl, replica);
  t.throws(() => readConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URL: 'mysql://db-replica/dukaan' }), /DATABASE_REPLICA_URL" must be a postgres:\/\/ URL/);
  t.throws(() => readConfig({ DATABASE_REPLICA_URL: replica }), /DATABASE_REPLICA_URL needs DATABASE_URL on PostgreSQL/, 'SQLite has no replica');
  const error = (() => {
    try {
      readConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URL: 'mysql://app:secret@db-replica/dukaan' });
    } catch (caught) {
      return String(caught);
    }
    return '';
  })();
  t.notMatch(error, /secret/, 'the password is not echoed');
});
