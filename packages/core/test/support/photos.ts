import sharp from 'sharp';

/**
 * A phone-like JPEG: `width`×`height` as stored, left half red and right half blue, with the
 * EXIF orientation `orientation` and camera, copyright and GPS tags (what a phone writes and a
 * store must not publish).
 */
export async function phonePhoto(width = 400, height = 200, orientation = 6, background = '#ff0000'): Promise<Buffer> {
  const half = Math.floor(width / 2);
  return sharp({ create: { width, height, channels: 3, background } })
    .composite([{ input: { create: { width: width - half, height, channels: 3, background: '#0000ff' } }, left: half, top: 0 }])
    .jpeg({ quality: 90 })
    .withMetadata({ orientation })
    .withExif({ IFD0: { Make: 'PhoneCo', Model: 'Secret Model 7', Copyright: 'home address' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '12/1 58/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '77/1 35/1 0/1' } })
    .toBuffer();
}

/** A PNG with transparency (a cut-out product shot). */
export function transparentPng(width = 300, height = 300): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 128, b: 0, alpha: 0.5 } } }).png().toBuffer();
}

/** Distinct photos (a different colour each), so none is a copy of another. */
export async function distinctPhotos(count: number, width = 640, height = 480): Promise<Buffer[]> {
  const photos: Buffer[] = [];
  for (let i = 0; i < count; i += 1) {
    const colour = `#${(((i + 1) * 0x2f3a51) & 0xffffff).toString(16).padStart(6, '0')}`;
    photos.push(await phonePhoto(width, height, 1, colour));
  }
  return photos;
}

/** The RGB of one pixel of an image. */
export async function pixelAt(bytes: Uint8Array, x: number, y: number): Promise<[number, number, number]> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [data[at] ?? -1, data[at + 1] ?? -1, data[at + 2] ?? -1];
}
