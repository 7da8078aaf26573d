import { randomBytes } from 'node:crypto';
import Joi from 'joi';

/** The reference app's settings, read from the environment (the root README's Configuration table lists them). */
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string;
  /** DATABASE_REPLICA_URL: a PostgreSQL streaming standby of DATABASE_URL for store page reads; null: everything reads DATABASE_URL. */
  databaseReplicaUrl: string | null;
  redisUrl: string | null;
  /** false with CACHE=off: a cache that always misses (benchmarks of the uncached path). */
  cacheEnabled: boolean;
  /** CACHE_LOCAL_TTL_MS: how long an instance trusts its in-process copy of a store's version (0: always ask Redis). */
  cacheLocalTtlMs: number;
  sessionSecret: string;
  mediaDir: string;
  /** PUBLIC_URL without a trailing slash; required in production (mail links are built from it). */
  publicUrl: string | null;
  /**
   * The absolute URL every link in mail starts with: PUBLIC_URL, or in development
   * http://localhost:<PORT>. Never taken from a request's Host header, which a sender controls.
   */
  mailLinkBase: string;
  /** SMTP_URL: smtp:// or smtps:// with credentials; null sends mail to the file outbox instead. */
  smtpUrl: string | null;
  /** MAIL_FROM: the From header of every mail. */
  mailFrom: string;
  /** MAIL_OUTBOX_DIR: where the file outbox writes .eml files when there is no SMTP_URL. */
  mailOutboxDir: string;
  logLevel: string;
  trustProxy: string[];
  /** ALLOWED_HOSTS: the Host headers the app answers (others get 421; /healthz and /readyz any); empty: any well-formed host. */
  allowedHosts: string[];
  rateLimitLogin: number;
  rateLimitCheckout: number;
  /** WEBHOOK_ALLOW_PRIVATE=1: webhooks may reach loopback, private and link-local addresses (tests, a receiver on the same network). */
  webhookAllowPrivate: boolean;
  /** OUTBOX_POLL_INTERVAL_MS: how often this instance's outbox dispatcher looks for due webhooks and order mail. */
  outboxPollIntervalMs: number;
  /** OUTBOX_LEASE_MS: how long a delivery this instance took stays its own; another instance takes it over after (a crash mid-delivery). */
  outboxLeaseMs: number;
  production: boolean;
}

const smtpUrlMessage = '{{#label}} must be an smtp:// or smtps:// URL, e.g. smtps://user:password@smtp.example.com:465 (percent-encode special characters in the password)';
/** `name@domain` or `Display Name <name@domain>`, one line (a newline would inject a header). */
const mailbox = /^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/;

const schema = Joi.object({
  PORT: Joi.number().integer().min(0).max(65535).default(3000),
  HOST: Joi.string().default('127.0.0.1'),
  DATABASE_URL: Joi.string().default('sqlite:data/dukaan.db'),
  // Never echo the value: it may hold a password.
  DATABASE_REPLICA_URL: Joi.string()
    .pattern(/^postgres(ql)?:\/\//i)
    .empty('')
    .default(null)
    .messages({ 'string.pattern.base': '{{#label}} must be a postgres:// URL of a streaming standby of DATABASE_URL' }),
  REDIS_URL: Joi.string().uri({ scheme: ['redis', 'rediss'] }).empty('').default(null),
  CACHE: Joi.string().valid('on', 'off').empty('').default('on'),
  CACHE_LOCAL_TTL_MS: Joi.number().integer().min(0).max(60_000).empty('').default(1000),
  SESSION_SECRET: Joi.string().min(32).empty(''),
  MEDIA_DIR: Joi.string().default('data/media'),
  PUBLIC_URL: Joi.string()
    .uri({ scheme: ['http', 'https'] })
    // Links are `${PUBLIC_URL}/reset-password?…`: a query or fragment here would break every one of them.
    .pattern(/^[^?#]*$/)
    .replace(/\/+$/, '')
    .empty('')
    .default(null)
    .messages({ 'string.pattern.base': '{{#label}} must be a URL without a query or fragment, e.g. https://shop.example' }),
  SMTP_URL: Joi.string()
    .uri({ scheme: ['smtp', 'smtps'] })
    .empty('')
    .default(null)
    // Never echo the value: it holds the SMTP password.
    .messages({
      'string.uri': smtpUrlMessage,
      'string.uriCustomScheme': smtpUrlMessage,
    }),
  MAIL_FROM: Joi.string()
    .pattern(mailbox)
    .empty('')
    .default('Dukaan <no-reply@localhost>')
    .messages({ 'string.pattern.base': '{{#label}} must be an address, e.g. no-reply@shop.example or "Shop <no-reply@shop.example>"' }),
  MAIL_OUTBOX_DIR: Joi.string().empty('').default('data/outbox'),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  TRUST_PROXY: Joi.string().empty('').default(''),
  ALLOWED_HOSTS: Joi.string().empty('').default(''),
  RATE_LIMIT_LOGIN: Joi.number().integer().min(0).empty('').default(10),
  RATE_LIMIT_CHECKOUT: Joi.number().integer().min(0).empty('').default(30),
  WEBHOOK_ALLOW_PRIVATE: Joi.boolean().truthy('1').falsy('0').empty('').default(false)
    .messages({ 'boolean.base': '{{#label}} must be 1 (allow) or 0 (refuse, the default)' }),
  OUTBOX_POLL_INTERVAL_MS: Joi.number().integer().min(50).max(60_000).empty('').default(2000),
  // Above the webhook timeout (5 s): a lease that ran out mid-delivery would let a second instance send it too.
  OUTBOX_LEASE_MS: Joi.number().integer().min(7000).max(3600_000).empty('').default(30_000),
  NODE_ENV: Joi.string().empty('').default('development'),
}).unknown();

/** Reads and checks the environment; throws a message naming the bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const value = Joi.attempt(env, schema, 'Invalid environment:') as Record<string, string | number | null>;
  const production = value.NODE_ENV === 'production';
  if (production && !value.SESSION_SECRET) throw new Error('Invalid environment: SESSION_SECRET (32+ characters) is required in production');
  const publicUrl = (value.PUBLIC_URL as string | null) ?? null;
  // Mail links must point at the real site: in production nothing else can be trusted to say where that is.
  if (production && !publicUrl) {
    throw new Error('Invalid environment: PUBLIC_URL is required in production: the absolute URL of the site (e.g. https://shop.example), which links in mail are built from');
  }
  const databaseReplicaUrl = (value.DATABASE_REPLICA_URL as string | null) ?? null;
  if (databaseReplicaUrl && !/^postgres(ql)?:\/\//i.test(value.DATABASE_URL as string)) {
    throw new Error('Invalid environment: DATABASE_REPLICA_URL needs DATABASE_URL on PostgreSQL (a replica is a PostgreSQL standby of it)');
  }
  return {
    port: value.PORT as number,
    host: value.HOST as string,
    databaseUrl: value.DATABASE_URL as string,
    databaseReplicaUrl,
    redisUrl: (value.REDIS_URL as string | null) ?? null,
    cacheEnabled: value.CACHE !== 'off',
    cacheLocalTtlMs: value.CACHE_LOCAL_TTL_MS as number,
    // A development secret per start: sessions end on restart, which is fine on a laptop.
    sessionSecret: (value.SESSION_SECRET as string | undefined) ?? randomBytes(32).toString('base64url'),
    mediaDir: value.MEDIA_DIR as string,
    publicUrl,
    mailLinkBase: publicUrl ?? `http://localhost:${value.PORT as number}`,
    smtpUrl: (value.SMTP_URL as string | null) ?? null,
    mailFrom: value.MAIL_FROM as string,
    mailOutboxDir: value.MAIL_OUTBOX_DIR as string,
    logLevel: value.LOG_LEVEL as string,
    trustProxy: list(value.TRUST_PROXY),
    // Host headers compare case-insensitively and exactly: list `host:port` too where a port is part of the URL.
    allowedHosts: list(value.ALLOWED_HOSTS).map((host) => host.toLowerCase()),
    rateLimitLogin: value.RATE_LIMIT_LOGIN as number,
    rateLimitCheckout: value.RATE_LIMIT_CHECKOUT as number,
    webhookAllowPrivate: value.WEBHOOK_ALLOW_PRIVATE as unknown as boolean,
    outboxPollIntervalMs: value.OUTBOX_POLL_INTERVAL_MS as number,
    outboxLeaseMs: value.OUTBOX_LEASE_MS as number,
    production,
  };
}

/** A comma-separated setting as a list, blanks dropped. */
function list(value: unknown): string[] {
  return String(value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
