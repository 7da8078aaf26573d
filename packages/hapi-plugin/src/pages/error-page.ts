import type { Request, ResponseObject, ResponseToolkit } from '@hapi/hapi';
import type Boom from '@hapi/boom';
import type { Locale } from '@dukaan-kit/core/i18n';
import { i18nOf, type MessageKey, type PageView } from '@dukaan-kit/storefront-ui';
import { presentError } from '../errors.js';
import { isHttps, type Runtime } from '../runtime.js';
import { applySecurityHeaders } from '../security-headers.js';
import { bareContext } from './context.js';
import { html, type PageRouteMeta } from './define.js';
import { languageLinks, visitorLocale } from './locale.js';

/** Hapi's generic reason phrases are not worth showing; these say what to do. */
function friendlyMessage(statusCode: number, meta: PageRouteMeta | undefined): MessageKey | undefined {
  if (statusCode === 413) {
    if (meta?.body === 'photos') return 'errors.why.tooLargePhotos';
    return meta?.body === 'upload' ? 'errors.why.tooLargeUpload' : 'errors.why.tooLargeForm';
  }
  if (statusCode === 415) return 'errors.why.unreadableForm';
  return undefined;
}

/**
 * The page routes' own explanations (thrown with `notFound(...)` and the like, in English), in
 * the page's language: by their fixed text, `{store}` taken from the text where it names one.
 */
const knownMessages: ReadonlyArray<readonly [RegExp, MessageKey]> = [
  [/^This form has expired or did not come from this site\./, 'errors.why.formExpired'],
  [/^There is no shop at this link\./, 'errors.why.noShop'],
  [/^There is no such page of products\.$/, 'errors.why.noProductPage'],
  [/^(?<store>.+) does not have this product any more\.$/, 'errors.why.productGone'],
  [/^(?<store>.+) does not have this category any more\.$/, 'errors.why.categoryGone'],
  [/^We could not find this order\./, 'errors.why.orderGone'],
];

/**
 * What the page says under its heading. In English, any message meant for people is shown as
 * written; in another language only one it has a translation of, else the page's own general
 * sentence (better than a paragraph the reader may not understand).
 */
function shownMessage(locale: Locale, statusCode: number, meta: PageRouteMeta | undefined, message: string | undefined): string | undefined {
  const t = i18nOf(locale).t;
  const friendly = friendlyMessage(statusCode, meta);
  if (friendly) return t(friendly);
  if (message === undefined) return undefined;
  for (const [pattern, key] of knownMessages) {
    const match = pattern.exec(message);
    if (match) return t(key, match.groups ?? {});
  }
  return locale === 'en' ? message : undefined;
}

/** The friendly 'not-found' or 'error' page for any error on a page route, with the same status and headers. */
function errorPage(runtime: Runtime, request: Request, h: ResponseToolkit, error: Boom.Boom): ResponseObject {
  const { body, headers, internal } = presentError(error);
  if (internal) request.log(['dukaan-kit', 'error'], error);
  const meta = (request.route.settings.plugins as Record<string, PageRouteMeta | undefined>)['dukaan-kit'];
  const locale = visitorLocale(runtime, request, null);
  const shown = shownMessage(locale, body.statusCode, meta, internal || body.message === body.error ? undefined : body.message);
  // The chooser only where following it asks for the same page again (a GET), not a form's action.
  const ctx = { ...bareContext(runtime), locale, ...(request.method === 'get' ? { languageLinks: languageLinks(request) } : {}) };
  const message = shown ? { message: shown } : {};
  const view: PageView = body.statusCode === 404 ? { page: 'not-found', props: { ctx, ...message } } : { page: 'error', props: { ctx, statusCode: body.statusCode, ...message } };
  const page = html(h, view, body.statusCode);
  for (const [name, value] of Object.entries(headers)) if (name !== 'content-type' && name !== 'www-authenticate') page.header(name, value);
  return page.header('cache-control', 'no-store');
}

/** HTML error pages and security headers, for the page routes only (sandboxed). */
export function pagesOnPreResponse(runtime: Runtime) {
  return (request: Request, h: ResponseToolkit) => {
    const response = request.response as ResponseObject | Boom.Boom;
    const https = isHttps(runtime, request);
    if ('isBoom' in response && response.isBoom) {
      const page = errorPage(runtime, request, h, response);
      applySecurityHeaders(page, https);
      return page;
    }
    applySecurityHeaders(response as ResponseObject, https);
    return h.continue;
  };
}
