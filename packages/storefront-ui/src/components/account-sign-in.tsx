import { ErrorSummary, Field, PostForm } from './form.js';
import type { FieldErrors, PageContext } from '../types.js';

/** Errors and typed values of one form on the account page (empty when they belong to another). */
export interface FormState {
  errors: FieldErrors;
  values: Record<string, string>;
}

const emailLabels = { email: 'New email', currentPassword: 'Current password' };
const passwordLabels = { currentPassword: 'Current password', newPassword: 'New password' };

/** Change the login email: the change happens when the link mailed to the new address is followed. */
export function EmailChange({ ctx, email, state }: { ctx: PageContext; email: string; state: FormState }) {
  const f = 'change-email';
  const { errors, values } = state;
  return (
    <section class="panel" aria-labelledby={`${f}-title`}>
      <h2 id={`${f}-title`}>Email</h2>
      <p>
        You log in as <strong>{email}</strong>.
      </p>
      <ErrorSummary form={f} errors={errors} labels={emailLabels} />
      <PostForm ctx={ctx} action="/dashboard/account/email">
        <Field form={f} name="email" label={emailLabels.email} type="email" value={values['email']} error={errors['email']} required autocomplete="email" hint="We send a link to the new address; the change happens when you follow it. Your current address gets a notice." />
        <Field form={f} name="currentPassword" label={emailLabels.currentPassword} type="password" error={errors['currentPassword']} required autocomplete="current-password" />
        <button type="submit" class="btn btn-secondary">
          Send confirmation link
        </button>
      </PostForm>
    </section>
  );
}

/** Change the password; every other session ends, this one stays. */
export function PasswordChange({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const f = 'change-password';
  const { errors } = state;
  return (
    <section class="panel" aria-labelledby={`${f}-title`}>
      <h2 id={`${f}-title`}>Password</h2>
      <ErrorSummary form={f} errors={errors} labels={passwordLabels} />
      <PostForm ctx={ctx} action="/dashboard/account/password">
        <Field form={f} name="currentPassword" label={passwordLabels.currentPassword} type="password" error={errors['currentPassword']} required autocomplete="current-password" />
        <Field form={f} name="newPassword" label={passwordLabels.newPassword} type="password" error={errors['newPassword']} required minLength={8} autocomplete="new-password" hint="At least 8 characters. Your other devices are logged out; this one stays logged in." />
        <button type="submit" class="btn btn-secondary">
          Change password
        </button>
      </PostForm>
    </section>
  );
}
