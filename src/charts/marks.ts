/**
 * The shared way charts draw a qualified figure, so every chart shows qualifiers and kinds alike:
 * a filled dot for a claimed result, a hollow ring for a target, plan or norm; an arrow onward
 * from a lower bound (more than, at least) and back from an upper bound; a bar between the ends of
 * a range. Pure: returns Plot options.
 */
import * as Plot from '@observablehq/plot';
import { formatNumber } from '../i18n/format.ts';
import { districtColour } from './palette.ts';
import { textWidth, wrapText } from './text.ts';
import type { ChartInput, Datum } from './types.ts';

export const FONT_SIZE = 13;
const ROW_HEIGHT = 44;

const isLower = (d: Datum) => d.qualifier === 'more-than' || d.qualifier === 'at-least';
const isUpper = (d: Datum) => d.qualifier === 'under' || d.qualifier === 'at-most';
const hollow = (d: Datum) => d.kind !== 'achieved' || d.derived === true;

interface DotOptions {
  /** Label of the x axis in the page language. */
  xLabel: string;
  /** Upper end of the x domain; defaults to the largest value or range end × 1.25. */
  xMax?: number;
  /** `log` for figures of very different size (each arrow and label then scales too). */
  type?: 'linear' | 'log';
}

function powersOfTen(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let v = lo; v <= hi; v *= 10) out.push(v);
  return out;
}

/** A dot-and-range chart, one row per datum, labels wrapped to fit `width`, margins measured. */
export function qualifiedDots(
  { width, lang, data }: ChartInput,
  rows: Datum[],
  opts: DotOptions,
): Record<string, unknown> {
  const labelMax = Math.min(width * 0.38, 240);
  const wrapped = new Map(rows.map((r) => [r.ref, wrapText(r.series, labelMax, FONT_SIZE)]));
  // Plot sets tick labels 9 px left of the axis; keep a few px more as slack for real fonts.
  const marginLeft = Math.ceil(Math.max(...[...wrapped.values()].map((s) => textWidth(s, FONT_SIZE)))) + 18;
  // Room for half of the last tick label, which is centred on the plot's right edge.
  const marginRight = 18;
  const plotWidth = width - marginLeft - marginRight;
  const arrowPx = 18;
  // Value labels sit right of their mark: choose the x domain so the widest one still fits.
  const end = (d: Datum) => d.high ?? d.value;
  const log = opts.type === 'log';
  const lo = log ? 10 ** Math.floor(Math.log10(Math.min(...rows.map((d) => d.value)))) : 0;
  const top = Math.max(...rows.map(end));
  const fitFor = (d: Datum) => {
    const room = plotWidth - textWidth(d.label, FONT_SIZE) - 12 - (isLower(d) ? arrowPx : 0);
    const r = room / plotWidth;
    return r <= 0.2 ? Infinity : log ? lo * (end(d) / lo) ** (1 / r) : end(d) / r;
  };
  const fit = Math.max(...rows.map(fitFor));
  // Labels right of their marks when that costs little room; otherwise above each row, from the left.
  const beside = log ? fit <= top * 30 : fit <= top * 1.8;
  const xMax = Math.max(opts.xMax ?? 0, beside ? fit : log ? top * 3 : top * 1.08);
  // An arrow is 18 px long whatever the scale: in data units, added (linear) or multiplied (log).
  const step = log ? (xMax / lo) ** (arrowPx / plotWidth) : (xMax / plotWidth) * arrowPx;
  const onward = (v: number) => (log ? v * step : v + step);
  const back = (v: number) => (log ? v / step : Math.max(0, v - step));
  const y = (d: Datum) => wrapped.get(d.ref)!;
  const lines = Math.max(...[...wrapped.values()].map((s) => s.split('\n').length));
  const rowHeight = Math.max(ROW_HEIGHT, lines * FONT_SIZE * 1.25 + 16);
  const colour = (d: Datum) => districtColour(data, d.district);
  return {
    width,
    height: rows.length * rowHeight + 58,
    marginLeft,
    marginRight,
    marginTop: 10,
    marginBottom: 48,
    style: { fontSize: `${FONT_SIZE}px` },
    x: {
      domain: [log ? lo : 0, xMax],
      type: log ? 'log' : 'linear',
      label: opts.xLabel,
      labelAnchor: 'right',
      labelArrow: 'none',
      labelOffset: 40,
      grid: true,
      ticks: log ? powersOfTen(lo, xMax) : Math.max(2, Math.floor((width - marginLeft) / 90)),
      tickFormat: (v: number) => formatNumber(v, lang),
    },
    y: { domain: rows.map(y), label: null, tickSize: 0 },
    marks: [
      Plot.ruleY(rows, { y, stroke: colour, strokeOpacity: 0.25, strokeWidth: 1 }),
      Plot.ruleY(
        rows.filter((d) => d.qualifier === 'range'),
        { y, x1: 'value', x2: 'high', stroke: colour, strokeWidth: 8, strokeLinecap: 'round', strokeOpacity: 0.85 },
      ),
      Plot.arrow(rows.filter(isLower), {
        y,
        x1: 'value',
        x2: (d: Datum) => onward(d.value),
        stroke: colour,
        strokeWidth: 2,
        headLength: 7,
      }),
      Plot.arrow(rows.filter(isUpper), {
        y,
        x1: 'value',
        x2: (d: Datum) => back(d.value),
        stroke: colour,
        strokeWidth: 2,
        headLength: 7,
      }),
      Plot.dot(
        rows.filter((d) => d.qualifier !== 'range'),
        { y, x: 'value', r: 6, stroke: colour, strokeWidth: 2.5, fill: (d: Datum) => (hollow(d) ? 'none' : colour(d)) },
      ),
      beside
        ? Plot.text(rows, {
            y,
            x: (d: Datum) => (isLower(d) ? onward(end(d)) : end(d)),
            text: 'label',
            dx: 10,
            textAnchor: 'start',
            fill: 'currentColor',
            fontSize: FONT_SIZE,
          })
        : Plot.text(rows, {
            y,
            x: log ? lo : 0,
            text: 'label',
            dy: -15,
            textAnchor: 'start',
            fill: 'currentColor',
            fontSize: FONT_SIZE,
          }),
    ],
  };
}
