import type { Repositories } from '../../persistence.js';
import { newId } from '../../shared/id.js';
import type { Category } from '../category.js';
import { newProduct } from '../create-product.js';
import type { Product, ProductVariant } from '../product.js';
import type { ProductPatch } from '../product-repository.js';
import type { VariantInput } from '../schemas.js';
import { freeSlug, slugify } from '../slugify.js';
import { planVariants } from '../variant-rules.js';
import { underRules, type ProductDraft } from './draft-product.js';
import type { ImportError } from './import-result.js';

const variantKey = (v: ProductVariant) => [v.id, v.options, v.price, v.compareAtPrice, v.stock, v.sku, v.active, v.imageKey, v.position];

/**
 * Whether a patch leaves the product as it is: re-importing an export after changing a few rows
 * then writes only those products (an update is several statements per product).
 */
function changesNothing(before: Product, patch: ProductPatch): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return (
    patch.slug === undefined &&
    patch.name === before.name &&
    patch.description === before.description &&
    patch.active === before.active &&
    patch.categoryId === before.categoryId &&
    (patch.options === undefined || same(patch.options, before.options)) &&
    (patch.variants === undefined || same(patch.variants.map(variantKey), before.variants.map(variantKey)))
  );
}

/** The writes an import makes, in order; nothing when `errors` has any. */
export interface ImportPlan {
  categories: Category[];
  /** Products that give up a SKU another product in the file takes: cleared first, so the unique index never sees it twice. */
  releases: Array<{ id: string; variants: ProductVariant[] }>;
  creates: Product[];
  updates: Array<{ id: string; patch: ProductPatch }>;
  /** Products the file matched that it leaves exactly as they are (counted as updated, not written). */
  unchanged: number;
  errors: ImportError[];
}

type Catalogue = Pick<Repositories, 'products' | 'categories'>;

const sameCombination = (a: Record<string, string>, b: Record<string, string>) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => Object.entries(b).some(([name, value]) => name.toLowerCase() === k.toLowerCase() && value.toLowerCase() === (a[k] ?? '').toLowerCase()));
};

/** The SKUs a draft sells, each with the row it is on. */
function skusOf(draft: ProductDraft): Array<{ sku: string; row: number }> {
  if (draft.input.variants) {
    return draft.input.variants.flatMap((v, i) => (v.sku ? [{ sku: v.sku, row: draft.variantRows[i]?.row ?? draft.first.row }] : []));
  }
  return draft.input.sku ? [{ sku: draft.input.sku, row: draft.first.row }] : [];
}

/**
 * The existing product each draft changes: the one whose current link is the draft's handle,
 * else the one that owns the draft's SKUs (when they all belong to one product no other draft
 * took). Null: a new product.
 */
function matchTargets(drafts: ProductDraft[], existing: Product[], errors: ImportError[]): Array<Product | null> {
  const bySlug = new Map(existing.map((p) => [p.slug, p]));
  const skuOwner = new Map(existing.flatMap((p) => p.variants.flatMap((v) => (v.sku ? [[v.sku, p] as const] : []))));
  const targets: Array<Product | null> = drafts.map((d) => (d.handle === null ? null : (bySlug.get(d.handle) ?? null)));
  const taken = new Map<string, ProductDraft>();
  targets.forEach((target, i) => target && taken.set(target.id, drafts[i] as ProductDraft));
  drafts.forEach((draft, i) => {
    if (targets[i]) return;
    const owners = new Map<string, { product: Product; row: number }>();
    for (const { sku, row } of skusOf(draft)) {
      const owner = skuOwner.get(sku);
      if (owner && !taken.has(owner.id) && !owners.has(owner.id)) owners.set(owner.id, { product: owner, row });
    }
    if (owners.size > 1) {
      const [a, b] = [...owners.values()];
      errors.push({ row: b!.row, column: 'sku', message: `The SKUs of this product belong to two products in the store ("${a!.product.slug}" and "${b!.product.slug}"); give the handle of the one to change` });
      return;
    }
    const only = [...owners.values()][0];
    if (only) {
      targets[i] = only.product;
      taken.set(only.product.id, draft);
    }
  });
  return targets;
}

/**
 * Every SKU in the file once, and none owned by a product the file leaves alone (those keep
 * theirs). Returns, per product the file changes, the SKUs it must give up first.
 */
function checkSkus(drafts: ProductDraft[], targets: Array<Product | null>, existing: Product[], errors: ImportError[]): Map<string, Set<string>> {
  const changed = new Set(targets.flatMap((t) => (t ? [t.id] : [])));
  const skuOwner = new Map(existing.flatMap((p) => p.variants.flatMap((v) => (v.sku ? [[v.sku, p] as const] : []))));
  const seen = new Map<string, number>();
  const releases = new Map<string, Set<string>>();
  drafts.forEach((draft, i) => {
    for (const { sku, row } of skusOf(draft)) {
      const twin = seen.get(sku);
      if (twin !== undefined) errors.push({ row, column: 'sku', message: `SKU ${sku} is also on row ${twin}; each variant needs its own` });
      seen.set(sku, row);
      const owner = skuOwner.get(sku);
      if (!owner || owner.id === targets[i]?.id) continue;
      if (!changed.has(owner.id)) {
        errors.push({ row, column: 'sku', message: `SKU ${sku} belongs to "${owner.name}" (${owner.slug}), which this file does not change` });
        continue;
      }
      const set = releases.get(owner.id) ?? new Set<string>();
      set.add(sku);
      releases.set(owner.id, set);
    }
  });
  return releases;
}

/**
 * The links of the drafts: a handle must not be an earlier link of another product (it still
 * leads there); a draft without one gets its name's slug, made free like the product form does.
 * Null for a draft that keeps its product's link.
 */
async function chooseSlugs(catalogue: Catalogue, storeId: string, drafts: ProductDraft[], targets: Array<Product | null>, existing: Product[], errors: ImportError[], progress: (done: number) => void): Promise<Array<string | null>> {
  const reserved = new Set<string>([...existing.map((p) => p.slug), ...drafts.flatMap((d) => (d.handle ? [d.handle] : []))]);
  const slugs: Array<string | null> = [];
  for (const [i, draft] of drafts.entries()) {
    if (i % 200 === 0) progress(i);
    const target = targets[i] ?? null;
    if (draft.handle === null) {
      if (target) {
        slugs.push(null);
        continue;
      }
      const base = slugify(draft.input.name);
      const slug = freeSlug(base, [...reserved, ...(await catalogue.products.slugsLike(storeId, base))]);
      reserved.add(slug);
      slugs.push(slug);
      continue;
    }
    if (target?.slug === draft.handle) {
      slugs.push(null);
      continue;
    }
    // A product's slugs go with it: a store without products has no earlier links to run into.
    const match = existing.length === 0 ? null : await catalogue.products.findSlug(storeId, draft.handle);
    if (match && match.productId !== target?.id) {
      const owner = existing.find((p) => p.id === match.productId);
      errors.push({ row: draft.first.row, column: 'handle', message: `This was the link of "${owner?.name ?? 'another product'}" (now ${owner?.slug ?? 'changed'}) and still leads there; choose another handle` });
    }
    slugs.push(draft.handle);
  }
  return slugs;
}

/** The categories named by the drafts, found by name in any case or made (after the existing ones). */
function resolveCategories(drafts: ProductDraft[], existing: Category[], storeId: string, at: string): { idOf: (name: string | null) => string | null; created: Category[] } {
  const byName = new Map<string, string>();
  for (const category of existing) if (!byName.has(category.name.toLowerCase())) byName.set(category.name.toLowerCase(), category.id);
  let position = existing.reduce((max, c) => Math.max(max, c.position + 1), 0);
  const created: Category[] = [];
  for (const draft of drafts) {
    if (draft.category === null || byName.has(draft.category.toLowerCase())) continue;
    const category: Category = { id: newId(), storeId, name: draft.category, position: position++, createdAt: at, updatedAt: at };
    byName.set(draft.category.toLowerCase(), category.id);
    created.push(category);
  }
  return { idOf: (name) => (name === null ? null : (byName.get(name.toLowerCase()) ?? null)), created };
}

/**
 * The variants of a changed product: a row keeps the variant with its SKU, else the one with
 * its option values (so ids, pictures and past orders stay attached); other rows are new
 * variants and variants without a row are removed.
 */
function keptVariants(draft: ProductDraft, before: Product): VariantInput[] {
  const free = [...before.variants];
  const claim = (variant: ProductVariant | undefined) => {
    if (variant) free.splice(free.indexOf(variant), 1);
    return variant;
  };
  return (draft.input.variants ?? []).map((input) => {
    const earlier = claim(free.find((v) => input.sku && v.sku === input.sku)) ?? claim(free.find((v) => sameCombination(v.options, input.options)));
    return { ...input, ...(earlier ? { id: earlier.id, image: earlier.imageKey } : {}) };
  });
}

/**
 * What an import of `drafts` writes, checked against the store as it is (read through
 * `catalogue`, inside the import's transaction when applying): which products are new and which
 * change, their links, the categories to make, and every conflict placed by row and column.
 */
export async function planImport(catalogue: Catalogue, storeId: string, drafts: ProductDraft[], at: string, progress: (done: number) => void = () => {}): Promise<ImportPlan> {
  const errors: ImportError[] = [];
  const [existing, categories] = await Promise.all([catalogue.products.listAll(storeId), catalogue.categories.list(storeId)]);
  const targets = matchTargets(drafts, existing, errors);
  const releaseSkus = checkSkus(drafts, targets, existing, errors);
  const slugs = await chooseSlugs(catalogue, storeId, drafts, targets, existing, errors, progress);
  const { idOf, created } = resolveCategories(drafts, categories, storeId, at);
  const creates: Product[] = [];
  const updates: ImportPlan['updates'] = [];
  let unchanged = 0;
  drafts.forEach((draft, i) => {
    const target = targets[i];
    const slug = slugs[i] ?? null;
    const categoryId = idOf(draft.category);
    if (!target) {
      const product = underRules(draft, () => newProduct(storeId, { ...draft.input, categoryId }, at), errors);
      if (product) creates.push({ ...product, slug: slug ?? product.slug });
      return;
    }
    const input = draft.input.variants ? { ...draft.input, variants: keptVariants(draft, target) } : draft.input;
    const plan = underRules(draft, () => planVariants(input, target.id, target), errors);
    const { name, description = '', active = true } = draft.input;
    const patch: ProductPatch = { name, description, active, categoryId, ...(slug === null ? {} : { slug }), ...(plan ?? {}) };
    if (plan !== null && changesNothing(target, patch) && !releaseSkus.has(target.id)) unchanged += 1;
    else updates.push({ id: target.id, patch });
  });
  const releases = [...releaseSkus].map(([id, skus]) => {
    const product = existing.find((p) => p.id === id) as Product;
    return { id, variants: product.variants.map((v) => (v.sku !== null && skus.has(v.sku) ? { ...v, sku: null } : v)) };
  });
  return { categories: created, releases, creates, updates, unchanged, errors };
}
