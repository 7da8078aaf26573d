import Joi from 'joi';
import { validate } from '../shared/validate.js';
import { newPasswordField } from '../vendors/password-policy.js';

/**
 * Checks a new password against the policy with the account's email as context (`priya2024`
 * for priya@…), which the input itself does not carry; ValidationFailedError on `path`. The
 * input's own schema has already applied every other rule.
 */
export function checkNewPassword(password: string, email: string, path: string, label: string): void {
  validate(Joi.object({ [path]: newPasswordField.label(label), email: Joi.string() }), { [path]: password, email });
}
