import Joi from 'joi';

/** Words a store slug may not take, because pages or infrastructure own those paths. */
export const reservedSlugs: ReadonlySet<string> = new Set([
  'api', 'login', 'logout', 'signup', 'register', 'dashboard', 'static', 'media', 'assets', 'healthz', 'readyz',
  'admin', 'account', 'settings', 'orders', 'cart', 'checkout', 'store', 'stores', 'www', 'help', 'support',
  'about', 'terms', 'privacy', 'favicon.ico', 'robots.txt', 'sitemap.xml', 'openapi.json', 'docs', 'shop', 'null',
  'undefined',
]);

export const slugPattern = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** 3-40 characters of a-z, 0-9 and single hyphens, not a reserved word. */
export const slugField = Joi.string()
  .trim()
  .lowercase()
  .min(3)
  .max(40)
  .pattern(slugPattern, 'slug')
  .custom((value: string, helpers) => (reservedSlugs.has(value) ? helpers.error('slug.reserved') : value))
  .messages({
    'string.pattern.name': '{#label} may use only a-z, 0-9 and single hyphens between them',
    'slug.reserved': '{#label} "{#value}" is reserved; choose another',
  });

const e164 = /^\+[1-9]\d{7,14}$/;
const indianMobile = /^(?:\+?91|0)?([6-9]\d{9})$/;

/** E.164, or a 10-digit Indian mobile number (optionally with 0 or +91), stored as E.164. */
export const phoneField = Joi.string()
  .trim()
  .max(20)
  .custom((value: string, helpers) => {
    const compact = value.replace(/[\s().-]/g, '');
    const indian = indianMobile.exec(compact);
    if (indian) return `+91${indian[1]}`;
    if (e164.test(compact)) return compact;
    return helpers.error('phone.invalid');
  })
  .messages({ 'phone.invalid': '{#label} must be a 10-digit mobile number or an international number like +14155550100' });

export const emailField = Joi.string().trim().lowercase().max(254).email({ tlds: false });

/** Money in integer minor units; a string or a fraction is a mistake, not something to convert. */
export const moneyField = Joi.number().strict().integer().min(0).max(1_000_000_000_00);

const currencies = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 code that this runtime knows how to format. */
export const currencyField = Joi.string()
  .trim()
  .uppercase()
  .length(3)
  .custom((value: string, helpers) => (currencies.has(value) ? value : helpers.error('currency.unknown')))
  .messages({ 'currency.unknown': '{#label} must be an ISO 4217 currency code such as INR' });

/** An id as the core makes them (UUID); anything else cannot name a record. */
export const idField = Joi.string().trim().guid().messages({ 'string.guid': '{#label} is not a valid id' });

export const pageLimitField = Joi.number().integer().min(1).max(100).default(20);
export const cursorField = Joi.string().max(200);
