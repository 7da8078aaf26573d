import { createRequire } from 'node:module';
import { textField } from '../shared/fields.js';

let breached: ReadonlySet<string> | null = null;

/**
 * The ~50,000 most common passwords of public breach corpora (zxcvbn's list). NIST SP 800-63B
 * asks new passwords to be checked against such a list, and against repetitive or sequential
 * characters and context-specific words, rather than against composition rules.
 *
 * Loaded at the first password check, not at start: the package holds every zxcvbn word list
 * (about 8 MB of an instance's memory with this set), and an instance that only serves stores
 * never checks a password. Synchronously (the package ships CommonJS), because joi's custom
 * validators are.
 */
function breachedPasswords(): ReadonlySet<string> {
  if (breached === null) {
    const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    breached = new Set(dictionary['passwords-common']);
  }
  return breached;
}

/** Words of this site that attackers try first here. */
const siteWords: readonly string[] = ['dukaankit', 'dukaan'];

/**
 * What the checks ignore: whitespace, control and format characters, every default-ignorable
 * code point (zero-width spaces and joiners, the Hangul fillers, variation selectors) and the
 * blank Braille pattern U+2800, which renders as nothing but is not default-ignorable.
 */
const invisible = /[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800\u3164]/gu;

/**
 * The form of a password the checks look at: NFKC (full-width and other compatibility forms
 * fold to plain letters), invisible characters and whitespace removed, case-folded. The
 * password itself is stored (hashed) exactly as typed.
 */
export function passwordSkeleton(password: string): string {
  return password.normalize('NFKC').replace(invisible, '').toLowerCase();
}

/** The list also holds phrases with inner spaces ("i love you"), which the skeleton drops. */
function isCommonPhrase(password: string): boolean {
  return breachedPasswords().has(password.normalize('NFKC').trim().toLowerCase());
}

export function isCommonPassword(password: string): boolean {
  return breachedPasswords().has(passwordSkeleton(password)) || isCommonPhrase(password);
}

/** One character or a short unit said again and again: `aaaaaaaa`, `abcabcabc`, `12341234`; or at most two distinct characters. */
function isRepetitive(skeleton: string): boolean {
  const chars = Array.from(skeleton);
  if (new Set(chars).size <= 2) return true;
  for (let unit = 1; unit <= chars.length / 2; unit++) {
    if (chars.length % unit !== 0) continue;
    if (chars.every((c, i) => c === chars[i % unit])) return true;
  }
  return false;
}

/** Made only of runs of at least three consecutive characters up or down: `12345678`, `abcdefgh`, `87654321`, `1234abcd`. */
function isSequential(skeleton: string): boolean {
  const codes = Array.from(skeleton, (c) => c.codePointAt(0) as number);
  if (codes.length < 3) return false;
  let start = 0;
  while (start < codes.length) {
    let end = start + 1;
    const step = (codes[end] ?? NaN) - (codes[start] as number);
    if (step !== 1 && step !== -1) return false;
    while (end + 1 < codes.length && (codes[end + 1] as number) - (codes[end] as number) === step) end++;
    if (end - start + 1 < 3) return false;
    start = end + 1;
  }
  return true;
}

type Problem = 'blank' | 'common' | 'repetitive' | 'sequential';

function problemOf(skeleton: string): Problem | null {
  if (skeleton === '') return 'blank';
  if (breachedPasswords().has(skeleton)) return 'common';
  if (isRepetitive(skeleton)) return 'repetitive';
  if (isSequential(skeleton)) return 'sequential';
  return null;
}

/** Whether the password is built on a context word: what is left without it is short or weak. */
function leansOnContext(skeleton: string, words: readonly string[]): boolean {
  for (const word of words) {
    if (word.length < 3 || !skeleton.includes(word)) continue;
    const rest = skeleton.split(word).join('');
    // What is left is short, or only a few digits and symbols (a year, `123!`): the word carries it.
    const weakRest = rest.length < 4 || (/^[\p{N}\p{P}\p{S}]*$/u.test(rest) && rest.length < 7);
    if (weakRest || problemOf(rest) !== null || leansOnContext(rest, words.filter((w) => w !== word))) return true;
  }
  return false;
}

/** The local part of an email as a context word, or nothing when it is too short to mean anything. */
function emailWord(email: unknown): string[] {
  if (typeof email !== 'string') return [];
  const local = passwordSkeleton(email.split('@')[0] ?? '');
  return local.length >= 3 ? [local] : [];
}

/**
 * The reason a new password is refused, or null. `email` (when known, at signup) adds its local
 * part to the context words.
 */
export function passwordProblem(password: string, email?: string): Problem | 'context' | null {
  const skeleton = passwordSkeleton(password);
  if (skeleton !== '' && isCommonPhrase(password)) return 'common';
  const problem = problemOf(skeleton);
  if (problem) return problem;
  if (leansOnContext(skeleton, [...siteWords, ...emailWord(email)])) return 'context';
  return null;
}

/**
 * A password being chosen: 8-200 characters; not blank once invisible characters and spaces are
 * set aside; not a commonly breached one, a repeated pattern, a sequence, or built on the site's
 * name or the email. Never trimmed or changed: the checks look at a normalised copy.
 */
export const newPasswordField = textField
  .min(8)
  .max(200)
  .custom((value: string, helpers) => {
    // At signup the email sits next to the password in the same object.
    const parent = helpers.state.ancestors[0] as { email?: unknown } | undefined;
    const problem = passwordProblem(value, typeof parent?.email === 'string' ? parent.email : undefined);
    return problem ? helpers.error(`password.${problem}`) : value;
  })
  .label('Password')
  .messages({
    'password.blank': '{#label} cannot be only spaces or invisible characters',
    'password.common': '{#label} is one of the most commonly used passwords, which attackers try first; choose another',
    'password.repetitive': '{#label} repeats one character or a short pattern (like "aaaaaaaa" or "abcabcabc"), which is easy to guess; choose another',
    'password.sequential': '{#label} is a sequence (like "12345678" or "abcdefgh"), which is easy to guess; choose another',
    'password.context': '{#label} is built on this site\'s name or your email address, which attackers try first; choose another',
  });
