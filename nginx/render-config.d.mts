// Types of render-config.mjs (plain JS with JSDoc) for the TypeScript tests that import it.

/** Absolute path of the repository's nginx/nginx.conf. */
export declare const NGINX_CONF_PATH: string;

export interface RenderOptions {
  /** Port nginx listens on. */
  listenPort: number;
  /** Address to bind; default 127.0.0.1 (loopback only). */
  listenAddress?: string;
  /** App instances as 'host:port'. */
  upstreams: string[];
  /** Directory served under /static/ (storefront-ui dist/assets); readable by nginx's worker user. */
  staticDir: string;
  /** Directory served under /media/ (MEDIA_DIR). */
  mediaDir: string;
  /** Writable directory for the pid file, logs and temp paths. */
  prefixDir: string;
  /** Worker user (only meaningful when the master runs as root). */
  user?: string;
  /** Config text to render; default: the contents of nginx/nginx.conf. */
  source?: string;
}

/** nginx.conf rewritten for a local run: the listen address, upstreams and directories replaced. */
export declare function renderNginxConfig(options: RenderOptions): string;
