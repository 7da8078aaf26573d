// Renders nginx/nginx.conf for a run outside Docker (tests, local e2e, bench):
// the environment-specific literals in the file are placeholders by
// convention and are replaced by plain string substitution. Every
// placeholder must be found exactly as expected, otherwise this throws, so
// the config and the renderer cannot silently drift apart.
import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of the repo's nginx.conf. */
export const NGINX_CONF_PATH = fileURLToPath(new URL('./nginx.conf', import.meta.url));

/**
 * @typedef {object} RenderOptions
 * @property {number} listenPort port nginx listens on
 * @property {string} [listenAddress] address to bind; default 127.0.0.1 (loopback only)
 * @property {string[]} upstreams app instances as 'host:port'
 * @property {string} staticDir directory served under /static/ (storefront-ui dist/assets)
 * @property {string} mediaDir directory served under /media/ (MEDIA_DIR)
 * @property {string} prefixDir writable directory for the pid file, logs and temp paths
 * @property {string} [user] worker user (only meaningful when the master runs as root);
 *   omitted: the `user` directive is removed and workers run as the invoking user
 * @property {string} [source] config text to render; default: the contents of nginx/nginx.conf
 */

// Characters that would end or break an nginx directive argument.
const UNSAFE = /[\s;{}'"#$\\]/;

/**
 * @param {string} name
 * @param {string} dir
 * @returns {string} the directory with exactly one trailing slash
 */
function checkDir(name, dir) {
  if (typeof dir !== 'string' || !isAbsolute(dir) || UNSAFE.test(dir)) {
    throw new Error(`renderNginxConfig: ${name} must be an absolute path without spaces or nginx syntax, got ${JSON.stringify(dir)}`);
  }
  return dir.replace(/\/+$/, '') + '/';
}

/**
 * Replaces `from` with `to` in the directive (non-comment) lines, requiring
 * exactly `count` occurrences there; comments are left alone.
 * @param {string[]} lines
 * @param {string} from
 * @param {string} to
 * @param {number} count
 * @returns {string[]}
 */
function replaceExactly(lines, from, to, count) {
  let found = 0;
  const out = lines.map((line) => {
    if (line.trimStart().startsWith('#')) return line;
    const parts = line.split(from);
    found += parts.length - 1;
    return parts.join(to);
  });
  if (found !== count) {
    throw new Error(`renderNginxConfig: expected ${count} occurrence(s) of ${JSON.stringify(from)} in nginx.conf directives, found ${found}`);
  }
  return out;
}

/**
 * Returns nginx.conf with the listen port, upstream servers, static/media
 * roots and the pid/log/temp paths substituted.
 * @param {RenderOptions} options
 * @returns {string}
 */
export function renderNginxConfig(options) {
  const { listenPort, listenAddress = '127.0.0.1', upstreams, user } = options;
  if (!Number.isInteger(listenPort) || listenPort < 1 || listenPort > 65535) {
    throw new Error(`renderNginxConfig: listenPort must be a port number, got ${listenPort}`);
  }
  if (UNSAFE.test(listenAddress)) throw new Error(`renderNginxConfig: bad listenAddress ${listenAddress}`);
  if (!Array.isArray(upstreams) || upstreams.length === 0) {
    throw new Error('renderNginxConfig: upstreams must list at least one host:port');
  }
  for (const u of upstreams) {
    if (typeof u !== 'string' || !/^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):\d{1,5}$/.test(u)) {
      throw new Error(`renderNginxConfig: upstream must be host:port, got ${JSON.stringify(u)}`);
    }
  }
  if (user !== undefined && !/^[A-Za-z0-9_][A-Za-z0-9_.-]*( [A-Za-z0-9_][A-Za-z0-9_.-]*)?$/.test(user)) {
    throw new Error(`renderNginxConfig: bad user ${JSON.stringify(user)}`);
  }
  const staticDir = checkDir('staticDir', options.staticDir);
  const mediaDir = checkDir('mediaDir', options.mediaDir);
  const prefix = checkDir('prefixDir', options.prefixDir);

  let lines = (options.source ?? readFileSync(NGINX_CONF_PATH, 'utf8')).split('\n');

  lines = replaceExactly(lines, 'user nginx;', user ? `user ${user};` : '', 1);
  lines = replaceExactly(lines, 'pid /var/run/nginx.pid;', `pid ${prefix}nginx.pid;`, 1);
  lines = replaceExactly(lines, ' /var/log/nginx/', ` ${prefix}`, 2); // error_log, access_log
  lines = replaceExactly(lines, ' /var/cache/nginx/', ` ${prefix}`, 5); // the five *_temp_path
  lines = replaceExactly(lines, 'listen 80;', `listen ${listenAddress}:${listenPort};`, 1);
  lines = replaceExactly(lines, ' /srv/static/;', ` ${staticDir};`, 1);
  lines = replaceExactly(lines, ' /srv/media/;', ` ${mediaDir};`, 1);

  // Both Compose instances share one parameter list; every rendered upstream
  // gets it, in place of the two lines.
  const serverLine = /^([ \t]*)server (web[12]):3000((?: [^;]*)?);$/;
  const found = lines.flatMap((line, i) => {
    const m = serverLine.exec(line);
    return m ? [{ i, indent: m[1], host: m[2], params: m[3] }] : [];
  });
  const [first, second] = found;
  if (found.length !== 2 || !first || !second || first.host !== 'web1' || second.host !== 'web2'
      || second.i !== first.i + 1 || first.params !== second.params) {
    throw new Error('renderNginxConfig: expected the adjacent lines "server web1:3000 …;" and "server web2:3000 …;" with the same parameters in nginx.conf');
  }
  lines.splice(first.i, 2, ...upstreams.map((u) => `${first.indent}server ${u}${first.params};`));
  return lines.join('\n');
}
