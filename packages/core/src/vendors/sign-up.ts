import { nowIso, type CoreContext } from '../context.js';
import { ConflictError } from '../errors.js';
import { defaultLocale, type Locale } from '../i18n/locales.js';
import { newId } from '../shared/id.js';
import { defaultStoreTimeZone } from '../shared/time-zone.js';
import { countAttempt } from '../shared/throttle.js';
import { validate } from '../shared/validate.js';
import { signUpSchema } from './schemas.js';
import { slugCandidates } from './slugify.js';
import type { Store, Vendor } from './vendor.js';
import { defaultCheckoutSettings } from '../stores/checkout-settings.js';

export interface SignUpOptions {
  /** Who is signing up, for the per-address limit; without it the limit is skipped (scripts, tests). */
  clientAddress?: string | undefined;
}

/** Defaults a new store starts with; the vendor changes them in settings. */
function newStore(vendorId: string, name: string, slug: string, phone: string | null, locale: Locale, at: string): Store {
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
    upiId: null,
    paymentMethods: ['cod'],
    timeZone: defaultStoreTimeZone,
    newOrderEmails: true,
    locale,
    ...defaultCheckoutSettings,
    createdAt: at,
    updatedAt: at,
  };
}

/**
 * Creates a vendor and their store in one transaction, both in `locale` (the language the vendor
 * signed up in; English when not given). Without a chosen slug one is derived
 * from the store name, with a short suffix when that is taken. Signups are limited per client
 * address, counted before the (deliberately slow) password hash is computed.
 */
export async function signUp(context: CoreContext, input: unknown, options: SignUpOptions = {}): Promise<{ vendor: Vendor; store: Store }> {
  const value = validate(signUpSchema, input);
  if (options.clientAddress) await countAttempt(context.counters, `signup:address:${options.clientAddress}`, context.limits.signup);
  const passwordHash = await context.hasher.hash(value.password);
  const at = nowIso(context);
  const vendor = { id: newId(), email: value.email, passwordHash, createdAt: at, passwordChangedAt: null, locale: value.locale ?? defaultLocale };
  const candidates = slugCandidates(value.storeName, value.slug);
  for (const [index, slug] of candidates.entries()) {
    const store = newStore(vendor.id, value.storeName, slug, value.phone ?? null, vendor.locale, at);
    try {
      await context.persistence.transaction(async (tx) => {
        await tx.vendors.insert(vendor);
        await tx.stores.insert(store);
      });
      await context.events.publish({ type: 'store.updated', storeId: store.id, slugs: [slug] });
      return { vendor: { id: vendor.id, email: vendor.email, createdAt: at, locale: vendor.locale }, store };
    } catch (error) {
      const slugTaken = error instanceof ConflictError && error.details.some((d) => d.path === 'slug');
      if (!slugTaken || value.slug || index === candidates.length - 1) throw error;
    }
  }
  throw new TypeError('unreachable: the loop returns or throws');
}
