import type { Request, ResponseToolkit, Server, ServerStateCookieOptions } from '@hapi/hapi';
import { secureCookies, type Runtime } from './runtime.js';

/**
 * Every cookie of the plugin: HttpOnly, SameSite=Lax, under the prefix, raw values (each is
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
