import { nowIso, type CoreContext } from '../context.js';
import { newId, newToken } from '../shared/id.js';
import { validate } from '../shared/validate.js';
import { apiTokenPrefix, hashToken } from './credential-cache.js';
import { apiTokenSchema } from './schemas.js';
import type { VendorPrincipal } from './vendor.js';

/** Creates a named API token; the token itself is returned once and only its hash is kept. */
export async function createApiToken(
  context: CoreContext,
  principal: Pick<VendorPrincipal, 'vendorId' | 'storeId'>,
  input: unknown,
): Promise<{ id: string; name: string; token: string; createdAt: string }> {
  const { name } = validate(apiTokenSchema, input);
  const token = `${apiTokenPrefix}${newToken(32)}`;
  const record = {
    id: newId(),
    vendorId: principal.vendorId,
    storeId: principal.storeId,
    name,
    tokenHash: hashToken(token),
    createdAt: nowIso(context),
    // `dk_` and 8 random characters: enough to tell tokens apart in a list, far too few to guess the rest.
    prefix: token.slice(0, apiTokenPrefix.length + 8),
    lastUsedAt: null,
  };
  await context.persistence.apiTokens.insert(record);
  return { id: record.id, name, token, createdAt: record.createdAt };
}
