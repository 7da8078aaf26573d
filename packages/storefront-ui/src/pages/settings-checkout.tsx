// The settings page's checkout groups: delivery methods, where the store delivers and its extra
// charges. Each group is one field for errors (`deliveryMethods`, `serviceArea`, `packagingFee`,
// `codFee`): the core's paths inside it (`packagingFee.value`, `serviceArea.values.3`) are shown
// under the group, since the vendor fixes them there.
import type { ChargeRule } from '@dukaan-kit/core/pricing';
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
  const id = `${p.form}-${p.name}`;
  const kinds: Array<[ChargeKind, string]> = [
    ['none', 'No fee'],
    ['flat', `A flat amount (${p.currency})`],
    ['percent', 'A percent of the items’ total'],
  ];
  return (
    <fieldset {...groupAttrs(id, p.error, 'charge-field')}>
      <legend>{p.label}</legend>
      <p class="hint" id={`${id}-hint`}>
        {p.hint} A percent is worked out on the items before any coupon discount.
      </p>
      <div class="charge-inputs">
        <div>
          <label for={`${id}-type`}>Kind of fee</label>
          <select id={`${id}-type`} name={`${p.name}.type`} aria-describedby={`${id}-hint`}>
            {kinds.map(([value, text]) => (
              <option value={value} selected={value === p.type}>
                {text}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for={`${id}-value`}>Amount or percent</label>
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

const methodText: Record<'delivery' | 'pickup', { label: string; hint: string }> = {
  delivery: { label: 'Delivery', hint: 'You bring the order to the customer’s address, with the delivery fee below.' },
  pickup: { label: 'Pickup', hint: 'The customer collects the order from your pickup address; no delivery fee.' },
};

/** How customers may receive orders: a box each; pickup needs the pickup address. */
export function DeliveryMethodsField({ form, checked, error }: { form: string; checked: string[]; error: string | undefined }) {
  const id = `${form}-deliveryMethods`;
  return (
    <fieldset {...groupAttrs(id, error, 'delivery-methods')}>
      <legend>Delivery methods</legend>
      {(Object.keys(methodText) as Array<keyof typeof methodText>).map((m) => (
        <div class="field-check">
          <input type="checkbox" name="deliveryMethods" value={m} id={`${id}-${m}`} checked={checked.includes(m)} aria-describedby={`${id}-${m}-hint`} />
          <label for={`${id}-${m}`}>{methodText[m].label}</label>
          <p class="hint" id={`${id}-${m}-hint`}>
            {methodText[m].hint}
          </p>
        </div>
      ))}
      <GroupError id={id} error={error} />
    </fieldset>
  );
}

const areaText: Array<[string, string]> = [
  ['all', 'All of India'],
  ['pincodes', 'Only these pincodes'],
  ['prefixes', 'Pincodes starting with'],
];

/** Where the store delivers: everywhere, listed pincodes, or pincodes starting with listed digits. */
export function ServiceAreaField({ form, type, values, error }: { form: string; type: string; values: string; error: string | undefined }) {
  const id = `${form}-serviceArea`;
  return (
    <fieldset {...groupAttrs(id, error, 'service-area')}>
      <legend>Where you deliver</legend>
      {areaText.map(([value, text]) => (
        <div class="field-check">
          <input type="radio" name="serviceArea.type" value={value} id={`${id}-${value}`} checked={type === value} />
          <label for={`${id}-${value}`}>{text}</label>
        </div>
      ))}
      <label for={`${id}-values`}>Pincodes or their first digits</label>
      <p class="hint" id={`${id}-values-hint`}>
        Separate them with commas, spaces or new lines: 110001, 110002 for those pincodes; 1100, 56 for every pincode starting with those digits.
        Customers elsewhere are told before they order.
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
