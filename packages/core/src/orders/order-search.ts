import type { OrderSearch } from './order-repository.js';

/** Shorter runs of digits are order numbers, or too little of a phone to find anyone by. */
export const minPhoneDigits = 6;

const orderNumber = /^#?\s*(\d{1,9})$/;
const phoneLike = /^\+?[\d\s().-]+$/;
/** As `phoneField` reads an Indian mobile: 10 digits from 6-9, with +91, 91 or 0 before them. */
const indianMobile = /^(?:\+?91|0)?([6-9]\d{9})$/;

/**
 * What a vendor's search text matches: customer names containing it; the order of that number
 * (`1001`, `#1001`); and, when it looks like a phone number with at least `minPhoneDigits`
 * digits, phones containing those digits. Phones are stored as E.164 (`+919876543210`), so the
 * text is reduced to digits the same way `phoneField` does: `98765 43210`, `098765-43210` and
 * `+91 98765 43210` all become `919876543210`; a part of a number (`543210`) is matched as typed.
 * Null for blank text (no search).
 */
export function orderSearch(q: string | undefined): OrderSearch | null {
  const text = (q ?? '').trim();
  if (text === '') return null;
  const search: OrderSearch = { name: text };
  const number = orderNumber.exec(text);
  if (number) search.number = Number(number[1]);
  if (phoneLike.test(text)) {
    const compact = text.replace(/[\s().-]/g, '');
    const mobile = indianMobile.exec(compact);
    const digits = mobile ? `91${mobile[1]}` : compact.replace(/^\+/, '');
    if (digits.length >= minPhoneDigits) search.phoneDigits = digits;
  }
  return search;
}
