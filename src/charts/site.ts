/**
 * Charts as the site uses them: rendered once per chart, language and width for the whole
 * build (memoised), with the observation ids each chart draws for "where it is used".
 */
import { readFileSync } from 'node:fs';
import { CONTENT_DIR, getDataset } from '../dataset/dataset.ts';
import { keptManifest, sha256Of } from '../dataset/kept.ts';
import { currentRelease, releases, type Release } from '../dataset/releases.ts';
import { chartOrThrow } from './chrome.ts';
import { CHARTS } from './index.ts';
import { renderChart, type RenderedChart } from './render.ts';
import type { Lang } from '../site/editions.ts';

/**
 * The widths charts are drawn at (CSS px): every chart for phones and for the reading column, and
 * charts marked `breakout` also for wide screens, where they leave the column.
 */
export const WIDTHS = { narrow: 360, wide: 720, full: 1040 } as const;

const cache = new Map<string, RenderedChart>();
let geo: unknown;

/** `<CONTENT_DIR>/geo/shandong.topo.json`, read once. */
export function loadGeo(): unknown {
  geo ??= JSON.parse(readFileSync(`${CONTENT_DIR}/geo/shandong.topo.json`, 'utf8'));
  return geo;
}

/**
 * The chart `id` rendered for `lang` at `width` from the data of `release` (default: the current
 * data); throws for an unknown id, or when the release lacks a figure the chart draws.
 */
export function renderedChart(id: string, lang: Lang, width: number, release?: Release): RenderedChart {
  const rel = release ?? currentRelease();
  const key = `${id}|${lang}|${width}|${rel.version}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const def = chartOrThrow(id);
  const r = renderChart(def, { data: rel.data, lang, width, geo: loadGeo() });
  cache.set(key, r);
  return r;
}

/**
 * Whether chart `id` can be drawn from `release`'s data: charts are code, and a chart added
 * after a release may draw figures that release does not have. Such a chart has no pinned copy.
 * A frozen release that keeps its files says which charts it drew when it was made.
 */
export function chartInRelease(id: string, release: Release): boolean {
  const kept = keptManifest(release.version);
  if (kept) return id in kept.charts;
  try {
    renderedChart(id, 'en', WIDTHS.wide, release);
    renderedChart(id, 'zh', WIDTHS.wide, release);
    return true;
  } catch {
    return false;
  }
}

/**
 * What a reader of chart `id` drawn from `release` sees change, as a SHA-256: its rows (figures,
 * labels, periods, scopes, source ids) in both languages. A frozen release that keeps its files
 * gives the fingerprint of the chart it published, whatever today's chart code would draw.
 */
export function chartFingerprint(id: string, release: Release): string {
  const kept = keptManifest(release.version)?.charts[id];
  if (kept) return kept;
  return sha256Of(JSON.stringify((['zh', 'en'] as const).map((l) => renderedChart(id, l, WIDTHS.wide, release).rows)));
}

/** Whether chart `id` draws anything differently from `b`'s data than from `a`'s (both must draw it). */
export function chartDiffers(id: string, a: Release, b: Release): boolean {
  return chartFingerprint(id, a) !== chartFingerprint(id, b);
}

/** Ids of the charts drawn from `release`'s data that differ from the same chart in `other` (or are new in `release`). */
export function chartsChanged(release: Release, other: Release | undefined): string[] {
  return CHARTS.filter((c) => chartInRelease(c.id, release))
    .filter((c) => !other || !chartInRelease(c.id, other) || chartDiffers(c.id, release, other))
    .map((c) => c.id);
}

/** Every frozen release that chart `id` can be drawn from, newest first. */
export function chartReleases(id: string): Release[] {
  return releases().filter((r) => chartInRelease(id, r));
}

/** Chart id → ids of the observations it draws (derived figures resolved to their inputs). */
export function chartObservationUses(): Record<string, string[]> {
  const data = getDataset();
  return Object.fromEntries(
    CHARTS.map((c) => [
      c.id,
      renderedChart(c.id, 'en', WIDTHS.wide)
        .rows.filter((r) => data.observation.has(r.ref))
        .map((r) => r.ref),
    ]),
  );
}
