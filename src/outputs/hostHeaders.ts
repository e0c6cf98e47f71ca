/**
 * The one description of the HTTP headers the site is served with, and its renderings for the
 * hosts: `_headers` (Netlify, Cloudflare Pages), an nginx server snippet, and the reader of
 * `_headers` the local server (scripts/serveSite.ts) applies. scripts/writeHostFiles.ts writes the
 * files into the build; tests/e2e/hosting.test.ts checks nginx and the local server against
 * `headersFor()`.
 */
import { LANGS } from '../site/editions.ts';
import { editionPrefixes, localePath } from '../site/paths.ts';

/** Cache-Control of content-hashed files (a new build gives them a new name) and of everything else. */
export const CACHE = {
  immutable: 'public, max-age=31536000, immutable',
  // Pages and unhashed files (embed.js, downloads, Pagefind's entry files) change with every
  // data update: browsers and proxies may reuse them for five minutes, then ask again.
  short: 'public, max-age=300',
} as const;

/**
 * Headers every response carries. Permissions-Policy turns off what the site never uses (it has no
 * media, sensors, payments, devices or location); only features Chromium knows are listed, as an
 * unknown one is a console error on every page.
 */
export const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': [
    'accelerometer',
    'autoplay',
    'camera',
    'display-capture',
    'encrypted-media',
    'geolocation',
    'gyroscope',
    'hid',
    'magnetometer',
    'microphone',
    'midi',
    'payment',
    'publickey-credentials-get',
    'screen-wake-lock',
    'serial',
    'usb',
    'xr-spatial-tracking',
  ]
    .map((f) => `${f}=()`)
    .join(', '),
};

/**
 * Path prefixes of the embed pages, which any site may frame: the latest embeds, and everything
 * pinned to a release (its embeds, and the downloads beside them, which framing cannot harm).
 */
export const EMBED_PREFIXES = LANGS.flatMap((l) => [localePath(l, '/embed/'), localePath(l, '/v/')]);

/** Path prefixes whose files are all named by their content's hash: Astro's assets, Pagefind's chunks. */
export const IMMUTABLE_PREFIXES = ['/_astro/', '/pagefind/fragment/', '/pagefind/index/', '/pagefind/filter/'];

/**
 * Other content-hashed files, as regular expressions (JavaScript and PCRE alike): Pagefind's
 * per-language metadata `pagefind.<lang>_<hash>.pf_meta`, and the chunks and metadata of a large
 * site's other index bundles (`/pagefind/b<k>/`: src/searchIndex/bundles.ts). Its other top-level
 * files (pagefind.js, pagefind-entry.json, pagefind-worker.js, wasm.<lang>.pagefind) and the search
 * page's facets and t2s files keep their names from build to build, so they are not immutable.
 */
export const IMMUTABLE_PATTERNS = [
  '^/pagefind/(b[0-9]+/)?pagefind\\.[A-Za-z0-9-]+_[0-9a-f]+\\.pf_meta$',
  '^/pagefind/b[0-9]+/(fragment|index|filter)/',
];

/** A path each of IMMUTABLE_PATTERNS matches, for the nginx location's headers and not-found page. */
const IMMUTABLE_SAMPLES = ['/pagefind/pagefind.en_0.pf_meta', '/pagefind/b1/fragment/en_0.pf_fragment'];

/** Not-found page per path prefix, longest first: each edition's paths get its own page. */
export const NOT_FOUND: { prefix: string; page: string }[] = [
  ...editionPrefixes()
    .map(({ prefix }) => ({ prefix, page: `${prefix}404.html` }))
    .sort((a, b) => b.prefix.length - a.prefix.length),
  { prefix: '/', page: '/404.html' },
];

/** Files of the build that only the host reads: never served. */
export const HOST_ONLY = { files: ['/_headers'], prefixes: ['/_host/'] };

/** Where scripts/writeHostFiles.ts writes the nginx snippets, relative to the build. */
export const NGINX_FILES = { site: '_host/nginx.conf', brotli: '_host/nginx-brotli.conf' };

/** Content type by file extension, for every kind of file the build has. Unknown: application/octet-stream. */
export const TYPES: Record<string, string> = {
  html: 'text/html',
  css: 'text/css',
  js: 'text/javascript',
  mjs: 'text/javascript',
  json: 'application/json',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
  xml: 'application/xml',
  csv: 'text/csv',
  txt: 'text/plain',
  cff: 'text/plain',
  ris: 'application/x-research-info-systems',
  webmanifest: 'application/manifest+json',
  wasm: 'application/wasm',
  woff2: 'font/woff2',
  // Pagefind's index, fragments, filters, metadata and WebAssembly: gzip data its script unpacks
  // itself. They must not be labelled as gzip-encoded (the browser would unpack them first).
  pf_meta: 'application/octet-stream',
  pf_index: 'application/octet-stream',
  pf_fragment: 'application/octet-stream',
  pf_filter: 'application/octet-stream',
  pagefind: 'application/octet-stream',
};

/** Types served with `; charset=utf-8` (all text the build writes is UTF-8). */
export const CHARSET_TYPES = [
  'text/html',
  'text/css',
  'text/javascript',
  'application/json',
  'image/svg+xml',
  'application/xml',
  'text/csv',
  'text/plain',
  'application/manifest+json',
  'application/x-research-info-systems',
];

/** The Content-Type header for a file name, as both servers send it. */
export function contentType(file: string): string {
  const ext = /\.([^./]+)$/.exec(file)?.[1]?.toLowerCase() ?? '';
  const type = TYPES[ext] ?? 'application/octet-stream';
  return CHARSET_TYPES.includes(type) ? `${type}; charset=utf-8` : type;
}

/** The Content-Security-Policy headers: pages may be framed by the site only, embeds by anyone. */
export interface HeaderPolicy {
  page: string;
  embed: string;
}

/**
 * Parses CSP text (`a x y; b z`) into directive → sources, in order, names lower-cased. A
 * directive given twice keeps its first value, as browsers do.
 */
export function parseCsp(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/**
 * The HTTP-header CSP from the `<meta>` policies of every page (their text, in a fixed order).
 * Both policies apply to a page, so the header must allow all that any page's meta allows: it is
 * their union (every directive any page has, with every source any page lists for it, first-seen
 * order), and the meta keeps each page as strict as it was. It adds what a meta cannot carry:
 * `frame-ancestors 'self'`, except on embeds.
 */
export function headerPolicy(metaPolicies: Iterable<string>): HeaderPolicy {
  const union = new Map<string, string[]>();
  for (const text of metaPolicies)
    for (const [name, sources] of parseCsp(text)) {
      const have = union.get(name) ?? [];
      for (const s of sources) if (!have.includes(s)) have.push(s);
      union.set(name, have);
    }
  union.delete('frame-ancestors');
  const render = (m: Map<string, string[]>) => [...m].map(([n, s]) => [n, ...s].join(' ')).join('; ');
  return { embed: render(union), page: render(new Map([...union, ['frame-ancestors', ["'self'"]]])) };
}

/** Whether a URL path is an embed page (or under one). */
export const isEmbed = (path: string) => EMBED_PREFIXES.some((p) => path.startsWith(p));

/** Whether a URL path names a content-hashed file. */
export const isImmutable = (path: string) =>
  IMMUTABLE_PREFIXES.some((p) => path.startsWith(p)) || IMMUTABLE_REGEXPS.some((r) => r.test(path));
// Compiled once: isImmutable runs for each of a large build's 600,000 files.
const IMMUTABLE_REGEXPS = IMMUTABLE_PATTERNS.map((r) => new RegExp(r));

/** The not-found page for a URL path. */
export const notFoundPage = (path: string) =>
  (NOT_FOUND.find((n) => path.startsWith(n.prefix)) ?? NOT_FOUND.at(-1)!).page;

/** Whether a URL path is one of the host's own files, never served. */
export const isHostOnly = (path: string) =>
  HOST_ONLY.files.includes(path) || HOST_ONLY.prefixes.some((p) => path.startsWith(p));

/**
 * The headers (besides Content-Type, Content-Length, validators and Vary) of the response to a
 * URL path, in this fixed order. X-Frame-Options repeats frame-ancestors for browsers older than CSP 2.
 */
export function headersFor(path: string, policy: HeaderPolicy): Record<string, string> {
  const embed = isEmbed(path);
  return {
    ...COMMON_HEADERS,
    'Content-Security-Policy': embed ? policy.embed : policy.page,
    ...(embed ? {} : { 'X-Frame-Options': 'SAMEORIGIN' }),
    'Cache-Control': isImmutable(path) ? CACHE.immutable : CACHE.short,
  };
}

/** The headers that depend on the path (the rest are in COMMON_HEADERS). */
const varying = (path: string, policy: HeaderPolicy) => {
  const all = headersFor(path, policy);
  for (const k of Object.keys(COMMON_HEADERS)) delete all[k];
  return all;
};

/**
 * `_headers` for a build whose files are `files` (paths relative to it, `/` separators). Hosts
 * differ on a header that two matching rules set (Cloudflare Pages joins the values with a comma,
 * which for a CSP means two policies, both enforced; Netlify keeps one), so no header is ever set
 * by two rules that match one path: COMMON_HEADERS by `/*` alone, the others by disjoint rules,
 * a folder's `/dir/*` where every file under it gets the same headers, else its files one by one.
 * Rules are few (Cloudflare Pages reads at most 100): one per folder or file where the kind changes.
 */
export function headersFile(files: string[], policy: HeaderPolicy): string {
  const served = files.filter((f) => !isHostOnly(`/${f}`));
  const rules: [string, Record<string, string>][] = [['/*', COMMON_HEADERS]];
  const key = (h: Record<string, string>) => JSON.stringify(h);
  const cover = (prefix: string, under: string[]) => {
    // `under`: paths relative to `prefix` (a folder URL ending in `/`).
    // A folder's rule also covers the paths under it that name no file: every embed path
    // (even a missing one) is an embed, and so on, as the prefixes say. Compared one file at a
    // time and stopped at the first that differs: a folder of millions of files (3,000
    // districts) would otherwise hold a headers text for each.
    const folderKind = key(varying(`${prefix}*`, policy));
    const uniform = under.length > 0 && under.every((f) => key(varying(prefix + f, policy)) === folderKind);
    if (prefix !== '/' && uniform) {
      rules.push([`${prefix}*`, varying(prefix + under[0]!, policy)]);
      return;
    }
    const dirs = new Map<string, string[]>();
    for (const f of under) {
      const slash = f.indexOf('/');
      if (slash < 0) {
        const path = prefix + f;
        // A folder's index.html is served at the folder's URL too.
        if (f === 'index.html') rules.push([prefix, varying(prefix, policy)]);
        rules.push([path, varying(path, policy)]);
      } else {
        const d = f.slice(0, slash);
        // Pushed, not spread: a folder of 300,000 search fragments made spreading quadratic.
        const list = dirs.get(d);
        if (list) list.push(f.slice(slash + 1));
        else dirs.set(d, [f.slice(slash + 1)]);
      }
    }
    for (const [d, list] of dirs) cover(`${prefix}${d}/`, list);
  };
  cover('/', [...served].sort());
  const lines = [
    '# Written by scripts/writeHostFiles.ts from src/outputs/hostHeaders.ts: do not edit.',
    '# For Netlify and Cloudflare Pages. No header is set by two rules that match one path.',
  ];
  for (const [pattern, headers] of rules) {
    lines.push(pattern);
    for (const [k, v] of Object.entries(headers)) lines.push(`  ${k}: ${v}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One rule of a `_headers` file: an exact path, or a prefix when it ends in `*`. */
export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
}

/** Reads a `_headers` file (comments, path lines, indented `Name: value` lines). */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: [] });
    else {
      const m = /^\s+([^:\s]+):\s*(.*)$/.exec(line);
      if (m && rules.length) rules.at(-1)!.headers.push([m[1]!, m[2]!.trim()]);
    }
  }
  return rules;
}

/**
 * The headers `_headers` rules give a URL path: those of every matching rule, in file order
 * (an exact path, or a `*` at the end matching any rest, the empty one included).
 */
export function matchHeaders(rules: HeaderRule[], path: string): [string, string][] {
  const matches = (p: string) => (p.endsWith('*') ? path.startsWith(p.slice(0, -1)) : path === p);
  return rules.filter((r) => matches(r.pattern)).flatMap((r) => r.headers);
}

/**
 * An nginx string literal. nginx expands `$name` inside strings and has no escape for `$`, so a
 * value with one (or a quote or backslash) is refused rather than written wrong.
 */
const quote = (s: string) => {
  if (/["\\$]/.test(s)) throw new Error(`nginxConf: cannot quote ${JSON.stringify(s)} for nginx`);
  return `"${s}"`;
};

/**
 * The nginx snippet to include inside a `server { … }` block whose `root` is the build: types,
 * charset, precompressed files (`gzip_static`), not-found pages, and one location per kind of
 * path with all its headers. nginx drops every inherited `add_header` in a block that has one of
 * its own, so each location repeats them all; `always` puts them on 404s too.
 */
export function nginxConf(policy: HeaderPolicy): string {
  const types = new Map<string, string[]>();
  for (const [ext, type] of Object.entries(TYPES)) types.set(type, [...(types.get(type) ?? []), ext]);
  const block = (head: string, path: string, extra: string[] = []) => [
    `location ${head} {`,
    ...extra.map((l) => `    ${l}`),
    ...Object.entries(headersFor(path, policy)).map(([k, v]) => `    add_header ${k} ${quote(v)} always;`),
    '}',
  ];
  const errorPage = (path: string) => `error_page 404 ${notFoundPage(path)};`;
  const prefixes = [...new Set(['/', ...NOT_FOUND.map((n) => n.prefix), ...EMBED_PREFIXES, ...IMMUTABLE_PREFIXES])];
  const lines = [
    '# Written by scripts/writeHostFiles.ts from src/outputs/hostHeaders.ts: do not edit.',
    '# Include inside a server block whose root is this build, e.g.',
    '#   server { listen 80; server_name example.org; root /srv/site; include /srv/site/_host/nginx.conf; }',
    "# With Debian's libnginx-mod-http-brotli-static, also include _host/nginx-brotli.conf.",
    'types {',
    ...[...types].map(([type, exts]) => `    ${type} ${exts.join(' ')};`),
    '}',
    'default_type application/octet-stream;',
    'charset utf-8;',
    // text/html is always one (naming it again is a warning).
    `charset_types ${CHARSET_TYPES.filter((t) => t !== 'text/html').join(' ')};`,
    'index index.html;',
    // Send the .gz written beside a file to clients that accept gzip, with Vary: Accept-Encoding.
    'gzip_static on;',
    'gzip_vary on;',
    // Redirects (/en → /en/) name the path only, so they work behind a proxy or TLS terminator.
    'absolute_redirect off;',
    'server_tokens off;',
    errorPage('/'),
    ...prefixes.flatMap((p) => block(p, p, p === '/' ? [] : [errorPage(p)])),
    ...IMMUTABLE_PATTERNS.flatMap((r) => {
      // A path the pattern matches, for its headers and not-found page.
      const sample = IMMUTABLE_SAMPLES.find((p) => new RegExp(r).test(p));
      if (sample === undefined) throw new Error(`nginxConf: no sample path for ${r}`);
      // Unquoted: the pattern has no space, `;` or brace, and inside quotes nginx would read the backslashes differently.
      if (/[\s;{}]/.test(r)) throw new Error(`nginxConf: pattern ${r} needs quoting`);
      return block(`~ ${r}`, sample, [errorPage(sample)]);
    }),
    ...HOST_ONLY.files.map((f) => `location = ${f} { return 404; }`),
    ...HOST_ONLY.prefixes.map((p) => `location ^~ ${p} { return 404; }`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The snippet that adds precompressed Brotli (needs the ngx_brotli static module). */
export const NGINX_BROTLI =
  '# Needs libnginx-mod-http-brotli-static (Debian). Sends the .br beside a file.\nbrotli_static on;\n';
