import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Hapi from '@hapi/hapi';
import { createDukaan, scryptPasswordHasher, type Cache, type Dukaan } from '@dukaan-kit/core';
import { createKnex, migrateLatest, objectionPersistence } from '@dukaan-kit/core/objection';
import { keyvCache } from '@dukaan-kit/core/keyv';
import { diskImageStore } from '@dukaan-kit/core/disk';
import { testServices, uniqueTestName } from '@dukaan-kit/core/testing';
import { plugin, type DukaanPluginOptions } from '../../src/index.js';

export const sessionSecret = 'a test secret that is long enough for the cookie';

export interface ServerFixture {
  server: Hapi.Server;
  dukaan: Dukaan;
  mediaDir: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  prefix?: string;
  plugin?: Partial<DukaanPluginOptions>;
  /** Replace the cache (e.g. with a broken one). */
  cache?: Cache;
}

export interface ServerVariant {
  name: string;
  open(options?: OpenOptions): Promise<ServerFixture>;
}

async function build(databaseUrl: string, makeCache: () => Cache, schema: string | undefined, options: OpenOptions): Promise<ServerFixture> {
  const knex = createKnex(databaseUrl, { schema });
  await migrateLatest(knex);
  const mediaDir = mkdtempSync(join(tmpdir(), 'dukaan-plugin-media-'));
  const dukaan = createDukaan({
    persistence: objectionPersistence(knex),
    cache: options.cache ?? makeCache(),
    hasher: scryptPasswordHasher({ N: 1024, r: 8, p: 1 }),
    images: diskImageStore({ directory: mediaDir, publicPath: `${options.prefix ?? ''}/media` }),
  });
  const server = Hapi.server({ debug: false });
  await server.register(
    { plugin, options: { dukaan, sessionSecret, mediaDir, ...options.plugin } },
    options.prefix ? { routes: { prefix: options.prefix } } : {},
  );
  await server.initialize();
  return {
    server,
    dukaan,
    mediaDir,
    async close() {
      await server.stop();
      await dukaan.context.cache.close();
      if (schema) await knex.raw(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
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
        const fixture = await build(`sqlite:${join(dir, 'test.db')}`, () => keyvCache(), undefined, options);
        return { ...fixture, close: async () => { await fixture.close(); rmSync(dir, { recursive: true, force: true }); } };
      },
    },
  ];
  if (postgresUrl && redisUrl) {
    variants.push({
      name: 'postgres+redis',
      open: (options = {}) => build(postgresUrl, () => keyvCache({ redisUrl, namespace: uniqueTestName('dkp') }), uniqueTestName('tp'), options),
    });
  }
  return variants;
}

let counter = 0;

/** Signs a vendor up through the API; returns the cookie header and the store. */
export async function signUp(server: Hapi.Server, prefix = '') {
  counter += 1;
  const email = `vendor${counter}.${process.pid}@example.com`;
  const response = await server.inject({
    method: 'POST',
    url: `${prefix}/api/v1/vendors`,
    payload: { email, password: 'correct horse battery', storeName: `Shop ${counter}`, slug: `shop-${counter}-${process.pid}` },
  });
  if (response.statusCode !== 201) throw new Error(`signup failed: ${response.payload}`);
  const setCookie = [response.headers['set-cookie'] ?? []].flat()[0] ?? '';
  const cookie = setCookie.split(';')[0] ?? '';
  const body = JSON.parse(response.payload) as { vendor: { id: string; email: string }; store: { id: string; slug: string; url: string } };
  return { cookie, setCookie, email, ...body, headers: { cookie } };
}

export const customer = { name: 'Asha Rao', phone: '9876543210', address: '12 MG Road, Bengaluru', pincode: '560001' };
