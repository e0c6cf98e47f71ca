/**
 * Citations of a chart or of the whole dataset: a permalink, an APA-like reference and a
 * BibTeX entry, each naming the dataset version and date so a reader can find the exact data.
 */
import { chartOrThrow } from '../charts/chrome.ts';
import { t } from '../i18n/strings.ts';
import { currentRelease, releases, type Release } from '../dataset/releases.ts';
import { LICENSE } from './datapackage.ts';
import { pick, type Lang } from '../site/editions.ts';
import { chartUrl, localePath, pinnedEmbedPath, releasePath } from '../site/paths.ts';

/** A citation in the forms the cite block offers. */
export interface Citation {
  permalink: string;
  text: string;
  bibtex: string;
}

// BibTeX treats these as commands or groups; everything else (Chinese included) is UTF-8 text.
const bib = (s: string) => s.replace(/[\\{}]/g, '').replace(/([&%$#_])/g, '\\$1');

function cite(
  lang: Lang,
  title: string,
  typeKey: 'cite.typeChart' | 'cite.typeDataset',
  permalink: string,
  key: string,
  release: Release,
): Citation {
  const v = release.version,
    year = release.date.slice(0, 4);
  const datasetDate = () => release.date;
  const author = t(lang, 'site.title');
  const type = t(lang, typeKey);
  const text = pick(
    {
      zh: `${author}.（${year}）. ${title}［${type}；${t(lang, 'footer.dataset')} ${v}，${datasetDate()}］. ${permalink}`,
      en: `${author}. (${year}). ${title} [${type}; ${t(lang, 'footer.dataset').toLowerCase()} ${v}, ${datasetDate()}]. ${permalink}`,
    },
    lang,
  );
  const bibtex = [
    `@misc{${key}-${v},`,
    `  author = {{${bib(author)}}},`,
    `  title = {${bib(title)}},`,
    `  year = {${year}},`,
    `  date = {${datasetDate()}},`,
    `  version = {${v}},`,
    `  howpublished = {${bib(type)}},`,
    `  note = {${bib(`${t(lang, 'footer.dataset')} ${v}, ${datasetDate()}`)}},`,
    `  language = {${pick({ zh: 'chinese', en: 'english' }, lang)}},`,
    `  url = {${permalink}}`,
    '}',
  ].join('\n');
  return { permalink, text, bibtex };
}

// Frozen releases have permanent URLs; generated content without releases has only the latest ones.
const pinnable = (release: Release) => releases().some((r) => r.version === release.version);

/**
 * The citation of chart `id` in `lang` as drawn from `release` (default: the current data);
 * `site` is the public origin. Its permalink is the chart pinned to that version.
 */
export function citeChart(id: string, lang: Lang, site: URL, release: Release = currentRelease()): Citation {
  const permalink = pinnable(release)
    ? new URL(pinnedEmbedPath(id, lang, release.version), site).href
    : chartUrl(id, lang, site);
  return cite(lang, pick(chartOrThrow(id).title, lang), 'cite.typeChart', permalink, `pbm-${id}`, release);
}

/** The citation of the dataset version `release`, pointing at its release page (what changed, its downloads). */
export function citeDataset(lang: Lang, site: URL, release: Release = currentRelease()): Citation {
  const permalink = new URL(pinnable(release) ? releasePath(release.version, lang) : localePath(lang, '/data/'), site)
    .href;
  return cite(lang, t(lang, 'opendata.datasetTitle'), 'cite.typeDataset', permalink, 'pbm-dataset', release);
}

/**
 * CITATION.cff (Citation File Format 1.2.0) for the dataset, served at /data/CITATION.cff: the
 * dataset version and release date come from the data, so the file never goes stale. Strings
 * are JSON-quoted, which YAML reads as double-quoted scalars.
 */
export function citationCff(site: URL, release: Release = currentRelease()): string {
  const q = (s: string) => JSON.stringify(s);
  const both = (key: Parameters<typeof t>[1]) => `${t('en', key)} (${t('zh', key)})`;
  return [
    '# How to cite this dataset. Made by the site build from the data (src/outputs/cite.ts).',
    'cff-version: 1.2.0',
    `message: ${q('If you use this dataset, please cite it with the version named here; the data page (/data/) lists every version.')}`,
    'type: dataset',
    `title: ${q(both('opendata.datasetTitle'))}`,
    `abstract: ${q(`${t('en', 'site.description')} ${t('en', 'opendata.claimNote')}`)}`,
    'authors:',
    `  - name: ${q(both('site.title'))}`,
    `version: ${release.version}`,
    `date-released: ${release.date}`,
    `license: ${LICENSE.name}`,
    `url: ${q(new URL(pinnable(release) ? releasePath(release.version, 'en') : '/data/', site).href)}`,
    `repository-artifact: ${q(new URL(pinnable(release) ? `/v/${release.version}/data/datapackage.json` : '/data/datapackage.json', site).href)}`,
    'keywords:',
    ...['party building', '党建', 'grassroots governance', 'Shandong', 'open data'].map((k) => `  - ${q(k)}`),
    '',
  ].join('\n');
}
