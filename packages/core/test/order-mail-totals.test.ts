import t from 'tap';
import { orderTotalsText, customerText } from '../src/mail/messages/order-text.js';
import { noAddressParts, orderRecord } from '../src/testing/persistence/fixtures.js';

t.test('order mails name the discount, each charge and the GST, and leave out what is 0', async (t) => {
  const plain = orderRecord('store');
  t.equal(orderTotalsText(plain), 'Subtotal: ₹113.00\nDelivery: ₹40.00\nTotal: ₹153.00');
  const deep = orderRecord('store', {
    subtotal: 100000,
    discount: 10000,
    coupon: { code: 'SAVE10' },
    deliveryFee: 0,
    packagingFee: 1000,
    codFee: 2000,
    taxTotal: 4762,
    pricesIncludeTax: true,
    total: 93000,
  });
  t.equal(orderTotalsText(deep), 'Subtotal: ₹1,000.00\nDiscount (SAVE10): −₹100.00\nDelivery: free\nPackaging: ₹10.00\nCash on delivery fee: ₹20.00\nIncludes GST: ₹47.62\nTotal: ₹930.00');
  t.match(orderTotalsText({ ...deep, pricesIncludeTax: false, deliveryMethod: 'pickup' }), /Pickup from the store\n[\s\S]*\nGST: ₹47.62\n/);
});

t.test('a pickup order without an address mails no empty address line', async (t) => {
  t.equal(customerText({ name: 'Ravi', phone: '+919822222222', email: null, address: '', pincode: '', ...noAddressParts }), 'Ravi\n+919822222222');
});
