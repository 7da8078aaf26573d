import { ErrorSummary, PostForm } from '../components/form.js';
import { AuthLayout } from '../components/layouts.js';
import { withBase } from '../url.js';
import type { FieldErrors, PageContext } from '../types.js';

/** Props of the 'confirm-email' page (`/confirm-email?token=…`). */
export interface ConfirmEmailPageProps {
  ctx: PageContext;
  /** The token from the mailed link; posted back in a hidden field. */
  token: string;
  /** The link is expired, used or unknown. */
  invalid?: boolean;
  /** `form` -> message (e.g. the address was taken meanwhile). */
  errors?: FieldErrors;
}

/**
 * Confirms a new email address with a button rather than on GET: mail scanners open links to check
 * them, and that must not change anybody's login.
 */
export function ConfirmEmailPage({ ctx, token, invalid = false, errors = {} }: ConfirmEmailPageProps) {
  const account = withBase(ctx.basePath, '/dashboard/account');
  if (invalid) {
    return (
      <AuthLayout ctx={ctx} title="This link no longer works">
        <p>Confirmation links work once, for 24 hours. This one has expired or was already used.</p>
        <p>
          To change your email, ask again from <a href={account}>your account</a>.
        </p>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout ctx={ctx} title="Confirm your new email">
      <p class="lead">From now on you will log in with this address, and account mail goes to it.</p>
      <ErrorSummary form="confirm" errors={errors} labels={{}} />
      <PostForm ctx={ctx} action="/confirm-email">
        <input type="hidden" name="token" value={token} />
        <button type="submit" class="btn btn-primary btn-block">
          Confirm new email
        </button>
      </PostForm>
    </AuthLayout>
  );
}
