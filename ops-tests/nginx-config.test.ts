// nginx/nginx.conf: rendered for loopback, checked with `nginx -t`, then run
// for real in front of two tiny node:http upstreams. Loopback only; every
// wait is bounded. Needs an nginx binary (Debian: apt-get install nginx).
import t from 'tap';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { NGINX_CONF_PATH, renderNginxConfig } from '../nginx/render-config.mjs';

const nginxBin = ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']
  .concat((process.env.PATH ?? '').split(':').map((d) => join(d, 'nginx')))
  .find((p) => existsSync(p));
if (!nginxBin) {
  // CI installs nginx, so there a missing binary is a failure, not a skip.
  if (process.env.CI) t.fail('nginx is not installed (apt-get install -y nginx)');
  else t.plan(0, 'nginx is not installed (apt-get install -y nginx); skipping');
}

// ---- fixture: temp tree, static and media files -------------------------
const dir = mkdtempSync(join(tmpdir(), 'dukaan-nginx-'));
const prefixDir = join(dir, 'prefix');
const staticDir = join(dir, 'static');
const mediaDir = join(dir, 'media');
for (const d of [prefixDir, staticDir, mediaDir]) mkdirSync(d);
// Large and repetitive enough to be worth compressing (gzip_min_length 1024).
const css = Array.from({ length: 400 }, (_, i) => `.item-${i} { color: #333; margin: 0 auto; padding: 4px 8px; }\n`).join('');
writeFileSync(join(staticDir, 'app.abc123.css'), css);
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
writeFileSync(join(mediaDir, 'photo.png'), png);
t.teardown(() => rmSync(dir, { recursive: true, force: true }));

// When the test runs as root, run nginx as nobody: a non-root master needs no
// `user` directive (the renderer drops it) and cannot touch anything else.
const asRoot = process.getuid?.() === 0;
const ids = asRoot ? { uid: 65534, gid: 65534 } : {};
function chownTree(p: string) {
  chownSync(p, 65534, 65534);
  if (statSync(p).isDirectory()) for (const e of readdirSync(p)) chownTree(join(p, e));
}

// ---- helpers -----------------------------------------------------------
async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((res) => srv.listen(0, '127.0.0.1', res));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((res) => srv.close(res));
  return port;
}

interface Reply { status: number; headers: http.IncomingHttpHeaders; body: Buffer }
interface Echo { name: string; method: string; url: string; xff?: string; proto?: string; realIp?: string; requestId?: string; host?: string; xfHost?: string }

let nginxPort = 0;
/** One request on a fresh connection (no agent reuse), 5 s at most, no auto-decompression. */
function request(path: string, opts: { method?: string; headers?: http.OutgoingHttpHeaders; body?: Buffer } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let done = false;
    const req = http.request({ host: '127.0.0.1', port: nginxPort, path, method: opts.method ?? 'GET', headers: opts.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => { done = true; resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }); });
      res.on('error', reject);
    });
    req.setTimeout(5000, () => req.destroy(new Error(`timeout: ${path}`)));
    // nginx may answer (413) and close before the whole body is written.
    req.on('error', (err) => { if (!done) reject(err); });
    req.end(opts.body);
  });
}
const echo = (r: Reply) => JSON.parse(r.body.toString()) as Echo;

// Two upstreams that say who they are and echo the proxy headers.
const hits: Record<string, number> = { a: 0, b: 0 };
/** Live streams the upstreams hold open (ended at teardown). */
const liveResponses = new Set<http.ServerResponse>();
function upstream(name: string) {
  return http.createServer((req, res) => {
    hits[name]!++;
    if (req.url === '/api/v1/orders/live') {
      // As the app streams: a first event at once, one more later, then open until the client leaves.
      // No X-Accel-Buffering here: the location itself must turn buffering off.
      liveResponses.add(res);
      res.on('close', () => liveResponses.delete(res));
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', 'x-connection': String(req.headers.connection) });
      res.write(`retry: 3000\n\nevent: hello\ndata: {"pending":0,"from":"${name}"}\n\n`);
      setTimeout(() => res.write('event: order\ndata: {"number":1001}\n\n'), 300);
      return;
    }
    req.resume();
    req.on('end', () => {
      const body: Echo = {
        name, method: req.method!, url: req.url!,
        xff: req.headers['x-forwarded-for'] as string, proto: req.headers['x-forwarded-proto'] as string,
        realIp: req.headers['x-real-ip'] as string, requestId: req.headers['x-request-id'] as string,
        host: req.headers.host, xfHost: req.headers['x-forwarded-host'] as string,
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
}
const servers = { a: upstream('a'), b: upstream('b') };
t.teardown(() => {
  for (const r of liveResponses) r.end();
  for (const s of Object.values(servers)) { s.closeAllConnections(); s.close(); }
});

let confPath = '';
let nginx: ChildProcess | undefined;
t.teardown(async () => {
  if (!nginx || nginx.exitCode !== null) return;
  const exited = new Promise((res) => nginx!.once('exit', res));
  nginx.kill('SIGQUIT'); // graceful stop of the master we started (by pid)
  const timer = setTimeout(() => nginx!.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
});

t.before(async () => {
  if (!nginxBin) return;
  const ports: number[] = [];
  for (const s of Object.values(servers)) {
    await new Promise<void>((res) => s.listen(0, '127.0.0.1', res));
    ports.push((s.address() as net.AddressInfo).port);
  }
  nginxPort = await freePort();
  confPath = join(dir, 'nginx.conf');
  writeFileSync(confPath, renderNginxConfig({
    listenPort: nginxPort,
    upstreams: ports.map((p) => `127.0.0.1:${p}`),
    staticDir, mediaDir, prefixDir,
  }));
  if (asRoot) chownTree(dir);
});

function errorLog() {
  const f = join(prefixDir, 'error.log');
  return existsSync(f) ? readFileSync(f, 'utf8').slice(-3000) : '(no error.log)';
}

// ---- static checks of the config ---------------------------------------
/** The body of `location <spec> { ... }` (locations here have no nested blocks). */
function location(conf: string, spec: string): string {
  const start = conf.indexOf(`location ${spec} {`);
  if (start < 0) return '';
  return conf.slice(start, conf.indexOf('}', start));
}

t.test('nginx -t accepts the rendered config', { skip: !nginxBin }, async (t) => {
  const r = spawnSync(nginxBin!, ['-t', '-c', confPath, '-p', prefixDir + '/'], { encoding: 'utf8', timeout: 10_000, ...ids });
  t.equal(r.status, 0, `nginx -t: ${r.stderr}`);
  t.match(r.stderr, /test is successful/);
  t.notMatch(r.stderr, /\[warn\]/, 'no warnings');
});

t.test('the config says what the stack relies on', async (t) => {
  // Directives only: comments may mention anything.
  const conf = readFileSync(NGINX_CONF_PATH, 'utf8').replace(/#.*$/gm, '');
  t.match(conf, /^\s*server_tokens off;/m);
  t.match(conf, /^\s*client_max_body_size\s+6m;/m);
  t.match(conf, /^\s*gzip on;/m);
  t.match(conf, /^\s*gzip_vary on;/m);
  t.match(conf, /^\s*gzip_min_length \d+;/m);
  t.match(conf, /gzip_types[^;]*text\/css[^;]*application\/javascript[^;]*application\/json[^;]*image\/svg\+xml/);
  t.match(conf, /^\s*proxy_next_upstream error timeout http_502 http_503;/m);
  t.notMatch(conf, /non_idempotent/, 'POSTs are never re-sent to another instance');
  t.match(conf, /^\s*proxy_set_header X-Forwarded-For\s+\$proxy_add_x_forwarded_for;/m);
  for (const h of ['Host', 'X-Real-IP', 'X-Forwarded-Proto', 'X-Forwarded-Host', 'X-Request-Id']) {
    t.match(conf, new RegExp(`^\\s*proxy_set_header ${h}\\s`, 'm'), `sets ${h}`);
  }
  t.match(conf, /^\s*limit_req_status 429;/m);
  t.match(conf, /upstream dukaan_app \{[^}]*keepalive \d+;[^}]*\}/);
  for (const spec of ['= /login', '= /api/v1/session', '= /forgot-password', '= /api/v1/password-reset', '~ ^/api/v1/stores/[^/]+/orders$', '~ ^/[^/]+/checkout$']) {
    const body = location(conf, spec);
    t.match(body, /limit_req zone=\w+ burst=\d+/, `${spec}: rate limited with a burst`);
    t.match(body, /proxy_pass http:\/\/dukaan_app;/, `${spec}: still proxied to the app`);
  }
  for (const spec of ['^~ /static/', '^~ /media/']) {
    const body = location(conf, spec);
    t.match(body, /alias \/srv\/(static|media)\/;/, `${spec}: served by nginx from disk`);
    t.match(body, /Cache-Control "public, max-age=31536000, immutable"/, `${spec}: long cache`);
  }
  t.match(location(conf, '^~ /static/'), /access_log off;/);
  // The raw request line and Referer carry reset, confirmation and tracking tokens.
  const format = /log_format dukaan_json[^;]*;/.exec(conf)?.[0] ?? '';
  t.ok(format, 'the JSON log format');
  t.notMatch(format, /\$request_uri|\$request\b|\$args|\$query_string|\$http_referer/, 'the access log never records the raw URI, query or Referer');
  t.match(format, /"uri":"\$log_path\$log_query"/);
  t.match(format, /"referer":"\$log_referer"/);
  t.match(location(conf, '^~ /media/'), /X-Content-Type-Options nosniff/);
  // The dashboard's Server-Sent Events: every event must reach the browser as it is sent.
  const live = location(conf, '= /api/v1/orders/live');
  t.ok(live, 'a location of its own for the live orders stream');
  t.match(live, /proxy_pass http:\/\/dukaan_app;/);
  t.match(live, /^\s*proxy_buffering off;/m, 'not buffered');
  t.match(live, /^\s*proxy_cache off;/m, 'not cached');
  t.match(live, /^\s*gzip off;/m, 'not compressed');
  for (const directive of ['proxy_read_timeout', 'proxy_send_timeout']) {
    const timeout = new RegExp(`^\\s*${directive} (\\d+)(s|m|h)?;`, 'm').exec(live);
    const seconds = timeout ? Number(timeout[1]) * { s: 1, m: 60, h: 3600 }[(timeout[2] ?? 's') as 's' | 'm' | 'h'] : NaN;
    t.ok(seconds >= 40 && seconds <= 120, `${directive} between 40 and 120 s: a few ~20 s heartbeats, not an hour (${timeout?.[0].trim()})`);
  }
  const limitConn = /^\s*limit_conn (\w+) (\d+);/m.exec(live);
  t.ok(limitConn && Number(limitConn[2]) >= 1 && Number(limitConn[2]) <= 50, 'live: limit_conn bounds the open streams per client');
  if (limitConn) {
    const httpBlock = conf.slice(conf.indexOf('http {'), conf.indexOf('server {'));
    t.match(httpBlock, new RegExp(`^\\s*limit_conn_zone \\$binary_remote_addr zone=${limitConn[1]}:\\d+[km];`, 'm'), 'its zone is keyed by the client address, in the http block');
  }
  t.match(live, /^\s*proxy_http_version 1\.1;/m, 'HTTP/1.1 to the upstream, as the others');
  t.match(live, /^\s*proxy_set_header Connection "";/m, 'upstream keepalive, as the others');
  // proxy_set_header in a location replaces every inherited one: the proxy headers must be there again.
  for (const h of ['Host', 'X-Real-IP', 'X-Forwarded-For', 'X-Forwarded-Proto', 'X-Forwarded-Host', 'X-Request-Id']) {
    t.match(live, new RegExp(`^\\s*proxy_set_header ${h}\\s`, 'm'), `live: sets ${h}`);
  }
});

t.test('the renderer refuses a config that drifted from it', async (t) => {
  const source = readFileSync(NGINX_CONF_PATH, 'utf8');
  const opts = { listenPort: 8080, upstreams: ['127.0.0.1:1'], staticDir: '/tmp/s', mediaDir: '/tmp/m', prefixDir: '/tmp/p' };
  t.throws(() => renderNginxConfig({ ...opts, source: source.replace(/^(\s+)listen 80;/m, '$1listen 8080;') }), /listen 80;/);
  t.throws(() => renderNginxConfig({ ...opts, source: source.replace(/^(\s+)server web2:3000/m, '$1server web3:3000') }), /web2/);
  t.throws(() => renderNginxConfig({ ...opts, staticDir: '/tmp/a b' }), /staticDir/);
  const out = renderNginxConfig({ ...opts, upstreams: ['127.0.0.1:1', '127.0.0.1:2', '127.0.0.1:3'] });
  t.equal(out.match(/server 127\.0\.0\.1:\d max_fails=3 fail_timeout=10s;/g)?.length, 3, 'one server line per upstream');
  t.notMatch(out, /^\s*user /m, 'user directive dropped by default');
  t.match(renderNginxConfig({ ...opts, user: 'www-data' }), /^user www-data;$/m);
});

// ---- live ----------------------------------------------------------------
t.test('live: nginx in front of two upstreams', { skip: !nginxBin }, async (t) => {
  nginx = spawn(nginxBin!, ['-c', confPath, '-p', prefixDir + '/', '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'], ...ids });
  let stderr = '';
  nginx.stderr!.on('data', (c) => { stderr += c; });
  // Wait (bounded) until it accepts connections.
  let up = false;
  for (let i = 0; i < 100 && !up && nginx.exitCode === null; i++) {
    up = await new Promise<boolean>((res) => {
      const s = net.connect(nginxPort, '127.0.0.1', () => { s.destroy(); res(true); });
      s.on('error', () => res(false));
    });
    if (!up) await new Promise((r) => setTimeout(r, 50));
  }
  if (!t.ok(up, 'nginx is listening')) {
    t.comment(stderr, errorLog());
    return;
  }
  if (asRoot) {
    t.match(readFileSync(`/proc/${nginx.pid}/status`, 'utf8'), /^Uid:\s+65534\s/m, 'the nginx master runs as nobody, not root');
  }

  await t.test('requests alternate across both upstreams', async (t) => {
    const names: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await request('/demo-store');
      t.equal(r.status, 200);
      names.push(echo(r).name);
    }
    t.equal(names.filter((n) => n === 'a').length, 5, `even split: ${names.join('')}`);
    t.ok(names.every((n, i) => i === 0 || n !== names[i - 1]), 'strict alternation');
  });

  await t.test('proxy headers', async (t) => {
    const r = await request('/api/v1/stores/demo-store', { headers: { 'x-forwarded-for': '203.0.113.7', 'x-request-id': 'client-chosen' } });
    const e = echo(r);
    t.equal(e.xff, '203.0.113.7, 127.0.0.1', 'X-Forwarded-For: client list + the address nginx saw');
    t.equal(e.realIp, '127.0.0.1');
    t.equal(e.proto, 'http');
    t.match(e.requestId, /^[0-9a-f]{32}$/, 'X-Request-Id is nginx\'s $request_id, not the client\'s');
    t.equal(e.host, `127.0.0.1:${nginxPort}`, 'Host preserved');
    t.equal(e.xfHost, `127.0.0.1:${nginxPort}`);
    t.equal(r.headers.server, 'nginx', 'no version in Server');
  });

  await t.test('static assets are served by nginx, cached forever, gzipped', async (t) => {
    const before = hits.a! + hits.b!;
    const r = await request('/static/app.abc123.css');
    t.equal(r.status, 200);
    t.equal(r.headers['content-type'], 'text/css');
    t.match(r.headers['cache-control'], /max-age=31536000/);
    t.match(r.headers['cache-control'], /immutable/);
    t.equal(r.body.toString(), css);
    const z = await request('/static/app.abc123.css', { headers: { 'accept-encoding': 'gzip' } });
    t.equal(z.headers['content-encoding'], 'gzip');
    t.match(z.headers.vary, /Accept-Encoding/);
    t.ok(z.body.length < css.length / 4, `compressed ${css.length} -> ${z.body.length} bytes`);
    t.equal(gunzipSync(z.body).toString(), css);
    const missing = await request('/static/missing.abc.css');
    t.equal(missing.status, 404);
    t.equal(missing.headers['cache-control'], undefined, 'a 404 is not cached for a year');
    t.equal((await request('/static/checkout')).status, 404, '/static/* never reaches the regex locations');
    t.equal(hits.a! + hits.b!, before, 'the app saw none of these');
  });

  await t.test('media files are served by nginx with long cache and nosniff', async (t) => {
    const before = hits.a! + hits.b!;
    const r = await request('/media/photo.png');
    t.equal(r.status, 200);
    t.equal(r.headers['content-type'], 'image/png');
    t.same(r.body, png);
    t.match(r.headers['cache-control'], /max-age=31536000/);
    t.equal(r.headers['x-content-type-options'], 'nosniff');
    t.equal(hits.a! + hits.b!, before, 'the app saw none of these');
  });

  await t.test('a 7 MB body is refused by nginx with 413', async (t) => {
    const before = hits.a! + hits.b!;
    const r = await request('/api/v1/session', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: Buffer.alloc(7 * 1024 * 1024, 0x20),
    });
    t.equal(r.status, 413);
    t.equal(hits.a! + hits.b!, before, 'never reached the app');
  });

  await t.test('only the CSV import and the photo uploads take bodies past 6 MB, up to their own bounds', async (t) => {
    const big = (mb: number) => Buffer.alloc(mb * 1024 * 1024, 0x20);
    const passed = async (path: string, mb: number) => {
      const before = hits.a! + hits.b!;
      const r = await request(path, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: big(mb) });
      return { status: r.status, reachedApp: hits.a! + hits.b! > before };
    };
    t.match(await passed('/api/v1/products/import', 9), { reachedApp: true }, 'a 9 MB CSV reaches the app');
    t.match(await passed('/api/v1/products/import', 12), { status: 413, reachedApp: false }, 'a 12 MB one does not');
    t.match(await passed('/api/v1/products/0190/images', 30), { reachedApp: true }, '30 MB of photos reach the app');
    t.match(await passed('/dashboard/products/0190/photos', 42), { status: 413, reachedApp: false }, '42 MB do not');
    t.match(await passed('/api/v1/orders', 7), { status: 413, reachedApp: false }, 'any other path keeps the 6 MB bound');
  });

  await t.test('the access log holds no token of a URL or a Referer', async (t) => {
    const secret = 'SECRETresetTOKEN0123456789abcdefghijklmnopq';
    const confirm = 'SECRETconfirmTOKEN0123456789abcdefghijklmn';
    const tracking = 'SECRETtrackTOKEN0123456789abcdefghijkl';
    const sent: Array<[string, string?]> = [
      [`/reset-password?token=${secret}`],
      [`/confirm-email?token=${confirm}&x=1`],
      [`/login?next=%2Freset-password%3Ftoken%3D${secret}`],
      [`/demo-store/orders/${tracking}`],
      [`/demo-store/orders/${tracking}?placed=1`],
      [`/api/v1/stores/demo-store/orders/${tracking}`],
      // Percent-encoded letters and slashes: nginx logs the path it decoded.
      [`/demo-store/%6Frders/${tracking}`],
      [`/demo-store/orders%2F${tracking}`],
      ['/api/v1/me', `http://127.0.0.1/reset-password?token=${secret}`],
      ['/api/v1/me', `http://127.0.0.1/demo-store/orders/${tracking}`],
      ['/api/v1/me', `http://127.0.0.1/demo-store/orders%2F${tracking}?placed=1`],
      ['/api/v1/me', `https://shop.example/confirm-email?token=${confirm}`],
      ['/dashboard/orders/0b5f3e9c-kept', 'https://shop.example/dashboard'],
      ['/api/v1/orders/0b5f3e9c-kept'],
    ];
    const logFile = join(prefixDir, 'access.log');
    const before = existsSync(logFile) ? readFileSync(logFile, 'utf8').length : 0;
    // A user agent of its own tells these lines from those of earlier subtests.
    const agent = `redaction-probe-${process.pid}`;
    // Each request numbers itself in its user agent: nginx's workers may write their lines in another order.
    for (const [i, [path, referer]] of sent.entries()) await request(path, { headers: { 'user-agent': `${agent}-${i}`, ...(referer ? { referer } : {}) } });
    const order = (l: Record<string, string>) => Number(l.user_agent?.slice(agent.length + 1));
    let lines: Array<Record<string, string>> = [];
    for (let i = 0; i < 50; i++) {
      const text = readFileSync(logFile, 'utf8').slice(before);
      lines = text
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, string>)
        .filter((l) => l.user_agent?.startsWith(`${agent}-`))
        .sort((a, b) => order(a) - order(b));
      if (lines.length >= sent.length) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    t.equal(lines.length, sent.length, 'every request is logged');
    const text = JSON.stringify(lines);
    for (const s of [secret, confirm, tracking]) t.notMatch(text, s, `the log does not hold ${s.slice(0, 12)}…`);
    t.notMatch(text, /SECRET/i, 'no part of any token');
    const uris = lines.map((l) => l.uri);
    t.same(uris.slice(0, 3), ['/reset-password?[redacted]', '/confirm-email?[redacted]', '/login?[redacted]'], 'the query is replaced by a marker');
    t.same(uris.slice(3, 8), [
      '/demo-store/orders/[redacted]',
      '/demo-store/orders/[redacted]?[redacted]',
      '/api/v1/stores/demo-store/orders/[redacted]',
      '/demo-store/orders/[redacted]',
      '/demo-store/orders/[redacted]',
    ], 'the tracking token is masked, however it was spelled');
    t.same(lines.slice(8, 12).map((l) => l.referer), [
      'http://127.0.0.1/reset-password?[redacted]',
      'http://127.0.0.1/demo-store/orders/[redacted]',
      'http://127.0.0.1/demo-store/orders%2F[redacted]',
      'https://shop.example/confirm-email?[redacted]',
    ], 'the Referer is redacted the same way');
    t.same(uris.slice(12), ['/dashboard/orders/0b5f3e9c-kept', '/api/v1/orders/0b5f3e9c-kept'], "the vendor's order ids are kept");
    t.equal(lines[12]!.referer, 'https://shop.example/dashboard', 'a Referer without a secret is kept');
    t.equal(echo(await request(`/reset-password?token=${secret}`)).url, `/reset-password?token=${secret}`, 'the app still gets the URL unchanged');
  });

  await t.test('password-reset POSTs are rate limited; the page views are not', async (t) => {
    const statuses = async (n: number, path: string, method: string) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await request(path, { method, headers: { 'content-type': 'application/json' }, body: Buffer.from('{}') })).status);
      return out;
    };
    t.same([...new Set(await statuses(12, '/forgot-password', 'GET'))], [200], 'viewing the form is not limited');
    const api = await statuses(12, '/api/v1/password-reset', 'POST');
    t.equal(api[0], 200, 'the first request reaches the app');
    t.ok(api.includes(429), `a burst of reset requests gets 429s (${api.join(' ')})`);
    t.ok(api.filter((s) => s === 200).length <= 7, 'about burst + 1 got through');
    t.ok((await statuses(1, '/forgot-password', 'POST')).includes(429), 'the form shares the limit');
    t.equal((await statuses(1, '/api/v1/password-reset/confirm', 'POST'))[0], 200, 'the confirm step is not in that zone');
    t.equal((await statuses(1, '/api/v1/session', 'POST'))[0], 200, 'nor is login');
  });

  await t.test('login and checkout POSTs are rate limited; page views are not', async (t) => {
    const statuses = async (n: number, path: string, method: string) => {
      const out: number[] = [];
      for (let i = 0; i < n; i++) out.push((await request(path, { method, headers: { 'content-type': 'application/json' }, body: Buffer.from('{}') })).status);
      return out;
    };
    const login = await statuses(30, '/api/v1/session', 'POST');
    t.equal(login[0], 200, 'the first login attempt reaches the app');
    t.ok(login.includes(429), `a burst of logins gets 429s (${login.join(' ')})`);
    t.ok(login.filter((s) => s === 200).length <= 13, 'about burst + 1 got through');
    t.ok((await statuses(1, '/login', 'POST')).includes(429), 'the form login shares the limit');
    t.same([...new Set(await statuses(30, '/demo-store/checkout', 'GET'))], [200], 'the cart page is not limited');
    const orders = await statuses(40, '/api/v1/stores/demo-store/orders', 'POST');
    t.equal(orders[0], 200);
    t.ok(orders.includes(429), `a burst of orders gets 429s (${orders.join(' ')})`);
  });

  await t.test('the live orders stream passes through event by event, uncompressed', async (t) => {
    const started = Date.now();
    const chunks: Array<{ at: number; text: string }> = [];
    const { headers, ended } = await new Promise<{ headers: http.IncomingHttpHeaders; ended: boolean }>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: nginxPort, path: '/api/v1/orders/live', agent: false, headers: { accept: 'text/event-stream', 'accept-encoding': 'gzip' } }, (res) => {
        let ended = false;
        res.on('end', () => (ended = true));
        res.on('data', (c: Buffer) => {
          chunks.push({ at: Date.now() - started, text: c.toString() });
          if (chunks.map((x) => x.text).join('').includes('event: order')) {
            req.destroy();
            resolve({ headers: res.headers, ended });
          }
        });
      });
      req.setTimeout(5000, () => req.destroy(new Error('no live events through nginx within 5 s')));
      req.on('error', reject);
    });
    t.notOk(ended, 'the stream was still open when both events had arrived');
    t.match(headers['content-type'], /^text\/event-stream/);
    t.equal(headers['content-encoding'], undefined, 'not compressed');
    t.equal(headers['x-connection'], 'undefined', 'nginx sent no Connection header upstream (keepalive)');
    const text = chunks.map((x) => x.text).join('');
    t.match(text, /^retry: 3000\n\nevent: hello\ndata: \{"pending":0,"from":"[ab]"\}\n\n/);
    const helloAt = chunks.find((x) => x.text.includes('event: hello'))!.at;
    const orderAt = chunks.find((x) => x.text.includes('event: order'))!.at;
    t.ok(orderAt - helloAt >= 200, `the first event came before the second was sent (${helloAt} ms, then ${orderAt} ms)`);
  });

  await t.test('with one upstream gone, GETs still succeed (proxy_next_upstream)', async (t) => {
    servers.b.closeAllConnections();
    await new Promise((res) => servers.b.close(res));
    const results: string[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await request('/demo-store');
      results.push(r.status === 200 ? echo(r).name : String(r.status));
    }
    t.same(results, Array(10).fill('a'), 'every request answered by the remaining instance');
  });

  t.notMatch(errorLog(), /\[(emerg|crit)\]/, 'no emergencies in error.log');
});
