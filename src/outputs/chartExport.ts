/**
 * What a chart becomes outside our pages: a standalone SVG that carries its own fonts, colours,
 * title, legend, note, source and dataset version (for the SVG and PNG downloads), the 1200×630
 * social card, and the chart's rows as CSV and JSON. Built from the same render as the page.
 */
import { cautionText, chartOrThrow, legendItems, linkedSvg, sourceLine, versionLine } from '../charts/chrome.ts';
import { CHART_FONT } from '../charts/marks.ts';
import { renderedChart, WIDTHS } from '../charts/site.ts';
import { textWidth, wrapText } from '../charts/text.ts';
import { toCsv } from './csv.ts';
import { currentRelease, type Release } from '../dataset/releases.ts';
import { LICENSE } from './datapackage.ts';
import { allDerived } from '../dataset/derived.ts';
import { t } from '../i18n/strings.ts';
import { escapeMarkup as esc } from '../i18n/markup.ts';
import { pick, type Lang } from '../site/editions.ts';
import { chartUrl, embedPath, pinnedEmbedPath, pinnedPath, releasePath } from '../site/paths.ts';

/** The chart's typeface as pages set it: the fonts the PNG renderer loads, then fallbacks for SVG viewers. */
export const FONT_STACK = CHART_FONT;
/** Download colours: the site's light theme on white, which a desk's layout expects (not the page's cream). */
const C = { bg: '#ffffff', fg: '#1d1d1f', muted: '#55585e', accent: '#a1262b', panel: '#f2f2f2' };
const PAD = 24;

/** The chart's SVG with its colours fixed for a light background and our font named. */
function fixedChart(svg: string, attrs: string): string {
  return svg
    .replace(/="currentColor"/g, `="${C.fg}"`)
    .replace(/ font-family="[^"]*"/, ` font-family="${esc(FONT_STACK)}"`)
    .replace(/^<svg\b/, `<svg ${attrs}`);
}

function textLines(
  lines: string[],
  x: number,
  y: number,
  size: number,
  lh: number,
  fill: string,
  weight = 400,
): string {
  return lines
    .map(
      (l, i) =>
        `<text x="${x}" y="${(y + i * lh + size).toFixed(1)}" font-size="${size}" font-weight="${weight}" fill="${fill}">${esc(l)}</text>`,
    )
    .join('');
}

const STYLE = `<style>text{font-family:${FONT_STACK};font-variant-numeric:tabular-nums}.map-label text,text.map-label{stroke:${C.bg};stroke-width:4px;paint-order:stroke;stroke-linejoin:round}</style>`;

/**
 * The downloadable SVG (the PNG is drawn from it): title, subtitle, the wide chart, legend,
 * comparability note, source line, dataset version and the chart page's address. Width 768 px.
 * Drawn from `release`'s data (default: the current data).
 */
export function standaloneSvg(id: string, lang: Lang, site: URL, release: Release = currentRelease()): string {
  const d = chartOrThrow(id);
  const r = renderedChart(id, lang, WIDTHS.wide, release);
  const chartH = Number(/ height="(\d+(?:\.\d+)?)"/.exec(r.svg)?.[1] ?? 400);
  const W = WIDTHS.wide + 2 * PAD,
    inner = W - 2 * PAD;
  const parts: string[] = [];
  let y = PAD;
  const title = wrapText(pick(d.title, lang), inner, 20).split('\n');
  parts.push(textLines(title, PAD, y, 20, 28, C.fg, 700));
  y += title.length * 28 + 2;
  const sub = wrapText(pick(d.subtitle, lang), inner, 14).split('\n');
  parts.push(textLines(sub, PAD, y, 14, 20, C.muted));
  y += sub.length * 20 + 10;
  parts.push(fixedChart(linkedSvg(r.svg, { site }), `x="${PAD}" y="${y}"`));
  y += chartH + 10;
  const legend = legendItems(d, r.drawn);
  if (legend.length > 0) {
    const size = 12;
    let x = PAD;
    for (const { key, label: k } of legend) {
      const label = t(lang, k),
        w = 18 + textWidth(label, size);
      if (x > PAD && x + w > PAD + inner) {
        x = PAD;
        y += 18;
      }
      const cy = y + 9;
      if (key === 'filled') parts.push(`<circle cx="${x + 5}" cy="${cy}" r="5" fill="${C.muted}"/>`);
      if (key === 'hollow')
        parts.push(`<circle cx="${x + 5}" cy="${cy}" r="4" fill="none" stroke="${C.muted}" stroke-width="2"/>`);
      if (key === 'arrow')
        parts.push(
          `<circle cx="${x + 4}" cy="${cy}" r="4" fill="${C.muted}"/><path d="M${x + 8},${cy}h6m-3,-3l3,3l-3,3" fill="none" stroke="${C.muted}" stroke-width="1.5"/>`,
        );
      if (key === 'range')
        parts.push(`<rect x="${x}" y="${cy - 3.5}" width="14" height="7" rx="3.5" fill="${C.muted}"/>`);
      if (key === 'panels')
        parts.push(
          `<path d="M${x},${cy - 4}h14M${x},${cy}h14M${x},${cy + 4}h14" fill="none" stroke="${C.muted}" stroke-width="1.5"/>`,
        );
      parts.push(`<text x="${x + 18}" y="${cy + 4.2}" font-size="${size}" fill="${C.muted}">${esc(label)}</text>`);
      x += w + 16;
    }
    y += 26;
  }
  const caution = cautionText(d, lang);
  if (caution) {
    const note = wrapText(caution, inner - 14, 12.5).split('\n');
    const h = note.length * 18 + 8;
    parts.push(
      `<rect x="${PAD}" y="${y}" width="${inner}" height="${h}" fill="${C.panel}"/><rect x="${PAD}" y="${y}" width="4" height="${h}" fill="${C.accent}"/>`,
    );
    parts.push(textLines(note, PAD + 12, y + 3, 12.5, 18, C.fg));
    y += h + 10;
  }
  const foot = [
    ...wrapText(
      `${t(lang, 'chart.source')}${t(lang, 'punct.colon')}${sourceLine(r.rows, lang, release.data)}`,
      inner,
      12,
    ).split('\n'),
    ...wrapText(`${versionLine(lang, release)} · ${t(lang, 'site.shortTitle')}`, inner, 12).split('\n'),
    chartUrl(id, lang, site),
  ];
  parts.push(textLines(foot, PAD, y, 12, 17, C.muted));
  y += foot.length * 17 + PAD - 4;
  const H = Math.ceil(y);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(r.alt)}" font-family="${esc(FONT_STACK)}">` +
    `<title>${esc(r.alt)}</title><desc>${esc(r.description)}</desc>${STYLE}<rect width="${W}" height="${H}" fill="${C.bg}"/>${parts.join('')}</svg>\n`
  );
}

/** The social card: 1200×630, title, the chart fitted below it, site name and dataset version. */
export function ogSvg(id: string, lang: Lang): string {
  const d = chartOrThrow(id);
  const r = renderedChart(id, lang, WIDTHS.wide);
  const W = 1200,
    H = 630,
    P = 56;
  const title = wrapText(pick(d.title, lang), W - 2 * P, 40)
    .split('\n')
    .slice(0, 2);
  const top = P - 16 + title.length * 52 + 12,
    bottom = H - 64;
  const chart = fixedChart(r.svg, `x="${P}" y="${top}" preserveAspectRatio="xMidYMid meet"`)
    .replace(/ width="\d+(?:\.\d+)?"/, ` width="${W - 2 * P}"`)
    .replace(/ height="\d+(?:\.\d+)?"/, ` height="${bottom - top}"`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${esc(FONT_STACK)}">${STYLE}` +
    `<rect width="${W}" height="${H}" fill="${C.bg}"/><rect width="${W}" height="10" fill="${C.accent}"/>` +
    textLines(title, P, P - 16, 40, 52, C.fg, 700) +
    chart +
    `<text x="${P}" y="${H - 28}" font-size="22" fill="${C.muted}">${esc(`${t(lang, 'site.shortTitle')} · ${versionLine(lang)}`)}</text></svg>\n`
  );
}

/** One row of a chart's data download. */
export interface ChartDataRow {
  /** `observation`, `derived` (computed from `inputs`), `district` (maps) or `event` (timeline: a date, no figure). */
  rowType: 'observation' | 'derived' | 'district' | 'event';
  district: string;
  series: string;
  value: number | null;
  high: number | null;
  unit: string | null;
  qualifier: string | null;
  kind: string | null;
  /** The value as the page writes it, with qualifier and unit. */
  label: string;
  period: string;
  scope: string;
  source: string;
  /** Observation id (rowType `observation`). */
  observation: string | null;
  /** Derived-figure id (rowType `derived`). */
  derived: string | null;
  /** Observation ids a derived figure is computed from. */
  inputs: string[];
}

/** The chart's rows as the downloads give them, in drawing order, from `release`'s data. */
export function chartDataRows(id: string, lang: Lang, release: Release = currentRelease()): ChartDataRow[] {
  const data = release.data;
  const derived = new Map(allDerived(data.observation).map((x) => [x.id, x]));
  const isMap = chartOrThrow(id).kind === 'map';
  return renderedChart(id, lang, WIDTHS.wide, release).rows.map((r) => {
    const dv = r.derived ? derived.get(r.ref) : undefined;
    const rowType = r.derived ? 'derived' : data.observation.has(r.ref) ? 'observation' : isMap ? 'district' : 'event';
    // Map and timeline rows carry a position, not a figure: their numbers would mislead in a spreadsheet.
    const figure = rowType === 'observation' || rowType === 'derived';
    return {
      rowType,
      district: r.district,
      series: r.series,
      value: figure ? r.value : null,
      high: figure ? (r.high ?? null) : null,
      unit: figure ? r.unit : null,
      qualifier: figure ? r.qualifier : null,
      kind: figure ? r.kind : null,
      label: r.label,
      period: r.period,
      scope: r.scope,
      source: r.source,
      observation: rowType === 'observation' ? r.ref : null,
      derived: rowType === 'derived' ? r.ref : null,
      inputs: dv ? [dv.a, dv.b] : [],
    };
  });
}

/** data.csv: the chart's rows with units, source ids, observation ids and the dataset version. */
export function chartCsv(id: string, lang: Lang, release: Release = currentRelease()): string {
  const header = [
    'chart',
    'row_type',
    'district',
    'series',
    'value',
    'high',
    'unit',
    'qualifier',
    'kind',
    'label',
    'period',
    'scope',
    'source',
    'observation_id',
    'derived_id',
    'derived_inputs',
    'dataset_version',
  ];
  const v = release.version;
  return toCsv(
    header,
    chartDataRows(id, lang, release).map((r) => [
      id,
      r.rowType,
      r.district,
      r.series,
      r.value,
      r.high,
      r.unit,
      r.qualifier,
      r.kind,
      r.label,
      r.period,
      r.scope,
      r.source,
      r.observation,
      r.derived,
      r.inputs.join(';'),
      v,
    ]),
    // A chart's data is opened in spreadsheets first: with the mark, Excel reads its Chinese as UTF-8.
    { bom: true },
  );
}

/**
 * data.json: the chart's metadata, dataset version and licence, and its rows, from `release`'s
 * data; `pinned` gives the version-pinned embed and dataset addresses instead of the latest.
 */
export function chartJson(
  id: string,
  lang: Lang,
  site: URL,
  release: Release = currentRelease(),
  pinned = false,
): Record<string, unknown> {
  const d = chartOrThrow(id);
  return {
    chart: {
      id,
      lang,
      title: pick(d.title, lang),
      subtitle: pick(d.subtitle, lang),
      comparability: pick(d.comparability, lang) ?? null,
      url: chartUrl(id, lang, site),
      embed: new URL(pinned ? pinnedEmbedPath(id, lang, release.version) : embedPath(id, lang), site).href,
    },
    dataset: {
      version: release.version,
      date: release.date,
      url: new URL(pinned ? pinnedPath(release.version, 'zh', '/data/datapackage.json') : '/data/', site).href,
      release: new URL(releasePath(release.version, lang), site).href,
      license: LICENSE.name,
      licenseUrl: LICENSE.path,
    },
    rows: chartDataRows(id, lang, release),
  };
}
