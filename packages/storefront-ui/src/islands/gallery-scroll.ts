// Moving the product page's gallery (static HTML: pages/product.tsx) from script: the picker
// shows a variant's own picture, the gallery's dots and thumbnails show the one tapped.

function behaviour(): ScrollBehavior {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth';
}

/** The gallery's scrolling row of pictures, if the page has one. */
export function galleryTrack(): HTMLElement | null {
  return document.querySelector<HTMLElement>('[data-gallery-track]');
}

/** Scrolls the gallery to the slide at `position` (display order); no page jump, unlike the links' own #photo-N. */
export function scrollToSlide(position: number): void {
  const track = galleryTrack();
  const slide = track?.children[position] as HTMLElement | undefined;
  if (track && slide) track.scrollTo({ left: slide.offsetLeft, behavior: behaviour() });
}

/** Scrolls the gallery to the product's picture number `imageIndex` (a variant's `image`). */
export function showPicture(imageIndex: number): void {
  const track = galleryTrack();
  if (!track) return;
  const position = Array.from(track.children).findIndex((el) => (el as HTMLElement).dataset.pictureIndex === String(imageIndex));
  if (position >= 0) scrollToSlide(position);
}
