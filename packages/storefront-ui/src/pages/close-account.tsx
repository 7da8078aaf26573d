import { ErrorSummary, Field, PostForm } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { ExportButton } from '../components/your-data.js';
import { useT } from '../i18n/context.js';
import { withBase } from '../url.js';
import type { FieldErrors, PageContext } from '../types.js';

/** Props of the 'close-account' page (`/dashboard/account/close`). */
export interface CloseAccountPageProps {
  ctx: PageContext;
  storeName: string;
  /** password -> message; `form` for one that belongs to no field. */
  errors?: FieldErrors;
}

/** Closing the account: what goes, what stays for tax, and the password to confirm. */
export function CloseAccountPage({ ctx, storeName, errors = {} }: CloseAccountPageProps) {
  const t = useT();
  const f = 'close';
  const labels = { password: t('account.close.password') };
  const href = (p: string) => withBase(ctx.basePath, p);
  return (
    <DashboardLayout ctx={ctx} title={t('account.close.title')} section="account">
      <section class="panel danger-zone">
        <h2>{t('account.close.heading', { store: storeName })}</h2>
        <p>{t('account.close.atOnce')}</p>
        <ul>
          <li>{t('account.close.offline')}</li>
          <li>{t('account.close.erased')}</li>
          <li>{t('account.close.deleted')}</li>
        </ul>
        <p>{t('account.close.kept')}</p>
        <p>{t('account.close.copyFirst')}</p>
        <ExportButton ctx={ctx} />
        <ErrorSummary form={f} errors={errors} labels={labels} />
        <PostForm ctx={ctx} action="/dashboard/account/close">
          <Field form={f} name="password" label={labels.password} type="password" error={errors['password']} required autocomplete="current-password" hint={t('account.close.passwordHint')} />
          <div class="row-actions">
            <button type="submit" class="btn btn-danger">
              {t('account.close.button')}
            </button>
            <a class="btn btn-secondary" href={href('/dashboard/account')}>
              {t('account.close.keep')}
            </a>
          </div>
        </PostForm>
      </section>
    </DashboardLayout>
  );
}
