// The dashboard is installable (issue 14): a web app manifest and two PNG icons, public (browsers
// fetch a manifest without cookies), linked from every dashboard page, under the mount prefix.
import sharp from 'sharp';
import t from 'tap';
import { Browser } from './support/pages.js';
import { serverVariants } from './support/server.js';

/** Width, height, channels and the pixels of a PNG, decoded by sharp (after checking the signature). */
async function readPng(bytes: Buffer) {
  t.same([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const at = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
  return { width: info.width, height: info.height, channels: info.channels, at };
}

for (const prefix of ['', '/shop']) {
  t.test(`manifest and icons${prefix ? ` under ${prefix}` : ''}`, async (t) => {
    const fixture = await serverVariants()[0]!.open(prefix ? { prefix } : {});
    t.teardown(() => fixture.close());
    const { server } = fixture;
    const response = await server.inject(`${prefix}/dashboard/manifest.webmanifest`);
    t.equal(response.statusCode, 200, 'public: no session needed');
    t.match(response.headers['content-type'], /^application\/manifest\+json/);
    const manifest = JSON.parse(response.payload) as Record<string, unknown> & { icons: Array<{ src: string; sizes: string; type: string; purpose: string }> };
    t.match(manifest, { name: 'dukaan-kit dashboard', short_name: 'dukaan-kit', start_url: `${prefix}/dashboard`, scope: `${prefix}/`, display: 'standalone', theme_color: '#0f766e', lang: 'en' });
    t.ok((manifest.short_name as string).length <= 12, 'short_name fits under a home-screen icon');
    for (const size of [192, 512]) {
      const entries = manifest.icons.filter((i) => i.sizes === `${size}x${size}`);
      t.same(entries.map((i) => i.purpose).sort(), ['any', 'maskable'], `${size}: for any use and maskable`);
      for (const entry of entries) {
        t.equal(entry.type, 'image/png');
        t.equal(entry.src, `${prefix}/dashboard/icons/icon-${size}.png`);
      }
      const icon = await server.inject(`${prefix}/dashboard/icons/icon-${size}.png`);
      t.equal(icon.statusCode, 200);
      t.equal(icon.headers['content-type'], 'image/png');
      const png = await readPng(icon.rawPayload);
      t.equal(png.width, size);
      t.equal(png.height, size);
      t.equal(png.channels, 3, 'RGB, no transparency (iOS fills that black)');
      t.same(png.at(1, 1), [0x0f, 0x76, 0x6e], 'the corner is the theme colour');
      t.same(png.at(size / 2, (size * 5) / 8), [255, 255, 255], 'the bag in the middle is white');
    }
    t.equal((await server.inject(`${prefix}/dashboard/icons/icon-64.png`)).statusCode, 404, 'only the sizes listed');
    const hindi = JSON.parse((await server.inject(`${prefix}/dashboard/manifest.webmanifest?lang=hi`)).payload) as Record<string, unknown>;
    t.match(hindi, { lang: 'hi', name: 'dukaan-kit डैशबोर्ड' });
    t.match(JSON.parse((await server.inject(`${prefix}/dashboard/manifest.webmanifest?lang=xx`)).payload), { lang: 'en' }, 'an unknown language: English');

    // Every dashboard page links it, and its icon for iOS.
    const browser = new Browser(server);
    await browser.get(`${prefix}/signup`);
    const signup = await browser.post(`${prefix}/signup`, { email: `manifest${prefix.replace('/', '-')}@example.com`, password: 'correct horse battery', storeName: 'Manifest Shop', slug: '' });
    t.equal(signup.statusCode, 303);
    for (const page of ['/dashboard', '/dashboard/orders', '/dashboard/settings']) {
      const html = (await browser.get(`${prefix}${page}`)).payload;
      t.match(html, `<link rel="manifest" href="${prefix}/dashboard/manifest.webmanifest"/>`, `${page} links the manifest`);
      t.match(html, `<link rel="apple-touch-icon" href="${prefix}/dashboard/icons/icon-192.png"/>`);
      t.match(html, '<meta name="theme-color" content="#0f766e"/>');
    }
  });
}
