import Joi from 'joi';
import { emailField, phoneField, slugField, textField } from '../shared/fields.js';
import type { Locale } from '../i18n/locales.js';
import { localeField } from '../shared/locale-field.js';
import { newPasswordField } from './password-policy.js';

export interface SignUpInput {
  email: string;
  password: string;
  storeName: string;
  slug?: string;
  phone?: string | null;
  /** The vendor's language and their store's customers' (both change apart later); default 'en'. */
  locale?: Locale;
}

export interface LogInInput {
  email: string;
  password: string;
}

export interface ApiTokenInput {
  name: string;
}

/** A store's name, also used by the store settings. */
export const storeNameField = textField.trim().min(1).max(80).label('Store name');

export const signUpSchema = Joi.object<SignUpInput>({
  email: emailField.required(),
  password: newPasswordField.required(),
  storeName: storeNameField.required(),
  slug: slugField,
  phone: phoneField.allow(null),
  locale: localeField,
});

export const logInSchema = Joi.object<LogInInput>({
  email: emailField.required(),
  // Checked against the stored hash only: old passwords from before a policy change still log in.
  password: textField.min(1).max(200).label('Password').required(),
});

export const apiTokenSchema = Joi.object<ApiTokenInput>({
  name: textField.trim().min(1).max(60).label('Token name').required(),
});
