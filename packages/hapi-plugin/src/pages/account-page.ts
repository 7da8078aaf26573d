import type { Request, ResponseObject, ResponseToolkit } from '@hapi/hapi';
import { ConflictError, MailUnavailableError, RateLimitedError, ValidationFailedError } from '@dukaan-kit/core';
import type { AccountForm, FieldErrors } from '@dukaan-kit/storefront-ui';
import type { Runtime } from '../runtime.js';
import { vendorPage } from './context.js';
import { privateHtml } from './dashboard-page.js';
import { presented } from './define.js';
import { fieldErrors, tooManyAttempts } from './forms.js';

/** What the account page shows beyond its data: one form's values and errors, a notice, a token just made. */
export interface AccountExtra {
  form?: AccountForm;
  values?: Record<string, string>;
  errors?: FieldErrors;
  notice?: string;
  newToken?: { name: string; token: string };
}

/** The account page: login email, sessions (this one marked), API tokens and the data-rights forms. */
export async function accountPage(runtime: Runtime, request: Request, h: ResponseToolkit, extra: AccountExtra = {}, status = 200): Promise<ResponseObject> {
  const { ctx, principal } = await vendorPage(runtime, request, h);
  const { auth } = runtime.dukaan;
  const [sessions, tokens] = await Promise.all([auth.listSessions(principal), auth.listApiTokens(principal)]);
  const email = ctx.vendor?.email ?? '';
  return privateHtml(h, { page: 'account', props: { ctx, email, sessions, tokens, ...extra } }, status);
}

/**
 * A form of the account page that core refused: the page again with that form's errors (fields
 * renamed by `rename`, the rest under `form`), under the shared presenter's status and headers
 * (Retry-After for a limit). Anything but a refusal is rethrown for the error page.
 */
export async function accountFormRefused(
  runtime: Runtime,
  request: Request,
  h: ResponseToolkit,
  error: unknown,
  form: { name: AccountForm; values: Record<string, string>; rename?: (path: string) => string | null },
): Promise<ResponseObject> {
  let errors: FieldErrors;
  if (error instanceof ValidationFailedError || error instanceof ConflictError) errors = fieldErrors(error.details, form.rename);
  else if (error instanceof RateLimitedError) errors = { form: tooManyAttempts(error) };
  else if (error instanceof MailUnavailableError) errors = { form: 'This site cannot send mail yet, so an email change cannot be confirmed. Please ask the people who run it.' };
  else throw error;
  if (Object.keys(errors).length === 0) errors = { form: error.message };
  return presented(await accountPage(runtime, request, h, { form: form.name, values: form.values, errors }), error);
}
