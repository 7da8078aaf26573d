import type { IndianState } from '@dukaan-kit/core';
import { gstRates } from '@dukaan-kit/core/pricing';
import { CheckboxField, ErrorSummary, Field, PostForm, SelectField, SlugField, TextArea } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { moneyInputValue } from '../money.js';
import { withBase } from '../url.js';
import type { FieldErrors, PageContext, PaymentMethod, StoreSettingsView } from '../types.js';
import { ChargeField, DeliveryMethodsField, ServiceAreaField, chargeInputValue, chargeKind, type ChargeKind } from './settings-checkout.js';

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
  /** The store's UPI id (VPA) as typed; '' for none. */
  upiId: string;
  /** The ticked payment methods, as sent. */
  paymentMethods: string[];
  timeZone: string;
  newOrderEmails: boolean;
  /** The GSTIN as typed; '' for none. */
  gstin: string;
  /** A state's name from the select; '' for not chosen (the GSTIN's state is then used). */
  state: string;
  pricesIncludeTax: boolean;
  /** A rate from `gstRates`, as text ("18"). */
  defaultTaxRate: string;
  /** 'none', 'flat' or 'percent'. */
  packagingFeeType: ChargeKind;
  /** Major units for a flat fee ("20"), a percent ("2.5") for a percent one. */
  packagingFeeValue: string;
  codFeeType: ChargeKind;
  codFeeValue: string;
  /** The ticked delivery methods, as sent. */
  deliveryMethods: string[];
  /** 'all', 'pincodes' or 'prefixes'. */
  serviceAreaType: string;
  /** The pincodes or prefixes as typed, separated by commas, spaces or new lines. */
  serviceAreaValues: string;
}

/** Props of the 'settings' page (`/dashboard/settings`). */
export interface SettingsPageProps {
  ctx: PageContext;
  store: StoreSettingsView;
  /** Absolute base of store links (e.g. "https://shop.example"), shown before the slug. */
  publicUrl?: string;
  /** What was typed, after a failed save; wins over `store`. */
  values?: Partial<SettingsValues>;
  /**
   * Field -> message (the names above, and `logo`; the charges, delivery methods and service
   * area each as one field: `packagingFee`, `codFee`, `deliveryMethods`, `serviceArea`).
   */
  errors?: FieldErrors;
  /** The 36 states and union territories for the GST state select (core's `indianStates`); the GST section needs them. */
  indianStates?: readonly IndianState[];
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
  upiId: 'UPI ID',
  paymentMethods: 'Payment methods',
  timeZone: 'Time zone',
  gstin: 'GSTIN',
  state: 'State',
  pricesIncludeTax: 'Prices include GST',
  defaultTaxRate: 'Default GST rate',
  packagingFee: 'Packaging fee',
  codFee: 'Cash on delivery fee',
  deliveryMethods: 'Delivery methods',
  serviceArea: 'Where you deliver',
};

/**
 * Time zones offered in the select: India first, then its neighbours and where Indian sellers
 * often live or sell; the store's own is added when missing (core accepts any IANA zone).
 */
export const timeZones: ReadonlyArray<readonly [string, string]> = [
  ['Asia/Kolkata', 'India (Asia/Kolkata)'],
  ['Asia/Kathmandu', 'Nepal (Asia/Kathmandu)'],
  ['Asia/Dhaka', 'Bangladesh (Asia/Dhaka)'],
  ['Asia/Colombo', 'Sri Lanka (Asia/Colombo)'],
  ['Asia/Thimphu', 'Bhutan (Asia/Thimphu)'],
  ['Indian/Maldives', 'Maldives (Indian/Maldives)'],
  ['Asia/Karachi', 'Pakistan (Asia/Karachi)'],
  ['Asia/Yangon', 'Myanmar (Asia/Yangon)'],
  ['Asia/Dubai', 'UAE (Asia/Dubai)'],
  ['Asia/Riyadh', 'Saudi Arabia (Asia/Riyadh)'],
  ['Asia/Singapore', 'Singapore (Asia/Singapore)'],
  ['Asia/Kuala_Lumpur', 'Malaysia (Asia/Kuala_Lumpur)'],
  ['Europe/London', 'United Kingdom (Europe/London)'],
  ['America/New_York', 'US Eastern (America/New_York)'],
  ['UTC', 'UTC'],
];

const methodText: Record<PaymentMethod, { label: string; hint: string }> = {
  cod: { label: 'Cash on delivery', hint: 'The customer pays when the parcel arrives; it counts as paid once delivered.' },
  upi: { label: 'UPI', hint: 'The customer scans a QR code or taps a button that opens their UPI app; you mark the order paid.' },
};

/**
 * The payment methods as checkboxes of one field: a fieldset, each box with its own id, the
 * error (e.g. "UPI needs a UPI id") under the group and tied to it.
 */
function PaymentMethodsField({ form, checked, error }: { form: string; checked: string[]; error: string | undefined }) {
  const id = `${form}-paymentMethods`;
  return (
    <fieldset class={`field pay-methods${error ? ' has-error' : ''}`} id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{labels['paymentMethods']}</legend>
      {(Object.keys(methodText) as PaymentMethod[]).map((m) => (
        <div class="field-check">
          <input type="checkbox" name="paymentMethods" value={m} id={`${id}-${m}`} checked={checked.includes(m)} aria-describedby={`${id}-${m}-hint`} />
          <label for={`${id}-${m}`}>{methodText[m].label}</label>
          <p class="hint" id={`${id}-${m}-hint`}>
            {methodText[m].hint}
          </p>
        </div>
      ))}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

function initial(store: StoreSettingsView, values: Partial<SettingsValues>): SettingsValues {
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
    upiId: store.upiId ?? '',
    paymentMethods: store.paymentMethods,
    timeZone: store.timeZone,
    newOrderEmails: store.newOrderEmails,
    gstin: store.gstin ?? '',
    state: store.state ?? '',
    pricesIncludeTax: store.pricesIncludeTax,
    defaultTaxRate: String(store.defaultTaxRate),
    packagingFeeType: chargeKind(store.packagingFee),
    packagingFeeValue: chargeInputValue(store.packagingFee, store.currency),
    codFeeType: chargeKind(store.codFee),
    codFeeValue: chargeInputValue(store.codFee, store.currency),
    deliveryMethods: store.deliveryMethods,
    serviceAreaType: store.serviceArea.type,
    serviceAreaValues: store.serviceArea.values.join(', '),
    ...values,
  };
}

/**
 * GST: the GSTIN, the state (the GSTIN's own when left empty), whether prices include GST and the
 * rate of products that set none. GST exists only for sales in rupees, so a store in another
 * currency sees why the section is missing instead of fields it cannot use.
 */
function GstSection({ v, errors, currency, states }: { v: SettingsValues; errors: FieldErrors; currency: string; states: readonly IndianState[] }) {
  const f = 'settings';
  if (currency !== 'INR') {
    return (
      <>
        <h2 class="span-2 form-section">GST</h2>
        <p class="span-2 hint">
          GST is India's tax, charged on sales in Indian rupees. Your store sells in {currency}, so its prices are shown as they are, with no GST
          lines. Switch the currency to INR and save to set a GSTIN.
        </p>
      </>
    );
  }
  const stateOptions: Array<readonly [string, string]> = [['', 'Choose your state'], ...states.map((s) => [s.name, s.name] as const)];
  return (
    <>
      <h2 class="span-2 form-section">GST</h2>
      {/* Says the GST fields were on the form: an unticked box sends nothing, and a store outside INR never shows them. */}
      <input type="hidden" name="gstFields" value="1" />
      <Field
        form={f}
        name="gstin"
        label={labels['gstin']!}
        value={v.gstin}
        error={errors['gstin']}
        optional
        hint="Your 15-character GST number. Leave empty if you are not registered: orders then carry no GST."
        maxLength={15}
        autocapitalize="characters"
        spellcheck={false}
        autocomplete="off"
      />
      <SelectField
        form={f}
        name="state"
        label={labels['state']!}
        value={v.state}
        error={errors['state']}
        options={stateOptions}
        hint="Where your store is. Left unchosen, your GSTIN's state is used. Orders to this state get CGST and SGST, to other states IGST."
      />
      <CheckboxField
        form={f}
        name="pricesIncludeTax"
        label={labels['pricesIncludeTax']!}
        checked={v.pricesIncludeTax}
        error={errors['pricesIncludeTax']}
        hint="As Indian shop prices usually do. Untick if GST is added on top of your prices at checkout."
      />
      <SelectField
        form={f}
        name="defaultTaxRate"
        label={labels['defaultTaxRate']!}
        value={v.defaultTaxRate}
        error={errors['defaultTaxRate']}
        options={gstRates.map((r): [string, string] => [String(r), `${r}%`])}
        hint="For products without their own rate, and for the delivery, packaging and cash on delivery charges."
      />
    </>
  );
}

/** Store settings: identity, contact, delivery, charges, GST, payments and switches; multipart for the logo. */
export function SettingsPage({ ctx, store, publicUrl, values = {}, errors = {}, indianStates = [] }: SettingsPageProps) {
  const v = initial(store, values);
  const f = 'settings';
  const cur = currencies.includes(v.currency) ? currencies : [v.currency, ...currencies];
  const money = { inputMode: 'decimal' as const };
  const zones = timeZones.some(([z]) => z === v.timeZone) ? timeZones : [[v.timeZone, v.timeZone] as const, ...timeZones];
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
        <SelectField form={f} name="currency" label={labels['currency']!} value={v.currency} error={errors['currency']} options={cur.map((c): [string, string] => [c, c])} />
        <Field form={f} name="minOrderValue" label={labels['minOrderValue']!} value={v.minOrderValue} error={errors['minOrderValue']} optional {...money} hint="Leave empty for no minimum" />
        <h2 class="span-2 form-section">Delivery</h2>
        {/* Says the delivery and charge fields were on the form: unticked boxes send nothing, and a form
            rendered before they existed must not switch delivery off or drop the fees. */}
        <input type="hidden" name="checkoutFields" value="1" />
        <DeliveryMethodsField form={f} checked={v.deliveryMethods} error={errors['deliveryMethods']} />
        <TextArea
          form={f}
          name="pickupAddress"
          label={labels['pickupAddress']!}
          value={v.pickupAddress}
          error={errors['pickupAddress']}
          optional
          rows={2}
          hint="Where customers collect pickup orders; needed for pickup, and printed on invoices."
        />
        <Field form={f} name="deliveryFee" label={labels['deliveryFee']!} value={v.deliveryFee} error={errors['deliveryFee']} {...money} hint="0 for free delivery" />
        <Field form={f} name="freeDeliveryAbove" label={labels['freeDeliveryAbove']!} value={v.freeDeliveryAbove} error={errors['freeDeliveryAbove']} optional {...money} hint="Leave empty if delivery is never free" />
        <ServiceAreaField form={f} type={v.serviceAreaType} values={v.serviceAreaValues} error={errors['serviceArea']} />
        <h2 class="span-2 form-section">Charges</h2>
        <ChargeField form={f} name="packagingFee" label={labels['packagingFee']!} currency={store.currency} type={v.packagingFeeType} value={v.packagingFeeValue} error={errors['packagingFee']} hint="Added to every order." />
        <ChargeField
          form={f}
          name="codFee"
          label={labels['codFee']!}
          currency={store.currency}
          type={v.codFeeType}
          value={v.codFeeValue}
          error={errors['codFee']}
          hint="Added only when the customer pays cash on delivery."
        />
        <GstSection v={v} errors={errors} currency={store.currency} states={indianStates} />
        <h2 class="span-2 form-section">Payments</h2>
        {/* Says the payment fields below were on the form: unticked boxes send nothing, and a form
            rendered before they existed (a tab left open over an upgrade) must not switch UPI or mails off. */}
        <input type="hidden" name="paymentFields" value="1" />
        <PaymentMethodsField form={f} checked={v.paymentMethods} error={errors['paymentMethods']} />
        <Field
          form={f}
          name="upiId"
          label={labels['upiId']!}
          value={v.upiId}
          error={errors['upiId']}
          optional
          hint="Your UPI ID (VPA), like yourshop@okaxis. Customers pay to it; needed for UPI."
          maxLength={100}
          autocapitalize="none"
          spellcheck={false}
          autocomplete="off"
        />
        <SelectField form={f} name="timeZone" label={labels['timeZone']!} value={v.timeZone} error={errors['timeZone']} options={zones} hint="Order dates, the day's figures and the date filters count days in this zone." />
        <h2 class="span-2 form-section">Orders</h2>
        <CheckboxField form={f} name="isOpen" label="Store is open for orders" checked={v.isOpen} />
        <CheckboxField form={f} name="autoAcceptOrders" label="Accept new orders automatically" checked={v.autoAcceptOrders} />
        <CheckboxField form={f} name="newOrderEmails" label="Email me for each new order" checked={v.newOrderEmails} hint="Sent to your account's email address." />
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
