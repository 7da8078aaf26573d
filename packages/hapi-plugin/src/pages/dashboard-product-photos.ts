import type { Request, ResponseToolkit, RouteOptions, ServerRoute } from '@hapi/hapi';
import { maxImagesPerProduct, toPublicImage, type Product } from '@dukaan-kit/core';
import type { FieldErrors } from '@dukaan-kit/storefront-ui';
import { maxPhotosUploadBytes, uploadedFiles } from '../routes/product-images.js';
import type { Runtime } from '../runtime.js';
import { vendorPage } from './context.js';
import { formProblem } from './dashboard-forms.js';
import { idOf, orNotFound, privateHtml, storeIdOf } from './dashboard-page.js';
import { pageRoute, seeOther } from './define.js';
import { field } from './forms.js';

const productGone = 'This product does not exist, or it belongs to another store.';
const photoGone = 'This photo is already gone, or it belongs to another store.';

const photosPath = (id: string) => `/dashboard/products/${id}/photos`;

function ownProduct(runtime: Runtime, request: Request): Promise<Product> {
  return orNotFound(runtime.dukaan.catalog.getProduct(storeIdOf(request), idOf(request, productGone)), productGone);
}

async function photosPage(runtime: Runtime, request: Request, h: ResponseToolkit, product: Product, status = 200, errors: FieldErrors = {}) {
  const { ctx } = await vendorPage(runtime, request, h);
  const photos = product.images.map((image) => ({ key: image.key, picture: toPublicImage(image) }));
  return privateHtml(h, { page: 'product-photos', props: { ctx, product: { id: product.id, name: product.name }, photos, maxPhotos: maxImagesPerProduct, errors } }, status);
}

async function uploadPhotos(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const product = await ownProduct(runtime, request);
  const files = uploadedFiles(request.payload, 'files');
  if (files.length === 0) return photosPage(runtime, request, h, product, 400, { files: 'Choose one or more photos to upload' });
  try {
    await orNotFound(runtime.dukaan.catalog.addProductImages(storeIdOf(request), product.id, files, 'files'), productGone);
  } catch (error) {
    const problem = formProblem(error);
    return photosPage(runtime, request, h, product, problem.status, problem.errors);
  }
  return seeOther(runtime, h, `${photosPath(product.id)}?done=created`);
}

/** The new order after one move: the cover first, or one step earlier or later. */
function moved(keys: string[], key: string, move: string): string[] | null {
  const at = keys.indexOf(key);
  if (at < 0) return null;
  const order = [...keys];
  const swap = (a: number, b: number) => {
    if (a < 0 || b < 0 || a >= order.length || b >= order.length) return;
    [order[a], order[b]] = [order[b] as string, order[a] as string];
  };
  if (move === 'cover') return [key, ...keys.filter((k) => k !== key)];
  if (move === 'earlier') swap(at - 1, at);
  else if (move === 'later') swap(at, at + 1);
  else return null;
  return order;
}

async function arrangePhotos(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const product = await ownProduct(runtime, request);
  const order = moved(
    product.images.map((image) => image.key),
    field(request.payload, 'key'),
    field(request.payload, 'move'),
  );
  // A stale page (the photo deleted in another tab) or a hand-made post: show the photos as they are.
  if (!order) return photosPage(runtime, request, h, product, 409, { form: 'That photo is no longer on this product. Here are its photos as they are now.' });
  await orNotFound(runtime.dukaan.catalog.reorderProductImages(storeIdOf(request), product.id, order), productGone);
  return seeOther(runtime, h, `${photosPath(product.id)}?done=saved`);
}

async function deletePhoto(runtime: Runtime, request: Request, h: ResponseToolkit) {
  const product = await ownProduct(runtime, request);
  const key = field(request.payload, 'key');
  if (!product.images.some((image) => image.key === key)) return photosPage(runtime, request, h, product, 404, { form: photoGone });
  await orNotFound(runtime.dukaan.catalog.removeProductImage(storeIdOf(request), product.id, key), photoGone);
  return seeOther(runtime, h, `${photosPath(product.id)}?done=deleted`);
}

/** The photos of one product: upload several at once, reorder, choose the cover, delete. */
export function dashboardProductPhotoRoutes(runtime: Runtime): ServerRoute[] {
  return [
    pageRoute(runtime, {
      method: 'GET',
      path: '/dashboard/products/{id}/photos',
      auth: 'vendor',
      handler: async (request, h) => photosPage(runtime, request, h, await ownProduct(runtime, request)),
    }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/products/{id}/photos', auth: 'vendor', body: 'photos', handler: (request, h) => uploadPhotos(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/products/{id}/photos/arrange', auth: 'vendor', handler: (request, h) => arrangePhotos(runtime, request, h) }),
    pageRoute(runtime, { method: 'POST', path: '/dashboard/products/{id}/photos/delete', auth: 'vendor', handler: (request, h) => deletePhoto(runtime, request, h) }),
  ];
}
