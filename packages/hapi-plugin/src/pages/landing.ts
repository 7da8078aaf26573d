import type { ServerRoute } from '@hapi/hapi';
import type { Runtime } from '../runtime.js';
import { bareContext } from './context.js';
import { html, pageRoute } from './define.js';
import { languageLinks, visitorLocale } from './locale.js';

/**
 * `/` (under the prefix): what dukaan-kit is, "Open your store" and "Log in", in the visitor's
 * language. Only when the host asks for it (`landingPage: true`): a host that mounts the pages
 * beside its own site keeps its own home page.
 */
export function landingRoutes(runtime: Runtime): ServerRoute[] {
  if (!runtime.options.landingPage) return [];
  return [
    pageRoute(runtime, {
      method: 'GET',
      path: '/',
      handler: (request, h) => {
        // No form, so no CSRF cookie: the context without one, in the visitor's language.
        const ctx = { ...bareContext(runtime), locale: visitorLocale(runtime, request, h), languageLinks: languageLinks(request) };
        // The same URL speaks two languages: caches must tell the visitors apart.
        return html(h, { page: 'landing', props: { ctx } }).header('cache-control', 'no-cache').header('vary', 'accept-language, cookie');
      },
    }),
  ];
}
