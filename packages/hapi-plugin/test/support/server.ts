import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Hapi from '@hapi/hapi';
import { createDukaan, scryptPasswordHasher, type CacheStores, type Dukaan, type Mailer } from '@dukaan-kit/core';
import { createKnex, migrateLatest, objectionPersistence } from '@dukaan-kit/core/objection';
import { keyvCache } from '@dukaan-kit/core/keyv';
import { diskImageStore } from '@dukaan-kit/core/disk';
import { testServices, uniqueTestName } from '@dukaan-kit/core/testing';
import { plugin, type DukaanPluginOptions } from '../../src/index.js';

export const sessionSecret = 'a test secret that is long enough for the cookie';

type Knex = ReturnType<typeof createKnex>;

export interface ServerFixture {
  server: Hapi.Server;
  dukaan: Dukaan;
  mediaDir: string;
  /** The database handle, e.g. to destroy it in a readiness test (`knex.initialize()` brings it back). */
  knex: Knex;
  /**
   * A second instance: its own hapi server and core on the same database and the same cache
   * (for Redis, a new connection to the same namespace), unless `options.cache` replaces it.
   * Closed with the fixture.
   */
  sibling(options?: OpenOptions): Promise<{ server: Hapi.Server; dukaan: Dukaan }>;
  close(): Promise<void>;
}

export interface OpenOptions {
  prefix?: string;
  plugin?: Partial<DukaanPluginOptions>;
  /** Replace the cache (e.g. with a broken one). */
  cache?: CacheStores;
  /** Core's rate limits; all off unless a test sets them (the suites sign up and order from one address). */
  limits?: { login?: number; checkout?: number; signup?: number; passwordReset?: number };
  /** Core's mail: a mailer (an SMTP one at a test catcher) and the pages' absolute URL for links. */
  mail?: { mailer: Mailer; publicUrl: string };
}

export interface ServerVariant {
  name: string;
  open(options?: OpenOptions): Promise<ServerFixture>;
}

async function instance(knex: Knex, cache: CacheStores, mediaDir: string, options: OpenOptions) {
  const dukaan = createDukaan({
    persistence: objectionPersistence(knex),
    cache,
    hasher: scryptPasswordHasher({ N: 1024, r: 8, p: 1 }),
    images: diskImageStore({ directory: mediaDir, publicPath: `${options.prefix ?? ''}/media` }),
    // Tap runs files in parallel; a loaded machine must not trip the 50 ms production bound and
    // fail the cache open in the middle of a rate-limit test.
    cacheTimeoutMs: 1000,
    limits: { login: 0, checkout: 0, signup: 0, passwordReset: 0, ...options.limits },
    ...(options.mail ? { mail: options.mail } : {}),
    sessionSweepIntervalMs: 0,
    // Tests that need delivery run the dispatcher themselves (dukaan.outbox.runOnce).
    outbox: { enabled: false },
  });
  // The first Redis connection is made before any test counts on the cache (not for test doubles).
  if (!options.cache) await cache.ping().catch(() => {});
  const server = Hapi.server({ debug: false });
  await server.register(
    { plugin, options: { dukaan, sessionSecret, mediaDir, ...options.plugin } },
    options.prefix ? { routes: { prefix: options.prefix } } : {},
  );
  await server.initialize();
  return { server, dukaan };
}

/** `sameCache` gives another handle on the cache the first instance uses (the same object for an in-memory cache). */
async function build(databaseUrl: string, makeCache: () => CacheStores, sameCache: (first: CacheStores) => CacheStores, schema: string | undefined, options: OpenOptions): Promise<ServerFixture> {
  const knex = createKnex(databaseUrl, { schema });
  await migrateLatest(knex);
  const mediaDir = mkdtempSync(join(tmpdir(), 'dukaan-plugin-media-'));
  const cache = options.cache ?? makeCache();
  const { server, dukaan } = await instance(knex, cache, mediaDir, options);
  const siblings: Array<{ server: Hapi.Server; cache: CacheStores | null }> = [];
  return {
    server,
    dukaan,
    mediaDir,
    knex,
    async sibling(siblingOptions = {}) {
      const siblingCache = siblingOptions.cache ?? sameCache(cache);
      const made = await instance(knex, siblingCache, mediaDir, { ...options, ...siblingOptions, cache: siblingCache });
      siblings.push({ server: made.server, cache: siblingCache === cache ? null : siblingCache });
      return made;
    },
    async close() {
      for (const sibling of siblings) {
        await sibling.server.stop();
        await sibling.cache?.close();
      }
      await server.stop();
      // Mail still queued (a deferred reset looks the email up) must run before its schema goes.
      await dukaan.mail.idle();
      if (schema) await knex.raw(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await dukaan.close();
      await knex.destroy();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

/** SQLite + memory always; PostgreSQL + Redis when available (required in CI). */
export function serverVariants(): ServerVariant[] {
  const { postgresUrl, redisUrl } = testServices();
  const variants: ServerVariant[] = [
    {
      name: 'sqlite+memory',
      async open(options = {}) {
        const dir = mkdtempSync(join(tmpdir(), 'dukaan-plugin-db-'));
        const fixture = await build(`sqlite:${join(dir, 'test.db')}`, () => keyvCache(), (first) => first, undefined, options);
        return { ...fixture, close: async () => { await fixture.close(); rmSync(dir, { recursive: true, force: true }); } };
      },
    },
  ];
  if (postgresUrl && redisUrl) {
    variants.push({
      name: 'postgres+redis',
      open(options = {}) {
        const namespace = uniqueTestName('dkp');
        const makeCache = () => keyvCache({ redisUrl, namespace });
        return build(postgresUrl, makeCache, (first) => (options.cache ? first : makeCache()), uniqueTestName('tp'), options);
      },
    });
  }
  return variants;
}

let counter = 0;

/** Signs a vendor up through the API; returns the cookie header and the store. */
export async function signUp(server: Hapi.Server, prefix = '', remoteAddress?: string) {
  counter += 1;
  const email = `vendor${counter}.${process.pid}@example.com`;
  const response = await server.inject({
    method: 'POST',
    url: `${prefix}/api/v1/vendors`,
    ...(remoteAddress ? { remoteAddress } : {}),
    payload: { email, password: 'correct horse battery', storeName: `Shop ${counter}`, slug: `shop-${counter}-${process.pid}` },
  });
  if (response.statusCode !== 201) throw new Error(`signup failed: ${response.payload}`);
  const setCookie = [response.headers['set-cookie'] ?? []].flat()[0] ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  const body = JSON.parse(response.payload) as { vendor: { id: string; email: string }; store: { id: string; slug: string; url: string } };
  return { cookie, setCookie, email, ...body, headers: { cookie } };
}

export const customer = { name: 'Asha Rao', phone: '9876543210', address: '12 MG Road, Bengaluru', pincode: '560001' };
