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
 * Closes the vendor's account for good, after the password is confirmed (counted, see
 * verifyCurrentPassword). In one transaction: the store closes (offline at once; its links stay
 * reserved so nobody can take them over; only an open store closes, so of two concurrent closes
 * one fails with NotFoundError and nothing is mailed twice), every order's customer is erased
 * (lines, totals and numbers stay, for tax; open orders too, since the store is gone), the
 * products lose their descriptions and image lists (descriptions often hold phone numbers and
 * addresses; names and prices stay, as order lines keep their own copies), the copies of the
 * orders in the outbox lose their customer data, the store's webhooks are deleted with their
 * deliveries (none is sent any more), the store forgets its UPI ID (often the vendor's phone
 * number) and takes cash only, the vendor's email
 * and password are erased, and every session, API token and mailed link is deleted.
 *
 * After the commit: the goodbye mail is queued to the address read before (it exists only
 * once the account is really closed); cached credentials and store pages are dropped on every
 * instance; the image files deleted; and the mailer's copies of every mail about the account
 * erased (to any address it had, the goodbye included once written). These last steps are best
 * effort: what they miss cannot be reached any more (the TTLs bound the caches).
 */
export async function closeAccount(context: CoreContext, principal: VendorPrincipal, input: unknown): Promise<void> {
  const { password } = validate(closeAccountSchema, input);
  const vendor = await requireVendor(context, principal);
  const store = await context.persistence.stores.findById(principal.storeId);
  if (!store || store.vendorId !== vendor.id) throw new UnauthenticatedError('This account no longer exists');
  await verifyCurrentPassword(context, principal, vendor, password, 'password');
  const imageKeys = await storeImageKeys(context, store);
  const address = vendor.email;
  const at = nowIso(context);
  const { slugs, apiTokens } = await context.persistence.transaction(async (tx) => {
    const closed = await tx.stores.close(store.id, at);
    if (closed === null) throw new NotFoundError('Store not found');
    await tx.orders.eraseAllCustomers(store.id, at);
    // The outbox keeps copies of the orders (webhook payloads still to deliver): strip them too.
    await tx.outbox.eraseOrderData(store.id, 'all');
    // The webhooks go, with every delivery still to make: their URLs (tokens in them) and
    // secrets are the vendor's, and nobody can remove them once the account is closed.
    await tx.webhooks.removeAllByStore(store.id);
    await tx.products.eraseDetails(store.id, at);
    await tx.vendors.erase(vendor.id, at);
    await tx.sessions.deleteByVendor(vendor.id);
    await tx.accountTokens.deleteByVendor(vendor.id);
    return { slugs: closed, apiTokens: await tx.apiTokens.deleteByVendor(vendor.id) };
  });
  context.mail.send({ ...accountClosedMail({ to: address, storeName: store.name, locale: vendor.locale }), accountId: vendor.id });
  await Promise.all([
    context.durableWrites.set(sessionsRevokedKey(vendor.id), true, principalTtlMs + 5_000),
    ...apiTokens.map((token) => context.durableWrites.delete(credentialCacheKey('token', token.tokenHash))),
  ]);
  await context.events.publish({ type: 'store.updated', storeId: store.id, slugs });
  await deleteImages(context, imageKeys);
  await context.mail.erase({ accountId: vendor.id });
}

/** Deletes the store's image files one by one; a failure is reported and the rest still go. */
async function deleteImages(context: CoreContext, keys: string[]): Promise<void> {
  const images = context.images;
  if (!images) return;
  for (const key of keys) {
    await images.delete(key).catch((error: unknown) => context.onError(error, 'close account: delete image'));
  }
}
