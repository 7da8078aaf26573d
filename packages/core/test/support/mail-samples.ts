// One sample of every mail core sends, from fixed inputs (no ids, no clock): the Hindi mail test
// renders them in both languages, and compares the English ones with english-mails.json, the
// output of the mails before they read catalogues. Imports types only, so the builders come in
// as an argument (the snapshot was made from the built mails of that earlier version).
import type { Locale } from '../../src/i18n/locales.js';
import type * as mail from '../../src/mail/index.js';
import type { MailMessage } from '../../src/mail/index.js';
import type { Order } from '../../src/orders/order.js';

type Builders = Pick<
  typeof mail,
  | 'passwordResetMail'
  | 'passwordChangedMail'
  | 'emailChangeConfirmMail'
  | 'emailChangeNoticeMail'
  | 'emailTakenMail'
  | 'newDeviceMail'
  | 'accountClosedMail'
  | 'newOrderMail'
  | 'orderConfirmationMail'
  | 'orderStatusMail'
>;

const at = '2025-05-03T14:05:09.123Z';
const line = (name: string, unitPrice: number, quantity: number, options: Record<string, string> = {}) => ({
  productId: 'p',
  variantId: 'p',
  name,
  options,
  sku: null,
  unitPrice,
  quantity,
  lineTotal: unitPrice * quantity,
  taxRate: 0,
  hsnCode: null,
  discount: 0,
  taxableValue: unitPrice * quantity,
  tax: 0,
});

/** A COD order with a coupon, every charge and GST: every totals line shows. Number 1234 (never "1,234"). */
export const sampleOrder = {
  id: 'o1',
  storeId: 's1',
  number: 1234,
  token: 'tok',
  status: 'pending',
  customer: { name: 'Asha Rao', phone: '+919811111111', email: 'asha@example.com', address: '2 Park Street', pincode: '700016', house: null, street: null, landmark: null, city: null, state: null },
  items: [line('Masala Chai', 49900, 2, { Size: '250 g' }), line('Samosa', 1500, 3)],
  subtotal: 104300,
  deliveryMethod: 'delivery',
  discount: 10000,
  coupon: { code: 'SAVE10' },
  deliveryFee: 4000,
  packagingFee: 1000,
  codFee: 2000,
  charges: [],
  taxTotal: 4762,
  tax: { cgst: 2381, sgst: 2381, igst: 0 },
  pricesIncludeTax: true,
  sellerGstin: null,
  placeOfSupply: null,
  invoice: null,
  total: 101300,
  currency: 'INR',
  paymentMethod: 'cod',
  payment: { method: 'cod', status: 'pending', reference: null, updatedAt: at },
  note: 'Ring twice',
  idempotencyKey: null,
  idempotencyFingerprint: null,
  customerErasedAt: null,
  history: [],
  createdAt: at,
  updatedAt: at,
} as unknown as Order;

/** Every mail, by a name; `locale` undefined: the builders' default (what callers got before languages). */
export function mailSamples(b: Builders, locale?: Locale): Record<string, MailMessage> {
  const l = locale === undefined ? {} : { locale };
  const link = 'https://shop.example/reset-password?token=Ab3_xYz-9q';
  const store = { storeName: 'Chai Corner', storePhone: '+919800000000', trackingLink: 'https://shop.example/chai/orders/tok' };
  const upiOrder = { ...sampleOrder, payment: { ...sampleOrder.payment, method: 'upi' }, paymentMethod: 'upi', deliveryMethod: 'pickup', coupon: null, note: null } as Order;
  return {
    passwordReset: b.passwordResetMail({ to: 'asha@example.com', link, expiresInMinutes: 30, ...l }),
    passwordChanged: b.passwordChangedMail({ to: 'asha@example.com', at, resetLink: 'https://shop.example/forgot-password', ...l }),
    emailConfirm: b.emailChangeConfirmMail({ to: 'new@example.com', link: 'https://shop.example/confirm-email?token=T0k', oldEmail: 'old@example.com', ...l }),
    emailNotice: b.emailChangeNoticeMail({ to: 'old@example.com', newEmail: 'new@example.com', ...l }),
    emailTaken: b.emailTakenMail({ to: 'taken@example.com', ...l }),
    newDevice: b.newDeviceMail({ to: 'asha@example.com', device: 'Chrome on Android', at, address: '203.0.113.9', sessionsLink: 'https://shop.example/dashboard/account', ...l }),
    newDeviceNoAddress: b.newDeviceMail({ to: 'asha@example.com', device: 'Safari on iPhone', at, address: null, sessionsLink: 'https://shop.example/dashboard/account', ...l }),
    accountClosed: b.accountClosedMail({ to: 'asha@example.com', storeName: 'Chai Corner', ...l }),
    newOrder: b.newOrderMail({ to: 'v@example.com', storeName: 'Chai Corner', order: sampleOrder, accepted: false, orderLink: 'https://shop.example/dashboard/orders/o1', ...l }),
    newOrderAccepted: b.newOrderMail({ to: 'v@example.com', storeName: 'Chai Corner', order: upiOrder, accepted: true, orderLink: 'https://shop.example/dashboard/orders/o1', ...l }),
    confirmation: b.orderConfirmationMail({ to: 'asha@example.com', ...store, order: sampleOrder, accepted: false, ...l }),
    confirmationUpi: b.orderConfirmationMail({ to: 'asha@example.com', ...store, storePhone: null, order: upiOrder, accepted: true, ...l }),
    ...Object.fromEntries(
      (['accepted', 'shipped', 'delivered', 'rejected', 'cancelled', 'returned'] as const).map((status) => [
        `status-${status}`,
        b.orderStatusMail({ to: 'asha@example.com', ...store, number: 1234, status, reason: status === 'rejected' ? 'Out of stock' : null, ...l }),
      ]),
    ),
  };
}
