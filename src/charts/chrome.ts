/**
 * What surrounds a chart wherever it is shown (its page, an embed, the SVG and PNG downloads):
 * the lookup by id, the mark legend, the caution label, the source line, the credit and the
 * chart's addresses. Written once here; each medium only lays them out.
 */
import { type IndexedDataset } from '../dataset/dataset.ts';
import { districtName, sourceYear } from '../i18n/figure.ts';
import { currentRelease, type Release } from '../dataset/releases.ts';
import { t, type StringKey } from '../i18n/strings.ts';
import { chartById } from './index.ts';
import { hollow, isLower, panelKey } from './marks.ts';
import { sourceOutlet } from './rows.ts';
import type { ChartDefinition, Datum } from './types.ts';
import { pick, type Lang, type ContentLang } from '../site/editions.ts';

/** The chart with `id`; throws, naming the id and where it was asked for, when there is none. */
export function chartOrThrow(id: string, where?: string): ChartDefinition {
  const def = chartById(id);
  if (!def) throw new Error(`unknown chart id "${id}"${where ? ` (${where})` : ''}: no chart or map has this id`);
  return def;
}

/** One entry of the mark legend: how the mark is drawn and what it means. */
export interface LegendItem {
  /** The mark: a filled dot, a hollow dot, a dot with an arrow (lower bound), a bar (range), or panels with their own scales. */
  key: 'filled' | 'hollow' | 'arrow' | 'range' | 'panels';
  /** The meaning, as a string-table key. */
  label: StringKey;
}

const QUALIFIED_MARKS: readonly LegendItem[] = [
  { key: 'filled', label: 'chart.keyAchieved' },
  { key: 'hollow', label: 'chart.keyHollow' },
  { key: 'arrow', label: 'chart.keyLower' },
  { key: 'range', label: 'chart.keyRange' },
];

/** Whether a chart drawing `rows` uses the mark of legend entry `key`. */
const USES: Record<Exclude<LegendItem['key'], 'panels'>, (r: Datum) => boolean> = {
  filled: (r) => r.qualifier !== 'range' && !hollow(r),
  hollow: (r) => r.qualifier !== 'range' && hollow(r),
  arrow: isLower,
  range: (r) => r.qualifier === 'range',
};

/**
 * The legend entries of a chart drawing `rows`: only the marks it uses, in drawing order; none for
 * maps and charts with `legend: false`.
 */
export function legendItems(def: ChartDefinition, rows: Datum[]): LegendItem[] {
  if (def.kind === 'map' || def.legend === false) return [];
  const marks = QUALIFIED_MARKS.filter((item) => rows.some(USES[item.key as Exclude<LegendItem['key'], 'panels'>]));
  // Panels each with their own scale: say so, since position then compares only within a panel.
  return new Set(rows.map(panelKey)).size > 1 ? [...marks, PANELS] : marks;
}

const PANELS: LegendItem = { key: 'panels', label: 'chart.keyPanels' };

/** The legend entries of a chart drawing `rows`, each meaning in `lang`'s words. */
export function legendWords(
  def: ChartDefinition,
  rows: Datum[],
  lang: Lang,
): { key: LegendItem['key']; label: string }[] {
  return legendItems(def, rows).map((i) => ({ key: i.key, label: t(lang, i.label) }));
}

/**
 * A rendered chart's SVG for where it is shown: its links as they are (site paths, for the site's
 * pages), opening a new tab (`newTab`, for embeds in other sites' pages) and made absolute at
 * `site` (for downloaded files, which have no address of their own).
 */
export function linkedSvg(svg: string, { site, newTab = false }: { site?: URL; newTab?: boolean }): string {
  return svg.replace(/<a\b([^>]*)>/g, (_m, attrs: string) => {
    let out = site
      ? attrs.replace(/ href="([^"]*)"/, (_h, href: string) => ` href="${new URL(href, site).href}"`)
      : attrs;
    if (newTab && !/ target=/.test(out)) out += ' target="_blank"';
    return `<a${out}>`;
  });
}

/**
 * The caution label before a comparability note, with its language's colon, and the space
 * that follows it (none after the full-width colon): `注意：` + ``, `Caution:` + ` `.
 */
export function cautionLabel(lang: Lang): { label: string; space: string } {
  return pick(
    {
      zh: { label: `${t(lang, 'compare.caution')}：`, space: '' },
      en: { label: `${t(lang, 'compare.caution')}:`, space: ' ' },
    },
    lang,
  );
}

/** A chart's comparability note in words: its caution label, the space after it and the note. */
export interface CautionNote {
  label: string;
  space: string;
  text: string;
}

/** The comparability note of chart `def` with its caution label, for pages and embeds; null when it has none. */
export function cautionNote(def: ChartDefinition, lang: Lang): CautionNote | null {
  return def.comparability ? { ...cautionLabel(lang), text: pick(def.comparability, lang) } : null;
}

/** The comparability note with its caution label, as one line of plain text (downloads, heights). */
export function cautionText(def: ChartDefinition, lang: Lang): string | undefined {
  if (!def.comparability) return undefined;
  const { label, space } = cautionLabel(lang);
  return `${label}${space}${pick(def.comparability, lang)}`;
}

/** One source a chart draws on: its id, outlet name, and year and district in brackets. */
export interface ChartSource {
  id: string;
  outlet: string;
  /** `（章丘区，2024年，本站推断）` / ` (Zhangqiu District, 2024, site's inference)`, written after the outlet. */
  note: string;
}

/** Between two sources in a source line. */
export const SOURCE_SEPARATOR: Record<ContentLang, string> = { zh: '；', en: '; ' };

/** The sources of a chart's rows, in the order the rows first cite them. */
export function chartSources(rows: Datum[], lang: Lang, data: IndexedDataset = currentRelease().data): ChartSource[] {
  return [...new Set(rows.map((r) => r.source))].map((id) => {
    const src = data.source.get(id)!;
    const outlet = sourceOutlet(data, id, lang);
    const year = sourceYear(src, lang),
      where = districtName(data, src.district, lang);
    return { id, outlet, note: pick({ zh: `（${where}，${year}）`, en: ` (${where}, ${year})` }, lang) };
  });
}

/** The sources a chart draws on, as one line: `齐鲁晚报（章丘区，2024年，本站推断）；…`. */
export function sourceLine(rows: Datum[], lang: Lang, data?: IndexedDataset): string {
  return chartSources(rows, lang, data)
    .map((s) => `${s.outlet}${s.note}`)
    .join(pick(SOURCE_SEPARATOR, lang));
}

/** `数据集版本 data-…（2026-11-21）` / `Dataset version data-… (2026-11-21)`, of `release` (default: the current data). */
export function versionLine(lang: Lang, release: Release = currentRelease()): string {
  return pick(
    {
      zh: `${t(lang, 'footer.dataset')} ${release.version}（${release.date}）`,
      en: `${t(lang, 'footer.dataset')} ${release.version} (${release.date})`,
    },
    lang,
  );
}

/**
 * The credit under an embedded chart: the site's name (the embed links it to the chart page),
 * then sources and dataset version. `text` is the whole line as plain text.
 */
export function credit(
  rows: Datum[],
  lang: Lang,
  release: Release = currentRelease(),
): { site: string; rest: string; text: string } {
  const site = t(lang, 'site.shortTitle');
  const rest = ` · ${t(lang, 'chart.source')}${t(lang, 'punct.colon')}${sourceLine(rows, lang, release.data)} · ${t(lang, 'footer.dataset')} ${release.version}`;
  return { site, rest, text: `${site}${rest}` };
}
