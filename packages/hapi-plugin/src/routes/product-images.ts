import type { Request, ResponseToolkit, ServerRoute } from '@hapi/hapi';
import Joi from 'joi';
import { maxImageBytes, maxImagesPerProduct, toVendorProductView, ValidationFailedError } from '@dukaan-kit/core';
import { principalOf, type Runtime } from '../runtime.js';
import { apiRoute } from './define.js';
import { idParams } from './params.js';
import { imageBody, productBody } from './response-schemas.js';

/** Room for multipart boundaries and headers around one 5 MB image. */
export const maxUploadBytes = maxImageBytes + 64 * 1024;
/** A product's whole allowance of photos in one request, with room for the multipart framing. */
export const maxPhotosUploadBytes = maxImagesPerProduct * maxImageBytes + 64 * 1024;

/** The bytes of a multipart file field, or a VALIDATION_FAILED naming the field. */
export function uploadedFile(payload: unknown, field: string): Buffer {
  const [first] = uploadedFiles(payload, field);
  if (!first) throw missingFile(field);
  return first;
}

function missingFile(field: string): ValidationFailedError {
  return new ValidationFailedError('The image was not accepted', [{ path: field, message: `send the image as multipart form field "${field}"` }]);
}

/**
 * Every file of a multipart field that may repeat (`file`, `file`, …), in order. A part hapi
 * parsed as text (a declared text type) comes back as bytes too, so the core's content check
 * refuses it by what it is; empty parts (a file input left empty) are skipped.
 */
export function uploadedFiles(payload: unknown, field: string): Buffer[] {
  const value = payload && typeof payload === 'object' && !Buffer.isBuffer(payload) ? (payload as Record<string, unknown>)[field] : undefined;
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values
    .map((v) => (Buffer.isBuffer(v) ? v : typeof v === 'string' ? Buffer.from(v) : v && typeof v === 'object' && Object.keys(v).length > 0 ? Buffer.from(JSON.stringify(v)) : null))
    .filter((v): v is Buffer => v !== null && v.length > 0);
}

const orderPayload = Joi.object({
  images: Joi.array()
    .items(Joi.string().max(2000).label('Image'))
    .min(1)
    .max(50)
    .required()
    .label('Images')
    .description('Image URLs (as the product lists them); these come first in this order, the others follow. The first is the cover.'),
});
const removeQuery = Joi.object({ url: Joi.string().max(2000).required().label('Image URL') });

/** The handlers of the product image routes. */
function imageHandlers(runtime: Runtime) {
  const { catalog, stores } = runtime.dukaan;
  const storeOf = (request: Request) => principalOf(request).storeId;
  const idOf = (request: Request) => request.params.id as string;
  const present = async (request: Request, product: Parameters<typeof toVendorProductView>[0]) => toVendorProductView(product, (await stores.get(storeOf(request))).currency);
  return {
    async add(request: Request, h: ResponseToolkit) {
      const files = uploadedFiles(request.payload, 'file');
      if (files.length === 0) throw missingFile('file');
      const before = await catalog.getProduct(storeOf(request), idOf(request));
      const product = await catalog.addProductImages(storeOf(request), idOf(request), files, 'file');
      const urls = product.images.slice(before.images.length).map((image) => image.url);
      return h.response({ url: urls[0] ?? '', urls }).code(201);
    },
    async reorder(request: Request) {
      try {
        return await present(request, await catalog.reorderProductImages(storeOf(request), idOf(request), (request.payload as { images: string[] }).images));
      } catch (error) {
        // The core calls the list `keys`; here it is the body's `images`.
        if (error instanceof ValidationFailedError) throw new ValidationFailedError(error.message, error.details.map((d) => (d.path === 'keys' ? { ...d, path: 'images' } : d)));
        throw error;
      }
    },
    async remove(request: Request, h: ResponseToolkit) {
      await catalog.removeProductImage(storeOf(request), idOf(request), (request.query as { url: string }).url);
      return h.response().code(204);
    },
  };
}

const noSuchProduct = { 404: 'NOT_FOUND: no such product (or image) in this store' };
const uploadPayload = { allow: 'multipart/form-data', multipart: { output: 'data' }, output: 'data', parse: true, maxBytes: maxPhotosUploadBytes } as const;

/** A product's photos: upload (several at once), reorder (first is the cover), remove. */
export function productImageRoutes(runtime: Runtime): ServerRoute[] {
  const handle = imageHandlers(runtime);
  return [
    apiRoute({
      method: 'POST',
      path: '/api/v1/products/{id}/images',
      description: `Upload photos (multipart field "file", repeated for several: JPEG, PNG or WebP, at most 5 MB each, ${maxImagesPerProduct} a product). Each is turned upright, stripped of EXIF and GPS, and stored at about 200, 480 and 960 px as WebP and JPEG. All or none.`,
      auth: true,
      responses: { ok: { 201: { description: 'The URL of the first new photo and of each (the largest JPEG)', body: imageBody } }, errors: noSuchProduct },
      params: idParams,
      payloadOptions: uploadPayload,
      handler: handle.add,
    }),
    apiRoute({
      method: 'PUT',
      path: '/api/v1/products/{id}/images',
      description: 'Reorder the photos: the listed URLs first, in that order; the first is the cover',
      auth: true,
      responses: { ok: { 200: { description: 'The product', body: productBody } }, errors: noSuchProduct },
      params: idParams,
      payload: orderPayload,
      handler: handle.reorder,
    }),
    apiRoute({
      method: 'DELETE',
      path: '/api/v1/products/{id}/images',
      description: 'Remove one photo (by its URL) and every stored size of it; variants showing it show the cover',
      auth: true,
      responses: { ok: { 204: { description: 'Removed', body: null } }, errors: noSuchProduct },
      params: idParams,
      query: removeQuery,
      handler: handle.remove,
    }),
  ];
}
