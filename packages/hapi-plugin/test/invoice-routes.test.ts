// Tax invoices over HTTP (issue 13, point 6): the API answers PDF or HTML by Accept, the
// dashboard and the customer's tracking link have the page and the PDF, and nothing is shown
// before acceptance, to another store or to a wrong token. The PDF is read back as text.
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { client, errorOf, json } from './support/api.js';
import { serverVariants, signUp } from './support/server.js';

const gstin = '07AABCU9603R1ZP'; // Delhi, checksum valid
const noInvoiceYet = 'This order has no invoice yet: invoices are issued when the order is accepted';
const standardFontDataUrl = fileURLToPath(new URL('../../../node_modules/pdfjs-dist/standard_fonts/', import.meta.url));

async function pdfText(payload: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(payload), standardFontDataUrl, verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    for (const item of (await (await doc.getPage(n)).getTextContent()).items) if ('str' in item) parts.push(item.str);
  }
  await doc.destroy();
  return parts.join(' ').replace(/\s+/g, ' ');
}

const delhiCustomer = { name: 'Asha Rao', phone: '9876543210', house: 'Flat 2B', street: '14 Lajpat Nagar', city: 'New Delhi', state: 'Delhi', pincode: '110024' };

for (const variant of serverVariants()) {
  t.test(variant.name, async (t) => {
    const fixture = await variant.open();
    t.teardown(() => fixture.close());
    const { server } = fixture;

    /** A Delhi store with a GSTIN, 18 % by default, a ₹20 packaging fee; one product at ₹1,180 with HSN 0902. */
    async function shop() {
      const vendor = await signUp(server);
      const api = client(server, vendor.headers);
      const settings = await api.patch('/api/v1/store', { gstin, pricesIncludeTax: true, defaultTaxRate: 18, packagingFee: { type: 'flat', value: 2000 }, pickupAddress: 'Shop 4, Chandni Chowk, Delhi' });
      if (settings.statusCode !== 200) throw new Error(`store settings failed: ${settings.payload}`);
      const tea = await api.product({ name: 'Assam Tea', price: 118000, stock: 50, hsnCode: '0902', taxRate: 18 });
      const slug = vendor.store.slug;
      const place = async (customer: Record<string, string> = delhiCustomer) => {
        const response = await server.inject({ method: 'POST', url: `/api/v1/stores/${slug}/orders`, payload: { customer, items: [{ productId: tea.id, quantity: 1 }], paymentMethod: 'cod' } });
        if (response.statusCode !== 201) throw new Error(`order failed: ${response.payload}`);
        return json(response) as { id: string; token: string; number: number };
      };
      const accept = async (id: string) => {
        const response = await api.post(`/api/v1/orders/${id}/status`, { status: 'accepted' });
        if (response.statusCode !== 200) throw new Error(`accept failed: ${response.payload}`);
        return json(response);
      };
      return { vendor, api, slug, place, accept };
    }

    t.test('no invoice before acceptance: 404 NOT_FOUND that says why, on every route', async (t) => {
      const { api, slug, place, vendor } = await shop();
      const order = await place();
      const response = await api.get(`/api/v1/orders/${order.id}/invoice`);
      t.equal(response.statusCode, 404);
      t.match(errorOf(response), { code: 'NOT_FOUND', message: noInvoiceYet });
      for (const url of [`/dashboard/orders/${order.id}/invoice`, `/dashboard/orders/${order.id}/invoice.pdf`]) {
        const page = await server.inject({ url, headers: vendor.headers });
        t.equal(page.statusCode, 404, url);
        t.match(page.payload, 'invoices are issued when the order is accepted', url);
      }
      const customerPage = await server.inject(`/${slug}/orders/${order.token}/invoice`);
      t.equal(customerPage.statusCode, 404);
      t.match(customerPage.payload, 'invoices are issued when the order is accepted');
    });

    t.test('accepted: the API gives the PDF by default and for Accept: application/pdf, the page for text/html', async (t) => {
      const { api, place, accept, vendor } = await shop();
      const order = await place();
      const accepted = await accept(order.id);
      t.match(accepted.invoice, { number: 1, financialYear: /^\d{4}-\d{2}$/ });
      const fy = accepted.invoice.financialYear as string;

      for (const headers of [{}, { accept: 'application/pdf' }, { accept: '*/*' }, { accept: 'application/json' }]) {
        const response = await server.inject({ url: `/api/v1/orders/${order.id}/invoice`, headers: { ...vendor.headers, ...headers } });
        t.equal(response.statusCode, 200, JSON.stringify(headers));
        t.equal(response.headers['content-type'], 'application/pdf', JSON.stringify(headers));
      }
      const response = await api.get(`/api/v1/orders/${order.id}/invoice`);
      t.equal(response.headers['content-disposition'], `attachment; filename="invoice-${fy}-1.pdf"`);
      t.match(String(response.headers['cache-control']), /no-store/);
      t.match(String(response.headers['cache-control']), /private/);
      t.match(String(response.headers['vary']), /accept/i);
      const text = await pdfText(response.rawPayload);
      t.match(text, 'Tax Invoice');
      t.match(text, `Invoice no. ${fy}/1`);
      t.match(text, `GSTIN: ${gstin}`);
      t.match(text, 'Place of supply: Delhi (07)');
      t.match(text, /\b0902\b/);
      t.match(text, 'Assam Tea');
      t.match(text, 'Packaging charge');
      // ₹1,180 incl. 18 %: 90.00 + 90.00; ₹20 packaging incl. 18 %: 1.53 + 1.53.
      t.match(text, 'CGST Rs. 91.53, SGST Rs. 91.53');
      t.match(text, 'Grand total Rs. 1,200.00');
      t.match(text, 'Total in words: Rupees One Thousand Two Hundred Only');
      t.match(text, 'Asha Rao');

      const html = await server.inject({ url: `/api/v1/orders/${order.id}/invoice`, headers: { ...vendor.headers, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
      t.equal(html.statusCode, 200);
      t.match(html.headers['content-type'], /^text\/html/);
      t.match(String(html.headers['cache-control']), /no-store/);
      t.match(html.payload, `${fy}/1`);
      t.match(html.payload, gstin);
      t.match(html.payload, '₹1,200.00', 'the page writes rupees with ₹');
      t.match(html.payload, `/dashboard/orders/${order.id}/invoice.pdf`);
      const pdfPreferred = await server.inject({ url: `/api/v1/orders/${order.id}/invoice`, headers: { ...vendor.headers, accept: 'text/html;q=0.5, application/pdf' } });
      t.equal(pdfPreferred.headers['content-type'], 'application/pdf');
    });

    t.test('inter-state: IGST, the customer’s state as the place of supply', async (t) => {
      const { api, place, accept } = await shop();
      const order = await place({ ...delhiCustomer, city: 'Bengaluru', state: 'karnataka', pincode: '560001' });
      await accept(order.id);
      const text = await pdfText((await api.get(`/api/v1/orders/${order.id}/invoice`)).rawPayload);
      t.match(text, 'Place of supply: Karnataka (29)');
      t.match(text, 'IGST Rs. 183.06');
      t.notMatch(text, /CGST/);
    });

    t.test('invoices count up per store; another store’s order is 404', async (t) => {
      const first = await shop();
      const other = await shop();
      const a = await first.place();
      const b = await first.place();
      await first.accept(b.id);
      const ofA = await first.accept(a.id);
      t.equal(ofA.invoice.number, 2, 'numbered in the order of acceptance');
      const theirs = await other.api.get(`/api/v1/orders/${a.id}/invoice`);
      t.equal(theirs.statusCode, 404);
      t.equal(errorOf(theirs).code, 'NOT_FOUND');
      t.notMatch(errorOf(theirs).message, /invoice/, 'no hint that the order exists');
      const page = await server.inject({ url: `/dashboard/orders/${a.id}/invoice`, headers: other.vendor.headers });
      t.equal(page.statusCode, 404);
      t.notMatch(page.payload, /2026-27|Asha Rao/);
      t.equal((await first.api.get('/api/v1/orders/not-an-order/invoice')).statusCode, 404);
      t.equal((await server.inject(`/api/v1/orders/${a.id}/invoice`)).statusCode, 401, 'vendor auth required');
    });

    t.test('the dashboard page and PDF; the receipt format', async (t) => {
      const { place, accept, vendor } = await shop();
      const order = await place();
      const { invoice } = await accept(order.id);
      const page = await server.inject({ url: `/dashboard/orders/${order.id}/invoice`, headers: vendor.headers });
      t.equal(page.statusCode, 200);
      t.match(String(page.headers['cache-control']), /no-store/);
      t.match(page.payload, 'class="invoice-body invoice-a4"');
      t.match(page.payload, 'Tax Invoice');
      t.match(page.payload, 'Download PDF');
      t.match(page.payload, 'invoice-table');
      const receipt = await server.inject({ url: `/dashboard/orders/${order.id}/invoice?format=receipt`, headers: vendor.headers });
      t.equal(receipt.statusCode, 200);
      t.match(receipt.payload, 'invoice-receipt');
      t.match(receipt.payload, 'receipt-rows');
      const pdf = await server.inject({ url: `/dashboard/orders/${order.id}/invoice.pdf`, headers: vendor.headers });
      t.equal(pdf.statusCode, 200);
      t.equal(pdf.headers['content-type'], 'application/pdf');
      t.equal(pdf.headers['content-disposition'], `attachment; filename="invoice-${invoice.financialYear}-${invoice.number}.pdf"`);
      t.match(String(pdf.headers['cache-control']), /no-store/);
      t.match(await pdfText(pdf.rawPayload), `${invoice.financialYear}/${invoice.number}`);
      const anonymous = await server.inject(`/dashboard/orders/${order.id}/invoice`);
      t.equal(anonymous.statusCode, 303, 'to the login page');
    });

    t.test('the customer’s link: page and PDF with the token; a wrong token is 404', async (t) => {
      const { slug, place, accept } = await shop();
      const order = await place();
      const { invoice } = await accept(order.id);
      const page = await server.inject(`/${slug}/orders/${order.token}/invoice`);
      t.equal(page.statusCode, 200);
      t.match(String(page.headers['cache-control']), /no-store/);
      t.match(String(page.headers['cache-control']), /private/);
      t.match(page.payload, `${invoice.financialYear}/${invoice.number}`);
      t.match(page.payload, `/${slug}/orders/${order.token}/invoice.pdf`);
      t.notMatch(page.payload, '/dashboard/', 'no dashboard links for the customer');
      const pdf = await server.inject(`/${slug}/orders/${order.token}/invoice.pdf`);
      t.equal(pdf.statusCode, 200);
      t.equal(pdf.headers['content-type'], 'application/pdf');
      t.match(String(pdf.headers['cache-control']), /no-store/);
      for (const url of [`/${slug}/orders/wrong-token-abcdefghij/invoice`, `/${slug}/orders/wrong-token-abcdefghij/invoice.pdf`]) {
        const wrong = await server.inject(url);
        t.equal(wrong.statusCode, 404, url);
        t.notMatch(wrong.payload, /Asha Rao/);
      }
    });

    t.test('an erased customer: the invoice shows the placeholder, not the old details', async (t) => {
      const { api, place, accept } = await shop();
      const order = await place();
      await accept(order.id);
      for (const status of ['shipped', 'delivered']) await api.post(`/api/v1/orders/${order.id}/status`, { status });
      const erase = await api.post('/api/v1/customers/erase', { phone: '9876543210' });
      t.equal(erase.statusCode, 200, erase.payload);
      const text = await pdfText((await api.get(`/api/v1/orders/${order.id}/invoice`)).rawPayload);
      t.match(text, 'Customer details erased');
      t.notMatch(text, /Asha|Lajpat|98765/);
      t.match(text, 'Grand total Rs. 1,200.00', 'the figures stay');
    });
  });
}
