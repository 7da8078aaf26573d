// The dashboard's orders show what was sold down to the variant: the list, the order page's items and its packing list.
import t from 'tap';
import { client, json } from './support/api.js';
import { Browser } from './support/pages.js';
import { customer, serverVariants, signUp } from './support/server.js';

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    t.test('an order of one variant names it in the list and on the order page, with its SKU', async (t) => {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const ghee = await api.product({
        name: 'Ghee',
        price: undefined,
        options: [{ name: 'Weight', values: ['500 g', '1 kg'] }],
        variants: [
          { options: { Weight: '500 g' }, price: 45000, sku: 'GHEE-500' },
          { options: { Weight: '1 kg' }, price: 85000, sku: 'GHEE-1K' },
        ],
      });
      const plain = await api.product({ name: 'Jaggery', price: 9900 });
      const kilo = ghee.variants.find((v: { options: Record<string, string> }) => v.options['Weight'] === '1 kg');
      const placed = await server.inject({
        method: 'POST',
        url: `/api/v1/stores/${vendor.store.slug}/orders`,
        payload: { customer, paymentMethod: 'cod', items: [{ productId: ghee.id, variantId: kilo.id, quantity: 2 }, { productId: plain.id, quantity: 1 }] },
      });
      t.equal(placed.statusCode, 201, placed.payload.slice(0, 300));
      const order = json(placed).order ?? json(placed);

      const browser = new Browser(server);
      browser.cookies.set('dukaan_session', vendor.cookie.split('=').slice(1).join('='));
      const list = await browser.get('/dashboard/orders');
      t.equal(list.statusCode, 200);
      t.match(list.payload, '2 × Ghee (Weight: 1 kg); 1 × Jaggery', 'the list says what to pack');
      const detail = await browser.get(`/dashboard/orders/${order.id}`);
      t.equal(detail.statusCode, 200);
      t.match(detail.payload, 'Weight: 1 kg');
      t.match(detail.payload, /To pack[\s\S]*2 × Ghee \(Weight: 1 kg\) · SKU <code>GHEE-1K<\/code>/);
      t.notMatch(detail.payload, /To pack[\s\S]*Jaggery[\s\S]*<\/ul>/, 'a line without SKU or variant needs no packing note');
    });
  });
}
