import { nowIso, type CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { checkImage } from '../catalog/check-image.js';
import { requireImageStore } from '../catalog/require-image-store.js';
import type { Store } from '../vendors/vendor.js';

/** Stores an uploaded logo (checked like product images) and makes it the store's logo. */
export async function saveStoreLogo(context: CoreContext, storeId: string, bytes: Uint8Array): Promise<Store> {
  const type = checkImage(bytes, 'logo');
  const images = requireImageStore(context);
  const saved = await images.save(bytes, type, `${storeId}/logo-`);
  const store = await context.persistence.stores.update(storeId, { logoUrl: saved.url }, nowIso(context));
  if (!store) {
    await images.delete(saved.key);
    throw new NotFoundError('Store not found');
  }
  await context.events.publish({ type: 'store.updated', storeId, slugs: [store.slug] });
  return store;
}
