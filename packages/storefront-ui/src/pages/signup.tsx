import { LanguageChooser } from '../components/document.js';
import { ErrorSummary, Field, PostForm, SlugField } from '../components/form.js';
import { AuthLayout } from '../components/layouts.js';
import { useT } from '../i18n/context.js';
import { withBase } from '../url.js';
import type { FieldErrors, PageContext } from '../types.js';

/** Props of the 'signup' page (`/signup`); the password is never echoed back. */
export interface SignupPageProps {
  ctx: PageContext;
  values?: { email?: string; storeName?: string; slug?: string };
  /** email, password, storeName, slug -> message; `form` for one that belongs to no field. */
  errors?: FieldErrors;
}

/** Open a store: email, password, store name and link. */
export function SignupPage({ ctx, values = {}, errors = {} }: SignupPageProps) {
  const t = useT();
  const f = 'signup';
  const labels = { email: t('auth.field.email'), password: t('auth.field.password'), storeName: t('auth.field.storeName'), slug: t('auth.field.slug') };
  return (
    <AuthLayout ctx={ctx} title={t('auth.signup.title')}>
      <p class="lead">{t('auth.signup.lead')}</p>
      <ErrorSummary form={f} errors={errors} labels={labels} />
      <PostForm ctx={ctx} action="/signup">
        <Field form={f} name="email" label={labels.email} type="email" value={values.email} error={errors['email']} required autocomplete="email" />
        <Field form={f} name="password" label={labels.password} type="password" error={errors['password']} required minLength={8} autocomplete="new-password" hint={t('auth.signup.passwordHint')} />
        <Field form={f} name="storeName" label={labels.storeName} value={values.storeName} error={errors['storeName']} required maxLength={80} autocomplete="organization" />
        <SlugField form={f} label={labels.slug} value={values.slug} error={errors['slug']} required={false} hint={t('auth.signup.slugHint', { example: 'chai-corner' })} />
        <button type="submit" class="btn btn-primary btn-block">
          {t('auth.signup.submit')}
        </button>
      </PostForm>
      <p class="auth-alt">
        {t('auth.signup.haveAccount')} <a href={withBase(ctx.basePath, '/login')}>{t('auth.signup.logIn')}</a>
      </p>
      <LanguageChooser ctx={ctx} />
    </AuthLayout>
  );
}
