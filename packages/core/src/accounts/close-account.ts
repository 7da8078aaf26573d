import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError, UnauthenticatedError } from '../errors.js';
import { accountClosedMail } from '../mail/index.js';
import { validate } from '../shared/validate.js';
import { credentialCacheKey, principalTtlMs, sessionsRevokedKey } from '../vendors/credential-cache.js';
import type { VendorPrincipal } from '../vendors/vendor.js';
import { requireVendor, verifyCurrentPassword } from './current-password.js';
import { storeImageKeys } from './store-image-keys.js';
import { closeAccountSchema } from './schemas.js';

/**
 * Closes the vendor's account for good, after the password is confirmed (counted like a login).
 * The goodbye mail is queued first, while the address is still known. Then, in one transaction:
 * the store closes (offline at once; its links stay reserved so nobody can take them over),
 * every order's customer is erased (lines, totals and numbers stay, for tax), the vendor's email
 * and password are erased, and every session, API token and mailed link is deleted. After it:
 * cached credentials and store pages are dropped on every instance, the image files deleted,
 * and the mailer's copies of mail to the old address erased. The last steps are best effort:
 * what they miss cannot be reached any more (the TTLs bound the caches).
 */
export async function closeAccount(context: CoreContext, principal: VendorPrincipal, input: unknown): Promise<void> {
  const { password } = validate(closeAccountSchema, input);
  const vendor = await requireVendor(context, principal);
  const store = await context.persistence.stores.findById(principal.storeId);
  if (!store || store.vendorId !== vendor.id) throw new UnauthenticatedError('This account no longer exists');
  await verifyCurrentPassword(context, vendor, password, 'password');
  const imageKeys = await storeImageKeys(context, store);
  context.mail.send(accountClosedMail({ to: vendor.email, storeName: store.name }));
  const at = nowIso(context);
  const { slugs, apiTokens } = await context.persistence.transaction(async (tx) => {
    const closed = await tx.stores.close(store.id, at);
    if (closed === null) throw new NotFoundError('Store not found');
    await tx.orders.eraseAllCustomers(store.id, at);
    await tx.vendors.erase(vendor.id, at);
    await tx.sessions.deleteByVendor(vendor.id);
    await tx.accountTokens.deleteByVendor(vendor.id);
    return { slugs: closed, apiTokens: await tx.apiTokens.deleteByVendor(vendor.id) };
  });
  await Promise.all([
    context.durableWrites.set(sessionsRevokedKey(vendor.id), true, principalTtlMs + 5_000),
    ...apiTokens.map((token) => context.durableWrites.delete(credentialCacheKey('token', token.tokenHash))),
  ]);
  await context.events.publish({ type: 'store.updated', storeId: store.id, slugs });
  await deleteImages(context, imageKeys);
  await context.mail.erase(vendor.email);
}

/** Deletes the store's image files one by one; a failure is reported and the rest still go. */
async function deleteImages(context: CoreContext, keys: string[]): Promise<void> {
  const images = context.images;
  if (!images) return;
  for (const key of keys) {
    await images.delete(key).catch((error: unknown) => context.onError(error, 'close account: delete image'));
  }
}
