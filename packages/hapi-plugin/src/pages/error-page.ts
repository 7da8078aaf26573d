import type { Request, ResponseObject, ResponseToolkit } from '@hapi/hapi';
import type Boom from '@hapi/boom';
import type { PageView } from '@dukaan-kit/storefront-ui';
import { presentError } from '../errors.js';
import { isHttps, type Runtime } from '../runtime.js';
import { applySecurityHeaders } from '../security-headers.js';
import { bareContext } from './context.js';
import { html, type PageRouteMeta } from './define.js';

/** Hapi's generic reason phrases are not worth showing; these say what to do. */
function friendlyMessage(statusCode: number, meta: PageRouteMeta | undefined): string | undefined {
  if (statusCode === 413) {
    if (meta?.body === 'photos') return 'That was too large to send. Each picture may be at most 5 MB, and a product may have 8.';
    return meta?.body === 'upload' ? 'That was too large to send. Pictures may be at most 5 MB.' : 'That form was too large to send. Please shorten what you typed and try again.';
  }
  if (statusCode === 415) return 'That form could not be read. Please go back, reload the page and try again.';
  return undefined;
}

/** The friendly 'not-found' or 'error' page for any error on a page route, with the same status and headers. */
function errorPage(runtime: Runtime, request: Request, h: ResponseToolkit, error: Boom.Boom): ResponseObject {
  const { body, headers, internal } = presentError(error);
  if (internal) request.log(['dukaan-kit', 'error'], error);
  const meta = (request.route.settings.plugins as Record<string, PageRouteMeta | undefined>)['dukaan-kit'];
  const shown = friendlyMessage(body.statusCode, meta) ?? (internal || body.message === body.error ? undefined : body.message);
  const ctx = bareContext(runtime);
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
