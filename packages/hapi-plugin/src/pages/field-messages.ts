import type { FieldError } from '@dukaan-kit/core';
import type { MessageKey } from '@dukaan-kit/storefront-ui';

/** A catalogue message (messages/forms.ts of storefront-ui) and its values. */
export interface FieldMessage {
  key: MessageKey;
  values?: Record<string, string | number>;
}

type Kind =
  | 'required'
  | 'tooShort'
  | 'tooLong'
  | 'exactLength'
  | 'email'
  | 'number'
  | 'wholeNumber'
  | 'atLeast'
  | 'atMost'
  | 'choose'
  | 'format'
  | 'invisible'
  | 'phone'
  | 'link'
  | 'date'
  | 'unknownId'
  | 'slug.format'
  | 'slug.reserved'
  | 'slug.taken'
  | 'email.taken'
  | 'password.blank'
  | 'password.common'
  | 'password.repetitive'
  | 'password.sequential'
  | 'password.context';

/**
 * The kinds of problem core's texts name, by the end of the text. Core's FieldError carries the
 * text only (joi's type stays inside core), and core writes every text from joi's templates or its
 * own `.messages()` after the field's label, so the part after the label says which rule failed.
 * `limit` is the number the rule names.
 */
const kinds: ReadonlyArray<readonly [RegExp, Kind]> = [
  [/ is not allowed to be empty$/, 'required'],
  [/ is required$/, 'required'],
  [/ length must be at least (\d+) characters? long$/, 'tooShort'],
  [/ length must be less than or equal to (\d+) characters? long$/, 'tooLong'],
  [/ length must be (\d+) characters? long$/, 'exactLength'],
  [/ must be a valid email$/, 'email'],
  [/ must be a number$/, 'number'],
  [/ must be an integer$/, 'wholeNumber'],
  [/ must be greater than or equal to (-?[\d.]+)$/, 'atLeast'],
  [/ must be greater than (-?[\d.]+)$/, 'atLeast'],
  [/ must be less than or equal to (-?[\d.]+)$/, 'atMost'],
  [/ must be less than (-?[\d.]+)$/, 'atMost'],
  [/ must be one of /, 'choose'],
  [/ must be a valid date$/, 'date'],
  [/ must not contain NUL bytes$/, 'invisible'],
  [/ may use only a-z, 0-9 and single hyphens between them$/, 'slug.format'],
  [/ is reserved; choose another$/, 'slug.reserved'],
  [/^This store link is already taken$/, 'slug.taken'],
  [/^This email is already registered$/, 'email.taken'],
  [/ must be a 10-digit mobile number/, 'phone'],
  [/ must be an http\(s\) address/, 'link'],
  [/ is not a valid id$/, 'unknownId'],
  [/ cannot be only spaces or invisible characters$/, 'password.blank'],
  [/ is one of the most commonly used passwords/, 'password.common'],
  [/ repeats one character or a short pattern/, 'password.repetitive'],
  [/ is a sequence \(like/, 'password.sequential'],
  [/ is built on this site's name or your email address/, 'password.context'],
  [/ fails to match the (?:required|\w+) pattern/, 'format'],
];

/** Messages said in a field's own words where a person meets that field first (keys `forms.error.<field>.<kind>`). */
const ownWords: Readonly<Record<string, ReadonlySet<string>>> = {
  email: new Set(['required', 'taken']),
  password: new Set(['required', 'tooShort', 'blank', 'common', 'repetitive', 'sequential', 'context']),
  newPassword: new Set(['tooShort']),
  storeName: new Set(['required']),
  slug: new Set(['format', 'reserved', 'taken']),
};

/** Field names that say the same thing as a catalogue's field (a new password is a password). */
const sameAs: Readonly<Record<string, string>> = { newPassword: 'password' };

const examples: Partial<Record<string, string>> = { email: 'name@example.com', 'slug.format': 'chai-corner' };

/** The catalogue message for one of core's field errors, or null for a text of a kind not known here. */
export function fieldMessage(detail: FieldError): FieldMessage | null {
  for (const [pattern, kind] of kinds) {
    const match = pattern.exec(detail.message);
    if (!match) continue;
    const values: Record<string, string | number> = {};
    if (match[1] !== undefined) values['limit'] = Number(match[1]);
    const example = examples[kind];
    if (example) values['example'] = example;
    return { key: keyOf(detail.path, kind), values };
  }
  return null;
}

function keyOf(path: string, kind: Kind): MessageKey {
  // A dotted kind names its subject ("slug.format"); any other is about the field it is on.
  const [subject, rule] = kind.includes('.') ? (kind.split('.') as [string, string]) : [path.split('.').pop() ?? path, kind];
  // Own keys only: a path named like Object's members (`constructor`) is no field of ours.
  if (Object.hasOwn(ownWords, subject) && ownWords[subject]!.has(rule)) return `forms.error.${Object.hasOwn(sameAs, subject) ? sameAs[subject] : subject}.${rule}` as MessageKey;
  return `forms.error.${kind}` as MessageKey;
}
