/**
 * The public origin a build writes into every absolute address (canonical links, embed codes,
 * citations, oEmbed, PNG footers, sitemap, feeds, data package). There is no placeholder: a build
 * without `SITE_URL` is made for the local server (`npm start`, `npm run serve`) on the port it
 * will listen on, so every address it prints answers on the machine that built it.
 */

/** The port `npm run serve` listens on unless `PORT` or `--port` says otherwise. */
export const DEFAULT_PORT = 4321;

/**
 * Host names that can never answer: the reserved example and test names of RFC 2606 and RFC 6761.
 * A build refuses them, so no made-up address reaches an embed code or a printed PNG.
 */
const RESERVED_HOST = /(^|\.)(example|invalid|test)$|(^|\.)example\.(com|net|org)$/i;

/** What a build's origin is taken from: the environment's `SITE_URL` and `PORT`. */
export interface OriginSettings {
  SITE_URL?: string | undefined;
  PORT?: string | undefined;
}

/** The local server's origin on `port`: `http://127.0.0.1:<port>/`. */
export function localOrigin(port: number | string = DEFAULT_PORT): string {
  return `http://127.0.0.1:${port}/`;
}

/**
 * The origin a build writes, as an absolute URL ending in `/`: `SITE_URL` where it is set (an
 * http(s) origin), else the local server's origin on `PORT` (default
 * 4321). Throws, naming the variable, on anything else or on a reserved host name.
 */
export function buildOrigin(settings: OriginSettings): string {
  const raw = settings.SITE_URL?.trim();
  if (!raw) {
    const port = settings.PORT?.trim() || String(DEFAULT_PORT);
    if (!/^\d{1,5}$/.test(port) || Number(port) < 1 || Number(port) > 65535)
      throw new Error(`PORT must be a port number from 1 to 65535, not ${JSON.stringify(settings.PORT)}`);
    return localOrigin(Number(port));
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL must be an absolute URL such as https://data.newsroom.cn/, not ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`SITE_URL must start with https:// or http://, not ${JSON.stringify(raw)}`);
  // Every address the site writes starts at the root (/charts/…), so the site cannot live in a sub-folder.
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password)
    throw new Error(
      `SITE_URL must be an origin such as https://data.newsroom.cn/, without path, query, fragment or credentials: ${raw}`,
    );
  if (RESERVED_HOST.test(url.hostname))
    throw new Error(
      `SITE_URL names ${url.hostname}, a reserved host name that never answers: embed codes and citations ` +
        'would lead nowhere. Set the address the site will be served at.',
    );
  return url.href;
}

/** Whether `origin` is the local server's (loopback), so a build for it works only on this machine. */
export function isLocalOrigin(origin: string): boolean {
  const host = new URL(origin).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}
