import type { CheckoutValues } from '@dukaan-kit/storefront-ui';
import { field, fields, formValues } from './forms.js';

export const checkoutFields: Array<keyof CheckoutValues> = [
  'name',
  'phone',
  'email',
  'address',
  'house',
  'street',
  'landmark',
  'city',
  'state',
  'pincode',
  'note',
  'paymentMethod',
  'deliveryMethod',
  'couponCode',
];

/** What the customer typed, as text for re-rendering. */
export function checkoutValues(payload: unknown): CheckoutValues {
  return formValues(payload, checkoutFields);
}

/** `customer.phone` -> `phone`, `note` -> `note`, `couponCode` -> `couponCode`; item and other errors go above the form. */
export function checkoutField(path: string): string | null {
  const name = path.startsWith('customer.') ? path.slice('customer.'.length) : path;
  return (checkoutFields as string[]).includes(name) ? name : null;
}

/** A number the form sent as digits; anything else is passed on as typed, for the schema to refuse. */
function wholeNumber(text: string): number | string {
  return /^\d{1,15}$/.test(text) ? Number(text) : text;
}

/**
 * The hidden `item` fields (`<productId>:<variantId>:<quantity>`, one per line the page showed;
 * pages from before variants sent `<productId>:<quantity>`): the lines of the order exactly as
 * the customer saw them, not the cookie cart as it is now. So a form sent twice is the same
 * request (same idempotency fingerprint) and gets the first order.
 */
export function formItems(payload: unknown): Array<{ productId: string; variantId?: string; quantity: number | string }> {
  return fields(payload, 'item')
    .slice(0, 100)
    .map((value) => {
      const parts = value.split(':');
      if (parts.length === 3) return { productId: parts[0]!, variantId: parts[1]!, quantity: wholeNumber(parts[2]!.trim()) };
      if (parts.length === 2) return { productId: parts[0]!, quantity: wholeNumber(parts[1]!.trim()) };
      return { productId: value, quantity: '' };
    });
}

/**
 * The customer of a checkout form post. A rupee store's page asks for the Indian address in
 * parts (a page from before the parts sent `address`: it goes on as the API's legacy field);
 * any other store's page asks for one address. A pickup sends only what was typed, so its
 * empty address fields are not refused; a delivery sends every field, empty ones too, so core
 * names each missing one.
 */
function checkoutCustomer(values: CheckoutValues, parts: boolean) {
  const pickup = values.deliveryMethod === 'pickup';
  const email = values.email.trim() || null;
  const who = { name: values.name, phone: values.phone, email };
  const typed = (names: Array<keyof CheckoutValues>, optional: ReadonlyArray<keyof CheckoutValues> = []) =>
    Object.fromEntries(names.filter((n) => values[n].trim() !== '' || !(pickup || optional.includes(n))).map((n) => [n, values[n].trim()]));
  const legacy = values.address.trim() !== '' && values.house.trim() === '' && values.street.trim() === '';
  if (!parts || legacy) return { ...who, ...typed(['address', 'pincode']) };
  return { ...who, ...typed(['house', 'street', 'landmark', 'city', 'state', 'pincode'], ['landmark']) };
}

/** The coupon code as typed, the way core compares codes; null for none. */
export function typedCoupon(values: Pick<CheckoutValues, 'couponCode'>): string | null {
  return values.couponCode.trim().toUpperCase() || null;
}

/**
 * The order input of a checkout form post: the shown lines, the details, the payment method
 * chosen (`offered`, the store's first, when the form sent none: a page from before the store
 * offered a choice), the delivery method (the store's first when none was sent), the coupon
 * and the total shown (when the page sent one). `parts`: the store asks for an Indian address.
 */
export function checkoutInput(payload: unknown, values: CheckoutValues, offered: { paymentMethod?: string | undefined; deliveryMethod?: string | undefined; parts: boolean }) {
  const expected = field(payload, 'expectedTotal').trim();
  const coupon = typedCoupon(values);
  return {
    customer: checkoutCustomer({ ...values, deliveryMethod: values.deliveryMethod || offered.deliveryMethod || 'delivery' }, offered.parts),
    items: formItems(payload),
    note: values.note.trim() || null,
    paymentMethod: values.paymentMethod || offered.paymentMethod || 'cod',
    deliveryMethod: values.deliveryMethod || offered.deliveryMethod || 'delivery',
    ...(coupon ? { couponCode: coupon } : {}),
    ...(expected ? { expectedTotal: wholeNumber(expected) } : {}),
  };
}
