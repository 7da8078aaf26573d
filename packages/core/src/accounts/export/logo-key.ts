import type { Store } from '../../vendors/vendor.js';

/**
 * The ImageStore key of the store's uploaded logo, or null when it has none or links one from
 * elsewhere. The store keeps only the logo's URL; an upload's key starts with `<storeId>/logo-`
 * (see saveStoreLogo) and ends the URL, so a logo linked from another site is never taken for ours.
 */
export function uploadedLogoKey(store: Pick<Store, 'id' | 'logoUrl'>): string | null {
  if (!store.logoUrl) return null;
  const path = store.logoUrl.split(/[?#]/, 1)[0] ?? '';
  const start = path.lastIndexOf(`${store.id}/logo-`);
  if (start < 0) return null;
  const key = path.slice(start);
  // Exactly one path segment after the store's folder: nothing that could climb out of it.
  return /^[^/]+\/logo-[\w-]+\.\w+$/.test(key) ? key : null;
}
