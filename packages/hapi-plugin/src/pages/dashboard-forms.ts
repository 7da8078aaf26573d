import type Joi from 'joi';
import { ConflictError, ValidationFailedError, checkImage, validate } from '@dukaan-kit/core';
import type { FieldErrors } from '@dukaan-kit/storefront-ui';
import { fieldErrors } from './forms.js';

/** A form's problem that the core reported: field errors (and `form` for the rest), or rethrown. */
export function formProblem(error: unknown): { status: number; errors: FieldErrors } {
  const status = error instanceof ValidationFailedError ? 400 : error instanceof ConflictError ? 409 : null;
  if (status === null) throw error;
  const { details, message } = error as ValidationFailedError | ConflictError;
  const errors = fieldErrors(details);
  return { status, errors: Object.keys(errors).length > 0 ? errors : { form: message } };
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
