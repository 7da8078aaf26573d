import type Joi from 'joi';
import { ConflictError, ValidationFailedError, checkImage, validate } from '@dukaan-kit/core';
import type { FieldErrors } from '@dukaan-kit/storefront-ui';
import { presentError } from '../errors.js';
import { fieldErrors } from './forms.js';

/**
 * A form's problem that the core reported (a bad field or a taken value): field errors (and
 * `form` for the rest) under the shared presenter's status; anything else is rethrown.
 */
export function formProblem(error: unknown): { status: number; errors: FieldErrors } {
  if (!(error instanceof ValidationFailedError || error instanceof ConflictError)) throw error;
  const errors = fieldErrors(error.details);
  return { status: presentError(error).body.statusCode, errors: Object.keys(errors).length > 0 ? errors : { form: error.message } };
}

/**
 * Every bad field at once: the fields the plugin refused (money it could not read) plus whatever
 * the core's schema says about the rest, checked with placeholders where the plugin already failed.
 */
function withSchemaErrors(schema: Joi.Schema, input: Record<string, unknown>, errors: FieldErrors, placeholders: Record<string, unknown>): FieldErrors {
  const probe = { ...input };
  for (const name of Object.keys(errors)) if (name in placeholders) probe[name] = placeholders[name];
  try {
    validate(schema, probe);
    return errors;
  } catch (error) {
    if (!(error instanceof ValidationFailedError)) throw error;
    return { ...fieldErrors(error.details), ...errors };
  }
}

/** A form with one optional picture, as the plugin read it. */
export interface UploadForm {
  /** The core's schema for `input`. */
  schema: Joi.Schema;
  input: Record<string, unknown>;
  /** The fields the plugin itself already refused. */
  refused: FieldErrors;
  image: Buffer | null;
  /** The picture's field name, in messages and errors. */
  imageField: string;
  /** Valid stand-ins for the fields the plugin can refuse, so the schema reports only the others. */
  placeholders: Record<string, unknown>;
}

/**
 * The errors to show before asking the core: none when the plugin refused nothing and the picture
 * is fine; else every bad field at once (the refused ones, the picture, the schema's on the rest).
 */
export function uploadFormErrors(form: UploadForm): FieldErrors {
  const errors: FieldErrors = { ...form.refused };
  try {
    if (form.image) checkImage(form.image, form.imageField);
  } catch (error) {
    Object.assign(errors, formProblem(error).errors);
  }
  if (Object.keys(errors).length === 0) return {};
  return withSchemaErrors(form.schema, form.input, errors, form.placeholders);
}

/** A re-rendered form's `values` and `errors` props, each only when given. */
export function formProps<V>(extra: { values?: V; errors?: FieldErrors }): { values?: V; errors?: FieldErrors } {
  return { ...(extra.values ? { values: extra.values } : {}), ...(extra.errors ? { errors: extra.errors } : {}) };
}
