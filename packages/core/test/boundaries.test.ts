// Core knows nothing of HTTP, hapi, HTML or drivers; only adapters import drivers,
// and nothing outside an adapter imports one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1] ?? '');
}

const web = /^(@hapi\/|preact|hapi-pino|node:http)/;
const drivers = /^(knex|objection|pg|better-sqlite3|keyv|@keyv\/)/;

// The one outbound HTTP client: webhooks are HTTP by definition, and Node's client is what
// lets the delivery connect to the address the SSRF guard checked. It serves nothing.
const outboundClient = new Map([['webhooks/post-webhook.ts', /^node:https?$/]]);

t.test('the domain imports no web framework, no driver and no adapter', async (t) => {
  const domain = sources(src).filter((f) => !/^(adapters|testing)\//.test(relative(src, f)));
  t.ok(domain.length > 20, `checked ${domain.length} files`);
  for (const file of domain) {
    const allowed = outboundClient.get(relative(src, file));
    const bad = imports(file).filter((spec) => !allowed?.test(spec) && (web.test(spec) || drivers.test(spec) || spec.includes('/adapters/')));
    t.same(bad, [], relative(src, file));
  }
});

t.test('adapters import only their own drivers and the domain', async (t) => {
  for (const file of sources(join(src, 'adapters'))) {
    const bad = imports(file).filter((spec) => web.test(spec));
    t.same(bad, [], relative(src, file));
  }
});
