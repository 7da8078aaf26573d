import { ErrorSummary, Field, SelectField } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { paymentStatusLabel, statusLabel } from '../components/order-parts.js';
import { NextPageLink, OrderTable } from '../components/order-table.js';
import { queryString, withBase } from '../url.js';
import type { FieldErrors, OrderStatus, OrderView, PageContext, PaymentStatus } from '../types.js';

/**
 * The dashboard's status tabs, in the order a vendor works through orders (the open ones first,
 * then the closed ones). Typed as core's OrderStatus, so a renamed state breaks the build; a test
 * checks that every state core has gets a tab.
 */
export const statusTabs: readonly OrderStatus[] = ['pending', 'accepted', 'shipped', 'delivered', 'returned', 'rejected', 'cancelled'];

/** The search and date filters as typed ('' when not used): the form shows them again and every link keeps them. */
export interface OrderListFilters {
  q: string;
  /** `YYYY-MM-DD`, in the store's time zone. */
  from: string;
  /** `YYYY-MM-DD`, in the store's time zone. */
  to: string;
  /** Only orders whose payment is in this state; '' or absent for any. */
  paymentStatus?: PaymentStatus | '';
}

/** The payment filter's choices, in the order a vendor looks for them (money still owed first). */
export const paymentFilterOptions: ReadonlyArray<readonly [PaymentStatus | '', string]> = [
  ['', 'Any payment'],
  ...(['pending', 'paid', 'refunded'] as const).map((s) => [s, paymentStatusLabel(s)] as const),
];

/** Props of the 'orders' page (`/dashboard/orders?status=&paymentStatus=&q=&from=&to=&cursor=`). */
export interface OrdersPageProps {
  ctx: PageContext;
  orders: OrderView[];
  /** The status tab shown; null for all. */
  status: OrderStatus | null;
  /** Default: none. */
  filters?: OrderListFilters;
  /** Why the filters were refused (a date that is no day, `to` before `from`), by field. */
  errors?: FieldErrors;
  nextCursor: string | null;
}

const noFilters: OrderListFilters = { q: '', from: '', to: '' };
const filterLabels: Record<string, string> = { q: 'Search', paymentStatus: 'Payment', from: 'From', to: 'To' };
const form = 'orders-filter';

/** True when anything beyond the status tab narrows the list. */
function isFiltered(f: OrderListFilters): boolean {
  return f.q !== '' || f.from !== '' || f.to !== '' || (f.paymentStatus ?? '') !== '';
}

/**
 * Search, payment and dates: a plain GET form, so it works without JavaScript. The status tab travels as
 * a hidden field, so a search stays within the tab shown.
 */
function FilterForm({ base, status, filters, errors }: { base: string; status: OrderStatus | null; filters: OrderListFilters; errors: FieldErrors | undefined }) {
  const filtered = isFiltered(filters);
  return (
    <form method="get" action={base} class="inline-form" role="search" aria-label="Search orders">
      {status && <input type="hidden" name="status" value={status} />}
      <Field form={form} name="q" label="Search" type="search" value={filters.q} placeholder="Order number, name or phone" maxLength={100} error={errors?.['q']} />
      <SelectField form={form} name="paymentStatus" label="Payment" value={filters.paymentStatus ?? ''} options={paymentFilterOptions} error={errors?.['paymentStatus']} />
      <Field form={form} name="from" label="From" type="date" value={filters.from} placeholder="YYYY-MM-DD" error={errors?.['from']} />
      <Field form={form} name="to" label="To" type="date" value={filters.to} placeholder="YYYY-MM-DD" error={errors?.['to']} />
      <button type="submit" class="btn btn-secondary">
        Search
      </button>
      {filtered && <a href={`${base}${queryString({ status })}`}>Clear</a>}
    </form>
  );
}

/** Orders, newest first: a tab per status, search by number, name or phone, a date range, and the same list as a CSV file. */
export function OrdersPage({ ctx, orders, status, filters = noFilters, errors, nextCursor }: OrdersPageProps) {
  const base = withBase(ctx.basePath, '/dashboard/orders');
  const { q, from, to } = filters;
  const paymentStatus = filters.paymentStatus ?? '';
  const tabs: Array<[OrderStatus | null, string]> = [[null, 'All'], ...statusTabs.map((s): [OrderStatus, string] => [s, statusLabel(s)])];
  const refused = errors !== undefined && Object.keys(errors).length > 0;
  const filtered = isFiltered(filters);
  // The export answers the session cookie like the rest of the API; it gets exactly the filters shown.
  const exportHref = `${withBase(ctx.basePath, '/api/v1/orders/export')}${queryString({ status, paymentStatus, q, from, to })}`;
  return (
    <DashboardLayout ctx={ctx} title="Orders" section="orders">
      <nav class="tabs" aria-label="Filter by status">
        {tabs.map(([s, label]) => (
          <a class="tab" href={`${base}${queryString({ status: s, paymentStatus, q, from, to })}`} aria-current={s === status ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      <ErrorSummary form={form} errors={errors} labels={filterLabels} />
      <div class="toolbar">
        <FilterForm base={base} status={status} filters={filters} errors={errors} />
        {!refused && (
          <a class="btn btn-secondary" href={exportHref}>
            Export CSV
          </a>
        )}
      </div>
      {refused ? null : orders.length === 0 ? (
        <p class="empty">{filtered ? 'No orders match.' : status ? `No ${statusLabel(status).toLowerCase()} orders.` : 'No orders yet. Share your store link to get the first one.'}</p>
      ) : (
        <OrderTable ctx={ctx} orders={orders} />
      )}
      <NextPageLink href={nextCursor ? `${base}${queryString({ status, paymentStatus, q, from, to, cursor: nextCursor })}` : null} />
    </DashboardLayout>
  );
}
