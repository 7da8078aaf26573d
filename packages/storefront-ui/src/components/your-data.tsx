import type { FormState } from './account-sign-in.js';
import { ErrorSummary, Field, PostForm } from './form.js';
import { useT } from '../i18n/context.js';
import { withBase } from '../url.js';
import type { PageContext } from '../types.js';

/** Erase one customer's details from every order on their request (data-protection law); totals stay. */
function EraseCustomer({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const t = useT();
  const f = 'erase-customer';
  const eraseLabels = { phone: t('account.data.phone'), email: t('account.data.email') };
  const { errors, values } = state;
  return (
    <>
      <h3>{t('account.data.eraseTitle')}</h3>
      <p>{t('account.data.eraseText')}</p>
      <ErrorSummary form={f} errors={errors} labels={eraseLabels} />
      <PostForm ctx={ctx} action="/dashboard/account/erase-customer">
        <Field form={f} name="phone" label={eraseLabels.phone} type="tel" value={values['phone']} error={errors['phone']} optional autocomplete="off" inputMode="tel" hint={t('account.data.phoneHint')} />
        <Field form={f} name="email" label={eraseLabels.email} type="email" value={values['email']} error={errors['email']} optional autocomplete="off" />
        <button type="submit" class="btn btn-danger-outline">
          {t('account.data.eraseButton')}
        </button>
      </PostForm>
    </>
  );
}

/**
 * The download of everything, as a form post with the CSRF crumb: the export is limited per hour,
 * and a link (a GET) could be followed from another site to use that allowance up. The answer is
 * the zip as an attachment, so the browser saves it and stays on the page.
 */
export function ExportButton({ ctx, class: cls = 'btn btn-secondary', label }: { ctx: Pick<PageContext, 'basePath' | 'csrfToken'>; class?: string; label?: string }) {
  const t = useT();
  return (
    <PostForm ctx={ctx} action="/dashboard/account/export" class="form-actions">
      <button type="submit" class={cls}>
        {label ?? t('account.data.downloadButton')}
      </button>
    </PostForm>
  );
}

/** Data rights: download everything, erase a customer, close the account. */
export function YourData({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const t = useT();
  const href = (p: string) => withBase(ctx.basePath, p);
  return (
    <section class="panel" aria-labelledby="your-data-title" id="your-data">
      <h2 id="your-data-title">{t('account.data.title')}</h2>
      <h3>{t('account.data.download')}</h3>
      <p>{t('account.data.downloadText')}</p>
      <ExportButton ctx={ctx} />
      <EraseCustomer ctx={ctx} state={state} />
      <h3>{t('account.data.closeTitle')}</h3>
      <p>{t('account.data.closeText')}</p>
      <p>
        <a class="btn btn-danger-outline" href={href('/dashboard/account/close')}>
          {t('account.data.closeLink')}
        </a>
      </p>
    </section>
  );
}
