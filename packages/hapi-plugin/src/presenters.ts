import type { Store } from '@dukaan-kit/core';
import { toVendorStoreView } from '@dukaan-kit/core';

/** A store as its vendor sees it, with the public link customers use. */
export function presentStore(store: Store, origin: string) {
  return { ...toVendorStoreView(store), url: `${origin}/${store.slug}` };
}
