import Hapi from '@hapi/hapi';
import HapiPino from 'hapi-pino';
import { createDukaan, type Dukaan } from '@dukaan-kit/core';
import { diskImageStore } from '@dukaan-kit/core/disk';
import { keyvCache, noCache } from '@dukaan-kit/core/keyv';
import { createKnex, migrateLatest, objectionPersistence, objectionReadReplica } from '@dukaan-kit/core/objection';
import { plugin } from '@dukaan-kit/hapi-plugin';
import type { AppConfig } from './config.js';
import { logSerializers, mailErrorForLog, requestCompleteMessage } from './log-redaction.js';
import { describeMail, mailerFor } from './mail.js';

export interface App {
  server: Hapi.Server;
  dukaan: Dukaan;
  /** Stops accepting, lets in-flight requests finish, closes the database and the cache. */
  stop(): Promise<void>;
}

export interface BuildOptions {
  /** Where the JSON log lines go (default: stdout); tests capture them. */
  logStream?: NodeJS.WriteStream;
}

/** The in-process shared cache's bound when there is no REDIS_URL (keyvCache's default is 64 MiB). */
const inProcessCacheBytes = 32 * 1024 * 1024;

/** Builds the reference app from its configuration: adapters, migrations, plugin. */
export async function buildApp(config: AppConfig, options: BuildOptions = {}): Promise<App> {
  const knex = createKnex(config.databaseUrl);
  await migrateLatest(knex);
  // Bound late: the logger exists only once hapi-pino is registered below.
  let logCacheError = (_error: unknown, _operation: string): void => {};
  let logBackgroundError = (error: unknown, _operation: string): void => console.error(error);
  let logOutboxFile = (_info: { file: string; kind: string }): void => {};
  const mailer = mailerFor(config, (info) => logOutboxFile(info));
  const dukaan = createDukaan({
    storeCacheLocalTtlMs: config.cacheLocalTtlMs,
    onCacheError: (error, operation) => logCacheError(error, operation),
    onError: (error, operation) => logBackgroundError(error, operation),
    persistence: objectionPersistence(knex),
    // Store page cache refills only, and only once the standby has replayed the store's last change;
    // no migrations run there (they arrive by replication). dukaan.close() closes it.
    replica: config.databaseReplicaUrl
      ? objectionReadReplica(knex, createKnex(config.databaseReplicaUrl), { onError: (error, operation) => logBackgroundError(error, operation) })
      : null,
    // Without Redis the "shared" cache is this process's memory too, behind core's in-process
    // layer (16 MiB): 32 MiB of serialized entries keeps both within the 150 MB an instance aims
    // for (docs/scaling.md, Memory).
    cache: !config.cacheEnabled ? noCache() : keyvCache(config.redisUrl ? { redisUrl: config.redisUrl, namespace: 'dukaan' } : { memoryMaxBytes: inProcessCacheBytes }),
    images: diskImageStore({ directory: config.mediaDir, publicPath: '/media' }),
    // Throttling is core policy now, shared by the JSON API and the page forms.
    // Sign-ups count under the login setting, as they did when the plugin held the limits.
    limits: { login: config.rateLimitLogin, checkout: config.rateLimitCheckout, signup: config.rateLimitLogin },
    // Links in mail start with PUBLIC_URL (or http://localhost:<PORT> in development), never a request's Host.
    mail: { mailer, publicUrl: config.mailLinkBase },
    // Loopback, private and link-local webhook URLs are refused unless WEBHOOK_ALLOW_PRIVATE=1 (SSRF).
    webhooks: { allowPrivate: config.webhookAllowPrivate },
    // Every instance runs a dispatcher; on PostgreSQL they share the work.
    outbox: { pollIntervalMs: config.outboxPollIntervalMs, leaseMs: config.outboxLeaseMs },
  });
  const server = Hapi.server({
    port: config.port,
    host: config.host,
    // Node's keep-alive must outlive nginx's upstream keepalive (4 s) so nginx never reuses a closed socket.
    routes: { timeout: { server: 30_000, socket: 35_000 } },
    // One malformed cookie from a third party on the same domain (analytics: `_ga="unterminated`)
    // must not turn every route into hapi's 400: parse leniently and skip what cannot be read.
    state: { strictHeader: false, ignoreErrors: true },
  });
  server.listener.keepAliveTimeout = 5_000;
  await server.register({
    plugin: HapiPino,
    options: {
      level: config.logLevel,
      // Credentials, tracking tokens and Idempotency-Keys are scrubbed by the serializers (log-redaction.ts).
      serializers: logSerializers,
      customRequestCompleteMessage: requestCompleteMessage,
      ignorePaths: ['/healthz'],
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
  });
  // A Redis outage would otherwise show only through /readyz: say which cache call failed.
  logCacheError = (error, operation) => server.logger.warn({ operation, err: error }, 'cache call failed; served without the cache');
  // Background work (the expired-session sweeper) has no request to fail: its errors go to the log.
  // Mail that failed after its retries (operation "mail <kind>") is logged without the recipient.
  // The outbox's order mail ("outbox mail:vendor", "outbox mail:customer") is mail too: no address in the log.
  logBackgroundError = (error, operation) =>
    operation.startsWith('mail') || operation.startsWith('outbox mail')
      ? server.logger.error({ operation, err: mailErrorForLog(error) }, 'mail could not be sent')
      : server.logger.error({ operation, err: error }, 'background work failed');
  // The file, not its contents: the link inside is for the vendor only.
  logOutboxFile = ({ file, kind }) => server.logger.info({ mail: { file, kind } }, 'mail written to the outbox');
  if (config.webhookAllowPrivate) {
    server.logger.warn({ webhooks: { allowPrivate: true } }, 'WEBHOOK_ALLOW_PRIVATE=1: webhooks may reach loopback and private addresses; keep it off where vendors you do not control add webhooks');
  }
  const mail = describeMail(config);
  if (config.production && !config.smtpUrl) {
    server.logger.warn({ mail }, 'SMTP_URL is not set: mail goes to the file outbox and reaches nobody');
  } else {
    server.logger.info({ mail }, 'mail set up');
  }
  await server.register({
    plugin,
    options: {
      dukaan,
      sessionSecret: config.sessionSecret,
      ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
      // Unset: any well-formed Host is answered (no request header creates cache entries either way).
      ...(config.allowedHosts.length > 0 ? { allowedHosts: config.allowedHosts } : {}),
      trustProxy: config.trustProxy,
      mediaDir: config.mediaDir,
      // The reference app owns the root: the plugin's landing page (what it is, open a store, log in).
      landingPage: true,
    },
  });
  return {
    server,
    dukaan,
    async stop() {
      await server.stop({ timeout: 10_000 });
      await dukaan.close();
    },
  };
}
