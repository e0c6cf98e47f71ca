/**
 * Finds every reference in a built site and checks the internal ones against the files: links,
 * `#fragment` anchors, images, scripts, stylesheets, downloads, feeds, alternates, canonical
 * URLs, sitemap and feed entries, CSS `url()`s and absolute site URLs inside JSON files.
 * Absolute URLs on the site's public origin (canonical, hreflang, sitemap) are mapped onto the
 * folder. External URLs are listed, never fetched. Used by scripts/checkLinks.ts and the links gate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { fileOf, listFiles, urlPathOf, siteOrigin } from './builtSite.ts';

/** What a reference points at, for the counts in the report. */
export type RefKind =
  | 'page'
  | 'anchor'
  | 'image'
  | 'download'
  | 'feed'
  | 'alternate'
  | 'canonical'
  | 'asset'
  | 'sitemap'
  | 'form'
  | 'data-url';

/** One reference found in a file. `url` is as written (entities decoded). */
export interface Ref {
  from: string;
  kind: RefKind;
  url: string;
}

/** A reference that does not resolve, with the reason. */
export interface Broken extends Ref {
  reason: string;
}

/** What `checkLinks` found: counts per kind of internal reference checked, external URLs, failures. */
export interface LinkReport {
  origin: string;
  files: { html: number; xml: number; css: number; json: number };
  /** Internal references checked, per kind; `anchor` counts every `#fragment` verified. */
  checked: Record<RefKind, number>;
  /** Distinct external URLs (not fetched), with one page that links each. */
  external: { url: string; from: string }[];
  broken: Broken[];
}

const FEED_TYPES = /^application\/(rss|atom)\+xml$/;
const DOWNLOAD_EXT = /\.(csv|json|svg|png|xml|zip|txt|pdf|geojson|topojson)$/i;

/** The references of one HTML document and the ids its fragments may target. */
export function extractHtml(html: string, from: string): { refs: Ref[]; ids: Set<string> } {
  const { document } = parseHTML(html);
  const refs: Ref[] = [];
  const add = (kind: RefKind, url: string | null | undefined) => {
    if (url != null) refs.push({ from, kind, url: url.trim() });
  };
  for (const a of document.querySelectorAll('a[href], area[href]')) {
    const href = a.getAttribute('href')!;
    add(a.hasAttribute('download') || DOWNLOAD_EXT.test(href.split(/[?#]/)[0]!) ? 'download' : 'page', href);
  }
  for (const l of document.querySelectorAll('link[href]')) {
    const rel = (l.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    const href = l.getAttribute('href')!;
    if (rel.includes('canonical')) add('canonical', href);
    else if (rel.includes('alternate') && FEED_TYPES.test(l.getAttribute('type') ?? '')) add('feed', href);
    else if (rel.includes('alternate')) add('alternate', href);
    else if (rel.includes('icon')) add('image', href);
    else add('asset', href);
  }
  for (const el of document.querySelectorAll(
    'img[src], source[src], video[src], audio[src], track[src], input[type=image][src]',
  ))
    add('image', el.getAttribute('src'));
  for (const el of document.querySelectorAll('video[poster]')) add('image', el.getAttribute('poster'));
  for (const el of document.querySelectorAll('img[srcset], source[srcset]')) {
    for (const part of el.getAttribute('srcset')!.split(',')) add('image', part.trim().split(/\s+/)[0]);
  }
  for (const el of document.querySelectorAll('script[src], iframe[src], embed[src]'))
    add('asset', el.getAttribute('src'));
  for (const el of document.querySelectorAll('object[data]')) add('asset', el.getAttribute('data'));
  for (const el of document.querySelectorAll('form[action]')) add('form', el.getAttribute('action'));
  // SVG <use>/<image> references (inline charts) and social cards that name site files.
  for (const el of document.querySelectorAll('use, image'))
    add('image', el.getAttribute('href') ?? el.getAttribute('xlink:href'));
  for (const el of document.querySelectorAll(
    'meta[property="og:image"], meta[name="twitter:image"], meta[property="og:url"]',
  )) {
    add(el.getAttribute('property') === 'og:url' ? 'canonical' : 'image', el.getAttribute('content'));
  }
  const ids = new Set<string>();
  for (const el of document.querySelectorAll('[id]')) ids.add(el.getAttribute('id')!);
  for (const el of document.querySelectorAll('a[name]')) ids.add(el.getAttribute('name')!);
  return { refs: refs.filter((r) => r.url !== ''), ids };
}

const decodeXml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Sitemap `<loc>`, feed `<link>`/`<guid>` and any `href="…"` in an XML file. */
export function extractXml(xml: string, from: string): Ref[] {
  const refs: Ref[] = [];
  const kind: RefKind = /sitemap/.test(from) ? 'sitemap' : 'feed';
  for (const m of xml.matchAll(/<(loc|link|guid)(\s[^>]*)?>([^<]+)<\/\1>/g)) {
    if (m[1] === 'guid' && /isPermaLink="false"/.test(m[2] ?? '')) continue;
    refs.push({ from, kind, url: decodeXml(m[3]!.trim()) });
  }
  for (const m of xml.matchAll(/\shref="([^"]+)"/g)) refs.push({ from, kind: 'alternate', url: decodeXml(m[1]!) });
  return refs;
}

/** `url(…)` references in a stylesheet (fonts, images). */
export function extractCss(css: string, from: string): Ref[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)].map((m) => ({
    from,
    kind: 'asset' as const,
    url: m[2]!,
  }));
}

/** Strings in a JSON file that are URLs on the site (oEmbed, datapackage), and datapackage paths. */
export function extractJson(json: string, from: string, origin: string): Ref[] {
  const refs: Ref[] = [];
  const walk = (v: unknown, key: string) => {
    if (typeof v === 'string') {
      if (v.startsWith(`${origin}/`) || v === origin) refs.push({ from, kind: 'download', url: v });
      // Data Package resources name their files relative to the descriptor.
      else if (key === 'path' && /datapackage\.json$/.test(from) && !/^[a-z]+:/i.test(v))
        refs.push({ from, kind: 'download', url: v });
    } else if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
  };
  walk(JSON.parse(json), '');
  return refs;
}

/** Checks every reference in `dir` (default dist); never touches the network. */
export function checkLinks(dir = 'dist'): LinkReport {
  const origin = siteOrigin(dir);
  const files = listFiles(dir).filter((f) => !f.startsWith('pagefind/'));
  const report: LinkReport = {
    origin,
    files: { html: 0, xml: 0, css: 0, json: 0 },
    checked: {
      page: 0,
      anchor: 0,
      image: 0,
      download: 0,
      feed: 0,
      alternate: 0,
      canonical: 0,
      asset: 0,
      sitemap: 0,
      form: 0,
      'data-url': 0,
    },
    external: [],
    broken: [],
  };
  const idsOf = new Map<string, Set<string>>();
  const refs: Ref[] = [];
  for (const f of files) {
    const text = () => readFileSync(join(dir, f), 'utf8');
    if (f.endsWith('.html')) {
      report.files.html++;
      const { refs: r, ids } = extractHtml(text(), f);
      idsOf.set(join(dir, f), ids);
      refs.push(...r);
    } else if (f.endsWith('.xml')) {
      report.files.xml++;
      refs.push(...extractXml(text(), f));
    } else if (f.endsWith('.css')) {
      report.files.css++;
      refs.push(...extractCss(text(), f));
    } else if (f.endsWith('.json')) {
      report.files.json++;
      refs.push(...extractJson(text(), f, origin));
    }
  }
  const ids = (file: string) => {
    let s = idsOf.get(file);
    if (!s) {
      s = extractHtml(readFileSync(file, 'utf8'), file).ids;
      idsOf.set(file, s);
    }
    return s;
  };
  const external = new Map<string, string>();
  for (const ref of refs) {
    const fail = (reason: string) => report.broken.push({ ...ref, reason });
    if (/^javascript:/i.test(ref.url)) {
      fail('javascript: URL (forbidden by the CSP rules)');
      continue;
    }
    if (/^(mailto|tel):/i.test(ref.url)) continue;
    if (/^data:/i.test(ref.url)) {
      report.checked['data-url']++;
      continue;
    }
    // Relative references resolve against the page's public URL, as a browser would.
    const base = new URL(urlPathOf(ref.from), `${origin}/`);
    let url: URL;
    try {
      url = new URL(ref.url, base);
    } catch {
      fail('not a valid URL');
      continue;
    }
    if (url.origin !== origin) {
      if (/^https?:$/.test(url.protocol)) {
        if (!external.has(url.href)) external.set(url.href, ref.from);
      } else fail(`unexpected scheme ${url.protocol}`);
      continue;
    }
    const target = fileOf(dir, url.pathname);
    if (!target) {
      fail(`no file for ${url.pathname}`);
      continue;
    }
    report.checked[ref.kind]++;
    // A text fragment (`#id:~:text=…`) is a directive to the browser, not part of the id.
    const fragment = url.hash.slice(1).split(':~:')[0]!;
    if (fragment && target.endsWith('.html')) {
      let id: string;
      try {
        id = decodeURIComponent(fragment);
      } catch {
        fail('undecodable #fragment');
        continue;
      }
      if (!ids(target).has(id)) fail(`no id="${id}" in ${url.pathname}`);
      else report.checked.anchor++;
    }
  }
  report.external = [...external].map(([url, from]) => ({ url, from })).sort((a, b) => a.url.localeCompare(b.url));
  return report;
}

/** One line of counts, e.g. `652 pages · 4 css …`, for logs. */
export function summary(r: LinkReport): string {
  const total = Object.values(r.checked).reduce((a, b) => a + b, 0) - r.checked.anchor;
  const kinds = Object.entries(r.checked)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ${n}`)
    .join(' · ');
  return `${r.files.html} HTML, ${r.files.xml} XML, ${r.files.css} CSS, ${r.files.json} JSON files; ${total} internal references checked (${kinds}); ${r.external.length} external URLs listed; ${r.broken.length} broken`;
}
