// Uploads are judged by what the file really is: its format's structure and the pixel size its
// headers declare, read before anything decodes it.
import { crc32, deflateSync } from 'node:zlib';
import t from 'tap';
import { checkImage, maxImageSide, readImageSize } from '../src/index.js';

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG declaring width x height; its image data is a token (a decoder would need width x height pixels). */
function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.alloc(Math.min(width, 64) * 3 + 1))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A JPEG's marker segments up to the scan: APP0, a quantisation table, the frame header. */
function jpeg(width: number, height: number): Buffer {
  const segment = (marker: number, data: Buffer) => {
    const head = Buffer.from([0xff, marker, 0, 0]);
    head.writeUInt16BE(data.length + 2, 2);
    return Buffer.concat([head, data]);
  };
  const frame = Buffer.alloc(15);
  frame[0] = 8;
  frame.writeUInt16BE(height, 1);
  frame.writeUInt16BE(width, 3);
  frame[5] = 3;
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0', 'latin1')),
    segment(0xdb, Buffer.alloc(65)),
    segment(0xc0, frame),
    segment(0xda, Buffer.alloc(10)),
    Buffer.from([0x12, 0x34, 0xff, 0xd9]),
  ]);
}

/** A RIFF chunk: its type, little-endian length, data, and a pad byte when the length is odd. */
function riffChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32LE(data.length);
  return Buffer.concat([Buffer.from(type, 'ascii'), length, data, Buffer.alloc(data.length % 2)]);
}

/** An extended WebP (VP8X) declaring the canvas size, then its image chunk (`VP8L` unless told). */
function webp(width: number, height: number, chunks: Buffer[] = [riffChunk('VP8L', Buffer.from([0x2f, 0, 0, 0, 0]))]): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x.writeUIntLE(width - 1, 4, 3);
  vp8x.writeUIntLE(height - 1, 7, 3);
  const body = Buffer.concat([Buffer.from('WEBP', 'ascii'), riffChunk('VP8X', vp8x), ...chunks]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('RIFF', 'ascii'), size, body]);
}

const refusal = (bytes: Uint8Array) => {
  try {
    checkImage(bytes);
    return null;
  } catch (error) {
    return (error as { details?: Array<{ message: string }> }).details?.[0]?.message ?? String(error);
  }
};

t.test('real dimensions are read from PNG, JPEG and WebP headers', async (t) => {
  t.same(readImageSize(png(640, 480), 'image/png'), { width: 640, height: 480 });
  t.same(readImageSize(jpeg(4032, 3024), 'image/jpeg'), { width: 4032, height: 3024 });
  t.same(readImageSize(webp(1200, 900), 'image/webp'), { width: 1200, height: 900 });
  t.equal(checkImage(png(640, 480)), 'image/png');
  t.equal(checkImage(jpeg(4032, 3024)), 'image/jpeg');
  t.equal(checkImage(webp(1200, 900)), 'image/webp');
});

t.test('images too large to decode safely are refused before anything decodes them', async (t) => {
  const bomb = png(20_000, 20_000);
  t.ok(bomb.length < 2000, 'a tiny file declaring 400 megapixels');
  t.match(refusal(bomb), /20000×20000 pixels/);
  t.match(refusal(jpeg(maxImageSide + 1, 10)), /at most 10000 pixels on a side/);
  t.match(refusal(webp(8000, 8000)), /40 megapixels/, '64 MP is over the pixel budget');
  t.equal(refusal(png(maxImageSide, 4000)), null, '40 MP exactly is allowed');
});

t.test('files that only start like an image are refused', async (t) => {
  const zeroJpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(5000)]);
  t.match(refusal(zeroJpeg), /damaged or not really an image/i, 'an all-zero "JPEG"');
  t.match(refusal(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 0xff)])), /damaged/);
  const truncated = png(100, 100).subarray(0, 40);
  t.match(refusal(truncated), /damaged/, 'a PNG cut short');
  const badCrc = png(100, 100);
  badCrc[20] = 0x7f; // the width changes, the IHDR checksum no longer matches
  t.match(refusal(badCrc), /damaged/, 'a PNG whose header checksum is wrong');
  const riff = Buffer.concat([Buffer.from('RIFF', 'ascii'), Buffer.from([40, 0, 0, 0]), Buffer.from('WEBP', 'ascii'), Buffer.alloc(40)]);
  t.match(refusal(riff), /damaged/, 'a WebP with no image chunk');
  t.match(refusal(Buffer.from('<svg onload=alert(1)>')), /JPEG, PNG or WebP/);
});

t.test('a JPEG must reach its scan; an extended WebP must hold an image chunk', async (t) => {
  // SOI and a frame header (SOF0, 8 bit, 1x1, 1 component): 19 bytes, no scan, no end.
  const frameOnly = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x00, 0x01, 0x00, 0x01, 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9, 0x00, 0x00]);
  t.equal(frameOnly.length, 19);
  t.match(refusal(frameOnly), /damaged/, 'a JPEG with a frame header and no scan');
  t.match(refusal(frameOnly.subarray(0, 15)), /damaged/, 'cut after the frame header');
  const full = jpeg(100, 100);
  const sos = full.indexOf(Buffer.from([0xff, 0xda]));
  t.match(refusal(full.subarray(0, sos)), /damaged/, 'cut just before the scan');
  t.match(refusal(full.subarray(0, sos + 6)), /damaged/, 'cut inside the scan header');
  t.equal(refusal(full.subarray(0, full.length - 2)), null, 'a JPEG missing only its end marker is still readable');
  const scanFirst = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08]), Buffer.alloc(6), full.subarray(2)]);
  t.match(refusal(scanFirst), /damaged/, 'a scan before the frame header');

  // RIFF, WEBP and a VP8X header only: 30 bytes.
  const headerOnly = webp(100, 100, []);
  t.equal(headerOnly.length, 30);
  t.match(refusal(headerOnly), /damaged/, 'a VP8X WebP with no image chunk');
  t.match(refusal(webp(100, 100, [riffChunk('ICCP', Buffer.alloc(12)), riffChunk('EXIF', Buffer.alloc(7))])), /damaged/, 'metadata chunks only');
  const cut = webp(100, 100, [riffChunk('VP8 ', Buffer.alloc(40))]);
  t.match(refusal(cut.subarray(0, cut.length - 10)), /damaged/, 'an image chunk cut short');
  t.equal(refusal(webp(100, 100, [riffChunk('ICCP', Buffer.alloc(3)), riffChunk('VP8 ', Buffer.alloc(40))])), null, 'metadata (odd length, padded), then a lossy frame');
  t.equal(refusal(webp(100, 100, [riffChunk('ANIM', Buffer.alloc(6)), riffChunk('ANMF', Buffer.alloc(24))])), null, 'an animation');
  t.match(refusal(Buffer.alloc(0)), /empty/i);
});
