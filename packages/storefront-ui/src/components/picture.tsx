import type { PublicImage } from '@dukaan-kit/core';

export interface PictureProps {
  image: PublicImage;
  alt: string;
  /** How wide the picture shows, for the browser to pick a width from the `srcset` (e.g. `(min-width: 640px) 30vw, 45vw`). */
  sizes: string;
  /** Above the fold (the first row, the product page's main picture): loaded at once, first. */
  eager?: boolean;
  /** The box for an image stored before resizing, whose size is unknown (CSS crops it to fit). */
  fallbackSize?: number;
  class?: string;
}

/**
 * A product photo: WebP for browsers that take it and JPEG for the rest, each at the stored
 * widths so a phone downloads the 200 or 480 px file, not the 960 px one; width and height
 * always set, so nothing moves as it loads; lazy below the fold, decoded off the main thread.
 * An image stored before resizing has one file: a plain `<img>`.
 */
export function Picture({ image, alt, sizes, eager = false, fallbackSize = 400, class: cls }: PictureProps) {
  const img = (
    <img
      src={image.url}
      srcset={image.srcsetJpeg || undefined}
      sizes={image.srcsetJpeg ? sizes : undefined}
      alt={alt}
      width={image.width ?? fallbackSize}
      height={image.height ?? fallbackSize}
      loading={eager ? undefined : 'lazy'}
      fetchpriority={eager ? 'high' : undefined}
      decoding="async"
      class={cls}
    />
  );
  if (!image.srcsetWebp) return img;
  return (
    <picture>
      <source type="image/webp" srcset={image.srcsetWebp} sizes={sizes} />
      <source type="image/jpeg" srcset={image.srcsetJpeg} sizes={sizes} />
      {img}
    </picture>
  );
}
