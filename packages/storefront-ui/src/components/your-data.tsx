import type { FormState } from './account-sign-in.js';
import { ErrorSummary, Field, PostForm } from './form.js';
import { withBase } from '../url.js';
import type { PageContext } from '../types.js';

const eraseLabels = { phone: 'Customer phone', email: 'Customer email' };

/** Erase one customer's details from every order on their request (data-protection law); totals stay. */
function EraseCustomer({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const f = 'erase-customer';
  const { errors, values } = state;
  return (
    <>
      <h3>Erase a customer’s details</h3>
      <p>When a customer asks, remove their name, phone, email, address and notes from your finished orders (delivered, rejected, cancelled or returned). Orders still open keep them until they are finished, so you can deliver: erase again then. Order numbers, items and totals stay for your accounts. This cannot be undone.</p>
      <ErrorSummary form={f} errors={errors} labels={eraseLabels} />
      <PostForm ctx={ctx} action="/dashboard/account/erase-customer">
        <Field form={f} name="phone" label={eraseLabels.phone} type="tel" value={values['phone']} error={errors['phone']} optional autocomplete="off" inputMode="tel" hint="The number they ordered with. Or leave it empty and give their email." />
        <Field form={f} name="email" label={eraseLabels.email} type="email" value={values['email']} error={errors['email']} optional autocomplete="off" />
        <button type="submit" class="btn btn-danger-outline">
          Erase customer details
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
export function ExportButton({ ctx, class: cls = 'btn btn-secondary', label = 'Download your data' }: { ctx: Pick<PageContext, 'basePath' | 'csrfToken'>; class?: string; label?: string }) {
  return (
    <PostForm ctx={ctx} action="/dashboard/account/export" class="form-actions">
      <button type="submit" class={cls}>
        {label}
      </button>
    </PostForm>
  );
}

/** Data rights: download everything, erase a customer, close the account. */
export function YourData({ ctx, state }: { ctx: PageContext; state: FormState }) {
  const href = (p: string) => withBase(ctx.basePath, p);
  return (
    <section class="panel" aria-labelledby="your-data-title" id="your-data">
      <h2 id="your-data-title">Your data</h2>
      <h3>Download</h3>
      <p>Your store, catalogue and every order as JSON and spreadsheet (CSV) files, with your pictures, in one zip.</p>
      <ExportButton ctx={ctx} />
      <EraseCustomer ctx={ctx} state={state} />
      <h3>Close your account</h3>
      <p>Takes your store offline and deletes your account and your customers’ details.</p>
      <p>
        <a class="btn btn-danger-outline" href={href('/dashboard/account/close')}>
          Close account…
        </a>
      </p>
    </section>
  );
}
