// What is measured: each scenario names the app configuration it runs against and its targets
// (issue 5, item 6). run.mjs runs them grouped by configuration, one app process per group.
import { ordersShop, shop } from './seed.mjs';

/** App configurations: environment on top of the common one (PostgreSQL, rate limits off). */
export const configurations = {
  memory: { label: 'in-memory cache', env: {} },
  redis: { label: 'Redis cache', env: { REDIS_URL: '(set by run.mjs)' } },
  off: { label: 'cache off', env: { CACHE: 'off' } },
  ceiling: { label: 'bare node:http', env: null },
  database: { label: 'PostgreSQL alone (node-pg, no app)', env: null },
};

/** In the order they run; a group's scenarios share one app process. */
export const scenarios = [
  { id: 'a-memory', config: 'memory', label: '(a) store page /{slug}, cached, memory', request: { path: `/${shop.slug}` }, needs: 'page' },
  { id: 'c-memory', config: 'memory', label: '(c) GET /api/v1/stores/{slug}, memory', request: { path: `/api/v1/stores/${shop.slug}` } },
  { id: 'f', config: 'ceiling', label: '(f) ceiling: bare node:http, same bytes', request: null },
  { id: 'a-redis', config: 'redis', label: '(a) store page /{slug}, cached, Redis', request: { path: `/${shop.slug}` }, needs: 'page' },
  { id: 'c-redis', config: 'redis', label: '(c) GET /api/v1/stores/{slug}, Redis', request: { path: `/api/v1/stores/${shop.slug}` } },
  { id: 'd', config: 'redis', label: '(d) checkout POST /api/v1/stores/{slug}/orders', request: null, needs: 'orders' },
  // After (d)'s audit: its orders go to the same store, under keys of their own.
  { id: 'g', config: 'redis', label: '(g) store page /{slug}, Redis, while checkouts run', request: { path: `/${shop.slug}` }, needs: 'page-with-orders' },
  { id: 'e', config: 'redis', label: `(e) GET /api/v1/orders?limit=20, ${ordersShop.orders.toLocaleString('en')} orders`, request: null, needs: 'token' },
  { id: 'b', config: 'off', label: '(b) store page /{slug}, cache off', request: { path: `/${shop.slug}` }, needs: 'page' },
  // Last: its orders go to the bench store, after (d)'s audit and (g)'s stock check (db-ceiling.mjs).
  { id: 'db-ceiling', config: 'database', label: "database ceiling: the checkout's SQL replayed by node-pg, no app (transactions/s)", request: null, needs: 'checkout-sql' },
];

/** Targets on the 2-core machines at 32 connections (issue 5, item 6). */
export const targets = {
  storePageShareOfCeiling: 0.5,
  storePageP99Ms: 20,
  uncachedPageRps: 1000,
  checkoutRps: 500,
  orderListRps: 1000,
  orderListP99Ms: 30,
  rssMb: 150,
  /** (g): the store page with orders flowing, as a share of the page alone in the same run. */
  pageWithOrdersRatio: 0.7,
  /** (d) orders/s as a share of db-ceiling's transactions/s in the same run (issue 15). */
  checkoutShareOfDbCeiling: 0.5,
};
