// The store page on a cheap Android over a slow link (issue 14's budgets): Chromium throttled to
// 4x CPU, 150 ms round trip and 1.6 Mbps down, opening a store of 12 products (one with an
// uploaded photo) in English and Hindi. First contentful paint, largest contentful paint and the
// bytes moved are REPORTED (a table here and test-results/phone-budgets.json), never asserted:
// these machines are noisy. Layout shift is asserted: it was zero and must stay zero.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import t from 'tap';
import { bound, launchChromium, missingPieces, repoRoot, startBrowserApp, writeTestPng, type BrowserApp } from './support/browser-app.js';

const missing = missingPieces();
if (missing.length > 0) {
  if (process.env.CI) t.fail(`the browser test needs: ${missing.join(', ')}`);
  else t.plan(0, `needs ${missing.join(', ')}; skipping`);
} else {
  budgets();
}

interface Measured {
  language: string;
  firstContentfulPaintMs: number | null;
  largestContentfulPaintMs: number | null;
  layoutShift: number;
  bytes: number;
  requests: number;
}

function budgets() {
  t.setTimeout(180_000);
  const workDir = mkdtempSync(join(tmpdir(), 'dukaan-browser-budgets-'));
  let app: BrowserApp | undefined;
  let browser: Browser | undefined;
  const slug = 'budget-kirana';

  t.before(async () => {
    [app, browser] = await Promise.all([startBrowserApp(workDir), launchChromium()]);
    const api = (path: string, init: RequestInit & { cookie?: string; token?: string } = {}) =>
      fetch(`${app!.url}${path}`, {
        ...init,
        headers: {
          ...(init.body && typeof init.body === 'string' ? { 'content-type': 'application/json' } : {}),
          ...(init.cookie ? { cookie: init.cookie } : {}),
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        },
        signal: AbortSignal.timeout(10_000),
      });
    const signup = await api('/api/v1/vendors', { method: 'POST', body: JSON.stringify({ email: 'budget@example.com', password: 'kirana-on-the-corner', storeName: 'Budget Kirana', slug }) });
    if (signup.status !== 201) throw new Error(`signup: ${signup.status} ${await signup.text()}`);
    const cookie = (signup.headers.getSetCookie().find((c) => c.startsWith('dukaan_session=')) ?? '').split(';')[0]!;
    const tokenResponse = await api('/api/v1/tokens', { method: 'POST', cookie, body: JSON.stringify({ name: 'budgets' }) });
    const { token } = (await tokenResponse.json()) as { token: string };
    for (let i = 1; i <= 12; i++) {
      const created = await api('/api/v1/products', { method: 'POST', token, body: JSON.stringify({ name: `Atta ${i} kg`, price: 4900 + i * 100, stock: i === 5 ? 0 : 20 }) });
      if (created.status !== 201) throw new Error(`product: ${created.status} ${await created.text()}`);
      if (i !== 1) continue;
      const { id } = (await created.json()) as { id: string };
      const form = new FormData();
      form.append('file', new Blob([readFileSync(writeTestPng(join(workDir, 'atta.png'), 640))], { type: 'image/png' }), 'atta.png');
      const uploaded = await fetch(`${app!.url}/api/v1/products/${id}/images`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form, signal: AbortSignal.timeout(20_000) });
      if (uploaded.status !== 201) throw new Error(`photo: ${uploaded.status} ${await uploaded.text()}`);
    }
  });

  t.teardown(async () => {
    const within = (ms: number, p: Promise<unknown> | undefined) => Promise.race([p?.catch(() => {}), new Promise((r) => setTimeout(r, ms))]);
    await within(10_000, browser?.close());
    await within(10_000, app?.stop());
    rmSync(workDir, { recursive: true, force: true });
  });

  /** Opens the store page cold in a fresh throttled phone context and reads what it cost. */
  async function measure(language: 'en' | 'hi'): Promise<Measured> {
    const context = bound(await browser!.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: language === 'hi' ? 'hi-IN' : 'en-IN' }), 20_000, 60_000);
    try {
      await context.addInitScript(() => {
        const w = window as unknown as { __lcp: number | null; __cls: number };
        w.__lcp = null;
        w.__cls = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.__lcp = entry.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) w.__cls += entry.value;
        }).observe({ type: 'layout-shift', buffered: true });
      });
      const page: Page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      let bytes = 0;
      let requests = 0;
      cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
        bytes += event.encodedDataLength;
        requests += 1;
      });
      await page.goto(`${app!.url}/${slug}?lang=${language}`, { waitUntil: 'load' });
      await page.waitForFunction(() => document.documentElement.classList.contains('js'), undefined, { timeout: 30_000 });
      // Let late images and fonts land, and the observers report.
      await page.waitForTimeout(1500);
      const read = await page.evaluate(() => {
        const w = window as unknown as { __lcp: number | null; __cls: number };
        const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
        return { fcp, lcp: w.__lcp, cls: w.__cls, lang: document.documentElement.lang };
      });
      if (read.lang !== language) throw new Error(`asked for ${language}, got <html lang="${read.lang}">`);
      return { language, firstContentfulPaintMs: read.fcp === null ? null : Math.round(read.fcp), largestContentfulPaintMs: read.lcp === null ? null : Math.round(read.lcp), layoutShift: read.cls, bytes, requests };
    } finally {
      await context.close();
    }
  }

  t.test('store page on a throttled phone: paints reported, layout shift zero, in both languages', async (t) => {
    const results: Measured[] = [];
    for (const language of ['en', 'hi'] as const) {
      const m = await measure(language);
      results.push(m);
      t.ok(m.layoutShift < 0.001, `${language}: no layout shift (${m.layoutShift})`);
      t.ok(m.firstContentfulPaintMs !== null && m.largestContentfulPaintMs !== null, `${language}: both paints were observed`);
      t.ok(m.bytes > 0 && m.requests > 0, `${language}: the transfer was counted`);
    }
    t.comment('language | first paint | largest paint | layout shift | KB moved | requests');
    for (const m of results) t.comment(`${m.language} | ${m.firstContentfulPaintMs} ms | ${m.largestContentfulPaintMs} ms | ${m.layoutShift} | ${(m.bytes / 1024).toFixed(1)} | ${m.requests}`);
    const outDir = join(repoRoot, 'test-results');
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'phone-budgets.json'), `${JSON.stringify({ profile: { cpuSlowdown: 4, roundTripMs: 150, downloadMbps: 1.6, viewport: '360x740@2x' }, store: '12 products, one with an uploaded 640 px photo', results }, null, 2)}\n`);
  });
}
