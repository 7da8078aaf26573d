import { randomBytes } from 'node:crypto';
import { nowIso, type CoreContext } from '../context.js';
import { ConflictError } from '../errors.js';
import { reservedSlugs, slugPattern } from '../shared/fields.js';
import { newId } from '../shared/id.js';
import { validate } from '../shared/validate.js';
import { signUpSchema } from './schemas.js';
import type { Store, Vendor } from './vendor.js';

/** A URL-safe slug from a store name ("Priya's Kitchen!" -> "priyas-kitchen"), or '' when nothing is left. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f']/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
}

function suggestedSlug(storeName: string): string {
  const base = slugify(storeName);
  const usable = base.length >= 3 && slugPattern.test(base) && !reservedSlugs.has(base);
  return usable ? base : `store-${randomBytes(3).toString('hex')}`;
}

/** Defaults a new store starts with; the vendor changes them in settings. */
function newStore(vendorId: string, name: string, slug: string, phone: string | null, at: string): Store {
  return {
    id: newId(),
    vendorId,
    name,
    slug,
    description: '',
    phone,
    pickupAddress: '',
    logoUrl: null,
    currency: 'INR',
    deliveryFee: 0,
    freeDeliveryAbove: null,
    minOrderValue: 0,
    isOpen: true,
    autoAcceptOrders: false,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Creates a vendor and their store in one transaction. Without a chosen slug one is derived
 * from the store name, with a short suffix when that is taken.
 */
export async function signUp(context: CoreContext, input: unknown): Promise<{ vendor: Vendor; store: Store }> {
  const value = validate(signUpSchema, input);
  const passwordHash = await context.hasher.hash(value.password);
  const at = nowIso(context);
  const vendor = { id: newId(), email: value.email, passwordHash, createdAt: at };
  const candidates = value.slug
    ? [value.slug]
    : [suggestedSlug(value.storeName), ...[1, 2, 3].map(() => `${suggestedSlug(value.storeName)}-${randomBytes(2).toString('hex')}`)];
  for (const [index, slug] of candidates.entries()) {
    const store = newStore(vendor.id, value.storeName, slug, value.phone ?? null, at);
    try {
      await context.persistence.transaction(async (tx) => {
        await tx.vendors.insert(vendor);
        await tx.stores.insert(store);
      });
      await context.events.publish({ type: 'store.updated', storeId: store.id, slugs: [slug] });
      return { vendor: { id: vendor.id, email: vendor.email, createdAt: at }, store };
    } catch (error) {
      const slugTaken = error instanceof ConflictError && error.details.some((d) => d.path === 'slug');
      if (!slugTaken || value.slug || index === candidates.length - 1) throw error;
    }
  }
  throw new TypeError('unreachable: the loop returns or throws');
}
