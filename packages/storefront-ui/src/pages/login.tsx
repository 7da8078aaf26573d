import { LanguageChooser } from '../components/document.js';
import { ErrorSummary, Field, PostForm } from '../components/form.js';
import { AuthLayout } from '../components/layouts.js';
import { useT } from '../i18n/context.js';
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

/** Vendor login. */
export function LoginPage({ ctx, next, values = {}, errors = {} }: LoginPageProps) {
  const t = useT();
  const f = 'login';
  const labels = { email: t('auth.field.email'), password: t('auth.field.password') };
  return (
    <AuthLayout ctx={ctx} title={t('auth.login.title')}>
      <ErrorSummary form={f} errors={errors} labels={labels} />
      <PostForm ctx={ctx} action="/login">
        {next && <input type="hidden" name="next" value={next} />}
        <Field form={f} name="email" label={labels.email} type="email" value={values.email} error={errors['email']} required autocomplete="email" />
        <Field form={f} name="password" label={labels.password} type="password" error={errors['password']} required autocomplete="current-password" />
        {/* Right under the password, where a person who cannot remember it looks. */}
        <p class="auth-forgot">
          <a class="btn btn-link" href={withBase(ctx.basePath, '/forgot-password')}>
            {t('auth.login.forgot')}
          </a>
        </p>
        <button type="submit" class="btn btn-primary btn-block">
          {t('auth.login.submit')}
        </button>
      </PostForm>
      <p class="auth-alt">
        {t('auth.login.newHere')} <a href={withBase(ctx.basePath, '/signup')}>{t('auth.login.openStore')}</a>
      </p>
      <LanguageChooser ctx={ctx} />
    </AuthLayout>
  );
}
