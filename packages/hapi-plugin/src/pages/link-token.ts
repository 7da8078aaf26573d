import type { AccountTokenPurpose } from '@dukaan-kit/core';
import type { Runtime } from '../runtime.js';

/**
 * What a token from a mailed link can look like (core makes them base64url). Anything else is
 * answered with the "link no longer works" page at once, without asking the database.
 */
const tokenShape = /^[A-Za-z0-9_-]{16,128}$/;

/** The `?token=` of a mailed link when it can be one, else null. */
export function linkToken(value: unknown): string | null {
  const token = Array.isArray(value) ? value[0] : value;
  return typeof token === 'string' && tokenShape.test(token) ? token : null;
}

/**
 * The `?token=` of a mailed link when it still works (unknown, used, expired or malformed: null),
 * asked of core without spending it: the vendor learns a link is dead when opening it, not after
 * typing a new password.
 */
export async function liveLinkToken(runtime: Runtime, value: unknown, purpose: AccountTokenPurpose): Promise<string | null> {
  const token = linkToken(value);
  return token !== null && (await runtime.dukaan.vendors.checkLinkToken(token, purpose)) ? token : null;
}
