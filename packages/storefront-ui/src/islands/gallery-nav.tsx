import { useEffect, useState } from 'preact/hooks';
import type { IslandMessages } from '../i18n/context.js';
import { islandT } from '../i18n/island-t.js';
import { galleryTrack, scrollToSlide } from './gallery-scroll.js';

/** The texts of the gallery's dots and thumbnails. */
export const galleryNavKeys = ['product.pictures', 'product.pictureOf'] as const;

/** One picture's thumbnail, in the gallery's display order. */
export interface GalleryThumb {
  /** The slide's id (`photo-N`): the link's target without JavaScript. */
  id: string;
  src: string;
  srcset: string;
}

/** Props of the 'gallery-nav' island under the product page's pictures. */
export interface GalleryNavProps {
  thumbs: GalleryThumb[];
  m: IslandMessages<(typeof galleryNavKeys)[number]>;
}

/**
 * Dots on a phone, thumbnails on wider screens: one link per picture. Without JavaScript each
 * link scrolls to its picture (#photo-N); with it, a tap scrolls the row smoothly without moving
 * the page, and the current picture's link is marked as the row is swiped.
 */
export function GalleryNav({ thumbs, m }: GalleryNavProps) {
  const t = islandT(m);
  const [current, setCurrent] = useState(0);

  useEffect(() => {
    const track = galleryTrack();
    if (!track) return;
    const onScroll = () => setCurrent(Math.round(track.scrollLeft / Math.max(1, track.clientWidth)));
    track.addEventListener('scroll', onScroll, { passive: true });
    return () => track.removeEventListener('scroll', onScroll);
  }, []);

  return (
    <nav class="gallery-nav" aria-label={t('product.pictures')}>
      {thumbs.map((thumb, i) => (
        <a
          class="gallery-thumb"
          href={`#${thumb.id}`}
          aria-current={i === current ? 'true' : undefined}
          onClick={(e) => {
            e.preventDefault();
            setCurrent(i);
            scrollToSlide(i);
          }}
        >
          <img src={thumb.src} srcset={thumb.srcset || undefined} sizes={thumb.srcset ? '64px' : undefined} alt="" width={64} height={64} loading="lazy" decoding="async" />
          <span class="sr-only">{t('product.pictureOf', { index: i + 1, count: thumbs.length })}</span>
        </a>
      ))}
    </nav>
  );
}
