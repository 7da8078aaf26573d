import { EmailChange, PasswordChange, type FormState } from '../components/account-sign-in.js';
import { LanguageChoice } from '../components/language-choice.js';
import { ApiTokens } from '../components/api-tokens.js';
import { ErrorSummary } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { SessionList } from '../components/session-list.js';
import { YourData } from '../components/your-data.js';
import { useT } from '../i18n/context.js';
import type { ApiTokenView, FieldErrors, PageContext, SessionView } from '../types.js';

/** The forms of the account page, for `AccountPageProps.form`. */
export type AccountForm = 'password' | 'email' | 'token' | 'erase' | 'language';

/** Props of the 'account' page (`/dashboard/account`). */
export interface AccountPageProps {
  ctx: PageContext;
  /** The email the vendor logs in with. */
  email: string;
  sessions: SessionView[];
  tokens: ApiTokenView[];
  /** Shown once, right after creating. */
  newToken?: { name: string; token: string };
  /** Which form the errors/values belong to. */
  form?: AccountForm;
  /** What was typed in that form (never passwords). */
  values?: Record<string, string>;
  /** Field -> message for that form; `form` for a message of no field. Without `form`, shown at the top. */
  errors?: FieldErrors;
  /** e.g. "3 orders erased" */
  notice?: string;
}

/** Account settings: login email and password, sessions, API tokens and data rights. */
export function AccountPage({ ctx, email, sessions, tokens, newToken, form, values = {}, errors = {}, notice }: AccountPageProps) {
  const t = useT();
  const none: FormState = { errors: {}, values: {} };
  const stateOf = (name: AccountForm): FormState => (form === name ? { errors, values } : none);
  return (
    <DashboardLayout ctx={ctx} title={t('account.title')} section="account">
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {/* Errors of no particular form (e.g. a session that was already gone). */}
      {form === undefined && <ErrorSummary form="account" errors={errors} labels={{}} />}
      <div class="two-col">
        <EmailChange ctx={ctx} email={email} state={stateOf('email')} />
        <PasswordChange ctx={ctx} state={stateOf('password')} />
      </div>
      <LanguageChoice ctx={ctx} state={stateOf('language')} />
      <SessionList ctx={ctx} sessions={sessions} />
      <ApiTokens ctx={ctx} tokens={tokens} newToken={newToken} state={stateOf('token')} />
      <YourData ctx={ctx} state={stateOf('erase')} />
    </DashboardLayout>
  );
}
