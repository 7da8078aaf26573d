import { randomBytes } from 'node:crypto';
import { reservedSlugs, slugMinLength, slugPattern } from '../shared/fields.js';

/** A URL-safe slug from a store name ("Priya's Kitchen!" -> "priyas-kitchen"), or '' when nothing is left. */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f']/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
}

/** The slug a new store gets from its name, or a random one when the name gives nothing usable. */
export function suggestedSlug(storeName: string): string {
  const base = slugify(storeName);
  const usable = base.length >= slugMinLength && slugPattern.test(base) && !reservedSlugs.has(base);
  return usable ? base : `store-${randomBytes(3).toString('hex')}`;
}

/** The slugs to try in turn: the chosen one only, or the derived one and three suffixed variants. */
export function slugCandidates(storeName: string, chosen: string | undefined): string[] {
  if (chosen) return [chosen];
  const base = suggestedSlug(storeName);
  return [base, ...[1, 2, 3].map(() => `${base}-${randomBytes(2).toString('hex')}`)];
}
