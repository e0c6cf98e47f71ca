/**
 * The one renderer: any chart definition → an SVG string, on the server, with no JavaScript in
 * the page. Output is deterministic (ids derived from the chart id, language and width, never
 * from Plot's build-wide counters) and accessible (`role="img"`, `<title>`, `<desc>`), and it is
 * cleaned of what the Nu Html Checker and axe reject in Plot's raw SVG.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { CHART_FONT } from './marks.ts';
import type { ChartDefinition, ChartInput, Datum, PlacedNote } from './types.ts';
import { formatQuantity } from '../i18n/format.ts';
import { escapeMarkup as escapeXml } from '../i18n/markup.ts';
import { pick } from '../site/editions.ts';

/** A rendered chart: the SVG markup and the rows it drew. */
export interface RenderedChart {
  svg: string;
  /** Every row the chart lists (its table, downloads and summary). */
  rows: Datum[];
  /** The rows it draws as marks (all of `rows` unless the chart leaves some to its table). */
  drawn: Datum[];
  description: string;
  alt: string;
}

/**
 * `text` (a chart's summary or note in `lang`) with its placeholders filled from the rows the chart
 * draws (see `ChartDefinition.summary`); throws, naming the chart and placeholder, when a row is missing.
 */
function fillTemplate(
  def: ChartDefinition,
  text: string,
  rows: Datum[],
  lang: ChartInput['lang'],
  what: string,
): string {
  const byRef = new Map(rows.map((r) => [r.ref, r]));
  return text.replace(/\{([a-z0-9-]+)(?:\|(number|period))?\}/g, (_m, ref: string, part?: string) => {
    const r = byRef.get(ref);
    if (!r) throw new Error(`chart ${def.id}: its ${lang} ${what} names {${ref}}, which the chart does not draw`);
    if (part === 'period') return r.period;
    // Chinese sets its own measure word after the number (5名第一书记): drop the generic 个.
    if (part === 'number') return formatQuantity({ ...r, unit: 'count', measure: undefined }, lang).replace(/个$/, '');
    return r.label;
  });
}

/**
 * The chart's summary in `lang` with its placeholders filled from the rows it draws (see
 * `ChartDefinition.summary`); throws, naming the chart and placeholder, when a row is missing.
 */
export function fillSummary(def: ChartDefinition, rows: Datum[], lang: ChartInput['lang']): string {
  return fillTemplate(def, pick(def.summary, lang), rows, lang, 'summary');
}

/**
 * The chart's notes in `lang`, placeholders filled; throws when a note is about a row the chart
 * does not draw, or names one in a placeholder.
 */
export function placeNotes(def: ChartDefinition, rows: Datum[], lang: ChartInput['lang']): PlacedNote[] {
  const drawn = new Set(rows.map((r) => r.ref));
  return def.notes.map((n) => {
    if (!drawn.has(n.ref)) throw new Error(`chart ${def.id}: a note is about ${n.ref}, which the chart does not draw`);
    return { ref: n.ref, text: fillTemplate(def, pick(n.text, lang), rows, lang, 'note') };
  });
}

/** Renders `def` for `input` to a standalone-ready SVG string (no XML declaration). */
export function renderChart(def: ChartDefinition, input: ChartInput): RenderedChart {
  const rows = def.rows(input);
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const drawn = def.drawn ? def.drawn(rows) : rows;
  const options = def.plot(input, drawn, placeNotes(def, drawn, input.lang));
  const node = Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as SvgNode;
  exposeLinks(node);
  const prefix = `${def.id}-${input.lang}-${input.width}`;
  const alt = `${pick(def.title, input.lang)}. ${pick(def.subtitle, input.lang)}`;
  const description = fillSummary(def, rows, input.lang);
  return { svg: cleanSvg(node.outerHTML, prefix, alt, description), rows, drawn, description, alt };
}

/** The little of linkedom's DOM that `exposeLinks` uses. */
interface SvgNode {
  outerHTML: string;
  children: ArrayLike<SvgNode>;
  tagName: string;
  textContent: string | null;
  querySelector(sel: string): SvgNode | null;
  querySelectorAll(sel: string): ArrayLike<SvgNode>;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
}

/**
 * Makes the chart one named, described group for keyboards and screen readers (a group, not an
 * image: an image may not hold links, even ones out of the Tab order), and a set of links for pointers:
 * every figure's mark stays a link (named by its tooltip) that a mouse or a finger follows, but
 * none is a Tab stop or read one by one (`tabindex="-1"`, `aria-hidden`); the figures reach
 * keyboards and screen readers as the list and table beside the chart (src/components/ChartExplore.astro),
 * built from the same rows. Everything else (axes, labels, decoration) is hidden from the pointer
 * where it is drawn over a mark. Plot's `aria-label`s on groups go: axe rejects them on elements without a role.
 */
function exposeLinks(svg: SvgNode): void {
  for (const g of Array.from(svg.children)) {
    g.removeAttribute('aria-label');
    g.removeAttribute('aria-description');
    if (g.tagName.toLowerCase() === 'g' && !g.querySelector('a')) {
      g.setAttribute('aria-hidden', 'true');
      // Labels and decoration drawn over a mark must not stand between it and the pointer.
      g.setAttribute('pointer-events', 'none');
    }
  }
  for (const a of Array.from(svg.querySelectorAll('a'))) {
    const title = a.querySelector('title')?.textContent?.trim();
    if (title) a.setAttribute('aria-label', title);
    // One Tab stop per figure made a chart dozens of presses long (Chartability: inappropriate tab stops).
    a.setAttribute('tabindex', '-1');
    a.setAttribute('aria-hidden', 'true');
  }
}

/**
 * Makes Plot's SVG valid, accessible and deterministic: drops its `<style>` (site CSS styles
 * charts), names the chart's typeface (`CHART_FONT`), moves `font-variant` to CSS, renames class
 * and clip ids after `prefix`, rounds path data to 0.1 px, and adds role,
 * title and desc.
 */
export function cleanSvg(svg: string, prefix: string, title: string, desc: string): string {
  const ids = new Map<string, string>();
  let out = svg
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/ font-variant="[^"]*"/g, '')
    .replace(/^(<svg\b[^>]*) font-family="[^"]*"/, `$1 font-family="${CHART_FONT}"`)
    .replace(/\bplot-[0-9a-f]{6}\b/g, 'plot-chart')
    .replace(/\bplot-clip-\d+\b/g, (m) => {
      if (!ids.has(m)) ids.set(m, `${prefix}-clip-${ids.size + 1}`);
      return ids.get(m)!;
    });
  out = out.replace(/^<svg\b([^>]*)>/, (_m, attrs: string) => {
    const cleaned = attrs.replace(/ class="[^"]*"/, '');
    return `<svg${cleaned} class="plot-chart" role="group" aria-labelledby="${prefix}-title" aria-describedby="${prefix}-desc" xmlns="http://www.w3.org/2000/svg"><title id="${prefix}-title">${escapeXml(title)}</title><desc id="${prefix}-desc">${escapeXml(desc)}</desc>`;
  });
  // Path data to 0.1 px: Plot and d3-geo write up to three decimals, which tripled the maps'
  // weight (the Shandong map was 64 KB gzip per width) for no visible difference at 2x.
  out = out.replace(
    / d="([^"]*)"/g,
    (_m, d: string) => ` d="${d.replace(/-?\d*\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`,
  );
  return out;
}
