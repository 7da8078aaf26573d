import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { createDukaan, scryptPasswordHasher, type CacheStores, type Dukaan, type DukaanOptions, type Persistence } from '../../src/index.js';
import { countQueries, createKnex, migrateLatest, objectionPersistence } from '../../src/adapters/objection/index.js';
import { keyvCache } from '../../src/adapters/keyv/index.js';
import { diskImageStore } from '../../src/adapters/disk/index.js';
import { testServices, uniqueTestName } from '../../src/testing/services.js';

/** A wired core on a real database and cache, with what a test needs to look underneath. */
export interface CoreFixture {
  dukaan: Dukaan;
  knex: Knex;
  /** The database port the instances use, to look underneath the use cases. */
  persistence: Persistence;
  /** Makes the cache stores an instance gets (a fresh connection for Redis, the shared one for memory). */
  makeCache(): CacheStores;
  queries: { readonly count: number; reset(): void };
  mediaDir: string;
  /** Another core on the same database and cache, as a second app instance would be. */
  secondInstance(): Dukaan;
  close(): Promise<void>;
}

export interface CoreVariant {
  name: string;
  open(options?: Partial<DukaanOptions>): Promise<CoreFixture>;
}

/** Cheap scrypt parameters: the tests exercise the logic, not the cost. */
export const fastHasher = scryptPasswordHasher({ N: 1024, r: 8, p: 1 });

async function wire(knex: Knex, newCache: () => CacheStores, drop: () => Promise<void>, options: Partial<DukaanOptions>): Promise<CoreFixture> {
  await migrateLatest(knex);
  const mediaDir = mkdtempSync(join(tmpdir(), 'dukaan-media-'));
  const queries = countQueries(knex);
  // Every instance closes through dukaan.close() (its timers and caches); the shared knex is closed once, last.
  const persistence: Persistence = { ...objectionPersistence(knex), close: async () => {} };
  const caches: CacheStores[] = [];
  const makeCache = () => {
    const cache = newCache();
    caches.push(cache);
    return cache;
  };
  const make = () =>
    createDukaan({
      persistence,
      cache: makeCache(),
      hasher: fastHasher,
      images: diskImageStore({ directory: mediaDir, publicPath: '/media' }),
      // No background dispatcher unless a test asks for one: its queries would land in query counts.
      outbox: { enabled: false },
      ...options,
    });
  const instances: Dukaan[] = [make()];
  return {
    dukaan: instances[0] as Dukaan,
    knex,
    persistence,
    makeCache,
    queries,
    mediaDir,
    secondInstance() {
      const instance = make();
      instances.push(instance);
      return instance;
    },
    async close() {
      // The instances share one knex: close them (timers, caches; closing a cache twice is harmless), then the database once.
      await Promise.all(instances.map((instance) => instance.close()));
      await Promise.all(caches.map((cache) => cache.close()));
      await drop();
      await knex.destroy();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

function sqliteVariant(): CoreVariant {
  return {
    name: 'sqlite+memory',
    async open(options = {}) {
      const dir = mkdtempSync(join(tmpdir(), 'dukaan-sqlite-'));
      const knex = createKnex(`sqlite:${join(dir, 'test.db')}`);
      // One memory cache shared by every instance: in-process, as a single SQLite process would have.
      const cache = keyvCache();
      return wire(knex, () => cache, async () => rmSync(dir, { recursive: true, force: true }), options);
    },
  };
}

function postgresVariant(postgresUrl: string, redisUrl: string): CoreVariant {
  return {
    name: 'postgres+redis',
    async open(options = {}) {
      const schema = uniqueTestName('t');
      const namespace = uniqueTestName('dk');
      const knex = createKnex(postgresUrl, { schema, poolMax: 20 });
      return wire(knex, () => keyvCache({ redisUrl, namespace }), async () => {
        await knex.raw(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      }, options);
    },
  };
}

/** SQLite with the memory cache always; PostgreSQL with Redis when the runner says they are there. */
export function coreVariants(): CoreVariant[] {
  const { postgresUrl, redisUrl } = testServices();
  const variants = [sqliteVariant()];
  if (postgresUrl && redisUrl) variants.push(postgresVariant(postgresUrl, redisUrl));
  return variants;
}
