import Joi from 'joi';
import { locales } from '../i18n/locales.js';

/** A language of ours ('en' or 'hi'): a store's default for its customers, or a vendor's own. */
export const localeField = Joi.string()
  .valid(...locales)
  .label('Language')
  .messages({ 'any.only': '{#label} must be en (English) or hi (Hindi)', 'string.base': '{#label} must be en (English) or hi (Hindi)' });
