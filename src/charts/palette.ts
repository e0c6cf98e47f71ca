/**
 * One colour per featured district, used by every chart and map: the Okabe–Ito colour-blind-safe
 * set, mid-tones with at least 3:1 contrast against the light page (#fdfcf9) and its panels, and
 * lighter tones of the same hues for the dark page (#16171a), where the mid-tones were as low as
 * 3.46:1. Featured districts take them in site order (districts.json); any others are drawn grey.
 * The SVG carries the light colours (downloads, PNGs); pages and embeds swap in the dark ones by
 * CSS (chartSvg.css, global.css), and tests/unit/palette.test.ts holds all of them to 3:1.
 */
import { featuredDistricts } from '../dataset/dataset.ts';
import type { Dataset } from '../dataset/schemas.ts';

/** Colours of the featured districts, in site order (as many as `FEATURED_MAX`). */
export const PALETTE = ['#0072b2', '#d55e00', '#009e73'] as const;
/** The same colours for the dark colour scheme (sky blue, a lighter vermilion, a lighter bluish green). */
export const DARK_PALETTE = ['#56b4e9', '#f07a3a', '#1fbf8f'] as const;
/** Page backgrounds the marks stand on: page and panel, light and dark (global.css `--bg`, `--panel`). */
export const BACKGROUNDS = {
  light: ['#fdfcf9', '#f3f1ea'],
  dark: ['#16171a', '#202227'],
} as const;
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
