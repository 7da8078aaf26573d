import Joi from 'joi';
import { emailField, phoneField, textField } from '../shared/fields.js';
import type { Locale } from '../i18n/locales.js';
import { localeField } from '../shared/locale-field.js';
import { newPasswordField } from '../vendors/password-policy.js';

// One schema per account form, shared with the HTTP layer (joi route validation) like the others.

export interface PasswordResetRequestInput {
  email: string;
}

export interface PasswordResetInput {
  token: string;
  password: string;
}

export interface PasswordChangeInput {
  currentPassword: string;
  newPassword: string;
}

export interface EmailChangeInput {
  email: string;
  currentPassword: string;
}

export interface EmailConfirmInput {
  token: string;
}

export interface AccountUpdateInput {
  locale: Locale;
}

/** What PATCH /api/v1/me changes at once: the language, or the email (confirmed by mail), or both. */
export interface AccountPatchInput {
  locale?: Locale;
  email?: string;
  currentPassword?: string;
}

export interface CloseAccountInput {
  password: string;
}

/** Exactly one of the two: the customer as the orders know them. */
export type CustomerEraseInput = { phone: string; email?: undefined } | { email: string; phone?: undefined };

/** A token from a mailed link; tokens are 43 characters, anything much longer is not one of ours. */
export const linkTokenField = textField.min(1).max(128).label('Link token');

/** A password typed to prove who is asking: checked against the stored hash only, like a login. */
const currentPasswordField = textField.min(1).max(200);

export const passwordResetRequestSchema = Joi.object<PasswordResetRequestInput>({
  email: emailField.required(),
});

export const passwordResetSchema = Joi.object<PasswordResetInput>({
  token: linkTokenField.required(),
  password: newPasswordField.label('New password').required(),
});

export const passwordChangeSchema = Joi.object<PasswordChangeInput>({
  currentPassword: currentPasswordField.label('Current password').required(),
  newPassword: newPasswordField.label('New password').required(),
});

export const emailChangeSchema = Joi.object<EmailChangeInput>({
  email: emailField.label('New email').required(),
  currentPassword: currentPasswordField.label('Current password').required(),
});

export const emailConfirmSchema = Joi.object<EmailConfirmInput>({
  token: linkTokenField.required(),
});

/** The vendor's own settings that change at once (no password needed: nothing here is a credential). */
export const accountUpdateSchema = Joi.object<AccountUpdateInput>({
  locale: localeField.label('Your language').required(),
});

/**
 * The body of PATCH /api/v1/me: `locale` alone changes the language; `email` (with
 * `currentPassword`) starts an email change as emailChangeSchema does, with or without `locale`.
 * Without either, the email is what is missing (the route's older, email-only use).
 */
export const accountPatchSchema = Joi.object<AccountPatchInput>({
  locale: localeField.label('Your language'),
  email: emailField.label('New email').when('locale', { not: Joi.exist(), then: Joi.required() }),
  currentPassword: currentPasswordField.label('Current password').when('email', { is: Joi.exist(), then: Joi.required() }),
});

export const closeAccountSchema = Joi.object<CloseAccountInput>({
  password: currentPasswordField.label('Password').required(),
});

/** An empty field counts as not given, so a form with both inputs can leave one blank. */
export const customerEraseSchema = Joi.object<CustomerEraseInput>({
  phone: phoneField.empty(''),
  email: emailField.empty(''),
})
  .xor('phone', 'email')
  .messages({
    'object.missing': 'Give the customer\'s phone or email',
    'object.xor': 'Give the customer\'s phone or email, not both',
  });
