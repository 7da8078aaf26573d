import Joi from 'joi';
import { slugField } from '@dukaan-kit/core';

/**
 * Path parameters. Ids and tokens are printable ASCII (a NUL byte or a control character is a 400
 * here, never a database error); whether one names a record is core's answer (404).
 */
const opaque = Joi.string().max(64).pattern(/^[\x21-\x7e]+$/, 'printable characters');

export const idParams = Joi.object({ id: opaque.required() });
/** Core's own slug rules, so the API and the pages agree on what a store link can be. */
export const slugParams = Joi.object({ slug: slugField.required() });
export const trackingParams = Joi.object({ slug: slugField.required(), token: opaque.required() });
