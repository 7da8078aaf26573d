import { nowIso, type CoreContext } from '../context.js';
import { customerEraseSchema } from '../accounts/schemas.js';
import { validate } from '../shared/validate.js';
import type { VendorPrincipal } from '../vendors/vendor.js';

/**
 * Erases one customer's personal data from the store's orders, on the customer's request (a
 * right under India's DPDP Act and the GDPR): every finished order (delivered, rejected,
 * cancelled or returned) placed with that phone or email keeps its number, lines and totals (kept for tax)
 * and loses name, phone, email, address, pincode and note. Orders still being worked keep the
 * customer's details until they finish, or the vendor could not deliver them: `ordersOpen` says
 * how many, so the vendor knows to erase again once they are done. The outbox's copies of the
 * erased orders lose the same data. Resolves 0 and 0 when nothing matched (the vendor sees the
 * request had nothing to act on).
 */
export async function eraseCustomer(
  context: CoreContext,
  store: Pick<VendorPrincipal, 'storeId'> | string,
  input: unknown,
): Promise<{ ordersErased: number; ordersOpen: number }> {
  const match = validate(customerEraseSchema, input);
  const storeId = typeof store === 'string' ? store : store.storeId;
  // One transaction: the orders and the outbox's copies of them (webhook payloads still to be
  // delivered) are erased together. Order mail still owed to them is not sent: sendEventMail
  // reads the order again and finds it erased. A mailer's kept copies are not erased here: the
  // mailer is shared by every store, so erasing by address would let one vendor delete another's mail.
  const { erased, open } = await context.persistence.transaction(async (tx) => {
    const result = await tx.orders.eraseCustomer(storeId, match, nowIso(context));
    if (result.erasedIds.length > 0) await tx.outbox.eraseOrderData(storeId, result.erasedIds);
    return result;
  });
  return { ordersErased: erased, ordersOpen: open };
}
