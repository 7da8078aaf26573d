import type { Request, ResponseObject, ResponseToolkit } from '@hapi/hapi';
import { NotFoundError, isWellFormedSlug, reservedSlugs, type ProductPageData, type SlugResolution, type StoreView as CoreStoreView } from '@dukaan-kit/core';
import type { Runtime } from '../runtime.js';
import { notFound } from './define.js';

const noShop = 'There is no shop at this link. Please check the address you were sent.';

export interface ResolvedStore {
  view: CoreStoreView;
  currentSlug: string;
}

export function slugOf(request: Request): string {
  return request.params['slug'] as string;
}

/**
 * The public view of the store behind a current or earlier slug; the friendly 404 for anything
 * else, including what core's slug rules refuse (NUL bytes, odd characters), which never reaches
 * the database.
 */
export async function resolveStore(runtime: Runtime, slug: string): Promise<ResolvedStore> {
  // Core's slug rules as a plain predicate: this runs on every store page view, the hot path.
  if (!isWellFormedSlug(slug) || reservedSlugs.has(slug)) throw notFound(noShop);
  try {
    return await runtime.dukaan.storefront.view(slug);
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound(noShop);
    throw error;
  }
}

/** 301 from an earlier slug to the same page under the current one (query kept). */
export function movedTo(runtime: Runtime, request: Request, h: ResponseToolkit, currentSlug: string): ResponseObject {
  const rest = request.url.pathname.slice(`${runtime.prefix}/`.length).split('/').slice(1);
  const path = [currentSlug, ...rest].join('/');
  return h.redirect(`${runtime.prefix}/${path}${request.url.search}`).code(301);
}

/** The store of a GET page, or the 301 to its current slug. */
export async function storeForPage(runtime: Runtime, request: Request, h: ResponseToolkit): Promise<ResolvedStore | ResponseObject> {
  const resolved = await resolveStore(runtime, slugOf(request));
  return resolved.currentSlug === slugOf(request) ? resolved : movedTo(runtime, request, h, resolved.currentSlug);
}

/**
 * The id of the store behind this page's current slug, or the 301 to its current slug; the
 * friendly 404 for anything else. Reads no store data (the slug lookup only), so a page that
 * is cached can be answered before the store's view, which for a big store fits no cache layer.
 */
export async function storeIdForPage(runtime: Runtime, request: Request, h: ResponseToolkit): Promise<string | ResponseObject> {
  const slug = slugOf(request);
  if (!isWellFormedSlug(slug) || reservedSlugs.has(slug)) throw notFound(noShop);
  let resolution: SlugResolution;
  try {
    resolution = await runtime.dukaan.storefront.resolveSlug(slug);
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound(noShop);
    throw error;
  }
  return resolution.currentSlug === slug ? resolution.storeId : movedTo(runtime, request, h, resolution.currentSlug);
}

/** The public view of the store storeIdForPage found at this page's (current) slug; the friendly 404 if it went since. */
export async function viewForPage(runtime: Runtime, request: Request, storeId: string): Promise<ResolvedStore> {
  try {
    return { view: await runtime.dukaan.storefront.viewById(storeId), currentSlug: slugOf(request) };
  } catch (error) {
    if (error instanceof NotFoundError) throw notFound(noShop);
    throw error;
  }
}

export function isResolved(value: ResolvedStore | ResponseObject): value is ResolvedStore {
  return 'view' in value && 'currentSlug' in value;
}

/** A product link's answer: the product page's data, or the store alone when the link names no product of it. */
export type ProductLookup = ({ found: true } & ProductPageData) | ({ found: false } & ResolvedStore);

/**
 * The product page's data for a current or earlier store slug and a product's current slug, an
 * earlier slug or its id; the friendly 404 when the store is not there, and the store alone when
 * the product is not (its page is then the store's own 404: its header and a way back to its products).
 */
export async function resolveProduct(runtime: Runtime, slug: string, ref: string): Promise<ProductLookup> {
  const resolved = await resolveStore(runtime, slug);
  try {
    return { found: true, ...(await runtime.dukaan.storefront.product(slug, ref)) };
  } catch (error) {
    if (error instanceof NotFoundError) return { found: false, ...resolved };
    throw error;
  }
}
