import Joi from 'joi';
import { isValidGstin } from '../india/gstin.js';
import { matchIndianState } from '../india/states.js';
import { gstRates, maxAmount } from '../pricing/index.js';
import { maxServiceAreaValues, serviceAreaTypes } from '../stores/service-area.js';
import { textField } from './fields.js';

const rateList = gstRates.map((rate) => `${rate}`).join(', ');

/** A GST rate in percent: only the rates GST has, so a typo (1.8 for 18) cannot slip through. */
export const taxRateField = Joi.number()
  .strict()
  .valid(...gstRates)
  .label('GST rate')
  .messages({ 'any.only': `{#label} must be one of the GST rates: ${rateList} (percent)` });

/** HSN code: 4, 6 or 8 digits (the length GST asks for depends on the seller's turnover). */
export const hsnCodeField = textField
  .trim()
  .pattern(/^(?:\d{4}|\d{6}|\d{8})$/, 'HSN code')
  .label('HSN code')
  .messages({ 'string.pattern.name': '{#label} must be 4, 6 or 8 digits' });

/** A GSTIN, upper-cased, with its check character verified. */
export const gstinField = textField
  .trim()
  .uppercase()
  .custom((value: string, helpers) => (isValidGstin(value) ? value : helpers.error('gstin.invalid')))
  .label('GSTIN')
  .messages({ 'gstin.invalid': '{#label} must be the 15 characters of a GSTIN, such as 27AAPFU0939F1ZV (its last character is a check digit)' });

/** A state or union territory by its GST-list name, matched case-insensitively ("&" read as "and"); stored in the list's spelling. */
export const indianStateField = textField
  .trim()
  .max(60)
  .custom((value: string, helpers) => matchIndianState(value) ?? helpers.error('state.unknown'))
  .label('State')
  .messages({ 'state.unknown': '{#label} must be one of the 36 states and union territories of India, such as Karnataka or Delhi' });

/** A packaging or COD charge: a flat amount (minor units) or a percent of the items. */
export const chargeRuleField = Joi.object({
  type: Joi.string().valid('flat', 'percent').required().label('Charge type'),
  value: Joi.when('type', {
    is: 'percent',
    then: Joi.number().strict().greater(0).max(100).precision(2).label('Percent').messages({
      'number.precision': '{#label} may have at most 2 decimals',
    }),
    otherwise: Joi.number().strict().integer().min(1).max(maxAmount).label('Amount'),
  }).required(),
});

const pincodeValue = Joi.string().pattern(/^[1-9]\d{5}$/).messages({ 'string.pattern.base': '{#label} must be 6 digits and cannot start with 0' });
const prefixValue = Joi.string().pattern(/^[1-9]\d{0,4}$/).messages({ 'string.pattern.base': '{#label} must be the first 1 to 5 digits of a PIN code' });

function valueList(item: Joi.StringSchema): Joi.ArraySchema {
  return Joi.array()
    .items(item)
    .max(maxServiceAreaValues)
    .messages({ 'array.min': 'List at least one PIN code', 'array.max': 'List at most {#limit} PIN codes' });
}

/** Where a store delivers; values are deduplicated, and must be empty for `all`. */
export const serviceAreaField = Joi.object({
  type: Joi.string().valid(...serviceAreaTypes).required().label('Service area'),
  values: Joi.when('type', {
    switch: [
      { is: 'pincodes', then: valueList(pincodeValue.label('PIN code')).min(1) },
      { is: 'prefixes', then: valueList(prefixValue.label('PIN code prefix')).min(1) },
    ],
    otherwise: Joi.array().max(0).default([]).messages({ 'array.max': 'List no PIN codes when the store delivers everywhere' }),
  }).label('PIN codes'),
}).custom((area: { type: string; values: string[] }) => ({ ...area, values: [...new Set(area.values)] }));
