import { randomBytes } from 'node:crypto';
import type { Dukaan } from '@dukaan-kit/core';

/**
 * The store page is the hot path and the same for every visitor with an empty cookie cart,
 * but for the CSRF token in its forms. It is rendered once per store version (per category
 * filter and base URL) with a marker where the token goes, cached like the store's data
 * (event-invalidated, TTL-bounded, shared through Redis), and each request only splices its
 * token in. The marker is random per process start, so no text a vendor types can forge it.
 */
const marker = `dk${randomBytes(12).toString('hex')}`;

/** What is cached: the page cut at the token marker. */
interface Template {
  parts: string[];
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

/** The token to render in place of the visitor's own. */
export const csrfMarker = marker;

/** The page for this visitor: from the cached template, rendering it (once per version) when missing. */
export async function cachedStorePage(
  dukaan: Dukaan,
  storeId: string,
  variant: string,
  csrfToken: string,
  render: () => string,
): Promise<Buffer> {
  const template = await dukaan.storefront.cached<Template>(storeId, `page:store:${variant}`, async () => ({ parts: render().split(marker) }));
  const parts = encode(template);
  const token = Buffer.from(csrfToken, 'utf8');
  return Buffer.concat(parts.flatMap((part, index) => (index === 0 ? [part] : [token, part])));
}
