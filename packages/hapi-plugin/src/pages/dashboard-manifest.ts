// The dashboard as an installable web app: its manifest and home-screen icons, drawn here at
// first use (a teal square with the favicon's white bag) so no image file ships or is fetched.
import { deflateSync } from 'node:zlib';
import type { ServerRoute } from '@hapi/hapi';
import { isLocale, type Locale } from '@dukaan-kit/core/i18n';
import type { Runtime } from '../runtime.js';

/** The brand colour (the pages' theme-color and favicon). */
export const themeColour = '#0f766e';
/** The sizes Chrome and Android ask for; iOS takes the 192 one as its apple-touch-icon. */
export const iconSizes = [192, 512] as const;

/** The app's name in the vendor's language (the link carries `?lang=` from the dashboard page). */
const names: Record<Locale, { name: string; description: string }> = {
  en: { name: 'dukaan-kit dashboard', description: 'Orders, products and settings of your store' },
  hi: { name: 'dukaan-kit डैशबोर्ड', description: 'आपके स्टोर के ऑर्डर, प्रोडक्ट और सेटिंग्स' },
};

/** The web app manifest: opens on the dashboard, standalone, in the brand colour. */
export function dashboardManifest(prefix: string, locale: Locale) {
  const icon = (size: number, purpose: 'any' | 'maskable') => ({ src: `${prefix}/dashboard/icons/icon-${size}.png`, sizes: `${size}x${size}`, type: 'image/png', purpose });
  return {
    id: `${prefix}/dashboard`,
    name: names[locale].name,
    short_name: 'dukaan-kit',
    description: names[locale].description,
    lang: locale,
    dir: 'ltr',
    // Login and logout stay inside the installed app: the scope is the whole mount, not /dashboard.
    scope: `${prefix}/`,
    start_url: `${prefix}/dashboard`,
    display: 'standalone',
    background_color: '#f6f7f9',
    theme_color: themeColour,
    icons: iconSizes.flatMap((size) => [icon(size, 'any'), icon(size, 'maskable')]),
  };
}

// ---- the icon as a PNG ---------------------------------------------------------

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * Whether a point of the favicon's 32-unit drawing is white: the bag's body (a trapezoid from
 * y 12 to 25) or its handle (a half ring of radius 3.5 around (16, 12)).
 */
function inBag(x: number, y: number): boolean {
  if (y >= 12 && y <= 25) {
    const inset = ((y - 12) / 13) * 1.3;
    return x >= 9 + inset && x <= 23 - inset;
  }
  return y < 12 && Math.abs(Math.hypot(x - 16, y - 12) - 3.5) <= 1;
}

/** A `size`×`size` RGB PNG: the teal square, full bleed (maskable), with the white bag, edges smoothed by 4×4 samples. */
export function iconPng(size: number): Buffer {
  const teal = [0x0f, 0x76, 0x6e];
  const rows: Buffer[] = [];
  const unit = 32 / size;
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let px = 0; px < size; px++) {
      let white = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inBag((px + (sx + 0.5) / 4) * unit, (py + (sy + 0.5) / 4) * unit)) white++;
      const a = white / 16;
      for (let c = 0; c < 3; c++) row[1 + px * 3 + c] = Math.round(teal[c]! * (1 - a) + 255 * a);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(Buffer.concat(rows))), chunk('IEND', Buffer.alloc(0))]);
}

const drawn = new Map<number, Buffer>();

/** The icon of one size, drawn once per process. */
function icon(size: number): Buffer {
  let png = drawn.get(size);
  if (!png) drawn.set(size, (png = iconPng(size)));
  return png;
}

/** A day: the manifest and icons change only with a release. */
const cacheControl = 'public, max-age=86400';

/**
 * `{prefix}/dashboard/manifest.webmanifest` and `{prefix}/dashboard/icons/icon-{192|512}.png`,
 * public: browsers fetch a manifest without cookies.
 */
export function dashboardManifestRoutes(runtime: Runtime): ServerRoute[] {
  return [
    {
      method: 'GET',
      path: '/dashboard/manifest.webmanifest',
      options: {
        auth: false,
        tags: ['dukaan-kit', 'static'],
        handler: (request, h) => {
          const lang = request.query['lang'];
          const locale: Locale = typeof lang === 'string' && isLocale(lang) ? lang : 'en';
          return h.response(dashboardManifest(runtime.prefix, locale)).type('application/manifest+json').header('cache-control', cacheControl);
        },
      },
    },
    {
      method: 'GET',
      path: '/dashboard/icons/icon-{size}.png',
      options: {
        auth: false,
        tags: ['dukaan-kit', 'static'],
        handler: (request, h) => {
          const size = Number(request.params['size']);
          if (!(iconSizes as readonly number[]).includes(size)) return h.response({ statusCode: 404, error: 'Not Found', message: 'No such icon' }).code(404);
          return h.response(icon(size)).type('image/png').header('cache-control', cacheControl);
        },
      },
    },
  ];
}
