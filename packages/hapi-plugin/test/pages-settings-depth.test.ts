// The vendor's side of checkout depth, through the dashboard's forms as a browser posts them:
// GST settings, extra charges, delivery methods and areas, a product's GST rate and HSN code, and
// the order page's address parts, charges, tax split and invoice link.
import t from 'tap';
import { client, json } from './support/api.js';
import { Browser, type PageResponse } from './support/pages.js';
import { serverVariants, signUp } from './support/server.js';

/** A GSTIN with a valid check character, registered in Maharashtra (27). */
const gstin = '27AAPFU0939F1ZV';

/** The settings form as a browser sends it, every group present (the hidden markers included). */
function settingsForm(slug: string, over: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    name: 'Depth Shop',
    slug,
    description: '',
    phone: '',
    pickupAddress: '',
    currency: 'INR',
    deliveryFee: '40',
    freeDeliveryAbove: '',
    minOrderValue: '',
    isOpen: 'on',
    paymentFields: '1',
    paymentMethods: 'cod',
    upiId: '',
    timeZone: 'Asia/Kolkata',
    newOrderEmails: 'on',
    gstFields: '1',
    gstin: '',
    state: '',
    pricesIncludeTax: 'on',
    defaultTaxRate: '0',
    checkoutFields: '1',
    deliveryMethods: 'delivery',
    'serviceArea.type': 'all',
    'serviceArea.values': '',
    'packagingFee.type': 'none',
    'packagingFee.value': '',
    'codFee.type': 'none',
    'codFee.value': '',
    ...over,
  };
}

/** A browser signed in as a new vendor (the API's session cookie), its crumb read from the settings page. */
async function vendorBrowser(server: Parameters<typeof client>[0]) {
  const vendor = await signUp(server);
  const browser = new Browser(server);
  browser.cookies.set('dukaan_session', vendor.cookie.split('=').slice(1).join('='));
  await browser.get('/dashboard/settings');
  return { vendor, browser, api: client(server, vendor.headers) };
}

/** The error paragraph tied to a field or group of the settings form. */
function errorOf(page: PageResponse, id: string): string | null {
  return new RegExp(`<p class="field-error" id="${id.replace(/\./g, '\\.')}-error">([^<]*)</p>`).exec(page.payload)?.[1] ?? null;
}

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    t.test('the settings page groups GST, charges and delivery, each input labelled', async (t) => {
      const { browser } = await vendorBrowser(server);
      const page = await browser.get('/dashboard/settings');
      t.equal(page.statusCode, 200);
      for (const heading of ['GST', 'Delivery &amp; charges', 'Payments']) t.match(page.payload, `<legend><h2 class="form-section">${heading}</h2></legend>`);
      t.match(page.payload, '<option value="Dadra and Nagar Haveli and Daman and Diu"', 'the 36 states by their GST-list names');
      t.equal((page.payload.match(/id="settings-state"[\s\S]*?<\/select>/)?.[0].match(/<option /g) ?? []).length, 37, '36 states and "Choose"');
      t.match(page.payload, '<option value="18">18%</option>');
      t.match(page.payload, /<input type="checkbox" name="deliveryMethods" value="pickup" id="settings-deliveryMethods-pickup"/);
      for (const id of ['settings-gstin', 'settings-state', 'settings-defaultTaxRate', 'settings-packagingFee-type', 'settings-packagingFee-value', 'settings-codFee-type', 'settings-codFee-value', 'settings-serviceArea-values']) {
        t.match(page.payload, `<label for="${id}"`, `${id} has a label`);
      }
    });

    t.test('a GSTIN with a bad check character is refused beside the field; a valid one fills in the state', async (t) => {
      const { vendor, browser, api } = await vendorBrowser(server);
      const slug = vendor.store.slug;
      const bad = await browser.post('/dashboard/settings', settingsForm(slug, { gstin: '27AAPFU0939F1ZA' }));
      t.equal(bad.statusCode, 400);
      t.match(bad.payload, /id="settings-gstin"[^>]*aria-invalid="true"/);
      t.match(errorOf(bad, 'settings-gstin'), /GSTIN/);
      t.match(bad.payload, 'value="27AAPFU0939F1ZA"', 'what was typed is kept');
      t.equal(json(await api.get('/api/v1/store')).gstin, null, 'nothing saved');

      const lower = await browser.post('/dashboard/settings', settingsForm(slug, { gstin: gstin.toLowerCase(), pricesIncludeTax: '', defaultTaxRate: '18' }));
      t.equal(lower.statusCode, 303, lower.payload.slice(0, 300));
      t.match(json(await api.get('/api/v1/store')), { gstin, state: 'Maharashtra', pricesIncludeTax: false, defaultTaxRate: 18 });
      const page = await browser.get('/dashboard/settings');
      t.match(page.payload, /<option value="Maharashtra" selected/, 'the state shows as chosen');

      // A refusal elsewhere on the form still shows the GSTIN's state, as it would be saved.
      const other = await browser.post('/dashboard/settings', settingsForm(slug, { gstin, state: '', deliveryFee: 'forty' }));
      t.equal(other.statusCode, 400);
      t.match(other.payload, /<option value="Maharashtra" selected/);
    });

    t.test('a state other than the GSTIN\'s is refused beside the state', async (t) => {
      const { vendor, browser } = await vendorBrowser(server);
      const wrong = await browser.post('/dashboard/settings', settingsForm(vendor.store.slug, { gstin, state: 'Karnataka' }));
      t.equal(wrong.statusCode, 400);
      t.ok(errorOf(wrong, 'settings-state') ?? errorOf(wrong, 'settings-gstin'), 'said beside the GST fields');
    });

    t.test('packaging and cash-on-delivery fees: flat and percent, and the amounts it cannot read', async (t) => {
      const { vendor, browser, api } = await vendorBrowser(server);
      const slug = vendor.store.slug;
      const saved = await browser.post('/dashboard/settings', settingsForm(slug, { 'packagingFee.type': 'flat', 'packagingFee.value': '15.50', 'codFee.type': 'percent', 'codFee.value': '2.5%' }));
      t.equal(saved.statusCode, 303, saved.payload.slice(0, 300));
      t.match(json(await api.get('/api/v1/store')), { packagingFee: { type: 'flat', value: 1550 }, codFee: { type: 'percent', value: 2.5 } });
      const page = await browser.get('/dashboard/settings');
      t.match(page.payload, /id="settings-packagingFee-value"[^>]*value="15.50"|value="15.50"[^>]*id="settings-packagingFee-value"/);
      t.match(page.payload, /<option value="percent" selected/);

      const missing = await browser.post('/dashboard/settings', settingsForm(slug, { 'packagingFee.type': 'flat', 'packagingFee.value': '' }));
      t.equal(missing.statusCode, 400);
      t.match(errorOf(missing, 'settings-packagingFee'), /packaging fee/);
      const unreadable = await browser.post('/dashboard/settings', settingsForm(slug, { 'codFee.type': 'percent', 'codFee.value': 'two' }));
      t.equal(unreadable.statusCode, 400);
      t.match(errorOf(unreadable, 'settings-codFee'), /percent/);
      const tooMuch = await browser.post('/dashboard/settings', settingsForm(slug, { 'codFee.type': 'percent', 'codFee.value': '150' }));
      t.equal(tooMuch.statusCode, 400, 'the core refuses more than 100 percent');
      t.ok(errorOf(tooMuch, 'settings-codFee'), 'beside the fee');

      const none = await browser.post('/dashboard/settings', settingsForm(slug));
      t.equal(none.statusCode, 303);
      t.match(json(await api.get('/api/v1/store')), { packagingFee: null, codFee: null });
    });

    t.test('pickup needs the pickup address', async (t) => {
      const { vendor, browser, api } = await vendorBrowser(server);
      const slug = vendor.store.slug;
      const refused = await browser.post('/dashboard/settings', settingsForm(slug, { deliveryMethods: ['delivery', 'pickup'], pickupAddress: '' }));
      t.equal(refused.statusCode, 400);
      t.ok(errorOf(refused, 'settings-pickupAddress') ?? errorOf(refused, 'settings-deliveryMethods'), 'said beside pickup');
      const none = await browser.post('/dashboard/settings', settingsForm(slug, { deliveryMethods: [] }));
      t.equal(none.statusCode, 400, 'no method at all');
      t.ok(errorOf(none, 'settings-deliveryMethods'));

      const ok = await browser.post('/dashboard/settings', settingsForm(slug, { deliveryMethods: ['delivery', 'pickup'], pickupAddress: 'Shop 4, Linking Road, Mumbai' }));
      t.equal(ok.statusCode, 303, ok.payload.slice(0, 300));
      t.same(json(await api.get('/api/v1/store')).deliveryMethods, ['delivery', 'pickup']);
      t.match((await browser.get('/dashboard/settings')).payload, /value="pickup" id="settings-deliveryMethods-pickup" checked/);
    });

    t.test('service area: pincodes separated by commas, spaces or new lines; a bad one named', async (t) => {
      const { vendor, browser, api } = await vendorBrowser(server);
      const slug = vendor.store.slug;
      const saved = await browser.post('/dashboard/settings', settingsForm(slug, { 'serviceArea.type': 'pincodes', 'serviceArea.values': '400001, 400002\n400003 400001' }));
      t.equal(saved.statusCode, 303, saved.payload.slice(0, 300));
      t.same(json(await api.get('/api/v1/store')).serviceArea, { type: 'pincodes', values: ['400001', '400002', '400003'] });
      t.match((await browser.get('/dashboard/settings')).payload, '400001, 400002, 400003');

      const bad = await browser.post('/dashboard/settings', settingsForm(slug, { 'serviceArea.type': 'pincodes', 'serviceArea.values': '400001 400002 400003 40004' }));
      t.equal(bad.statusCode, 400);
      t.match(errorOf(bad, 'settings-serviceArea'), /40004/, 'the bad pincode is named');
      t.match(bad.payload, '400001 400002 400003 40004', 'the list as typed');

      const prefixes = await browser.post('/dashboard/settings', settingsForm(slug, { 'serviceArea.type': 'prefixes', 'serviceArea.values': '4000,56' }));
      t.equal(prefixes.statusCode, 303);
      t.same(json(await api.get('/api/v1/store')).serviceArea, { type: 'prefixes', values: ['4000', '56'] });
      const all = await browser.post('/dashboard/settings', settingsForm(slug, { 'serviceArea.type': 'all', 'serviceArea.values': '4000' }));
      t.equal(all.statusCode, 303, 'all of India keeps no list');
      t.same(json(await api.get('/api/v1/store')).serviceArea, { type: 'all', values: [] });
    });

    t.test('a store in another currency has no GST fields and says why', async (t) => {
      const { vendor, browser, api } = await vendorBrowser(server);
      const usd = settingsForm(vendor.store.slug, { currency: 'USD', paymentMethods: 'cod' });
      delete usd['gstFields'];
      const saved = await browser.post('/dashboard/settings', usd);
      t.equal(saved.statusCode, 303, saved.payload.slice(0, 300));
      const page = await browser.get('/dashboard/settings');
      t.notMatch(page.payload, 'name="gstin"');
      t.match(page.payload, 'GST is India');
      t.equal(json(await api.get('/api/v1/store')).gstin, null);
    });

    t.test('the product form saves a GST rate and HSN code; the store default is a choice', async (t) => {
      const { browser, api } = await vendorBrowser(server);
      const fresh = await browser.get('/dashboard/products/new');
      t.match(fresh.payload, /<option value(?:="")? selected>Store default \(0%\)<\/option>/);
      t.match(fresh.payload, '<label for="product-hsnCode"');
      const created = await browser.post('/dashboard/products', { name: 'Cardamom', price: '120', active: 'on', taxFields: '1', taxRate: '5', hsnCode: '0908' });
      t.equal(created.statusCode, 303, created.payload.slice(0, 300));
      const id = /\/dashboard\/products\/([^?]+)/.exec(created.headers.location as string)?.[1];
      t.match(json(await api.get(`/api/v1/products/${id}`)), { taxRate: 5, hsnCode: '0908' });
      const edit = await browser.get(`/dashboard/products/${id}`);
      t.match(edit.payload, '<option value="5" selected>5%</option>');
      t.match(edit.payload, 'value="0908"');

      const badHsn = await browser.post(`/dashboard/products/${id}`, { name: 'Cardamom', price: '120', active: 'on', taxFields: '1', taxRate: '5', hsnCode: '09' });
      t.equal(badHsn.statusCode, 400);
      t.match(badHsn.payload, /id="product-hsnCode"[^>]*aria-invalid="true"/);
      const back = await browser.post(`/dashboard/products/${id}`, { name: 'Cardamom', price: '120', active: 'on', taxFields: '1', taxRate: '', hsnCode: '' });
      t.equal(back.statusCode, 303);
      t.match(json(await api.get(`/api/v1/products/${id}`)), { taxRate: null, hsnCode: null });
      const noFields = await browser.post(`/dashboard/products/${id}`, { name: 'Cardamom', price: '130', active: 'on' });
      t.equal(noFields.statusCode, 303, 'a form without the tax fields leaves them');
    });

    t.test('the order page shows the address parts, charges, the tax split and, once accepted, the invoice', async (t) => {
      const { vendor, browser, api } = await vendorBrowser(server);
      const slug = vendor.store.slug;
      const settings = settingsForm(slug, {
        gstin,
        pricesIncludeTax: '',
        defaultTaxRate: '18',
        deliveryFee: '0',
        'packagingFee.type': 'flat',
        'packagingFee.value': '10',
        deliveryMethods: ['delivery', 'pickup'],
        pickupAddress: 'Shop 4, Linking Road, Mumbai',
      });
      t.equal((await browser.post('/dashboard/settings', settings)).statusCode, 303);
      const product = await api.product({ name: 'Saffron', price: 24900, hsnCode: '0910' });
      const place = (customer: Record<string, string>, extra: Record<string, unknown> = {}) =>
        server.inject({ method: 'POST', url: `/api/v1/stores/${slug}/orders`, payload: { customer, items: [{ productId: product.id, quantity: 1 }], paymentMethod: 'cod', ...extra } });
      const local = { name: 'Asha Rao', phone: '9876543210', house: 'Flat 3B, Sea View', street: 'Hill Road, Bandra', landmark: 'Opposite the church', city: 'Mumbai', state: 'maharashtra', pincode: '400050' };
      const placed = await place(local);
      t.equal(placed.statusCode, 201, placed.payload.slice(0, 400));
      const order = json(placed).order ?? json(placed);

      const detail = await browser.get(`/dashboard/orders/${order.id}`);
      t.equal(detail.statusCode, 200);
      for (const part of ['Flat 3B, Sea View', 'Hill Road, Bandra', 'Landmark: Opposite the church', 'Mumbai, Maharashtra 400050']) t.match(detail.payload, part);
      t.match(detail.payload, /<th scope="row" colspan="3">Packaging<\/th><td class="num">₹10.00<\/td>/i);
      // 18% on top of ₹249 and the ₹10 packaging (charges take the store's rate): ₹22.41 + ₹0.90 each half.
      t.match(detail.payload, />CGST<\/th><td class="num">₹23.31</i);
      t.match(detail.payload, />SGST<\/th><td class="num">₹23.31</i);
      t.match(detail.payload, />Total<\/th><td class="num">₹305.62</i, '249 + 10 + 46.62');
      t.notMatch(detail.payload, />IGST</);
      t.match(detail.payload, 'GST 18% · HSN 0910');
      t.notMatch(detail.payload, /\/invoice"/, 'no invoice before acceptance');

      const accepted = await browser.post(`/dashboard/orders/${order.id}/status`, { status: 'accepted' });
      t.equal(accepted.statusCode, 303);
      const after = await browser.get(`/dashboard/orders/${order.id}`);
      t.match(after.payload, new RegExp(`<a href="/dashboard/orders/${order.id}/invoice">Invoice \\d{4}-\\d{2}/1</a>`));

      const away = await place({ ...local, city: 'Bengaluru', state: 'Karnataka', pincode: '560001' });
      t.equal(away.statusCode, 201, away.payload.slice(0, 400));
      const igst = await browser.get(`/dashboard/orders/${(json(away).order ?? json(away)).id}`);
      t.match(igst.payload, />IGST<\/th><td class="num">₹46.62</i, 'another state: IGST');
      t.notMatch(igst.payload, />CGST</);

      const pickup = await place({ name: 'Ravi', phone: '9876543211' }, { deliveryMethod: 'pickup' });
      t.equal(pickup.statusCode, 201, pickup.payload.slice(0, 400));
      const pickupPage = await browser.get(`/dashboard/orders/${(json(pickup).order ?? json(pickup)).id}`);
      t.match(pickupPage.payload, '<span class="tag tag-pickup">Pickup</span>');
      t.match(pickupPage.payload, 'Shop 4, Linking Road, Mumbai');
    });
  });
}
