/**
 * The version-pinned routes: for every frozen release, each chart's embed page and downloads
 * (`/v/<version>/embed/<id>/`, `/v/<version>/charts/<id>/chart.svg` and the rest, English under
 * `/en/`) and the dataset downloads (`/v/<version>/data/…`, once, at the root). Only what a pinned
 * URL needs: old releases get no copies of the site's pages. Every file is the one the release
 * kept when it was made (src/dataset/kept.ts) with the build's origin put in, and each PNG is
 * drawn from the kept SVG (cached by its bytes): nothing here depends on today's chart code. Only
 * an edition added after a release was made, until its files are kept for it too
 * (scripts/writeReleaseFiles.ts), has them made at each build (`pinnedText`).
 */
import type { APIRoute } from 'astro';
import { keptManifestOrThrow, PUBLISHED_DIR, withOrigin } from '../dataset/kept.ts';
import { releaseOrThrow, releases } from '../dataset/releases.ts';
import { ROOT_LANG, type Lang } from '../site/editions.ts';
import { PUBLISHED_AS_IS } from '../site/script.ts';
import { keptPath, pinnedFileType, pinnedPng, pinnedText } from './releaseFiles.ts';
import { localeStaticPaths } from './routes.ts';

/** The pinned per-chart files, by name. */
export type PinnedFile = 'chart.svg' | 'chart.png' | 'data.csv' | 'data.json';

/** One static path per release, chart the release kept, and language. */
export function pinnedChartPaths() {
  return localeStaticPaths(() =>
    releases().flatMap((r) =>
      Object.keys(keptManifestOrThrow(r.version).charts).map((id) => ({ params: { version: r.version, id } })),
    ),
  );
}

/**
 * The static paths of a route serving kept dataset files: one per release and kept file under
 * `/v/<version>/data/` whose path there `file` matches; `file`'s named groups are the route's
 * other parameters (`/^(?<table>[a-z]+)\.csv$/`).
 */
export function pinnedDataPaths(file: RegExp) {
  const base = `${PUBLISHED_DIR}/data/`;
  return releases().flatMap((r) =>
    Object.keys(keptManifestOrThrow(r.version).files).flatMap((path) => {
      const m = path.startsWith(base) ? file.exec(path.slice(base.length)) : null;
      return m ? [{ params: { ...m.groups, version: r.version } }] : [];
    }),
  );
}

/** The response of release `version`'s kept file `path` (under `/v/<version>/`) of edition `lang`, published at `site`. */
function keptResponse(version: string, lang: Lang, path: string, site: URL): Response {
  const release = releaseOrThrow(version);
  const type = pinnedFileType(path);
  if (path.endsWith('/chart.png')) {
    const svg = pinnedText(release, lang, keptPath(lang, path.replace(/chart\.png$/, 'chart.svg')));
    return new Response(new Uint8Array(pinnedPng(svg, site)), { headers: { 'content-type': type } });
  }
  // Kept in its edition's script: the middleware must not convert it again.
  return new Response(withOrigin(pinnedText(release, lang, keptPath(lang, path)), site), {
    headers: { 'content-type': type, [PUBLISHED_AS_IS]: '1' },
  });
}

/** The GET handler for the pinned `file` of chart `params.id` in release `params.version`. */
export function pinnedChartRoute(file: PinnedFile): APIRoute {
  return ({ params, props, site }) =>
    keptResponse(params.version!, props.lang as Lang, `/charts/${params.id!}/${file}`, site!);
}

/** The GET handler of a dataset file of release `params.version`: `pathOf(params)` under `/v/<version>/data/`. */
export function pinnedDataRoute(pathOf: (params: Record<string, string | undefined>) => string): APIRoute {
  return ({ params, site }) => keptResponse(params.version!, ROOT_LANG, `/data/${pathOf(params)}`, site!);
}
