import type { Locale } from '../i18n/locales.js';
import type { PaymentMethod } from '../orders/order.js';
import type { ChargeRule, DeliveryMethod } from '../pricing/index.js';
import type { ServiceArea } from '../stores/service-area.js';

/** A vendor account. The email is stored lower-cased; it is unique. */
export interface Vendor {
  id: string;
  email: string;
  createdAt: string;
  /** The language of the vendor's dashboard and of the mails they get. Default 'en'. */
  locale: Locale;
}

/** A vendor with the stored password hash; never leaves the core. */
export interface VendorRecord extends Vendor {
  passwordHash: string;
  /**
   * When the password was last changed (reset or changed); null when never since signup. What
   * was granted under an earlier password dies with it: pending email changes, device cookies.
   */
  passwordChangedAt: string | null;
}

/** The settings a vendor can change on their store. */
export interface StoreSettings {
  name: string;
  description: string;
  phone: string | null;
  pickupAddress: string;
  logoUrl: string | null;
  /** ISO 4217, upper case. */
  currency: string;
  /** Minor units. */
  deliveryFee: number;
  /** Minor units; null means delivery is never free. */
  freeDeliveryAbove: number | null;
  /** Minor units; 0 means no minimum. */
  minOrderValue: number;
  isOpen: boolean;
  autoAcceptOrders: boolean;
  /** The store's UPI ID (VPA, `name@bank`) customers pay to; null when it has none. Required while `paymentMethods` has 'upi'. */
  upiId: string | null;
  /** How customers may pay at checkout: non-empty, no repeats; 'upi' needs `upiId` and the INR currency. Default ['cod']. */
  paymentMethods: PaymentMethod[];
  /** IANA time zone the store's calendar days are counted in (order list dates, the CSV). Default 'Asia/Kolkata'. */
  timeZone: string;
  /** Whether the vendor gets an email for each new order. Default true. */
  newOrderEmails: boolean;
  /** The store's GSTIN (upper case, checksum checked; INR stores only); null: the store charges no GST. */
  gstin: string | null;
  /** The state or union territory the store is in (a name of the GST state-code list); the GSTIN's state when it has one. */
  state: string | null;
  /** Whether prices (and charges) include GST, as Indian retail prices do. Default true. */
  pricesIncludeTax: boolean;
  /** GST rate (percent, one of `gstRates`) of products that set none, and of the delivery, packaging and COD charges. Default 0. */
  defaultTaxRate: number;
  /** A packaging charge on every order; null: none. */
  packagingFee: ChargeRule | null;
  /** A charge on cash-on-delivery orders; null: none. */
  codFee: ChargeRule | null;
  /** How customers may receive orders: non-empty, no repeats; 'pickup' needs `pickupAddress`. Default ['delivery']. */
  deliveryMethods: DeliveryMethod[];
  /** Where the store delivers. Default all of India (`{ type: 'all', values: [] }`). */
  serviceArea: ServiceArea;
  /** The language customers see the store in until they choose one, and of their order mails. Default 'en'. */
  locale: Locale;
}

export interface Store extends StoreSettings {
  id: string;
  vendorId: string;
  /** The current slug; earlier slugs keep resolving to the store. */
  slug: string;
  createdAt: string;
  updatedAt: string;
}

/** A signed-in browser session. Only the SHA-256 of the token is stored. */
export interface SessionRecord {
  id: string;
  vendorId: string;
  storeId: string;
  tokenHash: string;
  createdAt: string;
  expiresAt: string;
  /** The browser's User-Agent at login (at most 256 characters), to name the device; null when none was sent. */
  userAgent: string | null;
  /** When the session was last loaded from the database (updated at most every few minutes); null before that. */
  lastSeenAt: string | null;
}

/** A named API token for `Authorization: Bearer`. Only the SHA-256 of the token is stored. */
export interface ApiTokenRecord {
  id: string;
  vendorId: string;
  storeId: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  /** The token's first characters (`dk_Ab3xYz9q`), enough to recognise it in a list; null for tokens made before prefixes were kept. */
  prefix: string | null;
  /** When the token was last loaded from the database (updated at most every few minutes); null when never used. */
  lastUsedAt: string | null;
}

/** Who is acting: what sessions and API tokens resolve to. */
export interface VendorPrincipal {
  vendorId: string;
  storeId: string;
  /** 'session' for a cookie, 'token' for a bearer API token. */
  via: 'session' | 'token';
  /** The session or API token id, so it can be revoked. */
  credentialId: string;
}
