// Support for the browser test (browser-flow.test.ts): the reference app as a child process on
// SQLite in a temp dir, headless Chromium (Debian's, through playwright-core), a watcher that
// collects console errors, page errors and CSP violations, and a small real PNG for uploads.
// Every wait is bounded; only processes started here are ever signalled, by their own pid.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { request } from './http.js';
import { freePort, GiveUp, spawnManaged, stopProcess, waitUntil, type Managed } from './processes.js';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const appMain = join(repoRoot, 'examples', 'server', 'dist', 'main.js');
export const storefrontAssets = join(repoRoot, 'packages', 'storefront-ui', 'dist', 'assets');
export const chromiumPath = '/usr/bin/chromium';
/** Where the run writes its screenshots (gitignored; the README names it). */
export const screenshotDir = join(repoRoot, 'test-results', 'screenshots');

// ---- the reference app -------------------------------------------------------

export interface BrowserApp {
  url: string;
  process: Managed;
  /** Stops the app (SIGTERM, then SIGKILL after a bound). */
  stop(): Promise<void>;
}

export interface BrowserAppOptions {
  /** More environment for the app (e.g. SMTP_URL); it wins over the defaults below. */
  env?: Record<string, string>;
  timeoutMs?: number;
}

/**
 * Starts `node examples/server/dist/main.js` on a free loopback port with a fresh SQLite file,
 * media directory and mail outbox under `workDir`, PUBLIC_URL its own address, rate limits off
 * and LOG_LEVEL=warn; resolves once /healthz answers 200. A port taken between probing and
 * listening gets one more try on another port.
 */
export async function startBrowserApp(workDir: string, options: BrowserAppOptions = {}): Promise<BrowserApp> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const mediaDir = join(workDir, 'media');
  mkdirSync(mediaDir, { recursive: true });
  let lastError: Error | null = null;
  for (let attempt = 1; attempt <= 3; attempt++) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const managed = spawnManaged('app', process.execPath, [appMain], {
      cwd: join(repoRoot, 'examples', 'server'),
      // Killed with the test process even when tap's timeout leaves no teardown to run.
      parentDeathSignal: 'SIGKILL',
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${join(workDir, 'app.db')}`,
        MEDIA_DIR: mediaDir,
        // Production requires PUBLIC_URL (mail links are built from it): the address the browser uses.
        PUBLIC_URL: url,
        MAIL_OUTBOX_DIR: join(workDir, 'outbox'),
        SESSION_SECRET: randomBytes(32).toString('hex'),
        LOG_LEVEL: 'warn',
        RATE_LIMIT_LOGIN: '0',
        RATE_LIMIT_CHECKOUT: '0',
        ...options.env,
      },
    });
    try {
      await waitUntil(
        `the app to answer ${url}/healthz`,
        async () => {
          if (!managed.running()) throw new GiveUp(`the app exited (code ${managed.child.exitCode})`);
          return (await request(url, '/healthz', { timeoutMs: 1000 })).status === 200;
        },
        { timeoutMs, intervalMs: 100 },
      );
      return { url, process: managed, stop: () => stopProcess(managed, 'SIGTERM', 5000) };
    } catch (error) {
      await stopProcess(managed, 'SIGKILL');
      lastError = new Error(`${(error as Error).message}\n${managed.output()}`);
      if (!/EADDRINUSE/.test(managed.output())) break;
    }
  }
  throw lastError ?? new Error('the app did not start');
}

// ---- Chromium ----------------------------------------------------------------

export const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * One headless Chromium for the whole file. Playwright gives it a fresh --user-data-dir of its own
 * (a new temp dir, removed on close); isolated contexts (vendor, customer, no-JS customer) come
 * from `browser.newContext()`.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, headless: true, timeout: 30_000, args: chromiumArgs });
}

/** Bounded defaults for every action and navigation of a context. */
export function bound(context: BrowserContext, actionMs = 10_000, navigationMs = 15_000): BrowserContext {
  context.setDefaultTimeout(actionMs);
  context.setDefaultNavigationTimeout(navigationMs);
  return context;
}

// ---- problems seen in pages --------------------------------------------------

export interface Problem {
  where: string;
  kind: 'console' | 'pageerror' | 'csp';
  text: string;
}

/**
 * Records what a page must never show: console errors, uncaught exceptions and CSP violations.
 * `expected` lets a caller excuse a console error it provoked on purpose (e.g. the 400 the order
 * API answers a bad phone with, which Chromium logs as "Failed to load resource").
 */
export class ProblemLog {
  readonly problems: Problem[] = [];
  #expected: Array<(message: ConsoleMessage) => boolean> = [];

  expect(match: (message: ConsoleMessage) => boolean): void {
    this.#expected.push(match);
  }

  /**
   * CSP violations reported from inside pages (a `securitypolicyviolation` listener installed
   * before any page script; it only runs where JavaScript is on). Chromium also logs every
   * violation as a console error, which `watch` records in pages without JavaScript too.
   */
  async install(context: BrowserContext, label: string): Promise<void> {
    await context.exposeBinding('__dukaanCspViolation', (source, text: string) => {
      this.problems.push({ where: `${label} ${source.page?.url() ?? ''}`, kind: 'csp', text });
    });
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = (window as unknown as { __dukaanCspViolation?: (text: string) => void }).__dukaanCspViolation;
        report?.(`securitypolicyviolation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    context.on('page', (page) => this.watch(page, label));
  }

  watch(page: Page, label: string): void {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (this.#expected.some((match) => match(message))) return;
      this.problems.push({ where: `${label} ${page.url()}`, kind: /Content Security Policy/i.test(message.text()) ? 'csp' : 'console', text: `${message.text()} (${message.location().url})` });
    });
    page.on('pageerror', (error) => this.problems.push({ where: `${label} ${page.url()}`, kind: 'pageerror', text: error.message }));
  }
}

// ---- layout checks -----------------------------------------------------------

/** How much wider than the viewport the document is (0 = no horizontal scrolling). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

/** The elements sticking out past the right edge, for a useful failure message. */
export function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const r = el.getBoundingClientRect();
      if (r.right > width + 0.5 && r.width > 0) out.push(`${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(r.right)}`);
      if (out.length >= 10) break;
    }
    return out;
  });
}

// ---- a real PNG ----------------------------------------------------------------

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * Writes a `size`×`size` RGB PNG (a teal-to-amber gradient with a cup-like disc) to `path`:
 * small, valid, and recognisable in a screenshot.
 */
export function writeTestPng(path: string, size = 160): string {
  const rows: Buffer[] = [];
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const t = (x + y) / (2 * size);
      const inDisc = (x - c) ** 2 + (y - c) ** 2 < (size * 0.3) ** 2;
      const [r, g, b] = inDisc ? [250, 245, 235] : [Math.round(15 + 230 * t), Math.round(118 + 40 * t), Math.round(110 - 60 * t)];
      row[1 + x * 3] = r;
      row[2 + x * 3] = g;
      row[3 + x * 3] = b;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, png);
  return path;
}

/** What the test needs before it can run, as messages (empty when all is there). */
export function missingPieces(): string[] {
  return [
    existsSync(chromiumPath) ? null : `${chromiumPath} (apt-get install -y chromium)`,
    existsSync(appMain) ? null : 'examples/server/dist/main.js (npm run build)',
    existsSync(storefrontAssets) ? null : 'packages/storefront-ui/dist/assets (npm run build)',
  ].filter((m): m is string => m !== null);
}
