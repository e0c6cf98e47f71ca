/**
 * The one renderer: any chart definition → an SVG string, on the server, with no JavaScript in
 * the page. Output is deterministic (ids derived from the chart id, language and width, never
 * from Plot's build-wide counters) and accessible (`role="img"`, `<title>`, `<desc>`), and it is
 * cleaned of what the Nu Html Checker and axe reject in Plot's raw SVG.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { ChartDefinition, ChartInput, Datum } from './types.ts';
import { escapeMarkup as escapeXml } from '../i18n/markup.ts';

/** A rendered chart: the SVG markup and the rows it drew. */
export interface RenderedChart {
  svg: string;
  rows: Datum[];
  description: string;
  alt: string;
}

/** A sentence per row, generated from the data (no hand-typed figures). */
export function describeRows(rows: Datum[], lang: ChartInput['lang'], districtName: (id: string) => string): string {
  const sep = lang === 'zh' ? '；' : '; ';
  return (
    rows
      .map((r) =>
        lang === 'zh'
          ? `${districtName(r.district)}，${r.series}：${r.label}（${r.period}，${r.scope}）`
          : `${districtName(r.district)}, ${r.series}: ${r.label} (${r.period}, ${r.scope})`,
      )
      .join(sep) + (lang === 'zh' ? '。' : '.')
  );
}

/** Renders `def` for `input` to a standalone-ready SVG string (no XML declaration). */
export function renderChart(
  def: ChartDefinition,
  input: ChartInput,
  districtName: (id: string) => string,
): RenderedChart {
  const rows = def.rows(input);
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const options = def.plot(input, rows);
  const node = Plot.plot({ ...options, document } as Plot.PlotOptions) as unknown as { outerHTML: string };
  const prefix = `${def.id}-${input.lang}-${input.width}`;
  const alt = `${def.title[input.lang]}. ${def.subtitle[input.lang]}`;
  const description = describeRows(rows, input.lang, districtName);
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
