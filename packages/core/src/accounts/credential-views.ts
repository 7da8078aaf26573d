import type { ApiTokenRecord, SessionRecord, VendorPrincipal } from '../vendors/vendor.js';
import { describeUserAgent } from './user-agent.js';

/** A signed-in session as the account page lists it; never the token or its hash. */
export interface SessionView {
  id: string;
  /** A person's name for the browser and system ("Chrome on Android"), from the User-Agent at login. */
  device: string;
  createdAt: string;
  /** When the session was last used (to within a few minutes); its creation when not since. */
  lastSeenAt: string;
  /** Whether this is the session making the request. */
  current: boolean;
}

/** An API token as the account page and `GET /api/v1/tokens` list it; never the secret or its hash. */
export interface ApiTokenView {
  id: string;
  name: string;
  /** The token's first characters (`dk_Ab3xYz9q`); null for tokens made before prefixes were kept. */
  prefix: string | null;
  createdAt: string;
  /** When the token was last used (to within a few minutes); null when never. */
  lastUsedAt: string | null;
}

export function toSessionView(session: SessionRecord, principal: Pick<VendorPrincipal, 'via' | 'credentialId'>): SessionView {
  return {
    id: session.id,
    device: describeUserAgent(session.userAgent),
    createdAt: session.createdAt,
    lastSeenAt: session.lastSeenAt ?? session.createdAt,
    current: principal.via === 'session' && principal.credentialId === session.id,
  };
}

export function toApiTokenView(token: ApiTokenRecord): ApiTokenView {
  return { id: token.id, name: token.name, prefix: token.prefix, createdAt: token.createdAt, lastUsedAt: token.lastUsedAt };
}
