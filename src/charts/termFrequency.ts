/**
 * A glossary term's use in each district's sources: one horizontal bar per district, its length
 * the occurrences per 10,000 characters of that district's sources together, its value beside it
 * (the counts are in the table beside the chart).
 * A pure function to an SVG string. Written by hand rather than through Plot: three bars and their
 * labels need no scales, and the term page's chart must cost no clip-path or id counters shared
 * across the build (it appears on every term page in every edition).
 */
import { formatNumber } from '../i18n/format.ts';
import { escapeMarkup as esc } from '../i18n/markup.ts';
import type { Lang } from '../site/editions.ts';
import { FONT_SIZE } from './marks.ts';
import { textWidth } from './text.ts';

/** One district's bar. */
export interface TermFrequencyRow {
  /** The district's name in the page's language. */
  label: string;
  /** Fill colour (the district's palette colour). */
  colour: string;
  /** Occurrences per 10,000 characters of its sources. */
  rate: number;
}

/**
 * The chart as SVG, `width` px wide, with `title` and `desc` as its accessible name and
 * description; bars share one scale whose end is the largest rate (at least 1).
 */
export function termFrequencySvg(
  rows: TermFrequencyRow[],
  { lang, width, title, desc }: { lang: Lang; width: number; title: string; desc: string },
): string {
  // Room for the longest district name as Plot's text measure reckons it, with a margin for wider fonts (at most 40%).
  const labelW = Math.min(
    Math.round(width * 0.4),
    Math.ceil(1.15 * Math.max(...rows.map((r) => textWidth(r.label, FONT_SIZE)))) + 12,
  );
  const valueW = 48;
  const barMax = width - labelW - valueW - 8;
  const rowH = 28;
  const height = rows.length * rowH + 8;
  const max = Math.max(1, ...rows.map((r) => r.rate));
  const bars = rows
    .map((r, i) => {
      const y = 4 + i * rowH;
      const w = r.rate > 0 ? Math.max(2, Math.round((r.rate / max) * barMax)) : 0;
      const rate = formatNumber(Math.round(r.rate * 10) / 10, lang);
      return [
        `<text x="${labelW - 6}" y="${y + rowH / 2}" text-anchor="end" dominant-baseline="central">${esc(r.label)}</text>`,
        `<rect x="${labelW}" y="${y + 5}" width="${w}" height="${rowH - 10}" fill="${r.colour}"/>`,
        `<line x1="${labelW}" x2="${labelW}" y1="${y + 2}" y2="${y + rowH - 2}" stroke="currentColor" stroke-opacity="0.5"/>`,
        `<text x="${labelW + w + 6}" y="${y + rowH / 2}" dominant-baseline="central">${esc(rate)}</text>`,
      ].join('');
    })
    .join('');
  const root = [
    'xmlns="http://www.w3.org/2000/svg" class="term-chart" role="img"',
    'aria-labelledby="term-chart-title term-chart-desc"',
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" fill="currentColor" font-size="${FONT_SIZE}"`,
  ].join(' ');
  const head = `<title id="term-chart-title">${esc(title)}</title><desc id="term-chart-desc">${esc(desc)}</desc>`;
  return `<svg ${root}>${head}${bars}</svg>`;
}
