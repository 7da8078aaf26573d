import { resolve } from 'node:path';
import Joi from 'joi';
import type { Dukaan } from '@dukaan-kit/core';

/** What `server.register({ plugin, options })` takes. */
export interface DukaanPluginOptions {
  /** The wired core (`createDukaan(...)`); the plugin never opens a database itself. */
  dukaan: Dukaan;
  /** At least 32 characters; seals the session cookie and signs CSRF tokens. */
  sessionSecret: string;
  /** Absolute origin the app is reached at (for store links and Open Graph tags); default: from the request. */
  publicUrl?: string;
  cookie?: {
    /** Default 'dukaan_session'. */
    name?: string;
    /** Send the cookie over HTTPS only. Default: true when publicUrl is https. */
    secure?: boolean;
  };
  /** Attempts per minute per client address (login also per account); 0 turns a limit off. */
  rateLimits?: { login?: number; checkout?: number };
  /** Proxy addresses (IPs or CIDRs) whose X-Forwarded-For is believed. Default: none. */
  trustProxy?: string[];
  /** Serve uploaded images from this directory under `{prefix}/media` (nginx does it in production). */
  mediaDir?: string;
  /** Serve the HTML pages (storefront and dashboard). Default true. */
  pages?: boolean;
}

export interface ResolvedOptions {
  dukaan: Dukaan;
  sessionSecret: string;
  publicUrl: string | null;
  cookie: { name: string; secure: boolean };
  rateLimits: { login: number; checkout: number };
  trustProxy: string[];
  mediaDir: string | null;
  pages: boolean;
}

function isDukaan(value: unknown): value is Dukaan {
  const candidate = value as Partial<Record<keyof Dukaan, unknown>> | null;
  return typeof candidate === 'object' && candidate !== null && ['vendors', 'orders', 'catalog', 'auth', 'storefront', 'rateLimiter', 'context'].every((key) => typeof candidate[key as keyof Dukaan] === 'object');
}

const schema = Joi.object({
  // Joi.object() would hand back a copy; the plugin must serve (and expose) the very core it was given.
  dukaan: Joi.any()
    .custom((value: unknown, helpers) => (isDukaan(value) ? value : helpers.error('any.invalid')))
    .required()
    .messages({ 'any.invalid': '{{#label}} must be the core made by createDukaan()' }),
  sessionSecret: Joi.string().min(32).required(),
  publicUrl: Joi.string().uri({ scheme: ['http', 'https'] }).replace(/\/+$/, '').default(null),
  cookie: Joi.object({
    name: Joi.string().pattern(/^[\w-]+$/).default('dukaan_session'),
    secure: Joi.boolean(),
  }).default(),
  rateLimits: Joi.object({
    login: Joi.number().integer().min(0).default(10),
    checkout: Joi.number().integer().min(0).default(30),
  }).default(),
  trustProxy: Joi.array().items(Joi.string().ip({ cidr: 'optional' })).default([]),
  // inert wants an absolute directory; a relative one is taken from the working directory.
  mediaDir: Joi.string().custom((value: string) => resolve(value)).default(null),
  pages: Joi.boolean().default(true),
});

/** Validates once at registration, so a bad option fails start-up with its name in the message. */
export function resolveOptions(options: unknown): ResolvedOptions {
  const value = Joi.attempt(options, schema, 'Invalid "dukaan-kit" options:') as Omit<ResolvedOptions, 'cookie'> & {
    cookie: { name: string; secure?: boolean };
  };
  const secure = value.cookie.secure ?? value.publicUrl?.startsWith('https:') ?? false;
  return { ...value, cookie: { name: value.cookie.name, secure } };
}
