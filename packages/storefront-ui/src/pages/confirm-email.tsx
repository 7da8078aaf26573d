import { LanguageChooser } from '../components/document.js';
import { ErrorSummary, PostForm } from '../components/form.js';
import { AuthLayout } from '../components/layouts.js';
import { useT } from '../i18n/context.js';
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
  const t = useT();
  if (invalid) {
    return (
      <AuthLayout ctx={ctx} title={t('auth.confirm.invalidTitle')}>
        <p>{t('auth.confirm.invalid')}</p>
        <p>{t('auth.confirm.askAgain')}</p>
        <p class="auth-alt">
          <a href={withBase(ctx.basePath, '/dashboard/account')}>{t('auth.confirm.account')}</a>
        </p>
        <LanguageChooser ctx={ctx} />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout ctx={ctx} title={t('auth.confirm.title')}>
      <p class="lead">{t('auth.confirm.lead')}</p>
      <ErrorSummary form="confirm" errors={errors} labels={{}} />
      <PostForm ctx={ctx} action="/confirm-email">
        <input type="hidden" name="token" value={token} />
        <button type="submit" class="btn btn-primary btn-block">
          {t('auth.confirm.submit')}
        </button>
      </PostForm>
      <LanguageChooser ctx={ctx} />
    </AuthLayout>
  );
}
