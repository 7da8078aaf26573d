// Static checks of docker-compose.yml and the Dockerfile: no Docker needed.
import t from 'tap';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('..', import.meta.url));
const composeText = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
// merge: true resolves the `<<: *web` keys, as Compose does.
const compose = parse(composeText, { merge: true }) as {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
};

interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; target?: string };
  environment?: Record<string, string | null> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
  ports?: (string | { target?: number; published?: string | number })[];
  volumes?: (string | { source?: string; target?: string; type?: string })[];
  restart?: string;
  expose?: string[];
  profiles?: string[];
}

const services = compose.services;
const env = (s: Service): Record<string, string | null> =>
  Array.isArray(s.environment)
    ? Object.fromEntries(s.environment.map((e) => [e.split('=')[0]!, e.includes('=') ? e.slice(e.indexOf('=') + 1) : null]))
    : (s.environment ?? {});
const volumeSources = (s: Service) =>
  (s.volumes ?? []).map((v) => (typeof v === 'string' ? v.split(':')[0]! : v.source ?? ''));
const usesImage = (s: Service, name: string) => s.image?.startsWith(name) === true;

// A web instance is a service built from this repo's Dockerfile (app target)
// and started with DATABASE_URL; nginx is built/pulled from nginx.
const webNames = Object.keys(services).filter((n) => {
  const s = services[n]!;
  return s.build !== undefined && env(s).DATABASE_URL !== undefined;
});
const nginxName = Object.keys(services).find((n) => n === 'nginx' || usesImage(services[n]!, 'nginx'))!;

t.test('the four kinds of service exist', async (t) => {
  t.ok(services.db && usesImage(services.db, 'postgres:16'), 'db runs postgres 16');
  t.ok(services.redis && usesImage(services.redis, 'redis:7'), 'redis runs redis 7');
  t.ok(webNames.length >= 2, `at least two web instances (${webNames.join(', ')})`);
  t.ok(nginxName, 'an nginx service');
});

t.test('web instances: same image from the Dockerfile, configured by env', async (t) => {
  const builds = new Set(webNames.map((n) => JSON.stringify(services[n]!.build)));
  t.equal(builds.size, 1, 'every instance has the same build');
  const build = services[webNames[0]!]!.build;
  const context = typeof build === 'string' ? build : build?.context;
  t.equal(context, '.', 'built from the repo root');
  if (typeof build === 'object' && build.dockerfile) t.equal(build.dockerfile, 'Dockerfile');
  t.ok(existsSync(join(root, 'Dockerfile')), 'the Dockerfile exists');

  for (const name of webNames) {
    const s = services[name]!;
    const e = env(s);
    for (const key of ['DATABASE_URL', 'REDIS_URL', 'SESSION_SECRET', 'MEDIA_DIR', 'PUBLIC_URL', 'TRUST_PROXY']) {
      t.ok(e[key], `${name} sets ${key}`);
    }
    t.match(e.DATABASE_URL, /^postgres:\/\/[^@]+@db:5432\/\w+$/, `${name}: DATABASE_URL points at db`);
    t.match(e.REDIS_URL, /^redis:\/\/redis:6379/, `${name}: REDIS_URL points at redis`);
    t.match(e.SESSION_SECRET, /^\$\{SESSION_SECRET:\?.+\}$/, `${name}: SESSION_SECRET is required, never defaulted`);
    t.equal(e.MEDIA_DIR, '/srv/media');
    t.ok(volumeSources(s).includes('media'), `${name} mounts the shared media volume`);
    t.equal(s.ports, undefined, `${name} publishes no port (only nginx does)`);
    t.equal(s.restart, 'unless-stopped');
    t.match(JSON.stringify(s.healthcheck?.test), /\/healthz/, `${name} has a /healthz healthcheck`);
    const deps = s.depends_on as Record<string, { condition?: string }>;
    t.equal(deps?.db?.condition, 'service_healthy', `${name} waits for a healthy db`);
    t.equal(deps?.redis?.condition, 'service_healthy', `${name} waits for a healthy redis`);
  }
  // TRUST_PROXY must cover nginx, i.e. be the network's pinned subnet.
  const net = (parse(composeText) as { networks?: { default?: { ipam?: { config?: { subnet?: string }[] } } } })
    .networks?.default?.ipam?.config?.[0]?.subnet;
  t.equal(env(services[webNames[0]!]!).TRUST_PROXY, net, 'TRUST_PROXY is the stack network subnet');
});

t.test('db and redis have healthchecks', async (t) => {
  t.match(JSON.stringify(services.db!.healthcheck?.test), /pg_isready/);
  t.match(JSON.stringify(services.redis!.healthcheck?.test), /redis-cli.*ping/);
  t.ok(volumeSources(services.db!).includes('pgdata'), 'db data on a named volume');
});

t.test('nginx publishes port 80 and mounts the repo config', async (t) => {
  const s = services[nginxName]!;
  const ports = (s.ports ?? []).map((p) => (typeof p === 'string' ? p : `${p.published}:${p.target}`));
  t.ok(ports.some((p) => /(^|:)80$/.test(p)), `container port 80 is published (${ports.join(', ')})`);
  const mounts = (s.volumes ?? []).map((v) => (typeof v === 'string' ? v : `${v.source}:${v.target}`));
  t.ok(mounts.includes('./nginx/nginx.conf:/etc/nginx/nginx.conf:ro'), 'nginx.conf mounted read-only');
  t.ok(mounts.includes('media:/srv/media:ro'), 'media volume mounted read-only where nginx.conf serves it');
  const deps = s.depends_on as Record<string, { condition?: string }>;
  for (const w of webNames) t.equal(deps?.[w]?.condition, 'service_healthy', `nginx waits for ${w}`);
  // The static assets come from the Dockerfile's nginx stage.
  t.same(s.build, { context: '.', target: 'nginx' });
  t.match(readFileSync(join(root, 'Dockerfile'), 'utf8'), /^FROM \S+ AS nginx$/m);
});

t.test('every ${VAR} is required or defaulted, and documented', async (t) => {
  const header = composeText.split('\n').filter((l) => l.startsWith('#')).join('\n');
  const uses = [...composeText.matchAll(/(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)\}/g)];
  t.ok(uses.length > 0);
  for (const [whole, name, rest] of uses) {
    t.match(rest, /^(:?\?.+|:?-.*)$/, `${whole}: has a default or fails when unset`);
    t.match(header, new RegExp(`\\b${name}\\b`), `${name} is documented in the header comment`);
  }
  // Pass-through variables (no value) must be documented too.
  for (const name of webNames) {
    for (const [key, value] of Object.entries(env(services[name]!))) {
      if (value === null) t.match(header, new RegExp(`\\b${key}\\b`), `${key} (pass-through) is documented`);
    }
  }
});

t.test('mail: SMTP_URL and MAIL_FROM on the app, the file outbox on a volume, Mailpit under the mail profile', async (t) => {
  for (const name of webNames) {
    const s = services[name]!;
    const e = env(s);
    t.equal(e.SMTP_URL, '${SMTP_URL:-}', `${name}: SMTP_URL passed, empty by default (the file outbox)`);
    t.match(e.MAIL_FROM, /^\$\{MAIL_FROM:-.+<.+@.+>\}$/, `${name}: MAIL_FROM passed, with a default`);
    const outbox = e.MAIL_OUTBOX_DIR ?? '';
    const mount = (s.volumes ?? []).map((v) => (typeof v === 'string' ? v.split(':') : [v.source ?? '', v.target ?? ''])).find(([, target]) => target && outbox.startsWith(`${target}/`));
    t.ok(mount, `${name}: MAIL_OUTBOX_DIR (${outbox}) is on a mounted volume, so mail survives a restart`);
    t.ok(mount && !mount[0]!.startsWith('.') && Object.keys(compose.volumes ?? {}).includes(mount[0]!), `${name}: a named volume (${mount?.[0]})`);
    const deps = Object.keys((s.depends_on as Record<string, unknown>) ?? {});
    t.notOk(deps.includes('mailpit'), `${name} does not need Mailpit (it only runs with the mail profile)`);
  }
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  t.match(dockerfile, /mkdir -p [^\n]*\/srv\/data[^\n]*chown node:node [^\n]*\/srv\/data/, 'the image creates /srv/data owned by node, so a fresh volume there is writable');

  const mailpit = services.mailpit;
  t.ok(mailpit, 'a mailpit service');
  if (!mailpit) return;
  t.match(mailpit.image, /^axllent\/mailpit:v\d+\.\d+\.\d+$/, 'the Mailpit image, at a pinned version');
  t.same(mailpit.profiles, ['mail'], 'only with --profile mail');
  t.ok((mailpit.expose ?? []).includes('1025'), 'SMTP on 1025 inside the network');
  const ports = (mailpit.ports ?? []).map((p) => String(p));
  t.ok(ports.length > 0 && ports.every((p) => p.startsWith('127.0.0.1:') && p.endsWith(':8025')), `its UI (reset links included) is published on loopback only (${ports.join(', ')})`);
  const header = composeText.split('\n').filter((l) => l.startsWith('#')).join('\n');
  t.match(header, /SMTP_URL=smtp:\/\/mailpit:1025 docker compose --profile mail up/, 'the header says how to use it');
});

t.test('named volumes are declared', async (t) => {
  const declared = Object.keys(compose.volumes ?? {});
  for (const [name, s] of Object.entries(services)) {
    for (const src of volumeSources(s)) {
      if (!src.startsWith('.') && !src.startsWith('/')) t.ok(declared.includes(src), `${name}: volume ${src} declared`);
    }
  }
});

t.test('Dockerfile', async (t) => {
  const text = readFileSync(join(root, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  const stages = text.split(/^(?=FROM )/m).filter((s) => s.startsWith('FROM '));
  t.ok(stages.length >= 2, 'multi-stage');
  // The final stage is what `docker build .` and Compose's target: runtime produce.
  const final = stages[stages.length - 1]!;
  t.match(final, /^FROM \S*node:20\S* AS runtime|^FROM \$\{NODE_IMAGE\} AS runtime/, 'final stage is the node runtime');
  t.match(text, /^ARG NODE_IMAGE=node:20-bookworm-slim$/m);
  const user = [...final.matchAll(/^USER (\S+)/gm)].at(-1)?.[1];
  t.ok(user && user !== 'root' && user !== '0', `runs as a non-root user (${user})`);
  t.match(final, /ENV NODE_ENV=production/);
  t.match(final, /^EXPOSE 3000$/m);
  t.match(final, /^HEALTHCHECK .*\/healthz/m);
  // The image starts the app with the node flags `npm start` uses (the bench measures with them too).
  const start = (JSON.parse(readFileSync(join(root, 'examples/server/package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['start'] ?? '';
  const started = /^((?:[A-Z_]+=\S+ )*)exec node ((?:--\S+ )*)dist\/main\.js$/.exec(start);
  const flags = started?.[2]?.trim().split(' ').filter(Boolean) ?? [];
  t.ok(flags.length > 0, `npm start names its node flags (${start})`);
  for (const assignment of started?.[1]?.trim().split(' ').filter(Boolean) ?? []) {
    t.match(final, new RegExp(`^ENV .*\\b${assignment}\\b`, 'm'), `the image sets ${assignment} as npm start does`);
  }
  t.match(final, new RegExp(`^CMD ${JSON.stringify(['node', ...flags, 'examples/server/dist/main.js']).replace(/[[\]]/g, '\\$&').replace(/,/g, ', ')}$`, 'm'), 'the image runs the same flags');

  // Production deps only: the runtime's node_modules come from a stage that
  // ran `npm ci --omit=dev` (or was pruned), never from the full build.
  t.notMatch(final, /^RUN npm (ci|install)/m, 'no install in the final stage');
  const fromProd = /^COPY --from=(\S+) \/app/m.exec(final)?.[1];
  const prodStage = stages.find((s) => new RegExp(`^FROM \\S+ AS ${fromProd}$`, 'm').test(s)) ?? '';
  t.match(prodStage, /npm (ci --omit=dev|prune --omit=dev)/, `stage ${fromProd} has production deps only`);
  for (const m of final.matchAll(/^COPY --from=build (\S+)/gm)) {
    t.match(m[1], /\/dist$/, `only dist/ is taken from the build stage (${m[1]})`);
  }
  t.match(final, /storefront-ui\/dist/, 'storefront-ui dist (with assets/) is in the image');

  // Same build commands as CI.
  const build = stages.find((s) => /^FROM \S+ AS build$/m.test(s)) ?? '';
  t.match(build, /^RUN npm ci\b/m, 'build stage: npm ci');
  t.match(build, /^RUN npm run build$/m, 'build stage: npm run build');
  t.match(text, /python3 make g\+\+/, 'build tools for better-sqlite3');
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  t.ok(pkg.scripts.build, 'root package.json has the build script the image runs');
  const ciFiles = ['.github/workflows', '.ci'].flatMap((d) =>
    existsSync(join(root, d)) ? readdirSync(join(root, d)).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(root, d, f)) : []);
  for (const f of ciFiles) {
    const ci = readFileSync(f, 'utf8');
    if (!/npm /.test(ci)) continue;
    t.match(ci, /npm ci\b/, `${f} installs with npm ci`);
    t.match(ci, /npm (run build|test)\b/, `${f} builds with npm run build (npm test builds first)`);
  }
});

t.test('.dockerignore keeps host build output out of the context', async (t) => {
  const lines = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n').map((l) => l.trim());
  for (const entry of ['**/node_modules', '**/dist', 'data', '.git', 'coverage', '.tap', 'test-results']) {
    t.ok(lines.includes(entry), `${entry} ignored`);
  }
  t.ok(lines.some((l) => l.startsWith('bench/results')), 'bench results ignored');
});
