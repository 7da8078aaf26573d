import type Joi from 'joi';
import { ValidationFailedError, type FieldError } from '../errors.js';

/** How every core schema is applied: all errors at once, unknown keys refused, labels unquoted. */
export const validationOptions: Joi.ValidationOptions = {
  abortEarly: false,
  allowUnknown: false,
  convert: true,
  // Messages name the field ("phone must be…"); the detail's path says where it sits.
  errors: { wrap: { label: false }, label: 'key' },
};

/** Turns joi's error details into the API's `{ path, message }` list, one entry per field. */
export function toFieldErrors(error: Joi.ValidationError): FieldError[] {
  const seen = new Set<string>();
  const details: FieldError[] = [];
  for (const item of error.details) {
    const path = item.path.join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    details.push({ path, message: item.message });
  }
  return details;
}

/** Validates and converts `input`, or throws ValidationFailedError naming every bad field. */
export function validate<T>(schema: Joi.Schema<T>, input: unknown): T {
  const { error, value } = schema.validate(input, validationOptions);
  if (error) {
    throw new ValidationFailedError('Some fields are not valid', toFieldErrors(error));
  }
  return value;
}
