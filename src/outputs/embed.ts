/**
 * Embeds: what an embed page shows (its figure: drawn now for the latest data, kept as it was
 * made for a frozen release), the iframe snippet a journalist pastes, its default height, and the
 * oEmbed answer. The default height is computed from the rendered SVG and the embed page's fixed
 * type sizes (src/styles/embed.css; keep the numbers below in step with it) so that, with no
 * script on the host page, a 640 px wide iframe shows the whole chart.
 */
import { z } from 'astro/zod';
import {
  cautionNote,
  cautionText,
  chartOrThrow,
  credit,
  legendItems,
  legendWords,
  linkedSvg,
} from '../charts/chrome.ts';
import type { ChartDefinition } from '../charts/types.ts';
import { chartDiffers, renderedChart, WIDTHS } from '../charts/site.ts';
import { EMBEDS_DIR } from '../dataset/kept.ts';
import { currentRelease, releases, type Release } from '../dataset/releases.ts';
import { textWidth, wrapText } from '../charts/text.ts';
import { t } from '../i18n/strings.ts';
import { escapeMarkup } from '../i18n/markup.ts';
import { pick, type Lang } from '../site/editions.ts';
import { chartUrl, embedPath, localePath, pinnedEmbedPath } from '../site/paths.ts';

/** The iframe width the default height is computed for (CSS px). */
export const EMBED_DEFAULT_WIDTH = 640;
/** Below this iframe width the embed shows the narrow SVG (embed.css has the same media query). */
export const EMBED_NARROW_MAX = 540;
/** From this frame width (CSS px) an embed shows the 1040 px drawing of a chart that has one (embed.css). */
export const EMBED_FULL_MIN = 960;

/**
 * Whether chart `def`'s embed carries the 1040 px drawing: charts that break out of the column,
 * but not maps, whose third drawing would take the embed past its 25 KB budget.
 */
export const embedHasFull = (def: ChartDefinition) => def.breakout === true && def.kind !== 'map';

/**
 * What an embed page shows, in its edition's content language (a converting edition's page is
 * converted as a whole where it is published): src/components/pages/EmbedPage.astro lays it out.
 */
export const embedFigureSchema = z.strictObject({
  title: z.string(),
  subtitle: z.string(),
  /** The drawings, links opening a new tab: 1040 px wide (charts that break out, not maps), 720 px and 360 px. */
  svg: z.strictObject({ full: z.string().optional(), wide: z.string(), narrow: z.string() }),
  /** The marks drawn and what each means. */
  legend: z.array(z.strictObject({ key: z.enum(['filled', 'hollow', 'arrow', 'range', 'panels']), label: z.string() })),
  /** The comparability note with its caution label and the space after that, or null. */
  caution: z.strictObject({ label: z.string(), space: z.string(), text: z.string() }).nullable(),
  /** The credit line: the site's name (linking back to the chart) and the rest (sources, dataset version). */
  credit: z.strictObject({ site: z.string(), rest: z.string() }),
});
export type EmbedFigure = z.infer<typeof embedFigureSchema>;

/** The figure of chart `id`'s embed in edition `lang`, drawn now from `release`'s data. */
export function embedFigure(id: string, lang: Lang, release: Release): EmbedFigure {
  const def = chartOrThrow(id, `embed ${lang}`);
  const wide = renderedChart(id, lang, WIDTHS.wide, release);
  // In another site's page a mark's link opens the data point in a new tab, not inside the frame.
  const svg = (width: number) => linkedSvg(renderedChart(id, lang, width, release).svg, { newTab: true });
  const { site, rest } = credit(wide.rows, lang, release);
  return {
    title: pick(def.title, lang),
    subtitle: pick(def.subtitle, lang),
    svg: {
      ...(embedHasFull(def) ? { full: svg(WIDTHS.full) } : {}),
      wide: svg(WIDTHS.wide),
      narrow: svg(WIDTHS.narrow),
    },
    legend: legendWords(def, wide.drawn, lang),
    caution: cautionNote(def, lang),
    credit: { site, rest },
  };
}

/**
 * Where a frozen release keeps the figure of chart `id`'s embed in edition `lang`: like its files,
 * under the edition's prefix (`embeds/<id>.json`, `embeds/en/<id>.json`). A converting edition's
 * figure is kept as drawn for it, in its content language: the page is converted as a whole.
 */
export function keptFigurePath(id: string, lang: Lang): string {
  return `${EMBEDS_DIR}${localePath(lang, `/${id}.json`)}`;
}

// embed.css: padding 10px 12px 12px; title 17px on 24px lines; small text 12px on 18px lines; 6px gaps.
const PAD_X = 12,
  PAD_Y = 22,
  TITLE = { size: 17, line: 24 },
  SMALL = { size: 12, line: 18 },
  GAP = 6;

const lines = (s: string, width: number, size: number) => wrapText(s, width, size).split('\n').length;

/**
 * Whether the embed of chart `id` pinned to `release` says that the chart changed since: only
 * when a later release draws it differently (a pinned embed of an unchanged chart says nothing).
 */
export function embedNotice(id: string, release: Release): boolean {
  const latest = currentRelease();
  return release.version !== latest.version && chartDiffers(id, release, latest);
}

/**
 * Estimated height in CSS px of the embed page of chart `id` in an iframe `width` px wide, drawn
 * from `release`'s data (default: the current data), with its change notice when it has one.
 */
export function embedHeight(id: string, lang: Lang, width: number, release: Release = currentRelease()): number {
  const def = chartOrThrow(id);
  const cw = width - 2 * PAD_X;
  const full = embedHasFull(def) && width >= EMBED_FULL_MIN;
  const r = renderedChart(
    id,
    lang,
    full ? WIDTHS.full : width > EMBED_NARROW_MAX ? WIDTHS.wide : WIDTHS.narrow,
    release,
  );
  const [vw, vh] = (/ viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(r.svg) ?? []).slice(1).map(Number);
  // The title is bold: wrap it as if 8% larger.
  let h = PAD_Y + lines(pick(def.title, lang), cw, TITLE.size * 1.08) * TITLE.line + GAP + (vh! * cw) / vw!;
  const legend = legendItems(def, r.drawn);
  if (legend.length > 0) {
    // The legend is a wrapping flex row: key (10 px, the arrow key about 26 px, + 4 px) and label, 12 px apart.
    let rowsUsed = 1,
      x = 0;
    for (const { key, label } of legend) {
      const w = (key === 'arrow' ? 30 : 14) + 1.05 * textWidth(t(lang, label), SMALL.size);
      if (x > 0 && x + w > cw) {
        rowsUsed++;
        x = 0;
      }
      x += w + 12;
    }
    h += GAP + rowsUsed * SMALL.line;
  }
  const caution = cautionText(def, lang);
  if (caution) h += GAP + 6 + lines(caution, cw - 19, SMALL.size) * SMALL.line;
  h += GAP + lines(credit(r.rows, lang, release).text, cw, SMALL.size) * SMALL.line;
  if (embedNotice(id, release))
    h += GAP + lines(`${t(lang, 'embed.changed')} ${t(lang, 'embed.changedLink')}`, cw, SMALL.size) * SMALL.line;
  // A little room for font differences between machines, rounded to 10 px.
  return Math.ceil((h + 12) / 10) * 10;
}

/** Absolute URL of the embed page: pinned to `version`, or (without one) always the latest data. */
export function embedUrl(id: string, lang: Lang, site: URL, version?: string): string {
  return new URL(version ? pinnedEmbedPath(id, lang, version) : embedPath(id, lang), site).href;
}

/**
 * The version an embed snippet pins by default: the current release, when the content folder
 * has frozen releases (generated content without them offers the latest form only).
 */
export function defaultPin(): string | undefined {
  return releases().length > 0 ? currentRelease().version : undefined;
}

/**
 * The HTML a host page pastes: a sandboxed, lazy iframe of the default height, then the optional
 * resize script. `version` pins the embed to that release; without it the embed follows the latest data.
 */
export function embedSnippet(id: string, lang: Lang, site: URL, version?: string): string {
  const def = chartOrThrow(id);
  const h = embedHeight(id, lang, EMBED_DEFAULT_WIDTH);
  return (
    `<iframe src="${embedUrl(id, lang, site, version)}" title="${escapeMarkup(pick(def.title, lang))}" height="${h}" loading="lazy" style="width:100%;border:0" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>\n` +
    `<script async src="${new URL('/embed.js', site).href}"></script>`
  );
}

/** The oEmbed 1.0 answer for chart `id`: a rich embed of the iframe snippet, pinned like the chart page's. */
export function oembed(id: string, lang: Lang, site: URL): Record<string, unknown> {
  const def = chartOrThrow(id);
  return {
    version: '1.0',
    type: 'rich',
    title: pick(def.title, lang),
    provider_name: t(lang, 'site.title'),
    provider_url: new URL(localePath(lang, '/'), site).href,
    html: embedSnippet(id, lang, site, defaultPin()),
    width: EMBED_DEFAULT_WIDTH,
    height: embedHeight(id, lang, EMBED_DEFAULT_WIDTH),
    thumbnail_url: chartUrl(id, lang, site, 'og.png'),
    thumbnail_width: 1200,
    thumbnail_height: 630,
  };
}
