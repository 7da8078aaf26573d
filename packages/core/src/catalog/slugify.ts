/** A UUID as ids are written (any version): the shape a slug must never have. */
export const uuidShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The longest slug made from a name; a suffix (`-2`) may add a few characters. */
export const maxMadeSlugLength = 72;

/**
 * The readable link part for a product name: lowercase letters and digits of any script (a
 * Hindi name keeps its Devanagari; browsers show it as typed), runs of anything else become one
 * hyphen. Latin accents are dropped (`Crème` → `creme`). A name with nothing usable gives `product`.
 */
export function slugify(name: string): string {
  const latin = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const hyphenated = latin
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{Ll}\p{Lo}\p{M}\p{N}]+/gu, '-');
  // Cut by code points, so a letter outside the BMP is never split in half.
  const slug = Array.from(hyphenated).slice(0, maxMadeSlugLength).join('').replace(/^-+|-+$/g, '');
  if (slug === '') return 'product';
  // A slug never looks like an id: product links by id (from before slugs) must keep meaning the id.
  return uuidShape.test(slug) ? `${slug}-p` : slug;
}

/** The first of `base`, `base-2`, `base-3`, … that is not in `taken`. */
export function freeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
