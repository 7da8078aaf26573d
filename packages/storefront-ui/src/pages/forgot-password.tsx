import { ErrorSummary, Field, PostForm } from '../components/form.js';
import { AuthLayout } from '../components/layouts.js';
import { withBase } from '../url.js';
import type { FieldErrors, PageContext } from '../types.js';

/** Props of the 'forgot-password' page (`/forgot-password`). */
export interface ForgotPasswordPageProps {
  ctx: PageContext;
  values?: { email?: string };
  /** email -> message; `form` for a rate limit or mail being unavailable. */
  errors?: FieldErrors;
  /** After a post: the same "check your inbox" whether or not an account uses the address. */
  sent?: boolean;
}

const labels = { email: 'Email' };

/** Ask for a password reset link by email. */
export function ForgotPasswordPage({ ctx, values = {}, errors = {}, sent = false }: ForgotPasswordPageProps) {
  const f = 'forgot';
  const login = <a href={withBase(ctx.basePath, '/login')}>Back to log in</a>;
  if (sent) {
    // Worded so it reveals nothing about whether the address has an account.
    return (
      <AuthLayout ctx={ctx} title="Check your inbox">
        <p role="status">If an account uses that email address, we have sent it a link to choose a new password. The link works once, for 30 minutes.</p>
        <p class="lead">Nothing after a few minutes? Look in your spam folder, or ask again below.</p>
        <p class="auth-alt">
          <a href={withBase(ctx.basePath, '/forgot-password')}>Send another link</a> · {login}
        </p>
      </AuthLayout>
    );
  }
  return (
    <AuthLayout ctx={ctx} title="Forgot your password?">
      <p class="lead">Enter the email you log in with and we will send you a link to choose a new password.</p>
      <ErrorSummary form={f} errors={errors} labels={labels} />
      <PostForm ctx={ctx} action="/forgot-password">
        <Field form={f} name="email" label={labels.email} type="email" value={values.email} error={errors['email']} required autocomplete="email" />
        <button type="submit" class="btn btn-primary btn-block">
          Send me a link
        </button>
      </PostForm>
      <p class="auth-alt">{login}</p>
    </AuthLayout>
  );
}
