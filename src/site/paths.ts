/**
 * Every address the site writes, built and parsed in one place: an edition's pages
 * (`/compare/`, `/en/compare/`, `/zh-hant/compare/`), its charts, embeds, downloads and feeds,
 * the pages and files pinned to a dataset version (`/v/<version>/…` under the edition's prefix),
 * and absolute URLs at the public origin. Paths start and, for pages, end with `/`.
 */
import { EDITIONS, edition, ROOT_LANG, type Lang } from './editions.ts';

/** The path of a site page or file in edition `lang`: `path` under the edition's prefix (`/en/x/`); `path` starts with `/`. */
export function localePath(lang: Lang, path: string): string {
  const { prefix } = edition(lang);
  return prefix === '' ? path : `/${prefix}${path}`;
}

/** The edition of a site path, and the path without its edition prefix (`/en/compare/` → `en`, `/compare/`). */
export function splitLocalePath(pathname: string): { lang: Lang; path: string } {
  for (const e of EDITIONS) {
    if (e.prefix === '') continue;
    const p = `/${e.prefix}`;
    if (pathname === p || pathname.startsWith(`${p}/`)) return { lang: e.id, path: pathname.slice(p.length) || '/' };
  }
  return { lang: ROOT_LANG, path: pathname };
}

/** The `[...lang]` route parameter of edition `lang`: its prefix, or undefined at the root (a rest parameter left undefined adds no segment). */
export function routeParam(lang: Lang): string | undefined {
  return edition(lang).prefix || undefined;
}

/** Path of chart `id`'s page in `lang` (`/charts/<id>/`, `/en/charts/<id>/`), or of a file under it. */
export function chartPath(id: string, lang: Lang, file = ''): string {
  return localePath(lang, `/charts/${id}/${file}`);
}

/** Path of chart `id`'s embed page in `lang`. */
export function embedPath(id: string, lang: Lang): string {
  return localePath(lang, `/embed/${id}/`);
}

/** Path of the pages and files pinned to dataset `version` in `lang` (`/v/<version>/…`, `/en/v/<version>/…`). */
export function pinnedPath(version: string, lang: Lang, path: string): string {
  return localePath(lang, `/v/${version}${path}`);
}

/** Path of chart `id`'s embed page pinned to dataset `version`. */
export function pinnedEmbedPath(id: string, lang: Lang, version: string): string {
  return pinnedPath(version, lang, `/embed/${id}/`);
}

/** Path of chart `id`'s download `file` pinned to dataset `version`. */
export function pinnedChartPath(id: string, lang: Lang, version: string, file: string): string {
  return pinnedPath(version, lang, `/charts/${id}/${file}`);
}

/** Path of the page of release `version` (what changed, its pinned downloads): `/releases/<version>/`. */
export function releasePath(version: string, lang: Lang): string {
  return localePath(lang, `/releases/${version}/`);
}

/** Path of one of the site's font files (public/fonts/, written by scripts/writeFonts.ts), by stem. */
export function fontPath(stem: string): string {
  return `/fonts/${stem}.woff2`;
}

/** Path of data point `id`'s page. */
export function dataPointPath(id: string, lang: Lang): string {
  return localePath(lang, `/data/${id}/`);
}

/** Path of the page listing district `id`'s data points (only a large dataset has them: `dataDistricts` in src/outputs/routes.ts). */
export function dataDistrictPath(id: string, lang: Lang): string {
  return localePath(lang, `/data/districts/${id}/`);
}

/** Path of district `id`'s case study. */
export function caseStudyPath(id: string, lang: Lang): string {
  return localePath(lang, `/case-studies/${id}/`);
}

/** Path of source `id`'s entry on the sources page. */
export function sourcePath(id: string, lang: Lang): string {
  return localePath(lang, `/sources/#${id}`);
}

/** Path of glossary term `id`'s entry. */
export function glossaryPath(id: string, lang: Lang): string {
  return localePath(lang, `/glossary/#${id}`);
}

/** Path of glossary term `id`'s own page (its uses on the site and its counts in the sources): `/glossary/<id>/`. */
export function termPath(id: string, lang: Lang): string {
  return localePath(lang, `/glossary/${id}/`);
}

/**
 * Folder of the dataset downloads (they exist once, in no edition's prefix): `/data/`, or with
 * `version` that frozen release's `/v/<version>/data/`.
 */
export function dataFolder(version?: string): string {
  return version ? pinnedPath(version, ROOT_LANG, '/data/') : '/data/';
}

/** Path of data point `id` alone as `json` (its record) or `csv` (its row of observations.csv): `/data/points/<id>.json`. */
export function pointFilePath(id: string, ext: 'json' | 'csv', version?: string): string {
  return `${dataFolder(version)}points/${id}.${ext}`;
}

/** Path of district `id`'s rows of observations.csv: `/data/districts/<id>.csv`. */
export function districtFilePath(id: string, version?: string): string {
  return `${dataFolder(version)}districts/${id}.csv`;
}

/** The files each citable work downloads as, by format: RIS and CSL-JSON, beside the page that shows the citation. */
export const CITATION_FILES = { ris: 'citation.ris', csl: 'citation.csl.json' } as const;
/** A citation download format: `ris` or `csl` (CSL-JSON). */
export type CitationFormat = keyof typeof CITATION_FILES;

/**
 * Path of a work's citation file in `format`: in the folder of the page that shows it (`folder`,
 * a path ending in `/`), e.g. `/en/charts/unit-size/citation.ris`.
 */
export function citationFilePath(folder: string, format: CitationFormat): string {
  return `${folder}${CITATION_FILES[format]}`;
}

/** Folder of source `id`'s citation files (the source's entry is an anchor on the sources page): `/sources/<id>/`. */
export function sourceFolder(id: string, lang: Lang): string {
  return localePath(lang, `/sources/${id}/`);
}

/** Absolute URL of chart `id`'s page (or a file under it) at the public origin `site`. */
export function chartUrl(id: string, lang: Lang, site: URL, file = ''): string {
  return new URL(chartPath(id, lang, file), site).href;
}

/** Absolute URL of `path` of edition `lang` at the public origin `site`. */
export function pageUrl(lang: Lang, path: string, site: URL): string {
  return new URL(localePath(lang, path), site).href;
}

/** The path prefixes of the editions other than the root one, with slashes (`/en/`, `/zh-hant/`): the first segment of their paths. */
export function editionPrefixes(): { lang: Lang; prefix: string }[] {
  return EDITIONS.filter((e) => e.prefix !== '').map((e) => ({ lang: e.id, prefix: `/${e.prefix}/` }));
}
