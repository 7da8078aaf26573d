import { createHash } from 'node:crypto';
import type { OutputInfo } from 'sharp';

// sharp (libvips, ~20 MB resident) is loaded with the first photo, not with the app: most
// processes of a deployment never resize one, and memory per instance is a budget (see bench/).
let sharpModule: Promise<typeof import('sharp')> | null = null;
function loadSharp(): Promise<typeof import('sharp')> {
  sharpModule ??= import('sharp');
  return sharpModule;
}
import { ValidationFailedError } from '../errors.js';
import { maxImagePixels } from './check-image.js';

/** The widths stored of every photo: a card thumbnail, a phone's full width, a desktop's product picture. */
export const renditionWidths = [200, 480, 960] as const;
const largestWidth = Math.max(...renditionWidths);

/** One stored file of a processed image; `hash` names it, so the same bytes always get the same name. */
export interface RenditionFile {
  bytes: Buffer;
  type: 'image/webp' | 'image/jpeg';
  hash: string;
}

/** One width of a processed image, in both formats. */
export interface ProcessedRendition {
  width: number;
  height: number;
  webp: RenditionFile;
  jpeg: RenditionFile;
}

/** Smallest first; the last is the largest (at most 960 px wide, never wider than the upload). */
export type ProcessedImage = ProcessedRendition[];

export interface ImagePipelineOptions {
  /** Refused above this many pixels, before decoding (sharp reads the header first). */
  maxPixels?: number;
  /** Abandon one sharp operation after this long: a crafted file must not hold a thread. */
  timeoutSeconds?: number;
}

/**
 * How many uploads are decoded at once in this process. A 40 MP photo decodes to 120 MB of
 * pixels; libuv's four threads would let four of those run together and a burst of uploads queue
 * behind them anyway, so two at a time bounds memory without slowing a single vendor down.
 */
const maxConcurrent = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  if (running >= maxConcurrent) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** A long, narrow strip would stay huge at the largest width: its height is bounded to three of those widths. */
const maxAspect = 3;

function hashOf(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('base64url').slice(0, 22);
}

function damaged(path: string, message: string): ValidationFailedError {
  return new ValidationFailedError('The image was not accepted', [{ path, message }]);
}

/** Turns libvips' words for a refused input into a sentence for the vendor. */
function explain(error: unknown, path: string): ValidationFailedError {
  const text = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(text)) return damaged(path, 'The image has too many pixels; it may be at most 40 megapixels');
  if (/timeout/i.test(text)) return damaged(path, 'The image took too long to process; try a smaller photo');
  return damaged(path, 'The file is damaged or not really an image (it could not be read)');
}

/**
 * Turns an upload (already checked by `checkImage`: type, byte size and declared pixel size) into
 * the files a page serves: turned upright by its EXIF orientation, converted to sRGB, every piece
 * of metadata (EXIF, GPS, camera, ICC, XMP) dropped, at each of `renditionWidths` that is not
 * wider than the photo (and the photo's own width when it is narrower than the largest), each as
 * WebP and as JPEG (flattened onto white: JPEG has no transparency). Only the first frame of an
 * animation is kept. sharp refuses anything over `maxPixels` from its header, a second guard
 * behind `checkImage`, and stops at the first decoding error (a cut-short file is refused rather
 * than stored half grey). The photo is decoded once, to the largest size; smaller widths are
 * made from that. A ValidationFailedError (path `path`) for a file sharp cannot read.
 */
export function processImage(bytes: Uint8Array, path = 'file', options: ImagePipelineOptions = {}): Promise<ProcessedImage> {
  const limit = options.maxPixels ?? maxImagePixels;
  const timeout = { seconds: options.timeoutSeconds ?? 30 };
  return oneAtATime(async () => {
    const { default: sharp } = await loadSharp();
    let largest: { data: Buffer; info: OutputInfo };
    try {
      largest = await sharp(bytes, { limitInputPixels: limit, failOn: 'error', pages: 1 })
        .timeout(timeout)
        .autoOrient()
        .resize({ width: largestWidth, height: largestWidth * maxAspect, fit: 'inside', withoutEnlargement: true })
        .toColourspace('srgb')
        .raw({ depth: 'uchar' })
        .toBuffer({ resolveWithObject: true });
    } catch (error) {
      throw explain(error, path);
    }
    const { width, height, channels } = largest.info;
    const widths = [...new Set([...renditionWidths.filter((w) => w < width), width])];
    const renditions: ProcessedRendition[] = [];
    for (const target of widths) {
      const source = () =>
        sharp(largest.data, { raw: { width, height, channels: channels as 1 | 2 | 3 | 4 } })
          .timeout(timeout)
          .resize({ width: target, withoutEnlargement: true });
      const [webp, jpeg] = await Promise.all([
        source().webp({ quality: 78, effort: 4 }).toBuffer({ resolveWithObject: true }),
        source().flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true }).toBuffer({ resolveWithObject: true }),
      ]);
        renditions.push({
        width: jpeg.info.width,
        height: jpeg.info.height,
        webp: { bytes: webp.data, type: 'image/webp', hash: hashOf(webp.data) },
        jpeg: { bytes: jpeg.data, type: 'image/jpeg', hash: hashOf(jpeg.data) },
      });
    }
    return renditions;
  });
}
