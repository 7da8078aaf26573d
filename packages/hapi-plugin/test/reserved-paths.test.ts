// A store's page lives at `/{slug}`, and hapi prefers a literal route to that parameter: a store
// whose slug equalled a page's first path segment (`/forgot-password`) could never be reached.
// Every first segment the plugin routes must therefore be a reserved slug.
import t from 'tap';
import { reservedSlugs } from '@dukaan-kit/core';
import { serverVariants } from './support/server.js';

const [variant] = serverVariants();

t.test('every first path segment the plugin routes is a reserved store link', async (t) => {
  const fixture = await variant!.open();
  t.teardown(() => fixture.close());
  const segments = new Set<string>();
  for (const route of fixture.server.table()) {
    const first = route.path.split('/')[1] ?? '';
    // `/{slug}` itself, and the root.
    if (first === '' || first.startsWith('{')) continue;
    segments.add(first);
  }
  t.ok(segments.has('forgot-password') && segments.has('dashboard'), `the page routes were found: ${[...segments].join(', ')}`);
  for (const segment of segments) t.ok(reservedSlugs.has(segment), `"${segment}" is reserved`);
});
