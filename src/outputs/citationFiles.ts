/**
 * The routes of the citation files: each citable work's RIS and CSL-JSON in every edition, in the
 * folder of the page that shows its citation (src/site/paths.ts `citationFilePath`).
 */
import type { APIRoute } from 'astro';
import { CHARTS } from '../charts/index.ts';
import { caseStudies } from '../dataset/caseStudies.ts';
import { getDataset } from '../dataset/dataset.ts';
import { releaseOrThrow, releases } from '../dataset/releases.ts';
import { contentOf, type Lang } from '../site/editions.ts';
import type { CitationFormat } from '../site/paths.ts';
import { citeCaseStudy, citeChart, citeDataPoint, citeDataset, sourceWork } from './cite.ts';
import { cslJson, ris, type Work } from './citationFormats.ts';
import { localeStaticPaths } from './routes.ts';

/** The kinds of page whose citation downloads as files. */
export type CitedKind = 'chart' | 'dataset' | 'release' | 'case-study' | 'data-point' | 'source';

/** The static paths of `kind`'s citation file routes, in every edition. */
export function citationPaths(kind: CitedKind) {
  switch (kind) {
    case 'chart':
      return localeStaticPaths(() => CHARTS.map((c) => ({ params: { id: c.id } })));
    case 'dataset':
      return localeStaticPaths();
    case 'release':
      return localeStaticPaths(() => releases().map((r) => ({ params: { version: r.version } })));
    case 'case-study':
      return localeStaticPaths(async (lang) =>
        (await caseStudies(contentOf(lang))).map((e) => ({
          params: { district: e.data.district },
          props: { title: e.data.title, updated: e.data.updated },
        })),
      );
    case 'data-point':
      return localeStaticPaths(() => getDataset().observations.map((o) => ({ params: { id: o.id } })));
    case 'source':
      return localeStaticPaths(() => getDataset().sources.map((s) => ({ params: { id: s.id } })));
  }
}

/** Media types of the formats: RIS as registered by its users, CSL-JSON as JSON. */
const TYPES: Record<CitationFormat, string> = {
  ris: 'application/x-research-info-systems; charset=utf-8',
  csl: 'application/json; charset=utf-8',
};

/** The work `kind`'s route cites, from its params and props. */
function workOf(
  kind: CitedKind,
  params: Record<string, string | undefined>,
  props: Record<string, unknown>,
  site: URL,
): Work {
  const lang = props.lang as Lang;
  switch (kind) {
    case 'chart':
      return citeChart(params.id!, lang, site).work;
    case 'dataset':
      return citeDataset(lang, site).work;
    case 'release':
      return citeDataset(lang, site, releaseOrThrow(params.version!), true).work;
    case 'case-study':
      return citeCaseStudy(
        { district: params.district!, title: props.title as string, updated: props.updated as string },
        lang,
        site,
      ).work;
    case 'data-point':
      return citeDataPoint(params.id!, lang, site).work;
    case 'source':
      return sourceWork(params.id!, lang, site, { printedTitle: true });
  }
}

/** The GET handler of `kind`'s citation file in `format`. */
export function citationRoute(kind: CitedKind, format: CitationFormat): APIRoute {
  return ({ params, props, site }) => {
    const work = workOf(kind, params, props, site!);
    return new Response(format === 'ris' ? ris(work) : cslJson(work), { headers: { 'content-type': TYPES[format] } });
  };
}
