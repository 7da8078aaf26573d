// Scenario (d): checkout requests, each with its own Idempotency-Key, and the audit of every
// order afterwards, straight from PostgreSQL.
import pg from 'pg';
import { priceCart } from '@dukaan-kit/core/pricing';
import { shop } from './seed.mjs';

/**
 * Builds checkout bodies from a counter and remembers every key sent and every status answered,
 * so that the audit can compare the database with what the clients were told.
 */
export function checkoutTracker(products, runId) {
  let counter = 0;
  const sent = new Map(); // key -> { body, items }
  const answered = new Map(); // key -> status
  const orderFor = (n) => {
    const first = n % products.length;
    const second = (n * 7 + 3) % products.length;
    // Each product has three variants (by weight); the request names one of them.
    const line = (product, k, quantity) => ({ productId: product.id, variantId: product.variants[k % product.variants.length].id, quantity });
    const items = [line(products[first], n, 1 + (n % 3))];
    if (second !== first && n % 2 === 0) items.push(line(products[second], n + 1, 1));
    return {
      customer: {
        name: `Bench customer ${n}`,
        phone: '9876543210',
        email: n % 5 === 0 ? `c${n}@bench.local` : undefined,
        house: `${n}`,
        street: 'Residency Road',
        city: 'Bengaluru',
        // One order in four crosses state lines: IGST instead of CGST + SGST.
        state: n % 4 === 0 ? 'Tamil Nadu' : 'Karnataka',
        pincode: '560025',
      },
      items,
      note: n % 10 === 0 ? 'Ring the bell twice' : undefined,
      paymentMethod: 'cod',
      couponCode: shop.coupon,
    };
  };
  return {
    sent,
    answered,
    /** autocannon's `requests` for one run (a new array each time: autocannon mutates it). */
    requests: () => [
      {
        method: 'POST',
        path: `/api/v1/stores/${shop.slug}/orders`,
        headers: { 'content-type': 'application/json' },
        setupRequest(request, context) {
          const n = counter++;
          const key = `bench-${runId}-${n}`;
          const order = orderFor(n);
          const body = JSON.stringify(order);
          sent.set(key, { body, items: order.items });
          context.key = key;
          return { ...request, headers: { ...request.headers, 'idempotency-key': key }, body };
        },
        onResponse(status, _body, context) {
          if (context.key) answered.set(context.key, status);
        },
      },
    ],
    /**
     * autocannon drops the requests in flight when its time is up: the app may have placed
     * those orders without anyone hearing. Like a real client, retry each unanswered key
     * once with the same body; the app answers 200 (placed already) or 201 (placed now).
     */
    async retryUnanswered(url) {
      const outcome = { unanswered: 0, existing: 0, createdNow: 0, failed: 0 };
      for (const [key, { body }] of sent) {
        if (answered.has(key)) continue;
        outcome.unanswered++;
        const response = await fetch(`${url}/api/v1/stores/${shop.slug}/orders`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body });
        await response.arrayBuffer();
        answered.set(key, response.status);
        if (response.status === 200) outcome.existing++;
        else if (response.status === 201) outcome.createdNow++;
        else outcome.failed++;
      }
      return outcome;
    },
  };
}

/**
 * Audits the store's orders in PostgreSQL against what the clients were answered: one order
 * per 2xx key and none for any other, totals, line prices, delivery fee, stock per product,
 * numbers from 1001 without duplicate and with no more gaps than requests that placed nothing.
 * Returns the findings; `ok` false on any problem.
 */
export async function auditOrders(databaseUrl, seeded, tracker) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const orders = (await client.query('SELECT id, number, subtotal, discount, delivery_fee, packaging_fee, cod_fee, tax_total, total, idempotency_key FROM orders WHERE store_id = $1', [seeded.storeId])).rows;
    const lines = (await client.query('SELECT i.order_id, i.product_id, i.variant_id, i.unit_price, i.quantity, i.line_total FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.store_id = $1', [seeded.storeId])).rows;
    const stock = new Map((await client.query('SELECT id, stock FROM product_variants WHERE store_id = $1', [seeded.storeId])).rows.map((r) => [r.id, Number(r.stock)]));
    const problems = [];
    const problem = (message) => { if (problems.length < 20) problems.push(message); };

    const ok2xx = new Set([...tracker.answered].filter(([, status]) => status === 200 || status === 201).map(([key]) => key));
    const byKey = new Map();
    for (const order of orders) {
      if (order.idempotency_key === null) problem(`order ${order.id} has no idempotency key`);
      else if (byKey.has(order.idempotency_key)) problem(`two orders for key ${order.idempotency_key}`);
      else byKey.set(order.idempotency_key, order);
    }
    for (const key of ok2xx) if (!byKey.has(key)) problem(`key ${key} was answered 2xx but has no order`);
    for (const key of byKey.keys()) if (!ok2xx.has(key)) problem(`order for key ${key} exists but its request was not answered 2xx`);

    // Numbers come from the store's sequence (migration 012): unique and ascending from 1001, with
    // a gap only where a request took a number and placed nothing (a replay meeting its first
    // order at the insert, a failed commit). Those requests were answered 200 or an error, never 201.
    const numbers = orders.map((o) => Number(o.number)).sort((a, b) => a - b);
    const notPlaced = [...tracker.answered.values()].filter((status) => status !== 201).length;
    let gaps = 0;
    numbers.forEach((number, index) => {
      const previous = index === 0 ? 1000 : numbers[index - 1];
      if (number <= previous) problem(`order numbers: ${number} after ${previous} (a duplicate or below 1001)`);
      else gaps += number - previous - 1;
    });
    if (gaps > notPlaced) problem(`order numbers: ${gaps} missing between 1001 and ${numbers.at(-1)}, but only ${notPlaced} requests were answered without a new order`);

    const prices = new Map(seeded.products.flatMap((p) => p.variants.map((v) => [v.id, v.price])));
    const rates = new Map(seeded.products.flatMap((p) => p.variants.map((v) => [v.id, p.taxRate])));
    const rules = {
      deliveryFee: seeded.deliveryFee,
      freeDeliveryAbove: seeded.freeDeliveryAbove,
      minOrderValue: 0,
      packagingFee: seeded.packagingFee,
      codFee: seeded.codFee,
      tax: { pricesIncludeTax: true, defaultTaxRate: seeded.defaultTaxRate },
    };
    const coupon = { code: shop.coupon, type: 'percent', value: 10, minOrderValue: 0, maxDiscount: 20000 };
    const linesByOrder = new Map();
    for (const line of lines) {
      if (!linesByOrder.has(line.order_id)) linesByOrder.set(line.order_id, []);
      linesByOrder.get(line.order_id).push(line);
    }
    const sold = new Map();
    let totalsChecked = 0;
    for (const order of orders) {
      const orderLines = linesByOrder.get(order.id) ?? [];
      const subtotal = orderLines.reduce((sum, l) => sum + Number(l.line_total), 0);
      for (const l of orderLines) {
        if (Number(l.line_total) !== Number(l.unit_price) * Number(l.quantity)) problem(`order ${order.number}: line total ${l.line_total} != ${l.unit_price} x ${l.quantity}`);
        if (Number(l.unit_price) !== prices.get(l.variant_id)) problem(`order ${order.number}: unit price ${l.unit_price} is not the variant's price ${prices.get(l.variant_id)}`);
        sold.set(l.variant_id, (sold.get(l.variant_id) ?? 0) + Number(l.quantity));
      }
      // The order's figures, priced again from the lines by the pricing module the browser runs.
      const expected = priceCart(
        orderLines.map((l) => ({ unitPrice: Number(l.unit_price), quantity: Number(l.quantity), taxRate: rates.get(l.variant_id) ?? null })),
        rules,
        { deliveryMethod: 'delivery', paymentMethod: 'cod', coupon },
      );
      if (Number(order.subtotal) !== subtotal) problem(`order ${order.number}: subtotal ${order.subtotal} != sum of lines ${subtotal}`);
      for (const [column, value] of [['discount', expected.discount], ['delivery_fee', expected.deliveryFee], ['packaging_fee', expected.packagingFee], ['cod_fee', expected.codFee], ['tax_total', expected.taxTotal], ['total', expected.total]]) {
        if (Number(order[column]) !== value) problem(`order ${order.number}: ${column} ${order[column]}, expected ${value}`);
      }
      if (expected.discount === 0 || expected.taxTotal === 0) problem(`order ${order.number}: priced without a coupon or without tax`);
      // What the customer asked for (the request body of this key) is what was recorded.
      const asked = tracker.sent.get(order.idempotency_key)?.items ?? [];
      const askedText = asked.map((i) => `${i.variantId}x${i.quantity}`).sort().join(',');
      const gotText = orderLines.map((l) => `${l.variant_id}x${l.quantity}`).sort().join(',');
      if (askedText !== gotText) problem(`order ${order.number}: lines ${gotText} differ from the request ${askedText}`);
      totalsChecked++;
    }
    let oversold = 0;
    let unitsSold = 0;
    for (const [variantId, left] of stock) {
      const units = sold.get(variantId) ?? 0;
      unitsSold += units;
      if (left < 0) { oversold += -left; problem(`variant ${variantId}: stock ${left} below zero`); }
      if (left !== shop.initialStock - units) {
        // Units recorded as sold that were never taken from stock were sold beyond it.
        oversold += Math.max(0, left - (shop.initialStock - units));
        problem(`variant ${variantId}: stock ${left} != initial ${shop.initialStock} - sold ${units}`);
      }
    }
    return {
      ok: problems.length === 0,
      orders: orders.length,
      answered2xx: ok2xx.size,
      totalsChecked,
      unitsSold,
      oversold,
      numbers: numbers.length ? `${numbers[0]}..${numbers.at(-1)}` : 'none',
      numberGaps: gaps,
      answeredWithoutNewOrder: notPlaced,
      problems,
    };
  } finally {
    await client.end();
  }
}
