/**
 * Every page path of the site without its language prefix, for the sitemap and link checks; and
 * the static paths of the routes under `src/pages/[...lang]/`, which serve every language.
 */
import { CHARTS } from '../charts/index.ts';
import { chartInRelease } from '../charts/site.ts';
import { getDataset } from '../dataset/dataset.ts';
import type { Dataset } from '../dataset/schemas.ts';
import { releases } from '../dataset/releases.ts';
import { LANGS, type Lang } from '../site/editions.ts';
import { routeParam } from '../site/paths.ts';

/**
 * Data points the data index lists on its own page at most. Above this, it lists the districts
 * and each district's data points have a page of their own (`dataDistricts`): at 1,000 generated
 * districts (45,000 data points) one page listing them all was 25 MB in each edition.
 */
export const DATA_INDEX_MAX_POINTS = 1000;

/** The ids of the districts whose data points have a page of their own, in dataset order: none while the data index lists every data point. */
export function dataDistricts(data: Dataset = getDataset()): string[] {
  if (data.observations.length <= DATA_INDEX_MAX_POINTS) return [];
  const have = new Set(data.observations.map((o) => o.district));
  return data.districts.filter((d) => have.has(d.id)).map((d) => d.id);
}

/** Edition-neutral paths, each served in every edition (`/path`, `/en/path`, `/zh-hant/path`). */
export function sitePaths(): string[] {
  const data = getDataset();
  return [
    '/',
    '/compare/',
    '/case-studies/',
    ...data.districts.map((d) => `/case-studies/${d.id}/`),
    ...data.districts.map((d) => `/case-studies/${d.id}/passages/`),
    '/charts/',
    ...CHARTS.map((c) => `/charts/${c.id}/`),
    '/data/',
    ...dataDistricts().map((id) => `/data/districts/${id}/`),
    ...data.observations.map((o) => `/data/${o.id}/`),
    ...releases().map((r) => `/releases/${r.version}/`),
    '/sources/',
    '/glossary/',
    '/methodology/',
    '/methodology/passages/',
    ...data.glossary.map((g) => `/glossary/${g.id}/`),
    '/search/',
  ];
}

/**
 * Embed pages (`/embed/<id>/`, English under `/en/`): HTML pages for other sites' iframes. Kept
 * out of `sitePaths()` on purpose: they are `noindex` (so not in the sitemap) and have no
 * navigation or language switch, which the checks over `sitePaths()` require.
 */
export function embedPaths(): string[] {
  return [
    ...CHARTS.map((c) => `/embed/${c.id}/`),
    ...releases().flatMap((r) =>
      CHARTS.filter((c) => chartInRelease(c.id, r)).map((c) => `/v/${r.version}/embed/${c.id}/`),
    ),
  ];
}

/** A static path of a route under `src/pages/[...lang]/`, before its language is added. */
interface LanguageNeutralPath<P extends Record<string, string>, Q extends object> {
  params: P;
  props?: Q;
}

/**
 * The static paths of a route under `src/pages/[...lang]/`: `paths(lang)` (by default the route's
 * one page) in each edition of `LANGS`, with the edition's URL prefix as `params.lang` (none for
 * the root edition) and the edition as `props.lang`.
 */
export async function localeStaticPaths<
  P extends Record<string, string> = Record<never, never>,
  Q extends object = Record<never, never>,
>(paths?: (lang: Lang) => LanguageNeutralPath<P, Q>[] | Promise<LanguageNeutralPath<P, Q>[]>) {
  const all: { params: P & { lang: string | undefined }; props: Q & { lang: Lang } }[] = [];
  for (const lang of LANGS) {
    const prefix = routeParam(lang);
    for (const p of paths ? await paths(lang) : [{ params: {} as P }])
      all.push({ params: { ...p.params, lang: prefix }, props: { ...(p.props as Q), lang } });
  }
  return all;
}
