import type { CoreContext } from '../context.js';
import { imageFileKeys } from '../catalog/image-record.js';
import type { Store } from '../vendors/vendor.js';
import { uploadedLogoKey } from './export/logo-key.js';

/** Products read per query while collecting image keys. */
const pageSize = 100;

/** The ImageStore keys of every file (each size and format) of every product image of the store and of its uploaded logo (not one linked from elsewhere). */
export async function storeImageKeys(context: CoreContext, store: Store): Promise<string[]> {
  const keys: string[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await context.persistence.products.list(store.id, { limit: pageSize, after });
    for (const product of page.items) keys.push(...imageFileKeys(product.images));
    const last = page.items[page.items.length - 1];
    if (page.nextCursor === null || !last) break;
    after = last.id;
  }
  const logoKey = uploadedLogoKey(store);
  if (logoKey) keys.push(logoKey);
  return keys;
}
