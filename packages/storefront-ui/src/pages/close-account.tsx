import { ErrorSummary, Field, PostForm } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { ExportButton } from '../components/your-data.js';
import { withBase } from '../url.js';
import type { FieldErrors, PageContext } from '../types.js';

/** Props of the 'close-account' page (`/dashboard/account/close`). */
export interface CloseAccountPageProps {
  ctx: PageContext;
  storeName: string;
  /** password -> message; `form` for one that belongs to no field. */
  errors?: FieldErrors;
}

const labels = { password: 'Your password' };

/** Closing the account: what goes, what stays for tax, and the password to confirm. */
export function CloseAccountPage({ ctx, storeName, errors = {} }: CloseAccountPageProps) {
  const f = 'close';
  const href = (p: string) => withBase(ctx.basePath, p);
  return (
    <DashboardLayout ctx={ctx} title="Close account" section="account">
      <section class="panel danger-zone">
        <h2>Closing {storeName} cannot be undone</h2>
        <p>At once:</p>
        <ul>
          <li>your store goes offline and its link stops taking orders (nobody else can take the link);</li>
          <li>your customers’ names, phone numbers, emails, addresses and notes are erased from every order;</li>
          <li>your login, sessions, API tokens, product descriptions and pictures, and your logo are deleted (product names and prices stay with your orders).</li>
        </ul>
        <p>Kept, because tax law requires it: order numbers, dates, items with their prices, and totals, without any customer details.</p>
        <p>Want a copy first?</p>
        <ExportButton ctx={ctx} />
        <ErrorSummary form={f} errors={errors} labels={labels} />
        <PostForm ctx={ctx} action="/dashboard/account/close">
          <Field form={f} name="password" label={labels.password} type="password" error={errors['password']} required autocomplete="current-password" hint="To make sure it is you." />
          <div class="row-actions">
            <button type="submit" class="btn btn-danger">
              Close my account
            </button>
            <a class="btn btn-secondary" href={href('/dashboard/account')}>
              Keep my account
            </a>
          </div>
        </PostForm>
      </section>
    </DashboardLayout>
  );
}
