/**
 * The shared way charts draw a qualified figure, so every chart shows qualifiers and kinds alike:
 * a filled dot for a claimed result, a hollow ring for a target, plan or norm; an arrow onward
 * from a lower bound (more than, at least) and back from an upper bound; a bar between the ends of
 * a range. Every figure's mark sits under a link to its page, with a native tooltip. Pure: returns
 * Plot options.
 */
import * as Plot from '@observablehq/plot';
import { nice as d3nice, ticks as d3ticks } from 'd3';
import { allDerived } from '../dataset/derived.ts';
import { countNoun } from '../i18n/comparability.ts';
import { measureWord, scopeWords } from '../i18n/figure.ts';
import { formatNumber, kindLabel } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import { districtColour } from './palette.ts';
import { sourceOutlet } from './rows.ts';
import { textWidth, wrapBalanced, wrapText } from './text.ts';
import type { ChartInput, Datum, PlacedNote } from './types.ts';
import { pick, type Lang } from '../site/editions.ts';

/** Size of chart text (CSS px). */
export const FONT_SIZE = 13;
/**
 * The chart's typeface, written into the SVG for downloads and the PNG renderer (pages set it
 * from their own stack, global.css): the site's Latin text face, then Hei faces for Chinese,
 * Noto Sans Hans being the one the PNG renderer has (src/outputs/png.ts).
 */
export const CHART_FONT =
  "'Source Sans 3', 'Noto Sans CJK SC', 'Source Han Sans SC', 'Noto Sans Hans', 'PingFang SC', 'Microsoft YaHei', sans-serif";
/**
 * Size of annotations written on a chart (CSS px): as large as the labels, so that the narrow
 * drawing (360 px wide), scaled to a 375 px phone's column, still sets them at 12 px or more;
 * they stand apart by their muted colour.
 */
export const NOTE_SIZE = 13;
/** Line height of chart text and of annotations (CSS px). */
export const LINE = Math.round(FONT_SIZE * 1.25);
export const NOTE_LINE = Math.round(NOTE_SIZE * 1.3);
/** Below this width (CSS px) row labels stand above their rows, so the plot takes the whole width. */
export const STACKED_BELOW = 480;
/** Widest an annotation runs before it wraps (CSS px). */
const NOTE_MAX = 300;
const ARROW_PX = 18;
/** Room between a mark and its value label (CSS px). */
const GAP = 10;

export const isLower = (d: Datum) => d.qualifier === 'more-than' || d.qualifier === 'at-least';
export const isUpper = (d: Datum) => d.qualifier === 'under' || d.qualifier === 'at-most';
export const hollow = (d: Datum) => d.kind !== 'achieved' || d.derived === true;

/**
 * The tooltip of a figure's mark, one line in the page language: what it counts, the value with
 * its qualifier, its kind, period and scope, and the source's outlet.
 */
export function markTitle(d: Datum, data: ChartInput['data'], lang: Lang): string {
  const outlet = sourceOutlet(data, d.source, lang);
  // A derived figure's scope already says so and gives its formula (derived: 525 ÷ 75): its kind only
  // where an input is not a claimed result.
  const kind = d.derived && !d.kindText ? '' : `${t(lang, 'punct.comma')}${d.kindText ?? kindLabel(d.kind, lang)}`;
  // Semicolons, not brackets: kinds carry brackets of their own (已实现（据称）).
  return pick(
    {
      zh: `${d.series}——${d.label}${kind}；${d.period}；${d.scope}。${t(lang, 'chart.source')}：${outlet}`,
      en: `${d.series} — ${d.label}${kind}; ${d.period}; ${d.scope}. ${t(lang, 'chart.source')}: ${outlet}`,
    },
    lang,
  );
}

/**
 * The marks of a chart's notes: each note's text, top-left at (`x`, `top`) in the chart's x units
 * and y pixels, and a leader line from just under its mark (`from`, px) down to the text.
 */
export function noteMarks(
  noted: Datum[],
  place: { x: (d: Datum) => number; from: (d: Datum) => number; top: (d: Datum) => number; text: (d: Datum) => string },
  lang: Lang,
): unknown[] {
  return [
    Plot.ruleX(noted, {
      x: 'value',
      y1: place.from,
      y2: (d: Datum) => place.top(d) - 2,
      stroke: 'currentColor',
      strokeWidth: 1,
    }),
    Plot.text(noted, {
      x: place.x,
      y: place.top,
      text: place.text,
      textAnchor: 'start',
      lineAnchor: 'top',
      lineHeight: NOTE_LINE / NOTE_SIZE,
      fontSize: NOTE_SIZE,
      fontStyle: pick({ zh: 'normal', en: 'italic' }, lang),
      fill: 'currentColor',
      className: 'chart-note',
    }),
  ];
}

interface DotOptions {
  /** Upper end of every panel's x domain (100 for shares); defaults to what the marks and their labels need. */
  xMax?: number;
}

/** Height of a panel's heading and of its axis of tick labels (px). */
const PANEL_HEAD = LINE + 8;
const PANEL_AXIS = 26;

/** Where one row is drawn: the top of its label, the centre line of its mark, the top of its note (px). */
interface RowPlace {
  label: number;
  mark: number;
  note?: number;
}

/**
 * What a row's figure is, for grouping: rows share a panel, and so a scale, only when they count
 * the same indicator, of the same kind, over the same scope and in the same unit (EDITORIAL.md:
 * only figures of the same indicator, definition and unit share an axis).
 */
export function panelKey(d: Datum): string {
  return [d.indicator ?? d.ref, d.derived ? 'derived' : d.kind, d.scope, d.unit, d.measure ?? ''].join('|');
}

/** A panel's heading: what its rows count, and their kind and scope where not a claimed district figure. */
function panelTitle(d: Datum, data: ChartInput['data'], lang: Lang): string {
  if (d.derived) {
    const label = pick(allDerived(data.observation).find((x) => x.id === d.ref)?.label, lang) ?? d.series;
    return `${label} · ${pick({ zh: '本站派生', en: 'derived by the site' }, lang)}`;
  }
  const what = pick(data.indicator.get(d.indicator ?? '')?.name, lang) ?? d.series;
  // The source's measure word, where the panel counts in one (件, 条, 次): counts in different words never share a panel.
  const o = data.observation.get(d.ref);
  // 个 and 人 are any count's default words: only a word that says more is named.
  const word = o && measureWord(o);
  const named = word && !['个', '人', '名'].includes(word) ? word : undefined;
  const counted = named ? pick({ zh: `以“${named}”计`, en: `counted as ${countNoun(d.unit)} (${named})` }, lang) : '';
  const kind = d.kind === 'achieved' ? '' : (d.kindText ?? kindLabel(d.kind, lang));
  return [what, counted, kind, d.scope === scopeWords({ level: 'district' }, lang) ? '' : d.scope]
    .filter(Boolean)
    .join(' · ');
}

/**
 * A dot-and-range chart as small multiples: rows are grouped into panels by what they count
 * (`panelKey`), each panel under its heading and on its own linear scale, with its own tick labels
 * and grid, so figures that differ in indicator, kind, scope or unit never share a position scale.
 * From `STACKED_BELOW` up, row labels stand left of the plot; below it, above their rows, so on a
 * phone the plot has the whole width. Each value label stands beside its mark, right of it where it
 * fits and left of it otherwise. `notes` are written under the mark they are about. Values are
 * mapped onto one shared frame (0 to 1 per panel), so marks, arrows, labels, notes and link targets
 * are drawn alike in every panel. Pure.
 */
export function qualifiedDots(
  { width, lang, data }: ChartInput,
  rows: Datum[],
  opts: DotOptions = {},
  notes: PlacedNote[] = [],
): Record<string, unknown> {
  return panelDots({ width, lang, data }, rows, opts, notes);
}

/** A panel of small multiples: its heading, its rows and its own upper end of the x domain. */
interface Panel {
  title: string;
  rows: Datum[];
  max: number;
  /** Top of the heading, top of the first row's line area, bottom of the last (px). */
  head: number;
  from: number;
  to: number;
}

/**
 * `qualifiedDots` as small multiples: each panel of rows gets its heading and its own linear
 * scale, drawn with its own tick labels and grid. Values are mapped onto one shared frame (0 to 1
 * per panel), so the marks, arrows, labels, notes and link targets are drawn exactly as in a single
 * panel. Pure.
 */
function panelDots(
  { width, lang, data }: ChartInput,
  rows: Datum[],
  opts: DotOptions,
  notes: PlacedNote[],
): Record<string, unknown> {
  const stacked = width < STACKED_BELOW;
  const end = (d: Datum) => d.high ?? d.value;
  const marginRight = 24;
  const marginTop = 6;
  const marginBottom = 8;
  const labelMax = stacked ? width - 36 : Math.min(width * 0.34, width >= 1000 ? 320 : 240);
  const wrapped = new Map(rows.map((r) => [r.ref, wrapText(r.series, labelMax, FONT_SIZE)]));
  const marginLeft = stacked
    ? 14
    : Math.ceil(Math.max(...[...wrapped.values()].map((s) => textWidth(s, FONT_SIZE)))) + 18;
  const plotWidth = width - marginLeft - marginRight;
  const labelW = (d: Datum) => textWidth(d.label, FONT_SIZE) + GAP;
  const px = (v: number, max: number) => (plotWidth * v) / max;
  const fits = (d: Datum, max: number) =>
    px(end(d), max) + (isLower(d) ? ARROW_PX : 0) + labelW(d) <= plotWidth + marginRight - 4 ||
    px(d.value, max) - (isUpper(d) ? ARROW_PX : 0) - labelW(d) >= (stacked ? -marginLeft + 4 : 4);
  const fitRight = (d: Datum) => {
    const r = (plotWidth + marginRight - 4 - labelW(d) - (isLower(d) ? ARROW_PX : 0)) / plotWidth;
    return r <= 0.15 ? Infinity : end(d) / r;
  };

  // Panels in the order their first row comes, each with the domain its marks and labels need.
  const panels: Panel[] = [];
  const byKey = new Map<string, Panel>();
  for (const r of rows) {
    const key = panelKey(r);
    const p = byKey.get(key);
    if (p) p.rows.push(r);
    else {
      const made: Panel = { title: panelTitle(r, data, lang), rows: [r], max: 0, head: 0, from: 0, to: 0 };
      byKey.set(key, made);
      panels.push(made);
    }
  }
  for (const p of panels) {
    let max = Math.max(opts.xMax ?? 0, ...p.rows.map((d) => end(d) * 1.15));
    for (const d of p.rows) if (!fits(d, max)) max = Math.max(max, fitRight(d));
    if (!Number.isFinite(max))
      throw new Error(`chart: a value label of "${p.rows[0]?.series}" cannot fit at ${width}px`);
    // The axis ends on a round tick, so each panel's scale reads at a glance.
    p.max = opts.xMax !== undefined && max <= opts.xMax ? max : d3nice(0, max, 5)[1]!;
  }
  const panelOf = new Map(panels.flatMap((p) => p.rows.map((r) => [r.ref, p] as const)));
  // Each row in its panel's frame: 0 at the left edge, 1 at the panel's domain end.
  const scaled = rows.map((d) => {
    const m = panelOf.get(d.ref)!.max;
    return { ...d, value: d.value / m, ...(d.high === undefined ? {} : { high: d.high / m }) };
  });
  const side = (d: Datum): 'right' | 'left' =>
    px(end(d), 1) + (isLower(d) ? ARROW_PX : 0) + labelW(d) <= plotWidth + marginRight - 4 ? 'right' : 'left';
  const step = ARROW_PX / plotWidth;
  const onward = (v: number) => v + step;
  const back = (v: number) => Math.max(0, v - step);
  const fromPx = (p: number) => p / plotWidth;

  // Rows laid out top to bottom in pixels, each panel under its heading and over its axis.
  const noteOf = new Map(notes.map((n) => [n.ref, wrapBalanced(n.text, Math.min(plotWidth, NOTE_MAX), NOTE_SIZE)]));
  const place = new Map<string, RowPlace>();
  let y = marginTop;
  // Panel headings wrap within the whole drawing's width.
  // 24 px of slack: headings are bold, and CJK quotation marks render wider than they measure.
  const headOf = new Map(panels.map((p) => [p, wrapText(p.title, width - 28, FONT_SIZE)] as const));
  for (const p of panels) {
    p.head = y;
    y += PANEL_HEAD + (headOf.get(p)!.split('\n').length - 1) * LINE;
    p.from = y;
    for (const r of p.rows) {
      const lines = wrapped.get(r.ref)!.split('\n').length;
      const at: RowPlace = stacked
        ? { label: y, mark: y + lines * LINE + 12 }
        : { label: y, mark: y + Math.max(lines * LINE, 24) / 2 };
      y = stacked ? at.mark + 10 : y + Math.max(lines * LINE, 24);
      const note = noteOf.get(r.ref);
      if (note) {
        at.note = at.mark + 16;
        y = Math.max(y, at.note + note.split('\n').length * NOTE_LINE);
      }
      place.set(r.ref, at);
      y += 8;
    }
    p.to = y;
    y += PANEL_AXIS + 14;
  }
  const at = (d: Datum) => place.get(d.ref)!;
  const markY = (d: Datum) => at(d).mark;
  const colour = (d: Datum) => districtColour(data, d.district);
  const title = (d: Datum) => markTitle(d, data, lang);
  const noted = scaled.filter((d) => noteOf.has(d.ref));
  const noteX = (d: Datum) => {
    const w = textWidth(noteOf.get(d.ref)!, NOTE_SIZE);
    // 16 px of slack: CJK quotation marks measure half an em but render a full one in CJK fonts.
    return fromPx(
      Math.max(stacked ? -marginLeft + 4 : 0, Math.min(px(d.value, 1) - 6, plotWidth + marginRight - 16 - w)),
    );
  };
  // Each panel's ticks, in its own units, placed in the shared frame.
  // Counts of whole things take whole-number ticks only.
  const whole = (p: Panel) => p.rows.every((r) => Number.isInteger(r.value) && Number.isInteger(r.high ?? 0));
  // Fewer ticks where their labels are long ("400 million"): labels never run into each other.
  const panelTicks = (p: Panel) => {
    for (let n = Math.max(2, Math.floor(plotWidth / 90)); ; n--) {
      const ts = d3ticks(0, p.max, n).filter((t) => t <= p.max && (!whole(p) || Number.isInteger(t)));
      const gap = ts.length > 1 ? (plotWidth * (ts[1]! - ts[0]!)) / p.max : plotWidth;
      const widest = Math.max(...ts.map((t) => textWidth(formatNumber(t, lang), FONT_SIZE)));
      if (n <= 2 || widest + 12 <= gap) return ts;
    }
  };
  const ticks = panels.flatMap((p) => panelTicks(p).map((t) => ({ p, t, x: t / p.max })));
  // A tick label centred on the right edge may not fit beside it: its grid line stays, its label goes.
  const labelled = ticks.filter(
    (k) => k.x * plotWidth + textWidth(formatNumber(k.t, lang), FONT_SIZE) / 2 <= plotWidth + marginRight - 2,
  );
  return {
    width,
    height: y - 14 + marginBottom,
    marginLeft,
    marginRight,
    marginTop: 0,
    marginBottom: 0,
    style: { fontSize: `${FONT_SIZE}px` },
    x: { domain: [0, 1], axis: null },
    y: { type: 'identity', axis: null },
    marks: [
      Plot.ruleX(ticks, {
        x: 'x',
        y1: (k: (typeof ticks)[number]) => k.p.from - 4,
        y2: (k: (typeof ticks)[number]) => k.p.to,
        stroke: 'currentColor',
        strokeOpacity: 0.1,
      }),
      Plot.text(labelled, {
        x: 'x',
        y: (k: (typeof ticks)[number]) => k.p.to + 6,
        text: (k: (typeof ticks)[number]) => formatNumber(k.t, lang),
        lineAnchor: 'top',
        fill: 'currentColor',
        fillOpacity: 0.8,
        className: 'tick-label',
      }),
      Plot.text(panels, {
        y: (p: Panel) => p.head,
        text: (p: Panel) => headOf.get(p),
        lineHeight: LINE / FONT_SIZE,
        frameAnchor: 'left',
        textAnchor: 'start',
        lineAnchor: 'top',
        dx: -marginLeft + 4,
        fontWeight: 700,
        fill: 'currentColor',
        fillOpacity: 0.72,
        className: 'panel-title',
      }),
      Plot.ruleY(scaled, { y: markY, stroke: colour, strokeOpacity: 0.25, strokeWidth: 1 }),
      stacked
        ? Plot.text(scaled, {
            y: (d: Datum) => at(d).label,
            text: (d: Datum) => wrapped.get(d.ref),
            frameAnchor: 'left',
            textAnchor: 'start',
            lineAnchor: 'top',
            lineHeight: LINE / FONT_SIZE,
            fontWeight: 600,
            className: 'row-label',
          })
        : Plot.text(scaled, {
            y: markY,
            text: (d: Datum) => wrapped.get(d.ref),
            frameAnchor: 'left',
            textAnchor: 'end',
            lineAnchor: 'middle',
            lineHeight: LINE / FONT_SIZE,
            dx: -9,
            className: 'row-label',
          }),
      Plot.ruleY(
        scaled.filter((d) => d.qualifier === 'range'),
        {
          y: markY,
          x1: 'value',
          x2: 'high',
          stroke: colour,
          strokeWidth: 8,
          strokeLinecap: 'round',
          strokeOpacity: 0.85,
          className: 'data-mark',
        },
      ),
      Plot.arrow(
        scaled.filter((d) => isLower(d) || isUpper(d)),
        {
          y: markY,
          x1: 'value',
          x2: (d: Datum) => (isLower(d) ? onward(d.value) : back(d.value)),
          stroke: colour,
          strokeWidth: 2,
          headLength: 7,
          className: 'data-mark',
        },
      ),
      Plot.dot(
        scaled.filter((d) => d.qualifier !== 'range'),
        {
          y: markY,
          x: 'value',
          r: 6,
          stroke: colour,
          strokeWidth: 2.5,
          fill: (d: Datum) => (hollow(d) ? 'none' : colour(d)),
          className: 'data-mark',
        },
      ),
      Plot.text(
        scaled.filter((d) => side(d) === 'right'),
        {
          y: markY,
          x: (d: Datum) => (isLower(d) ? onward(end(d)) : end(d)),
          text: 'label',
          dx: GAP,
          textAnchor: 'start',
          fill: 'currentColor',
          className: 'value-label',
        },
      ),
      Plot.text(
        scaled.filter((d) => side(d) === 'left'),
        {
          y: markY,
          x: (d: Datum) => (isUpper(d) ? back(d.value) : d.value),
          text: 'label',
          dx: -GAP,
          textAnchor: 'end',
          fill: 'currentColor',
          className: 'value-label',
        },
      ),
      ...noteMarks(
        noted,
        { x: noteX, from: (d) => markY(d) + 8, top: (d) => at(d).note!, text: (d) => noteOf.get(d.ref)! },
        lang,
      ),
      Plot.rect(scaled, {
        x1: (d: Datum) => (isUpper(d) ? back(d.value) : d.value),
        x2: (d: Datum) => (isLower(d) ? onward(end(d)) : end(d)),
        y1: (d: Datum) => markY(d) - 12,
        y2: (d: Datum) => markY(d) + 12,
        insetLeft: -12,
        insetRight: -12,
        fill: 'transparent',
        title,
        href: 'href',
        className: 'data-hit',
      }),
    ],
  };
}
