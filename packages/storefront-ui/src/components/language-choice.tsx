import { localeNames, locales } from '@dukaan-kit/core/i18n';
import { useI18n } from '../i18n/context.js';
import type { PageContext } from '../types.js';
import { ErrorSummary, PostForm, SelectField } from './form.js';
import type { FormState } from './account-sign-in.js';

/** The vendor's own language for the dashboard and their mails (their customers' is a store setting). */
export function LanguageChoice({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const { t, locale } = useI18n();
  const f = 'language';
  const { errors, values } = state;
  const labels = { locale: t('account.language.label') };
  return (
    <section class="panel" aria-labelledby={`${f}-title`}>
      <h2 id={`${f}-title`}>{t('account.language.title')}</h2>
      <ErrorSummary form={f} errors={errors} labels={labels} />
      <PostForm ctx={ctx} action="/dashboard/account/language">
        <SelectField
          form={f}
          name="locale"
          label={labels.locale}
          value={values['locale'] || locale}
          error={errors['locale']}
          hint={t('account.language.hint')}
          options={locales.map((l): [string, string] => [l, localeNames[l]])}
        />
        <button type="submit" class="btn btn-secondary">
          {t('account.language.save')}
        </button>
      </PostForm>
    </section>
  );
}
