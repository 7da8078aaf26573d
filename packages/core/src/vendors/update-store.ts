import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { validate } from '../shared/validate.js';
import { storeUpdateSchema } from './schemas.js';
import type { Store } from './vendor.js';

/** The vendor's store; NotFoundError when it is gone. */
export async function getStore(context: CoreContext, storeId: string): Promise<Store> {
  const store = await context.persistence.stores.findById(storeId);
  if (!store) throw new NotFoundError('Store not found');
  return store;
}

/**
 * Changes store settings, the slug included: the old slug stays reserved to this store and
 * keeps resolving to it. Customers see the change on their next request.
 */
export async function updateStore(context: CoreContext, storeId: string, input: unknown): Promise<Store> {
  const { slug, ...settings } = validate(storeUpdateSchema, input);
  const at = nowIso(context);
  const before = await getStore(context, storeId);
  const store = await context.persistence.transaction(async (tx) => {
    let current: Store | null = before;
    if (slug !== undefined && slug !== before.slug) current = await tx.stores.changeSlug(storeId, slug, at);
    if (Object.keys(settings).length > 0) current = await tx.stores.update(storeId, settings, at);
    if (!current) throw new NotFoundError('Store not found');
    return current;
  });
  await context.events.publish({ type: 'store.updated', storeId, slugs: [...new Set([before.slug, store.slug])] });
  return store;
}
