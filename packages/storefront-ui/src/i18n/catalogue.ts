import type { Locale } from '@dukaan-kit/core/i18n';
import * as common from './messages/common.js';
import * as forms from './messages/forms.js';
import * as auth from './messages/auth.js';
import * as errors from './messages/errors.js';
import * as landing from './messages/landing.js';
import * as dashboard from './messages/dashboard.js';
import * as checkout from './messages/checkout.js';
import * as order from './messages/order.js';
import * as store from './messages/store.js';
import * as product from './messages/product.js';
import * as catalog from './messages/catalog.js';
import * as account from './messages/account.js';

// Every page text, one file per area (messages/*.ts), merged here. Keys start with their area
// ("store.", "checkout.", "dashboard.") so two files never define the same key; the merge below
// would otherwise let the later one win silently, and test/i18n-catalogue.test.ts checks that too.
export const areas = { common, forms, auth, errors, landing, dashboard, checkout, order, store, product, catalog, account } as const;

export const en = { ...common.en, ...forms.en, ...auth.en, ...errors.en, ...landing.en, ...dashboard.en, ...checkout.en, ...order.en, ...store.en, ...product.en, ...catalog.en, ...account.en } as const;

/** Any page text's key. */
export type MessageKey = Extract<keyof typeof en, string>;

export const hi: Readonly<Record<MessageKey, string>> = { ...common.hi, ...forms.hi, ...auth.hi, ...errors.hi, ...landing.hi, ...dashboard.hi, ...checkout.hi, ...order.hi, ...store.hi, ...product.hi, ...catalog.hi, ...account.hi };

export const catalogues: Readonly<Record<Locale, Readonly<Record<MessageKey, string>>>> = { en, hi };
