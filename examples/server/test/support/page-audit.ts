// Checks the browser tests run on any page (issue 14): axe-core's accessibility rules, and the
// English left on a page that should be in Hindi. Both work with JavaScript off as well: the
// page's own scripts are then off, but what Playwright evaluates still runs.
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** One axe violation, as much as a failure message needs. */
export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  /** CSS selectors of the first few elements involved. */
  targets: string[];
}

/**
 * Runs axe-core on the page as it is and returns its serious and critical violations. axe is
 * injected as a script tag (the context must bypass the app's CSP, which allows no inline
 * script). A page that runs no script (JavaScript off) cannot run axe either (its timers never
 * fire): its DOM is then audited in a twin page with the same URL, styles and markup, where
 * only axe runs and the page's own scripts are refused.
 */
export async function axeAudit(page: Page): Promise<AxeViolation[]> {
  const scriptsRun = await page.evaluate(() => {
    const probe = document.createElement('script');
    probe.textContent = 'window.__auditProbe = true';
    document.head.append(probe);
    probe.remove();
    return (window as unknown as { __auditProbe?: boolean }).__auditProbe === true;
  });
  if (scriptsRun) return runAxe(page);
  const twin = await twinOf(page);
  twin.html = await page.content();
  twin.at = page.url().split('#')[0]!;
  await twin.page.setViewportSize(page.viewportSize() ?? { width: 360, height: 780 });
  await twin.page.goto(twin.at);
  return runAxe(twin.page);
}

/** The page a script-less page's DOM is audited in, and what it serves now. */
interface Twin {
  page: Page;
  html: string;
  at: string;
}

/**
 * One twin per audited browser context, made on its first script-less audit and closed with it:
 * a new context per page made a JavaScript-off walk of 25 pages twice as slow as the same walk
 * with JavaScript on, past its budget on a loaded CI machine.
 */
const twins = new WeakMap<BrowserContext, Promise<Twin>>();

function twinOf(page: Page): Promise<Twin> {
  const owner = page.context();
  let twin = twins.get(owner);
  if (twin) return twin;
  const browser = owner.browser();
  if (!browser) throw new Error('axeAudit: a page without scripts needs a browser to open its twin in');
  twin = (async () => {
    const context = await browser.newContext({ viewport: page.viewportSize(), bypassCSP: true });
    owner.once('close', () => void context.close().catch(() => {}));
    const made: Twin = { page: await context.newPage(), html: '', at: '' };
    await made.page.route('**/*', (route) => {
      const request = route.request();
      if (request.url().split('#')[0] === made.at && request.resourceType() === 'document') return route.fulfill({ body: made.html, contentType: 'text/html; charset=utf-8' });
      return request.resourceType() === 'script' ? route.abort() : route.continue();
    });
    return made;
  })();
  twins.set(owner, twin);
  return twin;
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ path: axePath });
  const violations = await page.evaluate(async () => {
    type Result = { violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact ?? 'unknown', help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.map(String).join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Latin words a Hindi page may keep: names and terms Indian readers read as they are (the same
 * list as storefront-ui's catalogue test).
 */
export const latinTerms: readonly string[] = [
  'dukaan-kit', 'upi', 'gstin', 'gst', 'pin', 'cod', 'whatsapp', 'otp', 'sku', 'mrp', 'csv', 'api', 'url', 'hsn', 'pdf', 'id', 'qr', 'email', 'https', 'webhook', 'webhooks', 'json', 'pwa',
  // File formats, currency codes and the HTTP verb webhooks use: written the same in Hindi.
  'jpeg', 'png', 'webp', 'inr', 'post',
];

/**
 * The English words a reader meets on a page that should be in Hindi: its title, visible text
 * (screen-reader-only text included), and the aria-label, placeholder, title and alt of its
 * elements, minus `allowed` (data such as store and product names, emails, tokens, shown as
 * entered) and `latinTerms`. Text marked as another language (`lang="en"`, e.g. "English" in the
 * language chooser) is skipped: it is meant to be read in that language. Unique, in page order.
 */
export async function englishLeaks(page: Page, allowed: string[] = []): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const out: string[] = [document.title];
    const foreign = (el: Element) => {
      // Identifiers shown as code (event types such as order.placed) are not prose.
      if (el.closest('code')) return true;
      const tagged = el.closest('[lang]');
      return tagged !== null && !(tagged.getAttribute('lang') ?? '').startsWith('hi');
    };
    const shown = (el: Element) =>
      !el.closest('script, style, template, noscript, head') &&
      (el as HTMLElement).checkVisibility({ checkOpacity: false, checkVisibilityCSS: true });
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && shown(parent) && !foreign(parent) && node.textContent?.trim()) out.push(node.textContent);
    }
    for (const el of Array.from(document.body.querySelectorAll('[aria-label], [placeholder], [title], [alt], input[type="submit"][value], input[type="button"][value]'))) {
      if (foreign(el)) continue;
      for (const name of ['aria-label', 'placeholder', 'title', 'alt']) {
        const value = el.getAttribute(name);
        if (value) out.push(value);
      }
      if (el instanceof HTMLInputElement && (el.type === 'submit' || el.type === 'button')) out.push(el.value);
    }
    return out;
  });
  // Longest first, so a data string containing a shorter one is removed whole.
  const data = [...allowed].filter((d) => d.trim() !== '').sort((a, b) => b.length - a.length);
  const terms = new Set(latinTerms);
  const words: string[] = [];
  for (let text of texts) {
    for (const d of data) text = text.split(d).join(' ');
    // Addresses and links are data too, whatever their letters.
    text = text.replace(/\S+@\S+\.\S+/g, ' ').replace(/\bhttps?:\/\/\S+/g, ' ');
    for (const word of text.match(/[A-Za-z][A-Za-z'’-]{2,}/g) ?? []) {
      if (!terms.has(word.toLowerCase()) && !words.includes(word)) words.push(word);
    }
  }
  return words;
}
