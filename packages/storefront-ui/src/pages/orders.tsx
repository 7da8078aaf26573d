import { ErrorSummary, Field, SelectField } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { NextPageLink, OrderTable } from '../components/order-table.js';
import { useT } from '../i18n/context.js';
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
export const paymentFilterChoices: ReadonlyArray<PaymentStatus | ''> = ['', 'pending', 'paid', 'refunded'];

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
const form = 'orders-filter';

/** True when anything beyond the status tab narrows the list. */
function isFiltered(f: OrderListFilters): boolean {
  return f.q !== '' || f.from !== '' || f.to !== '' || (f.paymentStatus ?? '') !== '';
}

/**
 * Search, payment and dates: a plain GET form, so it works without JavaScript. The status tab travels as
 * a hidden field, so a search stays within the tab shown.
 */
function FilterForm({ base, status, filters, errors, labels }: { base: string; status: OrderStatus | null; filters: OrderListFilters; errors: FieldErrors | undefined; labels: Record<string, string> }) {
  const t = useT();
  const filtered = isFiltered(filters);
  const payments = paymentFilterChoices.map((p): [string, string] => [p, t(`dashboard.orders.payment.${p || 'any'}`)]);
  return (
    <form method="get" action={base} class="inline-form" role="search" aria-label={t('dashboard.orders.searchLabel')}>
      {status && <input type="hidden" name="status" value={status} />}
      <Field form={form} name="q" label={labels['q']!} type="search" value={filters.q} placeholder={t('dashboard.orders.searchPlaceholder')} maxLength={100} error={errors?.['q']} />
      <SelectField form={form} name="paymentStatus" label={labels['paymentStatus']!} value={filters.paymentStatus ?? ''} options={payments} error={errors?.['paymentStatus']} />
      <Field form={form} name="from" label={labels['from']!} type="date" value={filters.from} placeholder={t('dashboard.orders.datePlaceholder')} error={errors?.['from']} />
      <Field form={form} name="to" label={labels['to']!} type="date" value={filters.to} placeholder={t('dashboard.orders.datePlaceholder')} error={errors?.['to']} />
      <button type="submit" class="btn btn-secondary">
        {t('dashboard.orders.search')}
      </button>
      {filtered && (
        <a class="btn btn-secondary" href={`${base}${queryString({ status })}`}>
          {t('dashboard.orders.clear')}
        </a>
      )}
    </form>
  );
}

/** Orders, newest first: a tab per status, search by number, name or phone, a date range, and the same list as a CSV file. */
export function OrdersPage({ ctx, orders, status, filters = noFilters, errors, nextCursor }: OrdersPageProps) {
  const t = useT();
  const labels: Record<string, string> = { q: t('dashboard.orders.search'), paymentStatus: t('dashboard.orders.paymentLabel'), from: t('dashboard.orders.from'), to: t('dashboard.orders.to') };
  const base = withBase(ctx.basePath, '/dashboard/orders');
  const { q, from, to } = filters;
  const paymentStatus = filters.paymentStatus ?? '';
  const tabs: Array<[OrderStatus | null, string]> = [[null, t('dashboard.orders.all')], ...statusTabs.map((s): [OrderStatus, string] => [s, t(`dashboard.status.${s}`)])];
  const refused = errors !== undefined && Object.keys(errors).length > 0;
  const filtered = isFiltered(filters);
  // The export answers the session cookie like the rest of the API; it gets exactly the filters shown.
  const exportHref = `${withBase(ctx.basePath, '/api/v1/orders/export')}${queryString({ status, paymentStatus, q, from, to })}`;
  return (
    <DashboardLayout ctx={ctx} title={t('dashboard.orders.title')} section="orders">
      <nav class="tabs" aria-label={t('dashboard.orders.byStatus')}>
        {tabs.map(([s, label]) => (
          <a class="tab" href={`${base}${queryString({ status: s, paymentStatus, q, from, to })}`} aria-current={s === status ? 'page' : undefined}>
            {label}
          </a>
        ))}
      </nav>
      <ErrorSummary form={form} errors={errors} labels={labels} />
      <div class="toolbar">
        <FilterForm base={base} status={status} filters={filters} errors={errors} labels={labels} />
        {!refused && (
          <a class="btn btn-secondary" href={exportHref}>
            {t('dashboard.orders.export')}
          </a>
        )}
      </div>
      {refused ? null : orders.length === 0 ? (
        <p class="empty">{filtered ? t('dashboard.orders.noMatch') : status ? t(`dashboard.orders.noneInTab.${status}`) : t('dashboard.orders.none')}</p>
      ) : (
        <OrderTable ctx={ctx} orders={orders} />
      )}
      <NextPageLink href={nextCursor ? `${base}${queryString({ status, paymentStatus, q, from, to, cursor: nextCursor })}` : null} />
    </DashboardLayout>
  );
}
