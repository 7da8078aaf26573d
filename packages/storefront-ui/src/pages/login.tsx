import { ErrorSummary, Field, PostForm } from '../components/form.js';
import { AuthLayout } from '../components/layouts.js';
import { withBase } from '../url.js';
import type { FieldErrors, PageContext } from '../types.js';

/** Props of the 'login' page (`/login?next=...`). */
export interface LoginPageProps {
  ctx: PageContext;
  /** Where to go after logging in; sent back as a hidden field (the plugin must check it is a local path). */
  next?: string;
  values?: { email?: string };
  /** email, password -> message; `form` for "Wrong email or password" or a rate limit. */
  errors?: FieldErrors;
}

const labels = { email: 'Email', password: 'Password' };

/** Vendor login. */
export function LoginPage({ ctx, next, values = {}, errors = {} }: LoginPageProps) {
  const f = 'login';
  return (
    <AuthLayout ctx={ctx} title="Log in">
      <ErrorSummary form={f} errors={errors} labels={labels} />
      <PostForm ctx={ctx} action="/login">
        {next && <input type="hidden" name="next" value={next} />}
        <Field form={f} name="email" label={labels.email} type="email" value={values.email} error={errors['email']} required autocomplete="email" />
        <Field form={f} name="password" label={labels.password} type="password" error={errors['password']} required autocomplete="current-password" />
        <button type="submit" class="btn btn-primary btn-block">
          Log in
        </button>
      </PostForm>
      <p class="auth-alt">
        <a href={withBase(ctx.basePath, '/forgot-password')}>Forgot password?</a>
      </p>
      <p class="auth-alt">
        New here? <a href={withBase(ctx.basePath, '/signup')}>Open your store</a>
      </p>
    </AuthLayout>
  );
}
