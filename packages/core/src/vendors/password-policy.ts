import { dictionary } from '@zxcvbn-ts/language-common';
import { textField } from '../shared/fields.js';

/**
 * The ~50,000 most common passwords of public breach corpora (zxcvbn's list). NIST SP 800-63B
 * asks new passwords to be checked against such a list rather than against composition rules.
 * Compared case-folded: `Password123` is as guessable as `password123`.
 */
const breachedPasswords: ReadonlySet<string> = new Set(dictionary['passwords-common']);

export function isCommonPassword(password: string): boolean {
  return breachedPasswords.has(password.toLowerCase());
}

/** A password being chosen: 8-200 characters, not only spaces, not a commonly breached one. Never trimmed. */
export const newPasswordField = textField
  .min(8)
  .max(200)
  .custom((value: string, helpers) => {
    if (value.trim() === '') return helpers.error('password.blank');
    if (isCommonPassword(value)) return helpers.error('password.common');
    return value;
  })
  .label('Password')
  .messages({
    'password.blank': '{#label} cannot be only spaces',
    'password.common': '{#label} is one of the most commonly used passwords, which attackers try first; choose another',
  });
