import { ErrorSummary, Field, PostForm } from './form.js';
import { useT } from '../i18n/context.js';
import type { FieldErrors, PageContext } from '../types.js';

/** Errors and typed values of one form on the account page (empty when they belong to another). */
export interface FormState {
  errors: FieldErrors;
  values: Record<string, string>;
}

/** Change the login email: the change happens when the link mailed to the new address is followed. */
export function EmailChange({ ctx, email, state }: { ctx: PageContext; email: string; state: FormState }) {
  const t = useT();
  const f = 'change-email';
  const { errors, values } = state;
  const labels = { email: t('auth.field.newEmail'), currentPassword: t('auth.field.currentPassword') };
  // The address is data: it is written in bold inside the sentence, whatever the language's word order.
  const [before, after] = t('auth.account.loggedInAs', { email: '\u0000' }).split('\u0000');
  return (
    <section class="panel" aria-labelledby={`${f}-title`}>
      <h2 id={`${f}-title`}>{t('auth.account.emailTitle')}</h2>
      <p>
        {before}
        <strong>{email}</strong>
        {after}
      </p>
      <ErrorSummary form={f} errors={errors} labels={labels} />
      <PostForm ctx={ctx} action="/dashboard/account/email">
        <Field form={f} name="email" label={labels.email} type="email" value={values['email']} error={errors['email']} required autocomplete="email" hint={t('auth.account.emailHint')} />
        <Field form={f} name="currentPassword" label={labels.currentPassword} type="password" error={errors['currentPassword']} required autocomplete="current-password" />
        <button type="submit" class="btn btn-secondary">
          {t('auth.account.emailSubmit')}
        </button>
      </PostForm>
    </section>
  );
}

/** Change the password; every other session ends, this one stays. */
export function PasswordChange({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const t = useT();
  const f = 'change-password';
  const { errors } = state;
  const labels = { currentPassword: t('auth.field.currentPassword'), newPassword: t('auth.field.newPassword') };
  return (
    <section class="panel" aria-labelledby={`${f}-title`}>
      <h2 id={`${f}-title`}>{t('auth.account.passwordTitle')}</h2>
      <ErrorSummary form={f} errors={errors} labels={labels} />
      <PostForm ctx={ctx} action="/dashboard/account/password">
        <Field form={f} name="currentPassword" label={labels.currentPassword} type="password" error={errors['currentPassword']} required autocomplete="current-password" />
        <Field form={f} name="newPassword" label={labels.newPassword} type="password" error={errors['newPassword']} required minLength={8} autocomplete="new-password" hint={t('auth.account.passwordHint')} />
        <button type="submit" class="btn btn-secondary">
          {t('auth.account.passwordSubmit')}
        </button>
      </PostForm>
    </section>
  );
}
