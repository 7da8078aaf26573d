import Boom from '@hapi/boom';
import type { Lifecycle, Request, ResponseObject, ResponseToolkit, RouteOptions, ServerRoute } from '@hapi/hapi';
import { renderPage, type PageView } from '@dukaan-kit/storefront-ui';
import { maxImageBytes, maxImagesPerProduct } from '@dukaan-kit/core';
import { presentError } from '../errors.js';
import type { Runtime } from '../runtime.js';
import { csrfRejected, hasValidCrumb } from './csrf.js';

/** Form posts without a file. */
export const maxFormBytes = 64 * 1024;
/** Multipart posts with one image (5 MB) and the form's text fields. */
export const maxUploadFormBytes = maxImageBytes + 64 * 1024;
/** Multipart posts with a product's whole allowance of photos (8 × 5 MB) and the form's text fields. */
export const maxPhotosFormBytes = maxImagesPerProduct * maxImageBytes + 64 * 1024;

export const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/** A rendered page as a response. */
export function html(h: ResponseToolkit, view: PageView, status = 200): ResponseObject {
  return h.response(renderPage(view)).type('text/html; charset=utf-8').code(status);
}

/** A page with the visitor's own data (their form values, their order): no cache may keep it. */
export function privatePage(h: ResponseToolkit, view: PageView, status = 200): ResponseObject {
  return html(h, view, status).header('cache-control', 'no-store, private');
}

/**
 * A page's own answer to an error it shows in place (the form again with a friendly message):
 * the status and headers (Retry-After...) come from the shared error presenter, as the API's do.
 */
export function presented(response: ResponseObject, error: unknown): ResponseObject {
  const { body, headers } = presentError(error);
  response.code(body.statusCode);
  for (const [name, value] of Object.entries(headers)) response.header(name, value);
  return response;
}

/** `Cache-Control: no-store, private`, for a response with personal data, a secret in its Location, or cookies it sets. */
export function noStore(response: ResponseObject): ResponseObject {
  return response.header('cache-control', 'no-store, private');
}

/**
 * For a page whose URL carries a secret (`/reset-password?token=…`): no link, image or stylesheet
 * it loads may pass that URL on as a Referer, to another site or to our own access logs.
 */
export function noReferrer(response: ResponseObject): ResponseObject {
  return response.header('referrer-policy', 'no-referrer');
}

/** A 303 (see other) to an app path under the prefix. */
export function seeOther(runtime: Runtime, h: ResponseToolkit, path: string): ResponseObject {
  return h.redirect(`${runtime.prefix}${path}`).code(303);
}

/** What a page route's settings hold for the error page (`plugins['dukaan-kit']`). */
export interface PageRouteMeta {
  body?: 'form' | 'upload' | 'photos';
}

export interface PageRouteSpec {
  method: 'GET' | 'POST';
  path: string;
  /** 'vendor': the dashboard's session, answering 303 to /login?next= without one. 'optional': the session when there is one. */
  auth?: false | 'vendor' | 'optional';
  /** POSTs: 'upload' allows a multipart body with one 5 MB image, 'photos' with a product's 8. */
  body?: 'form' | 'upload' | 'photos';
  handler: Lifecycle.Method;
}

/** The login page with `next` set to this page (a GET) or the dashboard (a POST). */
export function loginRedirect(runtime: Runtime, request: Request, h: ResponseToolkit): ResponseObject {
  const next = request.method === 'get' ? `${request.url.pathname}${request.url.search}` : `${runtime.prefix}/dashboard`;
  return h.redirect(`${runtime.prefix}/login?next=${encodeURIComponent(next)}`).code(303);
}

/**
 * One HTML page route: the CSRF check on posts and the vendor redirect to login. Errors are not
 * caught here: the pages plugin's onPreResponse turns any of them into the friendly error page.
 */
export function pageRoute(runtime: Runtime, spec: PageRouteSpec): ServerRoute {
  const isPost = spec.method === 'POST';
  const auth = spec.auth ?? false;
  const meta: PageRouteMeta = { body: isPost ? (spec.body ?? 'form') : undefined };
  const options: RouteOptions = {
    tags: ['dukaan-kit', 'page'],
    plugins: { 'dukaan-kit': meta },
    auth: auth === false ? false : { strategy: 'dukaan-session', mode: 'try' },
    handler: async (request, h) => {
      if (isPost && !hasValidCrumb(runtime, request)) throw csrfRejected();
      if (auth === 'vendor' && !request.auth.isAuthenticated) return loginRedirect(runtime, request, h);
      return spec.handler.call(null, request, h);
    },
  };
  if (isPost) {
    options.payload = {
      allow: formTypes,
      output: 'data',
      parse: true,
      multipart: { output: 'data' },
      maxBytes: spec.body === 'photos' ? maxPhotosFormBytes : spec.body === 'upload' ? maxUploadFormBytes : maxFormBytes,
    };
  }
  return { method: spec.method, path: spec.path, options };
}

/** For handlers: a 404 page with a message for people. */
export function notFound(message: string): Boom.Boom {
  return Boom.notFound(message);
}
