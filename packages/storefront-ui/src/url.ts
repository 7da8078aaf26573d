/** Joins the mount prefix and an absolute app path ('/x'); the only way pages build URLs. */
export function withBase(basePath: string, path: string): string {
  return `${basePath.replace(/\/+$/, '')}${path}`;
}

/** `?a=1&b=2` from the defined, non-empty values; '' when none. */
export function queryString(params: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** Resolves a possibly relative URL against an absolute one (for Open Graph, which needs absolute URLs). */
export function absoluteUrl(url: string, base: string): string {
  try {
    return new URL(url, base).href;
  } catch {
    return url;
  }
}
