import type { CoreContext } from '../context.js';
import { NotFoundError } from '../errors.js';
import { isWellFormedSlug } from '../shared/fields.js';
import type { SlugResolution } from '../vendors/store-repository.js';

/** Slug lookups change only on signup or a slug change, both of which delete the entry. */
const slugTtlMs = 10 * 60_000;
/** Unknown slugs are remembered briefly so a flood of bad links does not reach the database. */
const missingSlugTtlMs = 10_000;

/** Resolves a current or earlier slug, cache first; NotFoundError when no store ever had it. */
export async function resolveStoreSlug(context: CoreContext, slug: string): Promise<SlugResolution> {
  // A slug no store can have (NUL bytes, odd characters, any length) never reaches the cache or the database.
  if (!isWellFormedSlug(slug)) throw new NotFoundError('No store at this link');
  const resolution = await context.storeCache.slug<SlugResolution | false>(
    slug,
    async () => (await context.persistence.stores.resolveSlug(slug)) ?? false,
    (found) => (found ? slugTtlMs : missingSlugTtlMs),
  );
  if (!resolution) throw new NotFoundError('No store at this link');
  return resolution;
}
