import { randomBytes } from 'node:crypto';
import Joi from 'joi';

/** The reference app's settings, read from the environment (the root README's Configuration table lists them). */
export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string;
  redisUrl: string | null;
  /** false with CACHE=off: a cache that always misses (benchmarks of the uncached path). */
  cacheEnabled: boolean;
  /** CACHE_LOCAL_TTL_MS: how long an instance trusts its in-process copy of a store's version (0: always ask Redis). */
  cacheLocalTtlMs: number;
  sessionSecret: string;
  mediaDir: string;
  publicUrl: string | null;
  logLevel: string;
  trustProxy: string[];
  /** ALLOWED_HOSTS: the Host headers the app answers (others get 421; /healthz and /readyz any); empty: any well-formed host. */
  allowedHosts: string[];
  rateLimitLogin: number;
  rateLimitCheckout: number;
  production: boolean;
}

const schema = Joi.object({
  PORT: Joi.number().integer().min(0).max(65535).default(3000),
  HOST: Joi.string().default('127.0.0.1'),
  DATABASE_URL: Joi.string().default('sqlite:data/dukaan.db'),
  REDIS_URL: Joi.string().uri({ scheme: ['redis', 'rediss'] }).empty('').default(null),
  CACHE: Joi.string().valid('on', 'off').empty('').default('on'),
  CACHE_LOCAL_TTL_MS: Joi.number().integer().min(0).max(60_000).empty('').default(1000),
  SESSION_SECRET: Joi.string().min(32).empty(''),
  MEDIA_DIR: Joi.string().default('data/media'),
  PUBLIC_URL: Joi.string().uri({ scheme: ['http', 'https'] }).empty('').default(null),
  LOG_LEVEL: Joi.string().valid('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent').default('info'),
  TRUST_PROXY: Joi.string().empty('').default(''),
  ALLOWED_HOSTS: Joi.string().empty('').default(''),
  RATE_LIMIT_LOGIN: Joi.number().integer().min(0).empty('').default(10),
  RATE_LIMIT_CHECKOUT: Joi.number().integer().min(0).empty('').default(30),
  NODE_ENV: Joi.string().empty('').default('development'),
}).unknown();

/** Reads and checks the environment; throws a message naming the bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const value = Joi.attempt(env, schema, 'Invalid environment:') as Record<string, string | number | null>;
  const production = value.NODE_ENV === 'production';
  if (production && !value.SESSION_SECRET) throw new Error('Invalid environment: SESSION_SECRET (32+ characters) is required in production');
  return {
    port: value.PORT as number,
    host: value.HOST as string,
    databaseUrl: value.DATABASE_URL as string,
    redisUrl: (value.REDIS_URL as string | null) ?? null,
    cacheEnabled: value.CACHE !== 'off',
    cacheLocalTtlMs: value.CACHE_LOCAL_TTL_MS as number,
    // A development secret per start: sessions end on restart, which is fine on a laptop.
    sessionSecret: (value.SESSION_SECRET as string | undefined) ?? randomBytes(32).toString('base64url'),
    mediaDir: value.MEDIA_DIR as string,
    publicUrl: (value.PUBLIC_URL as string | null) ?? null,
    logLevel: value.LOG_LEVEL as string,
    trustProxy: list(value.TRUST_PROXY),
    // Host headers compare case-insensitively and exactly: list `host:port` too where a port is part of the URL.
    allowedHosts: list(value.ALLOWED_HOSTS).map((host) => host.toLowerCase()),
    rateLimitLogin: value.RATE_LIMIT_LOGIN as number,
    rateLimitCheckout: value.RATE_LIMIT_CHECKOUT as number,
    production,
  };
}

/** A comma-separated setting as a list, blanks dropped. */
function list(value: unknown): string[] {
  return String(value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}
