import type { ComponentChildren } from 'preact';
import type { IndianState } from '@dukaan-kit/core';
import { gstRates } from '@dukaan-kit/core/pricing';
import { CheckboxField, ErrorSummary, Field, PostForm, SelectField, SlugField, TextArea } from '../components/form.js';
import { DashboardLayout } from '../components/layouts.js';
import { moneyInputValue } from '../money.js';
import { localeNames, locales } from '@dukaan-kit/core/i18n';
import { useT, type I18n } from '../i18n/context.js';
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
  /** The language customers see ('en', 'hi'), once core's store has one; '' before. */
  locale?: string;
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

/** Every field's name as the form shows it, for the error list above the form and each field's label. */
function fieldLabels(t: I18n['t']): Record<string, string> {
  return {
    name: t('dashboard.settings.name'),
    slug: t('dashboard.settings.slug'),
    description: t('dashboard.settings.description'),
    logo: t('dashboard.settings.logo'),
    phone: t('dashboard.settings.phone'),
    pickupAddress: t('dashboard.settings.pickupAddress'),
    currency: t('dashboard.settings.currency'),
    deliveryFee: t('dashboard.settings.deliveryFee'),
    freeDeliveryAbove: t('dashboard.settings.freeDeliveryAbove'),
    minOrderValue: t('dashboard.settings.minOrderValue'),
    upiId: t('dashboard.settings.upiId'),
    paymentMethods: t('dashboard.settings.paymentMethods'),
    timeZone: t('dashboard.settings.timeZone'),
    gstin: 'GSTIN',
    state: t('dashboard.settings.state'),
    pricesIncludeTax: t('dashboard.settings.pricesIncludeTax'),
    defaultTaxRate: t('dashboard.settings.defaultTaxRate'),
    packagingFee: t('dashboard.settings.packagingFee'),
    codFee: t('dashboard.settings.codFee'),
    deliveryMethods: t('dashboard.settings.deliveryMethods'),
    serviceArea: t('dashboard.settings.serviceArea'),
    isOpen: t('dashboard.settings.isOpen'),
    autoAcceptOrders: t('dashboard.settings.autoAccept'),
    newOrderEmails: t('dashboard.settings.newOrderEmails'),
    locale: t('dashboard.settings.locale'),
  };
}

/**
 * The error list above the form, each message led by its field's name ("Delivery fee: Enter an
 * amount like 40"), since a message read there is away from its field.
 */
function namedErrors(errors: FieldErrors, labels: Record<string, string>): FieldErrors {
  const out: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const label = labels[field];
    out[field] = label && !message.startsWith(label) ? `${label}: ${message}` : message;
  }
  return out;
}

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

const paymentMethods: readonly PaymentMethod[] = ['cod', 'upi'];

/**
 * The payment methods as checkboxes of one field: a fieldset, each box with its own id, the
 * error (e.g. "UPI needs a UPI id") under the group and tied to it.
 */
function PaymentMethodsField({ form, label, checked, error }: { form: string; label: string; checked: string[]; error: string | undefined }) {
  const t = useT();
  const id = `${form}-paymentMethods`;
  return (
    <fieldset class={`field pay-methods${error ? ' has-error' : ''}`} id={id} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{label}</legend>
      {paymentMethods.map((m) => (
        <div class="field-check">
          <input type="checkbox" name="paymentMethods" value={m} id={`${id}-${m}`} checked={checked.includes(m)} aria-describedby={`${id}-${m}-hint`} />
          <label for={`${id}-${m}`}>{t(`dashboard.settings.methodName.${m}`)}</label>
          <p class="hint" id={`${id}-${m}-hint`}>
            {t(`dashboard.settings.methodHint.${m}`)}
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
    locale: store.locale,
    ...values,
  };
}

/**
 * GST: the GSTIN, the state (the GSTIN's own when left empty), whether prices include GST and the
 * rate of products that set none. GST exists only for sales in rupees, so a store in another
 * currency sees why the section is missing instead of fields it cannot use.
 */
function GstSection({ v, errors, currency, states, labels }: { v: SettingsValues; errors: FieldErrors; currency: string; states: readonly IndianState[]; labels: Record<string, string> }) {
  const t = useT();
  const f = 'settings';
  if (currency !== 'INR') {
    return (
      <Section id="gst" title="GST">
        <p class="span-2 hint">{t('dashboard.settings.gstOtherCurrency', { currency })}</p>
      </Section>
    );
  }
  const stateOptions: Array<readonly [string, string]> = [['', t('dashboard.settings.chooseState')], ...states.map((s) => [s.name, s.name] as const)];
  return (
    <Section id="gst" title="GST">
      {/* Says the GST fields were on the form: an unticked box sends nothing, and a store outside INR never shows them. */}
      <input type="hidden" name="gstFields" value="1" />
      <Field
        form={f}
        name="gstin"
        label={labels['gstin']!}
        value={v.gstin}
        error={errors['gstin']}
        optional
        hint={t('dashboard.settings.gstinHint')}
        maxLength={15}
        autocapitalize="characters"
        spellcheck={false}
        autocomplete="off"
      />
      <SelectField form={f} name="state" label={labels['state']!} value={v.state} error={errors['state']} options={stateOptions} hint={t('dashboard.settings.stateHint')} />
      <CheckboxField form={f} name="pricesIncludeTax" label={labels['pricesIncludeTax']!} checked={v.pricesIncludeTax} error={errors['pricesIncludeTax']} hint={t('dashboard.settings.pricesIncludeTaxHint')} />
      <SelectField
        form={f}
        name="defaultTaxRate"
        label={labels['defaultTaxRate']!}
        value={v.defaultTaxRate}
        error={errors['defaultTaxRate']}
        options={gstRates.map((r): [string, string] => [String(r), `${r}%`])}
        hint={t('dashboard.settings.defaultTaxRateHint')}
      />
    </Section>
  );
}

/** One group of the form: a fieldset named by its heading, its own two-column grid on wide screens. */
function Section({ id, title, children }: { id: string; title: string; children: ComponentChildren }) {
  return (
    <fieldset class="settings-section span-2" id={`settings-section-${id}`}>
      <legend>
        <h2 class="form-section">{title}</h2>
      </legend>
      <div class="form-grid">{children}</div>
    </fieldset>
  );
}

/**
 * Store settings in groups (store details, orders, delivery and charges, GST, payments,
 * notifications); every error sits under its field and, in the list above the form, starts with
 * the field's name. Multipart for the logo.
 */
export function SettingsPage({ ctx, store, publicUrl, values = {}, errors = {}, indianStates = [] }: SettingsPageProps) {
  const t = useT();
  const labels = fieldLabels(t);
  const v = initial(store, values);
  const f = 'settings';
  const cur = currencies.includes(v.currency) ? currencies : [v.currency, ...currencies];
  const money = { inputMode: 'decimal' as const };
  const zones = timeZones.some(([z]) => z === v.timeZone) ? timeZones : [[v.timeZone, v.timeZone] as const, ...timeZones];
  return (
    <DashboardLayout ctx={ctx} title={t('dashboard.settings.title')} section="settings">
      <ErrorSummary form={f} errors={namedErrors(errors, labels)} labels={labels} />
      <nav class="settings-toc" aria-label={t('dashboard.settings.sections')}>
        {(['store', 'orders', 'delivery', 'gst', 'payments', 'notifications'] as const).map((id) => (
          <a class="chip" href={`#settings-section-${id}`}>
            {id === 'gst' ? 'GST' : t(`dashboard.settings.section.${id}`)}
          </a>
        ))}
      </nav>
      <PostForm ctx={ctx} action="/dashboard/settings" multipart class="panel form-grid settings-form">
        <Section id="store" title={t('dashboard.settings.section.store')}>
          <Field form={f} name="name" label={labels['name']!} value={v.name} error={errors['name']} required maxLength={80} />
          <SlugField
            form={f}
            label={labels['slug']!}
            value={v.slug}
            error={errors['slug']}
            required
            hint={`${publicUrl ? `${publicUrl.replace(/\/+$/, '')}/${v.slug}. ` : ''}${t('dashboard.settings.slugHint')}`}
          />
          <TextArea form={f} name="description" label={labels['description']!} value={v.description} error={errors['description']} optional rows={3} class="span-2" />
          <div class="span-2 logo-field">
            {store.logoUrl && <img class="logo-preview" src={store.logoUrl} alt={t('dashboard.settings.currentLogo')} width={72} height={72} />}
            <Field form={f} name="logo" label={labels['logo']!} type="file" accept="image/jpeg,image/png,image/webp" error={errors['logo']} optional hint={t('dashboard.settings.logoHint')} />
          </div>
          <Field form={f} name="phone" label={labels['phone']!} type="tel" value={v.phone} error={errors['phone']} optional autocomplete="tel" inputMode="tel" />
          <SelectField
            form={f}
            name="locale"
            label={labels['locale']!}
            value={v.locale || 'en'}
            error={errors['locale']}
            options={locales.map((l): [string, string] => [l, localeNames[l]])}
            hint={t('dashboard.settings.localeHint')}
          />
          <SelectField form={f} name="currency" label={labels['currency']!} value={v.currency} error={errors['currency']} options={cur.map((c): [string, string] => [c, c])} />
          <SelectField form={f} name="timeZone" label={labels['timeZone']!} value={v.timeZone} error={errors['timeZone']} options={zones} hint={t('dashboard.settings.timeZoneHint')} />
        </Section>
        <Section id="orders" title={t('dashboard.settings.section.orders')}>
          <CheckboxField form={f} name="isOpen" label={labels['isOpen']!} checked={v.isOpen} error={errors['isOpen']} />
          <CheckboxField form={f} name="autoAcceptOrders" label={labels['autoAcceptOrders']!} checked={v.autoAcceptOrders} error={errors['autoAcceptOrders']} />
          <Field form={f} name="minOrderValue" label={labels['minOrderValue']!} value={v.minOrderValue} error={errors['minOrderValue']} optional {...money} hint={t('dashboard.settings.minOrderHint')} />
        </Section>
        <Section id="delivery" title={t('dashboard.settings.section.delivery')}>
          {/* Says the delivery and charge fields were on the form: unticked boxes send nothing, and a form
              rendered before they existed must not switch delivery off or drop the fees. */}
          <input type="hidden" name="checkoutFields" value="1" />
          <DeliveryMethodsField form={f} label={labels['deliveryMethods']!} checked={v.deliveryMethods} error={errors['deliveryMethods']} />
          <TextArea form={f} name="pickupAddress" label={labels['pickupAddress']!} value={v.pickupAddress} error={errors['pickupAddress']} optional rows={2} hint={t('dashboard.settings.pickupHint')} />
          <Field form={f} name="deliveryFee" label={labels['deliveryFee']!} value={v.deliveryFee} error={errors['deliveryFee']} {...money} hint={t('dashboard.settings.deliveryFeeHint')} />
          <Field form={f} name="freeDeliveryAbove" label={labels['freeDeliveryAbove']!} value={v.freeDeliveryAbove} error={errors['freeDeliveryAbove']} optional {...money} hint={t('dashboard.settings.freeAboveHint')} />
          <ServiceAreaField form={f} label={labels['serviceArea']!} type={v.serviceAreaType} values={v.serviceAreaValues} error={errors['serviceArea']} />
          <ChargeField form={f} name="packagingFee" label={labels['packagingFee']!} currency={store.currency} type={v.packagingFeeType} value={v.packagingFeeValue} error={errors['packagingFee']} hint={t('dashboard.settings.packagingHint')} />
          <ChargeField form={f} name="codFee" label={labels['codFee']!} currency={store.currency} type={v.codFeeType} value={v.codFeeValue} error={errors['codFee']} hint={t('dashboard.settings.codFeeHint')} />
        </Section>
        <GstSection v={v} errors={errors} currency={store.currency} states={indianStates} labels={labels} />
        <Section id="payments" title={t('dashboard.settings.section.payments')}>
          {/* Says the payment fields below were on the form: unticked boxes send nothing, and a form
              rendered before they existed (a tab left open over an upgrade) must not switch UPI or mails off. */}
          <input type="hidden" name="paymentFields" value="1" />
          <PaymentMethodsField form={f} label={labels['paymentMethods']!} checked={v.paymentMethods} error={errors['paymentMethods']} />
          <Field
            form={f}
            name="upiId"
            label={labels['upiId']!}
            value={v.upiId}
            error={errors['upiId']}
            optional
            hint={t('dashboard.settings.upiHint')}
            maxLength={100}
            autocapitalize="none"
            spellcheck={false}
            autocomplete="off"
          />
        </Section>
        <Section id="notifications" title={t('dashboard.settings.section.notifications')}>
          <CheckboxField form={f} name="newOrderEmails" label={labels['newOrderEmails']!} checked={v.newOrderEmails} error={errors['newOrderEmails']} hint={t('dashboard.settings.emailsHint')} />
        </Section>
        <div class="form-actions span-2">
          <button type="submit" class="btn btn-primary">
            {t('dashboard.settings.save')}
          </button>
        </div>
      </PostForm>
      <p>
        <a class="text-link" href={withBase(ctx.basePath, '/dashboard/account#api-tokens')}>
          {t('dashboard.settings.accountLink')}
        </a>
      </p>
    </DashboardLayout>
  );
}
