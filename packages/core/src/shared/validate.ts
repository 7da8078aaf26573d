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

/** The peers an object-level joi error is about (the keys to fill in or remove), when it names any. */
function peersOf(item: Joi.ValidationErrorItem): string[] {
  const context = item.context ?? {};
  const names = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);
  switch (item.type) {
    case 'object.and':
      return names(context.missing);
    case 'object.with':
    case 'object.without':
      return names(context.peer);
    case 'object.nand':
      return [...names(context.main), ...names(context.peers)];
    case 'object.missing':
    case 'object.xor':
    case 'object.oxor':
      return names(context.peers);
    default:
      return [];
  }
}

/**
 * Where an error points: the field's dot-joined path; for an error about the object itself, the
 * peers it names (and/or/xor), else the object's own path, and `body` for the whole input.
 */
function pathsOf(item: Joi.ValidationErrorItem): string[] {
  const base = item.path.map(String);
  const peers = peersOf(item);
  if (peers.length > 0) return peers.map((peer) => [...base, peer].join('.'));
  return [base.length > 0 ? base.join('.') : 'body'];
}

/** Turns joi's error details into the API's `{ path, message }` list, one entry per field; no path is empty. */
export function toFieldErrors(error: Joi.ValidationError): FieldError[] {
  const seen = new Set<string>();
  const details: FieldError[] = [];
  for (const item of error.details) {
    for (const path of pathsOf(item)) {
      if (seen.has(path)) continue;
      seen.add(path);
      details.push({ path, message: item.message });
    }
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
