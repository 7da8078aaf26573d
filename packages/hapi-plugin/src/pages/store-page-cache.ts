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

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** As the renderer would have escaped it in an attribute (the origin is checked, publicUrl is any URL). */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c);
}

/** A template with one origin spliced in: encoded pieces with only the CSRF slots left between them. */
interface WithOrigin {
  origin: string;
  pieces: Buffer[];
  bytes: number;
}

// The in-process copy of a cached template is the same object on every hit, so its encoding
// with the last origin (one per deployment behind PUBLIC_URL, or per Host) is kept beside it:
// a hit then costs one Buffer.concat with the visitor's token, not a UTF-8 encode of the page.
// One origin per template bounds it whatever Host headers arrive.
const withOrigins = new WeakMap<Template, WithOrigin>();

function withOrigin(template: Template, origin: string): WithOrigin {
  const known = withOrigins.get(template);
  if (known?.origin === origin) return known;
  const pieces: Buffer[] = [];
  let text = template.parts[0] ?? '';
  template.slots.forEach((slot, index) => {
    if (slot === 'origin') text += escapeHtml(origin);
    else {
      pieces.push(Buffer.from(text, 'utf8'));
      text = '';
    }
    text += template.parts[index + 1] ?? '';
  });
  pieces.push(Buffer.from(text, 'utf8'));
  const made = { origin, pieces, bytes: pieces.reduce((sum, piece) => sum + piece.length, 0) };
  withOrigins.set(template, made);
  return made;
}

/** What this visitor's copy gets in place of the markers. */
export interface Splice {
  csrfToken: string;
  origin: string;
}

function spliced(template: Template, splice: Splice): Buffer {
  const { pieces, bytes } = withOrigin(template, splice.origin);
  const csrf = Buffer.from(escapeHtml(splice.csrfToken), 'utf8');
  const out: Buffer[] = new Array(2 * pieces.length - 1);
  for (let i = 0; i < pieces.length; i++) {
    if (i > 0) out[2 * i - 1] = csrf;
    out[2 * i] = pieces[i] as Buffer;
  }
  return Buffer.concat(out, bytes + (pieces.length - 1) * csrf.length);
}

// v4: the variant names the visitor's language ('en', 'hi', or '-' for the store's default; see
// storePageVariant), so a page cached in one language is never another language's hit.
const templateName = (variant: string) => `page:store:v4:${variant}`;

/** The page for this visitor: from the cached template, rendering it (once per version) when missing. */
export async function cachedStorePage(dukaan: Dukaan, storeId: string, variant: string, splice: Splice, render: () => string | Promise<string>): Promise<Buffer> {
  const template = await dukaan.storefront.cached<Template>(storeId, templateName(variant), async () => cut(await render()));
  return spliced(template, splice);
}

/**
 * The page for this visitor when a current template is cached in either layer; undefined
 * otherwise (nothing is rendered). The full path's first try: a big store's view fits neither
 * cache layer, and a visit whose page is cached should not read it.
 */
export async function cachedStorePageIfPresent(dukaan: Dukaan, storeId: string, variant: string, splice: () => Splice): Promise<Buffer | undefined> {
  const template = await dukaan.storefront.cachedIfPresent<Template>(storeId, templateName(variant));
  return template ? spliced(template, splice()) : undefined;
}

/**
 * The page for this visitor when the store at the current `slug` has its template in process
 * and current (no round trip, no promise); undefined otherwise, and the caller takes its full
 * path. A template only exists for a category and page that existed when it was rendered, so a
 * hit needs no look at the store's data; a miss caches nothing, so made-up paths cost nothing.
 */
export function peekStorePage(dukaan: Dukaan, slug: string, variant: string, splice: () => Splice): Buffer | undefined {
  const hit = dukaan.storefront.peekCached<Template>(slug, templateName(variant));
  return hit ? spliced(hit.value, splice()) : undefined;
}
