// The settings page's checkout groups: delivery methods, where the store delivers and its extra
// charges. Each group is one field for errors (`deliveryMethods`, `serviceArea`, `packagingFee`,
// `codFee`): the core's paths inside it (`packagingFee.value`, `serviceArea.values.3`) are shown
// under the group, since the vendor fixes them there.
import type { ChargeRule } from '@dukaan-kit/core/pricing';
import { useT } from '../i18n/context.js';
import { moneyInputValue } from '../money.js';

/** A charge as the form's select has it: no fee, a flat amount or a percent of the items. */
export type ChargeKind = 'none' | 'flat' | 'percent';

/** The select's value for a saved charge. */
export function chargeKind(rule: ChargeRule | null): ChargeKind {
  return rule ? rule.type : 'none';
}

/** The amount box for a saved charge: major units for a flat fee, the percent as is. */
export function chargeInputValue(rule: ChargeRule | null, currency: string): string {
  if (!rule) return '';
  return rule.type === 'flat' ? moneyInputValue(rule.value, currency) : String(rule.value);
}

/** A group's error, tied to its fieldset. */
function GroupError({ id, error }: { id: string; error: string | undefined }) {
  return error ? (
    <p class="field-error" id={`${id}-error`}>
      {error}
    </p>
  ) : null;
}

/** A fieldset's ARIA and error class. */
function groupAttrs(id: string, error: string | undefined, cls: string) {
  return { id, class: `field span-2 ${cls}${error ? ' has-error' : ''}`, 'aria-describedby': error ? `${id}-error` : undefined };
}

/** A packaging or cash-on-delivery fee: its kind and its amount or percent. */
export function ChargeField(p: { form: string; name: 'packagingFee' | 'codFee'; label: string; currency: string; type: ChargeKind; value: string; error: string | undefined; hint: string }) {
  const t = useT();
  const id = `${p.form}-${p.name}`;
  const kinds: Array<[ChargeKind, string]> = [
    ['none', t('dashboard.charge.none')],
    ['flat', t('dashboard.charge.flat', { currency: p.currency })],
    ['percent', t('dashboard.charge.percent')],
  ];
  return (
    <fieldset {...groupAttrs(id, p.error, 'charge-field')}>
      <legend>{p.label}</legend>
      <p class="hint" id={`${id}-hint`}>
        {p.hint} {t('dashboard.charge.percentHint')}
      </p>
      <div class="charge-inputs">
        <div>
          <label for={`${id}-type`}>{t('dashboard.charge.kind')}</label>
          <select id={`${id}-type`} name={`${p.name}.type`} aria-describedby={`${id}-hint`}>
            {kinds.map(([value, text]) => (
              <option value={value} selected={value === p.type}>
                {text}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for={`${id}-value`}>{t('dashboard.charge.value')}</label>
          <input
            id={`${id}-value`}
            name={`${p.name}.value`}
            value={p.value}
            inputMode="decimal"
            maxLength={20}
            autocomplete="off"
            aria-invalid={p.error ? 'true' : undefined}
            aria-describedby={p.error ? `${id}-error` : undefined}
          />
        </div>
      </div>
      <GroupError id={id} error={p.error} />
    </fieldset>
  );
}

const deliveryMethods = ['delivery', 'pickup'] as const;

/** How customers may receive orders: a box each; pickup needs the pickup address. */
export function DeliveryMethodsField({ form, label, checked, error }: { form: string; label: string; checked: string[]; error: string | undefined }) {
  const t = useT();
  const id = `${form}-deliveryMethods`;
  return (
    <fieldset {...groupAttrs(id, error, 'delivery-methods')}>
      <legend>{label}</legend>
      {deliveryMethods.map((m) => (
        <div class="field-check">
          <input type="checkbox" name="deliveryMethods" value={m} id={`${id}-${m}`} checked={checked.includes(m)} aria-describedby={`${id}-${m}-hint`} />
          <label for={`${id}-${m}`}>{t(`dashboard.delivery.method.${m}`)}</label>
          <p class="hint" id={`${id}-${m}-hint`}>
            {t(`dashboard.delivery.methodHint.${m}`)}
          </p>
        </div>
      ))}
      <GroupError id={id} error={error} />
    </fieldset>
  );
}

const areaTypes = ['all', 'pincodes', 'prefixes'] as const;

/** Where the store delivers: everywhere, listed pincodes, or pincodes starting with listed digits. */
export function ServiceAreaField({ form, label, type, values, error }: { form: string; label: string; type: string; values: string; error: string | undefined }) {
  const t = useT();
  const id = `${form}-serviceArea`;
  return (
    <fieldset {...groupAttrs(id, error, 'service-area')}>
      <legend>{label}</legend>
      {areaTypes.map((value) => (
        <div class="field-check">
          <input type="radio" name="serviceArea.type" value={value} id={`${id}-${value}`} checked={type === value} />
          <label for={`${id}-${value}`}>{t(`dashboard.area.type.${value}`)}</label>
        </div>
      ))}
      <label for={`${id}-values`}>{t('dashboard.area.values')}</label>
      <p class="hint" id={`${id}-values-hint`}>
        {t('dashboard.area.valuesHint')}
      </p>
      <textarea
        id={`${id}-values`}
        name="serviceArea.values"
        rows={3}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={`${id}-values-hint${error ? ` ${id}-error` : ''}`}
        defaultValue={values}
      />
      <GroupError id={id} error={error} />
    </fieldset>
  );
}
