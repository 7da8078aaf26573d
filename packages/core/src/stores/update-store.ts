import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { validate } from '../shared/validate.js';
import type { Store } from '../vendors/vendor.js';
import { assertCurrencyMayChange } from './currency-lock.js';
import { checkoutSettingsPatch } from './checkout-rules.js';
import { assertPaymentSettings } from './payment-settings.js';
import { storeUpdateSchema } from './schemas.js';

/**
 * Changes store settings, the slug included: the old slug stays reserved to this store and
 * keeps resolving to it. The currency is frozen once there are products or orders, and changes
 * only with the store's non-zero amounts restated (409 otherwise); the check and the change run
 * in one transaction holding the store, so a product created meanwhile cannot slip past.
 * Offering UPI needs a UPI ID and the INR currency (400 otherwise, see assertPaymentSettings).
 * Customers see the change on their next request.
 */
export async function updateStore(context: CoreContext, storeId: string, input: unknown): Promise<Store> {
  const { slug, upiId, ...rest } = validate(storeUpdateSchema, input);
  // '' is how a form clears the field.
  const settings = upiId === undefined ? rest : { ...rest, upiId: upiId === '' ? null : upiId };
  const at = nowIso(context);
  const { before, store } = await context.persistence.transaction(async (tx) => {
    const before = await tx.stores.lock(storeId);
    if (!before) throw new NotFoundError('Store not found');
    if (settings.currency !== undefined && settings.currency !== before.currency) await assertCurrencyMayChange(tx, before, settings);
    assertPaymentSettings(before, settings);
    const patch = checkoutSettingsPatch(before, settings);
    let current: Store | null = before;
    if (slug !== undefined && slug !== before.slug) current = await tx.stores.changeSlug(storeId, slug, at);
    if (Object.keys(patch).length > 0) current = await tx.stores.update(storeId, patch, at);
    if (!current) throw new NotFoundError('Store not found');
    return { before, store: current };
  });
  await context.events.publish({ type: 'store.updated', storeId, slugs: [...new Set([before.slug, store.slug])] });
  return store;
}
