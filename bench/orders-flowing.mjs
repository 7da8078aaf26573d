// Scenario (g): the cached store page while orders flow into the same store (issue 8, item 7).
// Every order changes stock, and stock shown to customers must be exact within a second or
// two, so each order replaces what the page shows; the question is what that costs the page.
// One app, one run: the page alone, then with checkouts at a fixed rate beside it, then alone
// again; the ratio of the middle to the mean of the two ends is the number to watch (all three
// share the machine's noise, and the ends cancel a drift in it).
import { checkoutTracker } from './checkout.mjs';
import { runLoad } from './load.mjs';
import { shop } from './seed.mjs';

/** Seconds after the last order within which the store API must show the stock PostgreSQL holds. */
export const stockSettleSeconds = 2;

/**
 * `settings`: connections, warmupSeconds, durationSeconds (for the page load), orderRate
 * (checkouts per second across `orderConnections`). Returns the page's numbers alone and with
 * orders, the checkout load's numbers, and the stock check.
 */
export async function runPageWithOrders({ url, pid, products, runId, settings, stockInDatabase }) {
  const page = { path: `/${shop.slug}` };
  const alone = await runLoad({ url, pid, request: page, ...pageSettings(settings) });
  const tracker = checkoutTracker(products, runId);
  const orders = runLoad({
    url,
    pid,
    request: { requests: tracker.requests },
    connections: settings.orderConnections,
    // The orders start with the page's warm-up and run until its measured part ends.
    warmupSeconds: 0,
    durationSeconds: settings.warmupSeconds + settings.durationSeconds,
    overallRate: settings.orderRate,
  });
  const withOrders = await runLoad({ url, pid, request: page, ...pageSettings(settings) });
  const checkout = await orders;
  const retry = await tracker.retryUnanswered(url);
  const stock = await checkShownStock(url, stockInDatabase);
  const after = await runLoad({ url, pid, request: page, ...pageSettings(settings) });
  const aloneRps = (alone.requestsPerSecond + after.requestsPerSecond) / 2;
  return {
    ...withOrders,
    alone: { ...alone, after: { requestsPerSecond: after.requestsPerSecond, latencyMs: after.latencyMs, errors: after.errors + (after.warmup?.errors ?? 0) }, meanRequestsPerSecond: aloneRps },
    checkout: { requestsPerSecond: checkout.requestsPerSecond, latencyMs: checkout.latencyMs, errors: checkout.errors, statusCodes: checkout.statusCodes, completed: checkout.completed },
    retry,
    ratio: aloneRps > 0 ? Math.round((withOrders.requestsPerSecond / aloneRps) * 1000) / 1000 : null,
    stock,
  };
}

function pageSettings(settings) {
  return { connections: settings.connections, warmupSeconds: settings.warmupSeconds, durationSeconds: settings.durationSeconds };
}

/**
 * After the last order: the public store API's stock counts must equal PostgreSQL's within
 * `stockSettleSeconds` (polled, so a fast invalidation passes early).
 */
async function checkShownStock(url, stockInDatabase) {
  const deadline = Date.now() + stockSettleSeconds * 1000;
  let mismatches = [];
  for (;;) {
    const expected = await stockInDatabase();
    const response = await fetch(`${url}/api/v1/stores/${shop.slug}`);
    const shown = response.ok ? (await response.json()).products ?? [] : [];
    // Stock is per variant: every variant shown must carry PostgreSQL's count.
    const variants = shown.flatMap((p) => p.variants ?? []);
    mismatches = variants.filter((v) => expected.has(v.id) && v.stock !== expected.get(v.id)).map((v) => `${v.id}: shown ${v.stock}, stored ${expected.get(v.id)}`);
    if (response.ok && mismatches.length === 0) return { ok: true, products: shown.length, mismatches: [] };
    if (Date.now() > deadline) return { ok: false, products: shown.length, status: response.status, mismatches: mismatches.slice(0, 5) };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
