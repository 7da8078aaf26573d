import Boom from '@hapi/boom';
import type { Lifecycle, Request, ResponseObject, ResponseToolkit, RouteOptions, ServerRoute } from '@hapi/hapi';
import { renderPage, type PageView } from '@dukaan-kit/storefront-ui';
import { maxImageBytes } from '@dukaan-kit/core';
import { toBoom } from '../errors.js';
import type { Runtime } from '../runtime.js';
import { applySecurityHeaders } from '../security-headers.js';
import { bareContext } from './context.js';
import { csrfRejected, hasValidCrumb } from './csrf.js';

/** Form posts without a file. */
export const maxFormBytes = 64 * 1024;
/** Multipart posts with one image (5 MB) and the form's text fields. */
export const maxUploadFormBytes = maxImageBytes + 64 * 1024;

export const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** A rendered page as a response. */
export function html(h: ResponseToolkit, view: PageView, status = 200): ResponseObject {
  return h.response(renderPage(view)).type('text/html; charset=utf-8').code(status);
}

/** A 303 (see other) to an app path under the prefix. */
export function seeOther(runtime: Runtime, h: ResponseToolkit, path: string): ResponseObject {
  return h.redirect(`${runtime.prefix}${path}`).code(303);
}

/** Hapi's generic reason phrases are not worth showing; domain and page messages are. */
const friendly: Record<number, string> = {
  413: 'That was too large to send. Pictures may be at most 5 MB.',
  415: 'That form could not be read. Please go back, reload the page and try again.',
};

function safeMessage(boom: Boom.Boom): string | undefined {
  const { statusCode, error, message } = boom.output.payload;
  if (friendly[statusCode]) return friendly[statusCode];
  if (statusCode >= 500 || !message || message === error) return undefined;
  return message;
}

/**
 * Any error on a page route (a thrown domain error, a 404, a 413 from the payload parser, a 500)
 * as the friendly 'not-found' or 'error' page with the same status, instead of the API's JSON
 * body. It is rendered by the page route itself (handler and payload failAction), because the
 * plugin's onPreResponse answers a Boom with JSON and ends the onPreResponse chain there.
 */
export function errorPage(runtime: Runtime, request: Request, h: ResponseToolkit, error: unknown): ResponseObject {
  const boom = toBoom(error instanceof Error ? error : new Error(String(error)));
  const statusCode = boom.output.statusCode;
  if (statusCode >= 500) request.log(['dukaan-kit', 'error'], error instanceof Error ? error : String(error));
  const ctx = bareContext(runtime);
  const message = safeMessage(boom);
  const view: PageView =
    statusCode === 404
      ? { page: 'not-found', props: { ctx, ...(message ? { message } : {}) } }
      : { page: 'error', props: { ctx, statusCode, ...(message ? { message } : {}) } };
  const page = html(h, view, statusCode);
  for (const [name, value] of Object.entries(boom.output.headers)) {
    if (name.toLowerCase() !== 'content-type' && value !== undefined) page.header(name, String(value));
  }
  page.header('cache-control', 'no-store');
  applySecurityHeaders(page);
  return page;
}

export interface PageRouteSpec {
  method: 'GET' | 'POST';
  path: string;
  /** 'vendor': the dashboard's session, answering 303 to /login?next= without one. 'optional': the session when there is one. */
  auth?: false | 'vendor' | 'optional';
  /** POSTs: 'upload' allows a 5 MB multipart body. */
  body?: 'form' | 'upload';
  handler: Lifecycle.Method;
}

/** The login page with `next` set to this page (a GET) or the dashboard (a POST). */
export function loginRedirect(runtime: Runtime, request: Request, h: ResponseToolkit): ResponseObject {
  const next = request.method === 'get' ? `${request.url.pathname}${request.url.search}` : `${runtime.prefix}/dashboard`;
  return h.redirect(`${runtime.prefix}/login?next=${encodeURIComponent(next)}`).code(303);
}

/** One HTML page route: friendly error pages, CSRF check on posts, the vendor redirect to login. */
export function pageRoute(runtime: Runtime, spec: PageRouteSpec): ServerRoute {
  const isPost = spec.method === 'POST';
  const auth = spec.auth ?? false;
  const options: RouteOptions = {
    tags: ['dukaan-kit', 'page'],
    auth: auth === false ? false : { strategy: 'dukaan-session', mode: 'try' },
    handler: async (request, h) => {
      try {
        if (isPost && !hasValidCrumb(runtime, request)) throw csrfRejected();
        if (auth === 'vendor' && !request.auth.isAuthenticated) return loginRedirect(runtime, request, h);
        return await spec.handler.call(null, request, h);
      } catch (error) {
        return errorPage(runtime, request, h, error);
      }
    },
  };
  if (isPost) {
    const upload = spec.body === 'upload';
    options.payload = {
      allow: formTypes,
      output: 'data',
      parse: true,
      multipart: { output: 'data' },
      maxBytes: upload ? maxUploadFormBytes : maxFormBytes,
      failAction: (request, h, error) => errorPage(runtime, request, h, error).takeover(),
    };
  }
  return { method: spec.method, path: spec.path, options };
}

/** For handlers: a 404 page with a message for people. */
export function notFound(message: string): Boom.Boom {
  return Boom.notFound(message);
}
