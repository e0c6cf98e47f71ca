/**
 * One colour per featured district, used by every chart and map: the Okabe–Ito colour-blind-safe
 * set, mid-tones with at least 3:1 contrast against both the light (#fdfcf9) and dark (#16171a)
 * page. Featured districts take them in site order (districts.json); any others are drawn grey.
 */
import { featuredDistricts } from '../dataset/dataset.ts';
import type { Dataset } from '../dataset/schemas.ts';

/** Colours of the featured districts, in site order (as many as `FEATURED_MAX`). */
export const PALETTE = ['#0072b2', '#d55e00', '#009e73'] as const;
/** Grey for context (other districts on maps, gridlines). */
export const CONTEXT_COLOUR = '#8a8d93';

/** District `id`'s place in the palette, or -1 when it has none (not featured, or past its end). */
function paletteIndex(data: Pick<Dataset, 'districts'>, id: string): number {
  const i = featuredDistricts(data).findIndex((d) => d.id === id);
  return i < PALETTE.length ? i : -1;
}

/** The colour (hex) of district `id`: its featured palette colour, or the context grey. */
export function districtColour(data: Pick<Dataset, 'districts'>, id: string): string {
  return PALETTE[paletteIndex(data, id)] ?? CONTEXT_COLOUR;
}

/**
 * The CSS class that gives an element district `id`'s colour as `--c` (global.css): `d-1` to
 * `d-N` for the featured districts in site order (the chart colours), `d-other` for the rest.
 */
export function districtClass(data: Pick<Dataset, 'districts'>, id: string): string {
  const i = paletteIndex(data, id);
  return i >= 0 ? `d-${i + 1}` : 'd-other';
}
