// A host application with its own routes that adds a store builder under /shop.
import { mkdirSync } from 'node:fs';
import Hapi from '@hapi/hapi';
import { createDukaan } from '@dukaan-kit/core';
import { createKnex, migrateLatest, objectionPersistence } from '@dukaan-kit/core/objection';
import { keyvCache } from '@dukaan-kit/core/keyv';
import { diskImageStore } from '@dukaan-kit/core/disk';
import { plugin } from '@dukaan-kit/hapi-plugin';

const dataDir = process.env.DATA_DIR ?? 'data/embed';
mkdirSync(dataDir, { recursive: true });
const knex = createKnex(`sqlite:${dataDir}/shop.db`);
await migrateLatest(knex);
const dukaan = createDukaan({
  persistence: objectionPersistence(knex),
  cache: keyvCache(),
  images: diskImageStore({ directory: `${dataDir}/media`, publicPath: '/shop/media' }),
});

const server = Hapi.server({
  port: Number(process.env.PORT ?? 4000),
  host: '127.0.0.1',
  // Parse cookies leniently: a malformed cookie another app on this host set must not fail every request.
  state: { strictHeader: false, ignoreErrors: true },
});
server.route({ method: 'GET', path: '/', handler: () => ({ app: 'my blog', shop: '/shop' }) });
server.route({ method: 'GET', path: '/about', handler: () => 'The host keeps its own pages.' });

await server.register(
  { plugin, options: { dukaan, sessionSecret: process.env.SESSION_SECRET ?? 'change me: at least thirty-two characters', mediaDir: `${dataDir}/media` } },
  { routes: { prefix: '/shop' } },
);
await server.start();
console.log(`embed-hapi listening on ${server.info.uri} (store builder at ${server.info.uri}/shop)`);

process.on('SIGTERM', async () => {
  await server.stop({ timeout: 5000 });
  await dukaan.close();
  process.exit(0);
});
