import { crc32 } from 'node:zlib';
import type { ImageType } from './image-store.js';

// Reads an image's pixel size from its headers, without decoding a pixel, and checks that the
// file is laid out as its format says (chunks, markers, frame headers). A file that only starts
// with the right magic bytes (an all-zero "JPEG") has no readable size and is refused.

export interface ImageSize {
  width: number;
  height: number;
}

const u16be = (b: Uint8Array, i: number) => ((b[i] ?? 0) << 8) | (b[i + 1] ?? 0);
const u32be = (b: Uint8Array, i: number) => (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0)) >>> 0;
const u16le = (b: Uint8Array, i: number) => (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
const u24le = (b: Uint8Array, i: number) => u16le(b, i) | ((b[i + 2] ?? 0) << 16);
const u32le = (b: Uint8Array, i: number) => (u24le(b, i) | ((b[i + 3] ?? 0) << 24)) >>> 0;
const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** PNG: a valid IHDR (its CRC included), then chunks that fit the file, with image data and an end. */
function pngSize(bytes: Uint8Array): ImageSize | null {
  if (bytes.length < 33 || u32be(bytes, 8) !== 13 || ascii(bytes, 12, 16) !== 'IHDR') return null;
  if (crc32(bytes.subarray(12, 29)) !== u32be(bytes, 29)) return null;
  const size = { width: u32be(bytes, 16), height: u32be(bytes, 20) };
  let offset = 33;
  let sawData = false;
  while (offset + 12 <= bytes.length) {
    const length = u32be(bytes, offset);
    const type = ascii(bytes, offset + 4, offset + 8);
    if (offset + 12 + length > bytes.length) return null;
    if (type === 'IDAT') sawData = true;
    if (type === 'IEND') return sawData ? size : null;
    offset += 12 + length;
  }
  return null;
}

/** Start-of-frame markers carry the size; DHT (C4), JPG (C8) and DAC (CC) share the range but do not. */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/**
 * JPEG: walks the marker segments from SOI to a start-of-frame, which must precede the scan, and
 * on to the start-of-scan, which must follow it (a frame header alone holds no image).
 */
function jpegSize(bytes: Uint8Array): ImageSize | null {
  let offset = 2;
  let size: ImageSize | null = null;
  while (offset + 4 <= bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1] ?? 0;
    if (marker === 0xff) {
      offset += 1; // fill byte
      continue;
    }
    if (marker === 0xda) {
      // Start of scan: its header must be whole; the entropy-coded data follows it.
      const length = u16be(bytes, offset + 2);
      return size && length >= 6 && offset + 2 + length <= bytes.length ? size : null;
    }
    if (marker === 0xd8 || marker === 0xd9 || marker === 0x00 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) return null;
    const length = u16be(bytes, offset + 2);
    if (length < 2 || offset + 2 + length > bytes.length) return null;
    if (isStartOfFrame(marker)) {
      if (length < 8) return null;
      size ??= { height: u16be(bytes, offset + 5), width: u16be(bytes, offset + 7) };
    }
    offset += 2 + length;
  }
  return null;
}

/** The chunks of a RIFF container after `from`: each whole, padded to an even length. */
function* riffChunks(bytes: Uint8Array, from: number, end: number): Generator<string> {
  let offset = from;
  while (offset + 8 <= end) {
    const length = u32le(bytes, offset + 4);
    if (offset + 8 + length > end) return;
    yield ascii(bytes, offset, offset + 4);
    offset += 8 + length + (length % 2);
  }
}

/** The chunks that hold image data in an extended WebP: a still frame (lossy or lossless) or animation frames. */
const webpImageChunks = new Set(['VP8 ', 'VP8L', 'ANMF']);

/**
 * WebP: a RIFF container whose first chunk is a lossy, lossless or extended header; an extended
 * one must be followed by a chunk that holds image data.
 */
function webpSize(bytes: Uint8Array): ImageSize | null {
  if (bytes.length < 30 || u32le(bytes, 4) + 8 > bytes.length) return null;
  const chunk = ascii(bytes, 12, 16);
  if (chunk === 'VP8 ') {
    if (bytes[23] !== 0x9d || bytes[24] !== 0x01 || bytes[25] !== 0x2a) return null;
    return { width: u16le(bytes, 26) & 0x3fff, height: u16le(bytes, 28) & 0x3fff };
  }
  if (chunk === 'VP8L') {
    if (bytes[20] !== 0x2f) return null;
    const bits = u32le(bytes, 21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') {
    if (u32le(bytes, 16) < 10) return null;
    const end = Math.min(bytes.length, u32le(bytes, 4) + 8);
    for (const next of riffChunks(bytes, 20 + u32le(bytes, 16) + (u32le(bytes, 16) % 2), end)) {
      if (webpImageChunks.has(next)) return { width: u24le(bytes, 24) + 1, height: u24le(bytes, 27) + 1 };
    }
    return null;
  }
  return null;
}

/** The image's size in pixels as its headers state it, or null when the file is not laid out as a `type` image. */
export function readImageSize(bytes: Uint8Array, type: ImageType): ImageSize | null {
  const size = type === 'image/png' ? pngSize(bytes) : type === 'image/jpeg' ? jpegSize(bytes) : webpSize(bytes);
  return size && size.width > 0 && size.height > 0 ? size : null;
}
