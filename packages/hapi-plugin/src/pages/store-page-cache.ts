import { randomBytes } from 'node:crypto';
import type { Dukaan } from '@dukaan-kit/core';

/**
 * The store page is the hot path and the same for every visitor with an empty cookie cart,
 * but for two things: the CSRF token in its forms, and the origin in its canonical and Open
 * Graph URLs (from publicUrl, or the request's Host). It is rendered once per store version
 * (and category and page) with markers where those go, cached like the store's data
 * (event-invalidated, TTL-bounded, shared through Redis), and each request splices its own in.
 * So no request header decides a cache key: made-up Host headers cannot grow the cache.
 * The markers are random per process start, so no text a vendor types can forge them.
 */
const nonce = randomBytes(12).toString('hex');

/** The token to render in place of the visitor's own. */
export const csrfMarker = `dk${nonce}`;
/** The origin to render in place of the real one: a valid URL origin, so URL helpers resolve against it. */
export const originMarker = `http://dk${nonce}.invalid`;

type Slot = 'csrf' | 'origin';

/** What is cached: the page cut at the markers, and which marker each cut was. */
interface Template {
  parts: string[];
  slots: Slot[];
}

const markers = new RegExp(`(${originMarker.replace(/[.]/g, '\\.')}|${csrfMarker})`);

function cut(page: string): Template {
  const pieces = page.split(markers);
  const parts: string[] = [];
  const slots: Slot[] = [];
  pieces.forEach((piece, index) => {
    if (index % 2 === 0) parts.push(piece);
    else slots.push(piece === csrfMarker ? 'csrf' : 'origin');
  });
  return { parts, slots };
}

// The in-process copy of a cached template is the same object on every hit, so its encoded
// parts are kept beside it: a hit then costs one Buffer.concat, not a UTF-8 encode of the page.
const encoded = new WeakMap<Template, Buffer[]>();

function encode(template: Template): Buffer[] {
  let parts = encoded.get(template);
  if (!parts) {
    parts = template.parts.map((part) => Buffer.from(part, 'utf8'));
    encoded.set(template, parts);
  }
  return parts;
}

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** As the renderer would have escaped it in an attribute (the origin is checked, publicUrl is any URL). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);
}

/** What this visitor's copy gets in place of the markers. */
export interface Splice {
  csrfToken: string;
  origin: string;
}

/** The page for this visitor: from the cached template, rendering it (once per version) when missing. */
export async function cachedStorePage(dukaan: Dukaan, storeId: string, variant: string, splice: Splice, render: () => string | Promise<string>): Promise<Buffer> {
  const template = await dukaan.storefront.cached<Template>(storeId, `page:store:v3:${variant}`, async () => cut(await render()));
  const parts = encode(template);
  const values = { csrf: Buffer.from(escapeHtml(splice.csrfToken), 'utf8'), origin: Buffer.from(escapeHtml(splice.origin), 'utf8') };
  const out: Buffer[] = [];
  parts.forEach((part, index) => {
    if (index > 0) out.push(values[template.slots[index - 1] ?? 'csrf']);
    out.push(part);
  });
  return Buffer.concat(out);
}
