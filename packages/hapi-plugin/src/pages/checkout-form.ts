import type { CheckoutValues } from '@dukaan-kit/storefront-ui';
import { field, fields, formValues } from './forms.js';

export const checkoutFields: Array<keyof CheckoutValues> = ['name', 'phone', 'email', 'address', 'pincode', 'note', 'paymentMethod'];

/** What the customer typed, as text for re-rendering. */
export function checkoutValues(payload: unknown): CheckoutValues {
  return formValues(payload, checkoutFields);
}

/** `customer.phone` -> `phone`, `note` -> `note`; item and other errors go above the form. */
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
 * The order input of a checkout form post: the shown lines, the details, the payment method
 * chosen (`offered`, the store's first, when the form sent none: a page from before the store
 * offered a choice) and the total shown (when the page sent one).
 */
export function checkoutInput(payload: unknown, values: CheckoutValues, offered: string = 'cod') {
  const expected = field(payload, 'expectedTotal').trim();
  return {
    customer: { name: values.name, phone: values.phone, email: values.email.trim() || null, address: values.address, pincode: values.pincode },
    items: formItems(payload),
    note: values.note.trim() || null,
    paymentMethod: values.paymentMethod || offered,
    ...(expected ? { expectedTotal: wholeNumber(expected) } : {}),
  };
}
