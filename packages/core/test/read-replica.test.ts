// Store page reads on a real PostgreSQL streaming replica: a throwaway primary and standby made
// with initdb and pg_basebackup under a temporary folder, run as the postgres user on free
// loopback ports. The machine's own cluster is never touched.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, appendFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import type { Test } from 'tap';
import type { Knex } from 'knex';
import { createDukaan, type Dukaan } from '../src/index.js';
import { createKnex, migrateLatest, objectionPersistence, objectionReadReplica } from '../src/adapters/objection/index.js';
import { keyvCache } from '../src/adapters/keyv/index.js';
import { readStorefront, type ReadReplica, type StorefrontReads } from '../src/storefront/replica-reads.js';
import { newVersion, versionTime } from '../src/storefront/store-versions.js';
import type { Persistence } from '../src/persistence.js';
import { fastHasher } from './support/core-variants.js';
import { openStore, orderFor } from './support/orders.js';

const requireServices = process.env.DUKAAN_TEST_REQUIRE_SERVICES === '1';

/** The newest PostgreSQL server binaries (14 or later) installed the Debian way, or DUKAAN_TEST_PG_BIN. */
function postgresBin(): string | null {
  const tools = ['initdb', 'pg_basebackup', 'pg_ctl'];
  const has = (dir: string) => tools.every((tool) => existsSync(join(dir, tool)));
  const fromEnv = process.env.DUKAAN_TEST_PG_BIN;
  if (fromEnv) return has(fromEnv) ? fromEnv : null;
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base)
    .filter((name) => /^\d+$/.test(name) && Number(name) >= 14)
    .sort((a, b) => Number(b) - Number(a));
  for (const version of versions) if (has(join(base, version, 'bin'))) return join(base, version, 'bin');
  return null;
}

interface PostgresUser {
  uid: number;
  gid: number;
  /** The command prefix that runs a program as that user. */
  prefix: string[];
}

/** How to run as `postgres`: directly when this process is that user, through runuser when root. */
function postgresUser(): PostgresUser | string {
  let passwd = '';
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch {
    return 'no /etc/passwd to find the postgres user in';
  }
  const line = passwd.split('\n').find((l) => l.startsWith('postgres:'));
  if (!line) return 'no postgres user on this machine';
  const [, , uid, gid] = line.split(':');
  const user = { uid: Number(uid), gid: Number(gid) };
  if (userInfo().uid === user.uid) return { ...user, prefix: [] };
  if (userInfo().uid !== 0) return 'the tests run neither as root nor as postgres: cannot start a server as postgres';
  const runuser = ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((path) => existsSync(path));
  if (!runuser) return 'runuser is not installed';
  return { ...user, prefix: [runuser, '-u', 'postgres', '--'] };
}

const bin = postgresBin();
const user = postgresUser();
const missing = bin === null ? 'PostgreSQL server binaries (initdb, pg_basebackup, pg_ctl) not found' : typeof user === 'string' ? user : null;

function run(command: string[], cwd: string, timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const [file, ...args] = command;
    execFile(file as string, args, { cwd, timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds, for at most `limitMs`; fails naming `what` otherwise. */
async function waitFor(what: string, check: () => Promise<boolean> | boolean, limitMs = 15_000): Promise<void> {
  const until = Date.now() + limitMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out after ${limitMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

interface Cluster {
  primaryUrl: string;
  replicaUrl: string;
  stopReplica(): Promise<void>;
}

/** A primary and a streaming standby of it under a new folder, both stopped and deleted at teardown. */
async function startCluster(t: Test, pgBin: string, pg: PostgresUser): Promise<Cluster> {
  // Under /tmp where there is one: the postgres user must reach the folder, and a TMPDIR under /root it cannot.
  const root = mkdtempSync(join(existsSync('/tmp') ? '/tmp' : tmpdir(), 'dukaan-replica-'));
  const primaryDir = join(root, 'primary');
  const replicaDir = join(root, 'replica');
  // In a folder the postgres user can enter: the tools look at their working directory.
  const asPostgres = (tool: string, args: string[], timeoutMs?: number) => run([...pg.prefix, join(pgBin, tool), ...args], root, timeoutMs);
  const stop = async (dir: string) => {
    if (!existsSync(join(dir, 'postmaster.pid'))) return;
    await asPostgres('pg_ctl', ['stop', '-D', dir, '-m', 'immediate', '-w', '-t', '20'], 30_000).catch(() => {
      // pg_ctl could not stop it: end the postmaster this test started, by its pid.
      const pid = Number(readFileSync(join(dir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid > 0) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    });
  };
  t.teardown(async () => {
    await stop(replicaDir);
    await stop(primaryDir);
    rmSync(root, { recursive: true, force: true });
  });
  chownSync(root, pg.uid, pg.gid);
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const settings = (port: number) =>
    [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      // Sockets in our own folder: the machine's /var/run/postgresql is left alone.
      `unix_socket_directories = '${root}'`,
      'wal_level = replica',
      'max_wal_senders = 4',
      'max_connections = 40',
      'shared_buffers = 16MB',
      // A throwaway cluster: durability to disk buys nothing here (commits still wait for the WAL write).
      'fsync = off',
      '',
    ].join('\n');
  await asPostgres('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--no-sync', '--no-locale', '-E', 'UTF8']);
  appendFileSync(join(primaryDir, 'postgresql.conf'), settings(primaryPort));
  await asPostgres('pg_ctl', ['start', '-D', primaryDir, '-l', join(root, 'primary.log'), '-w', '-t', '30'], 45_000);
  // -R writes primary_conninfo and standby.signal: the copy starts as a streaming standby.
  await asPostgres('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', replicaDir, '-R', '-X', 'stream', '--no-sync']);
  appendFileSync(join(replicaDir, 'postgresql.conf'), settings(replicaPort));
  await asPostgres('pg_ctl', ['start', '-D', replicaDir, '-l', join(root, 'replica.log'), '-w', '-t', '30'], 45_000);
  return {
    primaryUrl: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`,
    replicaUrl: `postgres://postgres@127.0.0.1:${replicaPort}/postgres`,
    stopReplica: () => stop(replicaDir),
  };
}

/** Every statement a knex sends, to tell which server answered what. */
function statements(knex: Knex): string[] {
  const seen: string[] = [];
  knex.on('query', (query: { sql: string }) => void seen.push(query.sql));
  return seen;
}

/** The store page's own reads among them (not the replica's progress measurement, not slug lookups). */
const storefrontReads = (seen: string[]) => seen.filter((sql) => /"products"|"categories"|"product_variants"|"variants"/.test(sql));
const writes = (seen: string[]) => seen.filter((sql) => /\b(insert\s+into|update\s+"?\w+"?\s+set|delete\s+from)\b/i.test(sql));

t.test('where a store page read goes (no database needed)', async (t) => {
  t.equal(versionTime(newVersion(1_700_000_000_123)), 1_700_000_000_123, 'a version carries the time it was made');
  t.equal(versionTime('Zm9vYmFyYmF6'), 0, 'one from before versions carried a time counts as long ago');
  const primaryReads = {} as Persistence;
  const replicaReads = {} as StorefrontReads;
  let caughtUpTo = 1000;
  let replicaFails = false;
  const errors: string[] = [];
  const replica: ReadReplica = {
    async readSince(since, work) {
      if (replicaFails) throw new Error('connection refused');
      return since < caughtUpTo ? { value: await work(replicaReads) } : null;
    },
    close: async () => {},
  };
  const context = { persistence: primaryReads, replica, onError: (_error: unknown, operation: string) => void errors.push(operation) };
  const where = (changedAt: number | undefined, ctx: Parameters<typeof readStorefront>[0] = context) =>
    readStorefront(ctx, changedAt === undefined ? undefined : async () => changedAt, async (reads) => (reads === primaryReads ? 'primary' : 'replica'));
  t.equal(await where(999), 'replica', 'a change the replica has replayed');
  t.equal(await where(1000), 'primary', 'one it has not');
  t.equal(await where(undefined), 'primary', 'a caller that cannot tell when the store changed');
  t.equal(await where(1, { ...context, replica: null }), 'primary', 'no replica configured');
  replicaFails = true;
  t.equal(await where(1), 'primary', 'a failed replica read is answered by the primary');
  t.same(errors, ['read replica'], 'and reported');
});

if (missing) {
  if (requireServices) t.fail(`read replica: ${missing} (DUKAAN_TEST_REQUIRE_SERVICES=1)`);
  else t.test('PostgreSQL primary and streaming replica', { skip: missing }, async () => {});
} else {
  t.test('PostgreSQL primary and streaming replica', async (t) => {
    const cluster = await startCluster(t, bin as string, user as PostgresUser);
    const primary = createKnex(cluster.primaryUrl, { poolMax: 4 });
    const replicaKnex = createKnex(cluster.replicaUrl, { poolMax: 4 });
    const onPrimary = statements(primary);
    const onReplica = statements(replicaKnex);
    await migrateLatest(primary);
    const errors: string[] = [];
    const replica: ReadReplica = objectionReadReplica(primary, replicaKnex, {
      pollMs: 50,
      clockSkewMs: 100,
      coolDownMs: 60_000,
      onError: (error, operation) => void errors.push(`${operation}: ${String(error)}`),
    });
    const dukaan: Dukaan = createDukaan({
      persistence: objectionPersistence(primary),
      replica,
      cache: keyvCache(),
      hasher: fastHasher,
      outbox: { enabled: false },
      sessionSweepIntervalMs: 0,
      // Short: each wait below lets the cached entries lapse, so the next view is a refill.
      storeCacheTtlMs: 200,
      // Versions read from the cache on every request: shown stock follows an order at once, not within 1 s.
      storeCacheLocalTtlMs: 0,
      onError: (error, operation) => void errors.push(`${operation}: ${String(error)}`),
    });
    // Closes the replica's and the primary's knex too.
    t.teardown(() => dukaan.close());
    const clear = () => {
      onPrimary.length = 0;
      onReplica.length = 0;
    };
    const onStandby = (sql: string, bindings: string[] = []) => replicaKnex.raw(sql, bindings);

    /** Until the standby has replayed everything the primary has written so far. */
    const caughtUp = async (what: string) => {
      const position = (await primary.raw('select pg_current_wal_lsn()::text as lsn')) as { rows: { lsn: string }[] };
      const lsn = position.rows[0]?.lsn;
      await waitFor(what, async () => {
        const replayed = (await onStandby('select pg_last_wal_replay_lsn() >= ?::pg_lsn as ok', [lsn ?? '0/0'])) as { rows: { ok: boolean }[] };
        return replayed.rows[0]?.ok === true;
      });
    };
    /**
     * A refill (after the entries lapse) until one reads the replica: the first ones may read the
     * primary until the adapter has noted the primary's position after the change (50 ms polls,
     * slower on a loaded machine). Bounded; the last view is returned with what it read.
     */
    const viewFromReplica = async () => {
      let view: Awaited<ReturnType<Dukaan['storefront']['view']>>['view'] | undefined;
      await waitFor('a refill from the replica', async () => {
        await sleep(250);
        clear();
        view = (await dukaan.storefront.view(store.slug)).view;
        return storefrontReads(onReplica).length > 0;
      });
      return view as NonNullable<typeof view>;
    };
    const { store } = await openStore(dukaan);
    const product = await dukaan.catalog.createProduct(store.id, { name: 'Chai', price: 1000, stock: 10 });
    await caughtUp('the replica to replay the new store');

    await t.test('a store nobody changed lately is read from the replica', async (t) => {
      const view = await viewFromReplica();
      t.equal(view.products[0]?.name, 'Chai');
      t.ok(storefrontReads(onReplica).length > 0, 'the catalogue came from the replica');
      t.same(storefrontReads(onPrimary), [], 'and not from the primary');
    });

    await t.test('while the replica lags, a change is read from the primary, never cached stale', async (t) => {
      await onStandby('select pg_wal_replay_pause()');
      await waitFor('replay to pause', async () => {
        // "paused", not just "pause requested" (PostgreSQL 14+, hence the version floor above).
        const result = (await onStandby('select pg_get_wal_replay_pause_state() as state')) as { rows: { state: string }[] };
        return result.rows[0]?.state === 'paused';
      });
      t.teardown(() => onStandby('select pg_wal_replay_resume()').then(() => undefined, () => undefined));
      await dukaan.catalog.updateProduct(store.id, product.id, { price: 1500 });
      const standbyRow = (await replicaKnex('product_variants').where({ product_id: product.id }).first()) as { price: string | number };
      t.equal(Number(standbyRow.price), 1000, 'the standby still has the old price');
      // Several refills (TTL 200 ms) and measurements (50 ms) while replay stays paused.
      for (let i = 0; i < 4; i += 1) {
        clear();
        const { view } = await dukaan.storefront.view(store.slug);
        t.equal(view.products[0]?.price, 1500, `refill ${i + 1} shows the new price`);
        t.same(storefrontReads(onReplica), [], 'read from the primary');
        await sleep(250);
      }

      clear();
      const { order } = await dukaan.orders.place(store.slug, orderFor([{ productId: product.id, quantity: 3 }]));
      t.same(writes(onReplica), [], 'checkout wrote nothing through the replica');
      t.ok(writes(onPrimary).length > 0, 'it wrote to the primary');
      t.equal((await dukaan.orders.getByToken(store.slug, order.token)).id, order.id, 'the tracking link finds the order at once');
      const { view } = await dukaan.storefront.view(store.slug);
      t.equal(view.products[0]?.stock, 7, 'stock shown right after the order is the primary’s');
      t.same(storefrontReads(onReplica), [], 'also read from the primary');
    });

    await t.test('once the replica has replayed the change, refills go back to it', async (t) => {
      await onStandby('select pg_wal_replay_resume()');
      await caughtUp('the replica to catch up past the change');
      const view = await viewFromReplica();
      t.equal(view.products[0]?.price, 1500);
      t.equal(view.products[0]?.stock, 7);
      t.ok(storefrontReads(onReplica).length > 0, 'from the replica');
      t.same(storefrontReads(onPrimary), [], 'not the primary');
    });

    await t.test('a stopped replica costs nothing but primary reads', async (t) => {
      await cluster.stopReplica();
      await sleep(250);
      const { view } = await dukaan.storefront.view(store.slug);
      t.equal(view.products[0]?.stock, 7, 'the store page still answers');
      t.ok(errors.some((e) => e.startsWith('read replica')), 'the failed replica read was reported');
      await dukaan.orders.place(store.slug, orderFor([{ productId: product.id, quantity: 1 }]));
      await sleep(250);
      clear();
      const again = await dukaan.storefront.view(store.slug);
      t.equal(again.view.products[0]?.stock, 6, 'checkout and the page work on the primary alone');
      t.ok(storefrontReads(onPrimary).length > 0, 'from the primary');
      t.same(storefrontReads(onReplica), [], 'the replica is not asked again during its cool-down');
    });
  });
}
