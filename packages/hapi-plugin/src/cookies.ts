import type { Request, ResponseToolkit, Server, ServerStateCookieOptions } from '@hapi/hapi';
import { secureCookies, type Runtime } from './runtime.js';

/**
 * The cookies a page script writes too, and why each may: the cart cookie (`dukaan_cart`, see
 * pages/cart.ts) is kept in step with the browser cart by islands/cart-storage.ts, so the pages the
 * server renders (checkout above all, with or without JavaScript) show the cart the customer
 * filled. It holds no secret, only variant ids and quantities, and the server sanitizes it on every
 * read (well-formed ids, 1..99, at most 50 lines); a browser refuses a script's write over an
 * HttpOnly cookie, so it cannot be one. Every other cookie (session, CSRF, device) stays HttpOnly.
 */
const scriptWritten: Readonly<Record<string, Partial<ServerStateCookieOptions>>> = { dukaan_cart: { isHttpOnly: false } };

/**
 * Every cookie of the plugin: HttpOnly (but for `scriptWritten`), SameSite=Lax, under the prefix, raw values (each is
 * either random or signed). `Secure` is decided per response (secureCookies), so a request that
 * reached nginx over https gets Secure cookies even when the app itself speaks http.
 */
export function defineCookie(server: Server, runtime: Runtime, name: string, options: Partial<ServerStateCookieOptions> = {}): void {
  server.state(name, {
    isHttpOnly: true,
    isSameSite: 'Lax',
    isSecure: false,
    path: runtime.prefix || '/',
    encoding: 'none',
    strictHeader: true,
    ignoreErrors: true,
    clearInvalid: false,
    ...scriptWritten[name],
    ...options,
  });
}

/** Sets a plugin cookie on this response, Secure when the request came over https. */
export function setCookie(runtime: Runtime, request: Request, h: ResponseToolkit, name: string, value: string, options: Partial<ServerStateCookieOptions> = {}): void {
  h.state(name, value, { isSecure: secureCookies(runtime, request), ...options });
}

/** Clears a plugin cookie (same attributes, so the browser matches it). */
export function clearCookie(runtime: Runtime, request: Request, h: ResponseToolkit, name: string, options: Partial<ServerStateCookieOptions> = {}): void {
  h.unstate(name, { isSecure: secureCookies(runtime, request), ...options });
}
