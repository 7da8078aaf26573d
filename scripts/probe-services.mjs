// Is PostgreSQL up? Is Redis up? Asked once before the tests, with short bounds,
// so that a missing service is one clear line instead of a hundred failed tests.
import { connect as tcpConnect } from 'node:net';
import { connect as tlsConnect } from 'node:tls';

export const defaultPostgresUrl = 'postgres://postgres@127.0.0.1:5432/test';
export const defaultRedisUrl = 'redis://127.0.0.1:6379';

/** host:port for messages, never the password. */
export function describeUrl(url, defaultPort) {
  try {
    const parsed = new URL(url);
    const socketHost = parsed.searchParams.get('host');
    if (!parsed.hostname && socketHost) return socketHost;
    return `${parsed.hostname || 'localhost'}:${parsed.port || defaultPort}`;
  } catch {
    return '(unparsable URL)';
  }
}

function reasonOf(error) {
  if (error && typeof error === 'object') {
    const { code, message } = /** @type {{ code?: string, message?: string }} */ (error);
    if (code && message && !message.includes(code)) return `${code}: ${message}`;
    if (message) return message;
    if (code) return code;
  }
  return String(error);
}

function within(ms, what, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Connects with the `pg` driver and runs `select 1`; resolves null when it works, else the reason. */
export async function probePostgres(url, timeoutMs = 3000) {
  let pg;
  try {
    pg = (await import('pg')).default;
  } catch {
    // Before `npm ci` (the CI script checks services first): is anything listening at least?
    return probeTcp(url, 5432, timeoutMs);
  }
  let client;
  try {
    client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
    client.on('error', () => {});
    await within(timeoutMs, 'connect + select 1', (async () => {
      await client.connect();
      await client.query('select 1');
    })());
    return null;
  } catch (error) {
    return reasonOf(error);
  } finally {
    client?.end().catch(() => {});
  }
}

/** A bare TCP connect, for when no driver is installed yet. */
function probeTcp(url, defaultPort, timeoutMs) {
  return new Promise((resolve) => {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      resolve(`not a URL: ${JSON.stringify(url)}`);
      return;
    }
    const socket = tcpConnect({ host: parsed.hostname || '127.0.0.1', port: Number(parsed.port || defaultPort) });
    const done = (reason) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(reason);
    };
    const timer = setTimeout(() => done(`no connection within ${timeoutMs} ms`), timeoutMs);
    socket.once('connect', () => done(null));
    socket.on('error', (error) => done(reasonOf(error)));
  });
}

function respCommand(...words) {
  return `*${words.length}\r\n${words.map((word) => `$${Buffer.byteLength(word)}\r\n${word}\r\n`).join('')}`;
}

/** Sends (AUTH and) PING over a raw socket; resolves null on +PONG, else the reason. */
export function probeRedis(url, timeoutMs = 2000) {
  return new Promise((resolve) => {
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      resolve(`not a URL: ${JSON.stringify(url)}`);
      return;
    }
    const host = parsed.hostname || '127.0.0.1';
    const port = Number(parsed.port || 6379);
    const tls = parsed.protocol === 'rediss:';
    const password = decodeURIComponent(parsed.password);
    const username = decodeURIComponent(parsed.username);
    const auth = password ? (username ? respCommand('AUTH', username, password) : respCommand('AUTH', password)) : '';
    const socket = tls ? tlsConnect({ host, port, servername: host }) : tcpConnect({ host, port });
    let received = '';
    const done = (reason) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(reason);
    };
    const timer = setTimeout(() => done(`no PONG within ${timeoutMs} ms`), timeoutMs);
    socket.once(tls ? 'secureConnect' : 'connect', () => socket.write(auth + respCommand('PING')));
    socket.on('data', (chunk) => {
      received += chunk.toString('utf8');
      const replies = received.split('\r\n').filter(Boolean);
      const error = replies.find((reply) => reply.startsWith('-'));
      if (error) done(error.slice(1));
      else if (replies.includes('+PONG')) done(null);
    });
    socket.on('error', (error) => done(reasonOf(error)));
    socket.on('close', () => done('connection closed before PONG'));
  });
}

/**
 * Probes the services the tests use. Returns the env to give the tests ('off' for an
 * unreachable service), the variants that will not run, and, when `required`, every
 * service that is missing (which must fail the run instead).
 */
export async function probeServices(env, required) {
  const services = [
    { name: 'postgres', label: 'PostgreSQL', variable: 'DUKAAN_TEST_POSTGRES_URL', fallback: defaultPostgresUrl, port: 5432, probe: probePostgres },
    { name: 'redis', label: 'Redis', variable: 'DUKAAN_TEST_REDIS_URL', fallback: defaultRedisUrl, port: 6379, probe: probeRedis },
  ];
  const results = await Promise.all(
    services.map(async (service) => {
      const value = env[service.variable];
      if (value === 'off') return { service, reason: `${service.variable}=off` };
      const url = value && value.length > 0 ? value : service.fallback;
      const failure = await service.probe(url);
      const reason = failure === null ? null : `${service.label} unreachable at ${describeUrl(url, service.port)}: ${failure}`;
      return { service, reason };
    }),
  );
  const outEnv = {};
  const notRun = [];
  const missingRequired = [];
  for (const { service, reason } of results) {
    if (reason === null) continue;
    outEnv[service.variable] = 'off';
    notRun.push(`${service.name} (${reason})`);
    missingRequired.push(`${service.name} (${reason})`);
  }
  return { env: outEnv, notRun, missingRequired: required ? missingRequired : [] };
}
