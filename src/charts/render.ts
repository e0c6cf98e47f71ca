/**
 * The one renderer: any chart definition → an SVG string, on the server, with no JavaScript in
 * the page. Output is deterministic (ids derived from the chart id, language and width, never
 * from Plot's build-wide counters) and accessible (`role="img"`, `<title>`, `<desc>`), and it is
 * cleaned of what the Nu Html Checker and axe reject in Plot's raw SVG.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { ChartDefinition, ChartInput, Datum } from './types.ts';
import { formatQuantity } from '../i18n/format.ts';
import { escapeMarkup as escapeXml } from '../i18n/markup.ts';

/** A rendered chart: the SVG markup and the rows it drew. */
export interface RenderedChart {
  svg: string;
  rows: Datum[];
  description: string;
  alt: string;
}

/**
 * The chart's summary in `lang` with its placeholders filled from the rows it draws (see
 * `ChartDefinition.summary`); throws, naming the chart and placeholder, when a row is missing.
 */
export function fillSummary(def: ChartDefinition, rows: Datum[], lang: ChartInput['lang']): string {
  const byRef = new Map(rows.map((r) => [r.ref, r]));
  return def.summary[lang].replace(/\{([a-z0-9-]+)(?:\|(number|period))?\}/g, (_m, ref: string, part?: string) => {
    const r = byRef.get(ref);
    if (!r) throw new Error(`chart ${def.id}: its ${lang} summary names {${ref}}, which the chart does not draw`);
    if (part === 'period') return r.period;
    // Chinese sets its own measure word after the number (5名第一书记): drop the generic 个.
    if (part === 'number') return formatQuantity({ ...r, unit: 'count' }, lang).replace(/个$/, '');
    return r.label;
  });
}

/** Renders `def` for `input` to a standalone-ready SVG string (no XML declaration). */
export function renderChart(def: ChartDefinition, input: ChartInput): RenderedChart {
  const rows = def.rows(input);
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const options = def.plot(input, rows);
  const node = Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as { outerHTML: string };
  const prefix = `${def.id}-${input.lang}-${input.width}`;
  const alt = `${def.title[input.lang]}. ${def.subtitle[input.lang]}`;
  const description = fillSummary(def, rows, input.lang);
  return { svg: cleanSvg(node.outerHTML, prefix, alt, description), rows, description, alt };
}

/**
 * Makes Plot's SVG valid, accessible and deterministic: drops its `<style>` (site CSS styles
 * charts), moves `font-variant` to CSS, removes `aria-*` from inner groups (the whole SVG is one
 * image), renames class and clip ids after `prefix`, rounds path data to 0.1 px, and adds role,
 * title and desc.
 */
export function cleanSvg(svg: string, prefix: string, title: string, desc: string): string {
  const ids = new Map<string, string>();
  let out = svg
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/ font-variant="[^"]*"/g, '')
    .replace(/ aria-(?:label|hidden|description)="[^"]*"/g, '')
    .replace(/\bplot-[0-9a-f]{6}\b/g, 'plot-chart')
    .replace(/\bplot-clip-\d+\b/g, (m) => {
      if (!ids.has(m)) ids.set(m, `${prefix}-clip-${ids.size + 1}`);
      return ids.get(m)!;
    });
  out = out.replace(/^<svg\b([^>]*)>/, (_m, attrs: string) => {
    const cleaned = attrs.replace(/ class="[^"]*"/, '');
    return `<svg${cleaned} class="plot-chart" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" xmlns="http://www.w3.org/2000/svg"><title id="${prefix}-title">${escapeXml(title)}</title><desc id="${prefix}-desc">${escapeXml(desc)}</desc>`;
  });
  // Path data to 0.1 px: Plot and d3-geo write up to three decimals, which tripled the maps'
  // weight (the Shandong map was 64 KB gzip per width) for no visible difference at 2x.
  out = out.replace(
    / d="([^"]*)"/g,
    (_m, d: string) => ` d="${d.replace(/-?\d*\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`,
  );
  return out;
}
