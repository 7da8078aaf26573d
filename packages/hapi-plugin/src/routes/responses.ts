import type Joi from 'joi';

/** One answer of a route: what it means and its body (null: none, as for a 204 or a redirect). */
export interface ResponseDoc {
  description: string;
  body: Joi.Schema | null;
  /** A header worth naming (Location, Retry-After, Allow). */
  headers?: Record<string, string>;
  /** The media type of a file answered instead of JSON (`application/zip`); `body` is then null. */
  file?: string;
}

/**
 * What a route answers. `ok` holds its successes (and any non-error answer: 301, 503 of readiness);
 * `errors` the error statuses particular to it, with what they mean. Errors every route of a kind
 * can give (400 for bad input or a malformed Host, 401 without credentials, 413/415 for bodies,
 * 421 when allowedHosts is set, 500) are added by the OpenAPI builder from the route's settings;
 * 429 is not among them: only the routes that count attempts (login, sign-up, checkout, password
 * reset and the checks of a current password, the export) can answer it, and they name it in
 * their own `errors`.
 */
export interface ResponseSpec {
  ok: Record<number, ResponseDoc>;
  errors?: Record<number, string>;
}
