// Checks that hold for every page: the document shell, the mount prefix on
// every URL, CSRF crumbs on every POST form, labels, and scripts only with islands.
import t from 'tap';
import { renderPage, type PageView } from '../src/index.js';
import { attrValues, controls, forms, isLabelled } from './fixtures/html.js';
import { ctx, everyPage } from './fixtures/pages.js';

// The dashboard's home, orders and order pages show new orders live (the live-orders island).
const withIslands = new Set(['store', 'product', 'checkout', 'dashboard', 'orders', 'order-detail']);
/** The account and webhooks pages have an island only while they show a new secret (with its copy button). */
const hasIsland = (view: PageView) =>
  withIslands.has(view.page) || (view.page === 'account' && view.props.newToken !== undefined) || (view.page === 'webhooks' && view.props.created !== undefined);

t.test('every page is a full document with title and stylesheet', async (t) => {
  for (const view of everyPage(ctx())) {
    const html = renderPage(view);
    t.ok(html.startsWith('<!doctype html><html lang="en"><head><meta charset="utf-8"/>'), view.page);
    t.match(html, /<title>[^<]+<\/title>/, `${view.page} title`);
    t.match(html, '<meta name="viewport" content="width=device-width, initial-scale=1"/>');
    t.match(html, '<link rel="stylesheet" href="/static/app.TEST.css"/>', `${view.page} css`);
    t.ok(html.endsWith('</body></html>'));
  }
});

t.test('with basePath /shop every link, action and asset URL carries the prefix', async (t) => {
  for (const view of everyPage(ctx({ basePath: '/shop', csrfToken: 'crumb-xyz' }))) {
    const html = renderPage(view);
    const urls = [...attrValues(html, 'href'), ...attrValues(html, 'action'), ...attrValues(html, 'src')];
    t.ok(urls.length > 0, `${view.page} has URLs`);
    for (const url of urls) {
      if (url.startsWith('/')) t.ok(url === '/shop' || url.startsWith('/shop/') || url.startsWith('/shop?'), `${view.page}: ${url}`);
    }
    t.match(html, 'href="/shop/static/app.TEST.css"');
    for (const json of html.matchAll(/data-island="[^"]+">([\s\S]*?)<\/script>/g)) {
      const props = JSON.parse(json[1]!) as { basePath?: string };
      if ('basePath' in props) t.equal(props.basePath, '/shop', `${view.page} island gets the basePath`);
    }
  }
});

t.test('every POST form carries the CSRF crumb when there is one, and none otherwise', async (t) => {
  for (const view of everyPage(ctx({ csrfToken: 'crumb-xyz' }))) {
    const html = renderPage(view);
    for (const form of forms(html).filter((f) => f.startsWith('<form method="post"'))) {
      t.match(form, /^<form method="post"[^>]*><input type="hidden" name="crumb" value="crumb-xyz"\/>/, `${view.page}: ${form.slice(0, 80)}`);
    }
    if (view.page === 'checkout') {
      const props = JSON.parse(/data-island="checkout">([\s\S]*?)<\/script>/.exec(html)![1]!) as { csrfToken: string };
      t.equal(props.csrfToken, 'crumb-xyz', 'the checkout island re-renders the crumb');
    }
  }
  for (const view of everyPage(ctx({ csrfToken: null }))) t.notMatch(renderPage(view), 'name="crumb"', view.page);
});

t.test('every form control has a label', async (t) => {
  for (const view of everyPage(ctx())) {
    const html = renderPage(view);
    for (const tag of controls(html)) t.ok(isLabelled(html, tag), `${view.page}: ${tag}`);
  }
});

t.test('only pages with islands load the client script, exactly once', async (t) => {
  for (const view of everyPage(ctx({ basePath: '/shop' }))) {
    const html = renderPage(view);
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    if (hasIsland(view)) {
      t.equal(scripts.filter((s) => s === '<script type="module" src="/shop/static/client.TEST.js">').length, 1, `${view.page} loads the client`);
      t.ok(scripts.every((s) => s.startsWith('<script type="module"') || s.startsWith('<script type="application/json" data-island=')), view.page);
      t.match(html, 'data-island-root=');
    } else {
      t.equal(scripts.length, 0, `${view.page} sends no script`);
    }
  }
});

t.test('dashboard pages are noindex; the store page is indexable', async (t) => {
  for (const view of everyPage(ctx())) {
    const html = renderPage(view);
    if (view.page === 'store' || view.page === 'product') t.notMatch(html, 'noindex', view.page);
    else t.match(html, '<meta name="robots" content="noindex"/>', view.page);
  }
});
