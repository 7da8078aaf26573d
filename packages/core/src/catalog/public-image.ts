import type { PublicImage } from '../storefront/store-view.js';
import type { ImageRendition, ProductImage } from './product.js';

function srcset(renditions: ImageRendition[], pick: (r: ImageRendition) => string): string {
  return renditions.map((r) => `${pick(r)} ${r.width}w`).join(', ');
}

/** An image as pages show it: its main URL and size, and a `srcset` per format. */
export function toPublicImage(image: ProductImage): PublicImage {
  return {
    url: image.url,
    width: image.width,
    height: image.height,
    srcsetWebp: srcset(image.renditions, (r) => r.webpUrl),
    srcsetJpeg: srcset(image.renditions, (r) => r.jpegUrl),
  };
}
