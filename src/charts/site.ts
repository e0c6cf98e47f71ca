/**
 * Charts as the site uses them: rendered once per chart, language and width for the whole
 * build (memoised), with the observation ids each chart draws for "where it is used".
 */
import { readFileSync } from 'node:fs';
import { CONTENT_DIR, getDataset } from '../dataset/dataset.ts';
import type { Lang } from '../i18n/strings.ts';
import { chartOrThrow } from './chrome.ts';
import { CHARTS } from './index.ts';
import { renderChart, type RenderedChart } from './render.ts';

/** The two widths every chart is drawn at: phones and wider screens (CSS px). */
export const WIDTHS = { narrow: 360, wide: 720 } as const;

const cache = new Map<string, RenderedChart>();
let geo: unknown;

/** `<CONTENT_DIR>/geo/shandong.topo.json`, read once. */
export function loadGeo(): unknown {
  geo ??= JSON.parse(readFileSync(`${CONTENT_DIR}/geo/shandong.topo.json`, 'utf8'));
  return geo;
}

/** The chart `id` rendered for `lang` at `width`; throws for an unknown id. */
export function renderedChart(id: string, lang: Lang, width: number): RenderedChart {
  const key = `${id}|${lang}|${width}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const def = chartOrThrow(id);
  const data = getDataset();
  const r = renderChart(def, { data, lang, width, geo: loadGeo() });
  cache.set(key, r);
  return r;
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
