// The dashboard as an installable web app: its manifest and home-screen icons (a teal square with
// the favicon's white bag), served from storefront-ui's built assets.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServerRoute } from '@hapi/hapi';
import { assetDir } from '@dukaan-kit/storefront-ui';
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

/**
 * The icon of one size: storefront-ui's `icon-{size}.png` (its `src/icons/icon.svg`, the favicon's
 * bag on the brand colour, full bleed for masking and opaque for iOS), read once per process.
 */
const drawn = new Map<number, Buffer>();
function icon(size: number): Buffer {
  let png = drawn.get(size);
  if (!png) drawn.set(size, (png = readFileSync(join(assetDir, `icon-${size}.png`))));
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
