import { LanguageChooser } from '../components/document.js';
import { ErrorSummary, Field, PostForm } from '../components/form.js';
import { AuthLayout } from '../components/layouts.js';
import { useT } from '../i18n/context.js';
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

/** Ask for a password reset link by email. */
export function ForgotPasswordPage({ ctx, values = {}, errors = {}, sent = false }: ForgotPasswordPageProps) {
  const t = useT();
  const f = 'forgot';
  const labels = { email: t('auth.field.email') };
  const login = <a href={withBase(ctx.basePath, '/login')}>{t('auth.forgot.back')}</a>;
  if (sent) {
    // Worded so it reveals nothing about whether the address has an account.
    return (
      <AuthLayout ctx={ctx} title={t('auth.forgot.sentTitle')}>
        <p role="status">{t('auth.forgot.sent')}</p>
        <p class="lead">{t('auth.forgot.sentLead')}</p>
        <p class="auth-alt">
          <a href={withBase(ctx.basePath, '/forgot-password')}>{t('auth.forgot.again')}</a> · {login}
        </p>
        <LanguageChooser ctx={ctx} />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout ctx={ctx} title={t('auth.forgot.title')}>
      <p class="lead">{t('auth.forgot.lead')}</p>
      <ErrorSummary form={f} errors={errors} labels={labels} />
      <PostForm ctx={ctx} action="/forgot-password">
        <Field form={f} name="email" label={labels.email} type="email" value={values.email} error={errors['email']} required autocomplete="email" />
        <button type="submit" class="btn btn-primary btn-block">
          {t('auth.forgot.submit')}
        </button>
      </PostForm>
      <p class="auth-alt">{login}</p>
      <LanguageChooser ctx={ctx} />
    </AuthLayout>
  );
}
