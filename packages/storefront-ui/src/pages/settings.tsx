import { CheckboxField, ErrorSummary, Field, PostForm, SelectField, SlugField, TextArea } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { moneyInputValue } from '../money.js';
import { withBase } from '../url.js';
import type { FieldErrors, PageContext, StoreView } from '../types.js';

/** The settings form's fields as typed (money in major units). */
export interface SettingsValues {
  name: string;
  slug: string;
  description: string;
  phone: string;
  pickupAddress: string;
  currency: string;
  deliveryFee: string;
  freeDeliveryAbove: string;
  minOrderValue: string;
  isOpen: boolean;
  autoAcceptOrders: boolean;
}

/** Props of the 'settings' page (`/dashboard/settings`). */
export interface SettingsPageProps {
  ctx: PageContext;
  store: StoreView;
  /** Absolute base of store links (e.g. "https://shop.example"), shown before the slug. */
  publicUrl?: string;
  /** What was typed, after a failed save; wins over `store`. */
  values?: Partial<SettingsValues>;
  /** Field -> message (the names above, and `logo`). */
  errors?: FieldErrors;
}

/** Currencies offered in the select; the store's own is added when missing. */
export const currencies = ['INR', 'USD', 'EUR', 'GBP', 'AED', 'SGD', 'AUD', 'CAD', 'NPR', 'LKR', 'BDT', 'JPY'];

const labels: Record<string, string> = {
  name: 'Store name',
  slug: 'Store link',
  description: 'Description',
  logo: 'Logo',
  phone: 'Phone / WhatsApp',
  pickupAddress: 'Pickup address',
  currency: 'Currency',
  deliveryFee: 'Delivery fee',
  freeDeliveryAbove: 'Free delivery above',
  minOrderValue: 'Minimum order',
};

function initial(store: StoreView, values: Partial<SettingsValues>): SettingsValues {
  const m = (n: number | null) => moneyInputValue(n, store.currency);
  return {
    name: store.name,
    slug: store.slug,
    description: store.description,
    phone: store.phone ?? '',
    pickupAddress: store.pickupAddress,
    currency: store.currency,
    deliveryFee: m(store.deliveryFee),
    freeDeliveryAbove: m(store.freeDeliveryAbove),
    minOrderValue: store.minOrderValue === 0 ? '' : m(store.minOrderValue),
    isOpen: store.isOpen,
    autoAcceptOrders: store.autoAcceptOrders,
    ...values,
  };
}

/** Store settings: identity, contact, money rules and switches; multipart for the logo. */
export function SettingsPage({ ctx, store, publicUrl, values = {}, errors = {} }: SettingsPageProps) {
  const v = initial(store, values);
  const f = 'settings';
  const cur = currencies.includes(v.currency) ? currencies : [v.currency, ...currencies];
  const money = { inputMode: 'decimal' as const };
  return (
    <DashboardLayout ctx={ctx} title="Settings" section="settings">
      <ErrorSummary form={f} errors={errors} labels={labels} />
      <PostForm ctx={ctx} action="/dashboard/settings" multipart class="panel form-grid">
        <Field form={f} name="name" label={labels['name']!} value={v.name} error={errors['name']} required maxLength={80} />
        <SlugField
          form={f}
          label={labels['slug']!}
          value={v.slug}
          error={errors['slug']}
          required
          hint={`${publicUrl ? `${publicUrl.replace(/\/+$/, '')}/${v.slug}. ` : ''}Changing it keeps the old link working.`}
        />
        <TextArea form={f} name="description" label={labels['description']!} value={v.description} error={errors['description']} optional rows={3} class="span-2" />
        <div class="span-2 logo-field">
          {store.logoUrl && <img class="logo-preview" src={store.logoUrl} alt="Current logo" width={72} height={72} />}
          <Field form={f} name="logo" label={labels['logo']!} type="file" accept="image/jpeg,image/png,image/webp" error={errors['logo']} optional hint="Square works best. JPEG, PNG or WebP, up to 5 MB." />
        </div>
        <Field form={f} name="phone" label={labels['phone']!} type="tel" value={v.phone} error={errors['phone']} optional autocomplete="tel" inputMode="tel" />
        <TextArea form={f} name="pickupAddress" label={labels['pickupAddress']!} value={v.pickupAddress} error={errors['pickupAddress']} optional rows={2} />
        <SelectField form={f} name="currency" label={labels['currency']!} value={v.currency} error={errors['currency']} options={cur.map((c): [string, string] => [c, c])} />
        <Field form={f} name="deliveryFee" label={labels['deliveryFee']!} value={v.deliveryFee} error={errors['deliveryFee']} {...money} hint="0 for free delivery" />
        <Field form={f} name="freeDeliveryAbove" label={labels['freeDeliveryAbove']!} value={v.freeDeliveryAbove} error={errors['freeDeliveryAbove']} optional {...money} hint="Leave empty if delivery is never free" />
        <Field form={f} name="minOrderValue" label={labels['minOrderValue']!} value={v.minOrderValue} error={errors['minOrderValue']} optional {...money} hint="Leave empty for no minimum" />
        <CheckboxField form={f} name="isOpen" label="Store is open for orders" checked={v.isOpen} />
        <CheckboxField form={f} name="autoAcceptOrders" label="Accept new orders automatically" checked={v.autoAcceptOrders} />
        <div class="form-actions span-2">
          <button type="submit" class="btn btn-primary">
            Save settings
          </button>
        </div>
      </PostForm>
      <p>
        <a href={withBase(ctx.basePath, '/dashboard/account#api-tokens')}>API tokens, password and sessions are under Account →</a>
      </p>
    </DashboardLayout>
  );
}
