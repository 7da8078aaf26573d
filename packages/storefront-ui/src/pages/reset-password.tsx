import { ErrorSummary, Field, PostForm } from '../components/form.js';
import { AuthLayout } from '../components/layouts.js';
import { withBase } from '../url.js';
import type { FieldErrors, PageContext } from '../types.js';

/** Props of the 'reset-password' page (`/reset-password?token=…`). */
export interface ResetPasswordPageProps {
  ctx: PageContext;
  /** The token from the mailed link; posted back in a hidden field. */
  token: string;
  /** The link is expired, used or unknown: no form, a way to ask for a new one. */
  invalid?: boolean;
  /** password -> message; `form` for one that belongs to no field. */
  errors?: FieldErrors;
}

const labels = { password: 'New password' };

/** Choose a new password from a reset link. */
export function ResetPasswordPage({ ctx, token, invalid = false, errors = {} }: ResetPasswordPageProps) {
  const f = 'reset';
  if (invalid) {
    return (
      <AuthLayout ctx={ctx} title="This link no longer works">
        <p>Password links work once, for 30 minutes. This one has expired or was already used.</p>
        <p>
          <a class="btn btn-primary btn-block" href={withBase(ctx.basePath, '/forgot-password')}>
            Get a new link
          </a>
        </p>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout ctx={ctx} title="Choose a new password">
      <p class="lead">You will be logged out everywhere else, then you can log in with the new password.</p>
      <ErrorSummary form={f} errors={errors} labels={labels} />
      <PostForm ctx={ctx} action="/reset-password">
        <input type="hidden" name="token" value={token} />
        <Field form={f} name="password" label={labels.password} type="password" error={errors['password']} required minLength={8} autocomplete="new-password" hint="At least 8 characters" />
        <button type="submit" class="btn btn-primary btn-block">
          Save new password
        </button>
      </PostForm>
    </AuthLayout>
  );
}
