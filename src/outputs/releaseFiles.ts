/**
 * What a release publishes, made once when the release is made and then kept (src/dataset/kept.ts,
 * written by scripts/writeReleaseFiles.ts): every file under `/v/<version>/` in every edition
 * (chart SVG, CSV and JSON; the dataset's tables, data points, districts, data package, citation
 * and schemas), each embed's figure, each chart's fingerprint, and the PNGs' hashes. The builds
 * that follow serve the kept files (src/outputs/releaseDownloads.ts) and never make them again.
 */
import { CHARTS } from '../charts/index.ts';
import { chartFingerprint, chartInRelease } from '../charts/site.ts';
import { districtsWithData } from '../dataset/dataset.ts';
import {
  KEPT_ORIGIN,
  type KeptFile,
  type KeptManifest,
  PUBLISHED_DIR,
  keptManifestOrThrow,
  keptText,
  sha256Of,
  withOrigin,
  writeKept,
  addKept,
} from '../dataset/kept.ts';
import type { Release } from '../dataset/releases.ts';
import { LANGS, type Lang, ROOT_LANG } from '../site/editions.ts';
import { localePath } from '../site/paths.ts';
import { convertBody } from '../site/script.ts';
import { chartCsv, chartJson, standaloneSvg } from './chartExport.ts';
import { citationCff } from './cite.ts';
import { toCsv } from './csv.ts';
import { dataPackage, TABLE_NAMES, tableRows } from './datapackage.ts';
import { type EmbedFigure, embedFigure, embedFigureSchema, keptFigurePath } from './embed.ts';
import { datasetJsonSchema, SCHEMA_NAMES } from './jsonSchema.ts';
import { svgToPng } from './png.ts';
import { recordFile } from './recordFiles.ts';

/** The media type of a pinned file, by its extension. */
export function pinnedFileType(path: string): string {
  const ext = path.slice(path.lastIndexOf('.') + 1);
  const types: Record<string, string> = {
    svg: 'image/svg+xml; charset=utf-8',
    png: 'image/png',
    csv: 'text/csv; charset=utf-8',
    json: 'application/json; charset=utf-8',
    cff: 'text/plain; charset=utf-8',
  };
  const type = types[ext];
  if (!type) throw new Error(`pinnedFileType: no media type for ${path}`);
  return type;
}

/** Where a release keeps its file `path` (under `/v/<version>/`, without an edition prefix) of edition `lang`. */
export function keptPath(lang: Lang, path: string): string {
  return `${PUBLISHED_DIR}${localePath(lang, path)}`;
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/**
 * Every file release `release` publishes under `/v/<version>/` in edition `lang` but its PNGs,
 * and its embeds' figures, as kept: paths relative to the release's folder, the origin written as
 * `KEPT_ORIGIN`, a converting edition's files in its script.
 */
export function editionFiles(release: Release, lang: Lang): KeptFile[] {
  const site = new URL(KEPT_ORIGIN);
  const file = (path: string, body: string) => ({
    path: keptPath(lang, path),
    body: convertBody(lang, pinnedFileType(path), body),
  });
  return CHARTS.filter((c) => chartInRelease(c.id, release)).flatMap(({ id }) => [
    file(`/charts/${id}/chart.svg`, standaloneSvg(id, lang, site, release)),
    file(`/charts/${id}/data.csv`, chartCsv(id, lang, release)),
    file(`/charts/${id}/data.json`, json(chartJson(id, lang, site, release, true))),
    { path: keptFigurePath(id, lang), body: json(embedFigure(id, lang, release)) },
  ]);
}

/** The dataset's files release `release` publishes under `/v/<version>/data/` (once, at the root), as kept. */
export function datasetFiles(release: Release): KeptFile[] {
  const site = new URL(KEPT_ORIGIN);
  const files: KeptFile[] = [];
  const add = (path: string, body: string) => files.push({ path: keptPath(ROOT_LANG, path), body });
  const data = release.data;
  for (const table of TABLE_NAMES) {
    const { header, rows } = tableRows(data, table);
    add(`/data/${table}.csv`, toCsv(header, rows, { bom: false }));
    add(`/data/${table}.json`, json(data[table]));
  }
  add('/data/datapackage.json', json(dataPackage(site, release, true)));
  add('/data/CITATION.cff', citationCff(site, release));
  for (const name of SCHEMA_NAMES)
    add(`/data/schema/${name}.schema.json`, json(datasetJsonSchema(name, site, `/v/${release.version}/data/`)));
  for (const d of districtsWithData(data)) add(`/data/districts/${d.id}.csv`, recordFile(data, 'district.csv', d.id));
  for (const o of data.observations) {
    add(`/data/points/${o.id}.csv`, recordFile(data, 'point.csv', o.id));
    add(`/data/points/${o.id}.json`, recordFile(data, 'point.json', o.id));
  }
  return files;
}

/** Everything release `release` publishes but its PNGs, in every edition, as kept. */
export function releaseFiles(release: Release): KeptFile[] {
  return [...datasetFiles(release), ...LANGS.flatMap((lang) => editionFiles(release, lang))];
}

/** The editions whose files release `version` keeps (an edition added since has none yet). */
export function keptEditions(manifest: KeptManifest): Lang[] {
  return LANGS.filter((lang) => Object.keys(manifest.files).some((p) => p.startsWith(keptPath(lang, '/charts/'))));
}

const madeNow = new Map<string, Map<string, string>>();

/**
 * The text of file `path` (relative to the release's folder) of release `release` in edition
 * `lang`: as kept, or, for an edition added after the release was made and not kept for it yet
 * (`node scripts/writeReleaseFiles.ts` keeps it), made now from the release's data.
 */
export function pinnedText(release: Release, lang: Lang, path: string): string {
  if (keptManifestOrThrow(release.version).files[path]) return keptText(release.version, path);
  const key = `${release.version}|${lang}`;
  let files = madeNow.get(key);
  if (!files) {
    files = new Map(editionFiles(release, lang).map((f) => [f.path, f.body]));
    madeNow.set(key, files);
  }
  const body = files.get(path);
  if (body === undefined) throw new Error(`${release.version} publishes no ${path}`);
  return body;
}

/** The figure of chart `id`'s embed in edition `lang` pinned to frozen release `release`, as kept. */
export function pinnedEmbedFigure(release: Release, id: string, lang: Lang): EmbedFigure {
  return embedFigureSchema.parse(JSON.parse(pinnedText(release, lang, keptFigurePath(id, lang))));
}

/** The fingerprint of each chart release `release` draws (src/charts/site.ts `chartFingerprint`). */
export function releaseCharts(release: Release): KeptManifest['charts'] {
  return Object.fromEntries(
    CHARTS.filter((c) => chartInRelease(c.id, release)).map((c) => [c.id, chartFingerprint(c.id, release)]),
  );
}

// Not chartDownloads.ts's PNG_SCALE: the latest PNGs may change size, a frozen release's never.
const PINNED_PNG_SCALE = 2;

/** A pinned chart PNG at `site`: its kept SVG (in its edition's script) drawn at twice its size. */
export function pinnedPng(keptSvg: string, site: URL | string): Buffer {
  return svgToPng(withOrigin(keptSvg, site), { scale: PINNED_PNG_SCALE });
}

/**
 * The PNGs of a release drawn from its kept `files` for `origin`: each path under `/v/<version>/`
 * (`charts/<id>/chart.png`, `en/charts/…`) → SHA-256.
 */
export function releasePngs(files: readonly KeptFile[], origin: string): KeptManifest['png'] {
  const pngs: Record<string, string> = {};
  for (const f of files) {
    const m = /^published\/(.*\/)?chart\.svg$/.exec(f.path);
    if (m) pngs[`${m[1] ?? ''}chart.png`] = sha256Of(pinnedPng(f.body, origin));
  }
  return { origin, files: pngs };
}

/**
 * Makes and keeps everything release `release` publishes (`releaseFiles`, `releaseCharts`, and
 * the PNGs' hashes for `pngOrigin`) in its folder; throws, writing nothing, when it keeps its
 * files already.
 */
export function keepRelease(release: Release, pngOrigin: string): KeptManifest {
  const files = releaseFiles(release);
  return writeKept(release.version, files, releaseCharts(release), releasePngs(files, pngOrigin));
}

/**
 * Keeps, beside what release `release` keeps already, the files of the editions added since it
 * was made (none when it keeps every edition); the files it kept are left as they are.
 */
export function keepNewEditions(release: Release): KeptManifest {
  const kept = keptManifestOrThrow(release.version);
  const have = keptEditions(kept);
  const files = LANGS.filter((l) => !have.includes(l)).flatMap((l) => editionFiles(release, l));
  return files.length === 0 ? kept : addKept(release.version, files, releasePngs(files, kept.png.origin).files);
}
