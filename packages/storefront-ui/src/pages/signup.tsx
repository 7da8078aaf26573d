import { ErrorSummary, Field, PostForm, SlugField } from '../components/form.js';
import { AuthLayout } from '../components/layouts.js';
import { withBase } from '../url.js';
import type { FieldErrors, PageContext } from '../types.js';

/** Props of the 'signup' page (`/signup`); the password is never echoed back. */
export interface SignupPageProps {
  ctx: PageContext;
  values?: { email?: string; storeName?: string; slug?: string };
  /** email, password, storeName, slug -> message; `form` for one that belongs to no field. */
  errors?: FieldErrors;
}

const labels = { email: 'Email', password: 'Password', storeName: 'Store name', slug: 'Store link' };

/** Open a store: email, password, store name and link. */
export function SignupPage({ ctx, values = {}, errors = {} }: SignupPageProps) {
  const f = 'signup';
  return (
    <AuthLayout ctx={ctx} title="Open your store">
      <p class="lead">It takes a minute. Add products, share one link, take orders.</p>
      <ErrorSummary form={f} errors={errors} labels={labels} />
      <PostForm ctx={ctx} action="/signup">
        <Field form={f} name="email" label={labels.email} type="email" value={values.email} error={errors['email']} required autocomplete="email" />
        <Field form={f} name="password" label={labels.password} type="password" error={errors['password']} required minLength={8} autocomplete="new-password" hint="At least 8 characters" />
        <Field form={f} name="storeName" label={labels.storeName} value={values.storeName} error={errors['storeName']} required maxLength={80} autocomplete="organization" />
        <SlugField
          form={f}
          label={labels.slug}
          value={values.slug}
          error={errors['slug']}
          required={false}
          hint="3–40 lowercase letters, digits and hyphens, e.g. chai-corner. Left empty, we make one from the store name."
        />
        <button type="submit" class="btn btn-primary btn-block">
          Create my store
        </button>
      </PostForm>
      <p class="auth-alt">
        Already selling? <a href={withBase(ctx.basePath, '/login')}>Log in</a>
      </p>
    </AuthLayout>
  );
}
