/**
 * The version-pinned routes: for every frozen release, each chart's embed page and downloads
 * (`/v/<version>/embed/<id>/`, `/v/<version>/charts/<id>/chart.svg` and the rest, English under
 * `/en/`) and the dataset downloads (`/v/<version>/data/…`, once, at the root). Only what a pinned
 * URL needs: old releases get no copies of the site's pages.
 */
import type { APIRoute } from 'astro';
import { CHARTS } from '../charts/index.ts';
import { chartInRelease } from '../charts/site.ts';
import { releaseOrThrow, releases } from '../dataset/releases.ts';
import { chartCsv, chartJson, standaloneSvg } from './chartExport.ts';
import { svgToPng } from './png.ts';
import { localeStaticPaths } from './routes.ts';
import type { Lang } from '../site/editions.ts';
// A PNG is drawn from SVG text converted to the edition's script (the middleware converts the other files).
import { convertMarkup } from '../site/script.ts';

/** The pinned per-chart files, by name. */
export type PinnedFile = 'chart.svg' | 'chart.png' | 'data.csv' | 'data.json';

/** One static path per release, chart the release can draw, and language. */
export function pinnedChartPaths() {
  return localeStaticPaths(() =>
    releases().flatMap((r) =>
      CHARTS.filter((c) => chartInRelease(c.id, r)).map((c) => ({ params: { version: r.version, id: c.id } })),
    ),
  );
}

/** One static path per release (the dataset downloads exist once, not per language). */
export function pinnedReleasePaths<P extends Record<string, string>>(more: () => P[] = () => [{} as P]) {
  return releases().flatMap((r) => more().map((p) => ({ params: { ...p, version: r.version } })));
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/** The GET handler for the pinned `file` of chart `params.id` in release `params.version`. */
export function pinnedChartRoute(file: PinnedFile): APIRoute {
  return ({ params, props, site }) => {
    const id = params.id!;
    const lang = props.lang as Lang;
    const release = releaseOrThrow(params.version!);
    switch (file) {
      case 'chart.svg':
        return new Response(standaloneSvg(id, lang, site!, release), {
          headers: { 'content-type': 'image/svg+xml; charset=utf-8' },
        });
      case 'chart.png':
        return new Response(
          new Uint8Array(
            svgToPng(convertMarkup(lang, standaloneSvg(id, lang, site!, release), { xml: true }), { scale: 2 }),
          ),
          {
            headers: { 'content-type': 'image/png' },
          },
        );
      case 'data.csv':
        return new Response(chartCsv(id, lang, release), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
      case 'data.json':
        return new Response(json(chartJson(id, lang, site!, release, true)), {
          headers: { 'content-type': 'application/json; charset=utf-8' },
        });
    }
  };
}
