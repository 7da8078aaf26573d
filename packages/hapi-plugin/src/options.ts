import { resolve } from 'node:path';
import Joi from 'joi';
import type { Dukaan } from '@dukaan-kit/core';

/** What `server.register({ plugin, options })` takes (the same for `plugin`, `api` and `pages`). */
export interface DukaanPluginOptions {
  /** The wired core (`createDukaan(...)`); the plugin never opens a database itself. */
  dukaan: Dukaan;
  /** At least 32 characters; signs CSRF tokens and device cookies. */
  sessionSecret: string;
  /** Absolute origin the app is reached at (for store links and Open Graph tags); default: from the request. */
  publicUrl?: string;
  /** Host headers (`shop.example`, `shop.example:8443`) the app answers; any other gets 421. Default: any well-formed host. */
  allowedHosts?: string[];
  cookie?: {
    /** Default 'dukaan_session'. */
    name?: string;
    /** Force `Secure` on (or off). Default: on when publicUrl is https or the request came over https. */
    secure?: boolean;
  };
  /** Proxy addresses (IPs or CIDRs) whose X-Forwarded-For and X-Forwarded-Proto are believed. Default: none. */
  trustProxy?: string[];
  /** Serve uploaded images from this directory under `{prefix}/media` (nginx does it in production). */
  mediaDir?: string;
  /** Serve the HTML pages (storefront and dashboard) when registering `plugin`. Default true. */
  pages?: boolean;
  /** Serve a short landing page at `/` (under the prefix): what dukaan-kit is, open a store, log in. Default false (the host's own home page). */
  landingPage?: boolean;
}

export interface ResolvedOptions {
  dukaan: Dukaan;
  sessionSecret: string;
  publicUrl: string | null;
  /** Lower-cased; null: any well-formed host. */
  allowedHosts: ReadonlySet<string> | null;
  /** `secure` undefined: decided per request. */
  cookie: { name: string; secure: boolean | undefined };
  trustProxy: string[];
  mediaDir: string | null;
  pages: boolean;
  landingPage: boolean;
}

function isDukaan(value: unknown): value is Dukaan {
  const candidate = value as Record<string, unknown> | null;
  return typeof candidate === 'object' && candidate !== null && ['vendors', 'stores', 'orders', 'catalog', 'auth', 'storefront'].every((key) => typeof candidate[key] === 'object');
}

const hostPattern = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

const schema = Joi.object({
  // Joi.object() would hand back a copy; the plugin must serve (and expose) the very core it was given.
  dukaan: Joi.any()
    .custom((value: unknown, helpers) => (isDukaan(value) ? value : helpers.error('any.invalid')))
    .required()
    .messages({ 'any.invalid': '{{#label}} must be the core made by createDukaan()' }),
  sessionSecret: Joi.string().min(32).required(),
  publicUrl: Joi.string().uri({ scheme: ['http', 'https'] }).replace(/\/+$/, '').default(null),
  allowedHosts: Joi.array().items(Joi.string().trim().lowercase().pattern(hostPattern, 'host')).min(1).default(null),
  cookie: Joi.object({
    name: Joi.string().pattern(/^[\w-]+$/).default('dukaan_session'),
    secure: Joi.boolean(),
  }).default(),
  // Moved to the core, where the API and the pages share them: say so instead of "not allowed".
  rateLimits: Joi.any().forbidden().messages({ 'any.unknown': '{{#label}} moved to createDukaan: pass limits (login, checkout, signup) there' }),
  trustProxy: Joi.array().items(Joi.string().ip({ cidr: 'optional' })).default([]),
  // inert wants an absolute directory; a relative one is taken from the working directory.
  mediaDir: Joi.string().custom((value: string) => resolve(value)).default(null),
  pages: Joi.boolean().default(true),
  landingPage: Joi.boolean().default(false),
});

/** Validates once at registration, so a bad option fails start-up with its name in the message. */
export function resolveOptions(options: unknown): ResolvedOptions {
  const value = Joi.attempt(options, schema, 'Invalid "dukaan-kit" options:') as Omit<ResolvedOptions, 'allowedHosts'> & { allowedHosts: string[] | null };
  return { ...value, allowedHosts: value.allowedHosts ? new Set(value.allowedHosts) : null };
}

/** A syntactically valid Host header value (a name or IP literal, optional port): safe to put in a URL and in HTML. */
export function isWellFormedHost(host: string): boolean {
  return host.length <= 261 && hostPattern.test(host);
}
