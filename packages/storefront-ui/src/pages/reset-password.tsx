import { LanguageChooser } from '../components/document.js';
import { ErrorSummary, Field, PostForm } from '../components/form.js';
import { AuthLayout } from '../components/layouts.js';
import { useT } from '../i18n/context.js';
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

/** Choose a new password from a reset link. */
export function ResetPasswordPage({ ctx, token, invalid = false, errors = {} }: ResetPasswordPageProps) {
  const t = useT();
  const f = 'reset';
  const labels = { password: t('auth.field.newPassword') };
  if (invalid) {
    return (
      <AuthLayout ctx={ctx} title={t('auth.reset.invalidTitle')}>
        <p>{t('auth.reset.invalid')}</p>
        <p>
          <a class="btn btn-primary btn-block" href={withBase(ctx.basePath, '/forgot-password')}>
            {t('auth.reset.newLink')}
          </a>
        </p>
        <LanguageChooser ctx={ctx} />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout ctx={ctx} title={t('auth.reset.title')}>
      <p class="lead">{t('auth.reset.lead')}</p>
      <ErrorSummary form={f} errors={errors} labels={labels} />
      <PostForm ctx={ctx} action="/reset-password">
        <input type="hidden" name="token" value={token} />
        <Field form={f} name="password" label={labels.password} type="password" error={errors['password']} required minLength={8} autocomplete="new-password" hint={t('auth.signup.passwordHint')} />
        <button type="submit" class="btn btn-primary btn-block">
          {t('auth.reset.submit')}
        </button>
      </PostForm>
      <LanguageChooser ctx={ctx} />
    </AuthLayout>
  );
}
