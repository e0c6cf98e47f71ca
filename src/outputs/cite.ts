/**
 * Citations of what the site makes (a chart, the dataset, a case study, a data point): a
 * permalink, an APA-like reference and a BibTeX entry, each naming the dataset version and date so
 * a reader can find the exact data, and the work behind them for the RIS and CSL-JSON files and the
 * pages' meta tags (citationFormats.ts). Also the work a source entry describes.
 */
import { chartOrThrow } from '../charts/chrome.ts';
import type { Source } from '../dataset/schemas.ts';
import { districtName, sourceName } from '../i18n/figure.ts';
import { t } from '../i18n/strings.ts';
import { currentRelease, releases, type Release } from '../dataset/releases.ts';
import { LICENSE } from './datapackage.ts';
import type { Work, WorkType } from './citationFormats.ts';
import { edition, pick, type Lang } from '../site/editions.ts';
import {
  caseStudyPath,
  chartPath,
  chartUrl,
  citationFilePath,
  dataPointPath,
  localePath,
  pinnedEmbedPath,
  releasePath,
  sourcePath,
  splitLocalePath,
  type CitationFormat,
} from '../site/paths.ts';

/** A citation in the forms the cite block offers, and the work it cites (for the RIS and CSL-JSON files and meta tags). */
export interface Citation {
  permalink: string;
  text: string;
  bibtex: string;
  work: Work;
  /** Paths of the work's RIS and CSL-JSON files. */
  files: Record<CitationFormat, string>;
}

// BibTeX treats these as commands or groups; everything else (Chinese included) is UTF-8 text.
const bib = (s: string) => s.replace(/[\\{}]/g, '').replace(/([&%$#_])/g, '\\$1');

/** What each kind of work is called in a reference's brackets. */
type TypeKey = 'cite.typeChart' | 'cite.typeDataset' | 'cite.typeCaseStudy' | 'cite.typeDataPoint' | 'cite.typePassage';

/**
 * The citation of `work`, shown on the page in `folder` (its files sit there): an APA-like text
 * naming the kind of work and the dataset version and date, and a BibTeX entry.
 */
function citation(lang: Lang, work: Work, typeKey: TypeKey, release: Release, folder: string): Citation {
  const v = release.version,
    year = work.issued.slice(0, 4);
  const author = t(lang, 'site.shortTitle');
  const type = t(lang, typeKey);
  const { URL: permalink, title } = work;
  const text = pick(
    {
      zh: `${author}.（${year}）. ${title}［${type}；${t(lang, 'footer.dataset')} ${v}，${release.date}］. ${permalink}`,
      en: `${author}. (${year}). ${title} [${type}; ${t(lang, 'footer.dataset').toLowerCase()} ${v}, ${release.date}]. ${permalink}`,
    },
    lang,
  );
  const bibtex = [
    `@misc{${work.id},`,
    `  author = {{${bib(author)}}},`,
    `  title = {${bib(title)}},`,
    `  year = {${year}},`,
    `  date = {${work.issued}},`,
    `  version = {${v}},`,
    `  howpublished = {${bib(type)}},`,
    `  note = {${bib(`${t(lang, 'footer.dataset')} ${v}, ${release.date}`)}},`,
    `  language = {${pick({ zh: 'chinese', en: 'english' }, lang)}},`,
    `  url = {${permalink}}`,
    '}',
  ].join('\n');
  const files = { ris: citationFilePath(folder, 'ris'), csl: citationFilePath(folder, 'csl') };
  return { permalink, text, bibtex, work, files };
}

/** The site as author and publisher of what it makes, by its short name (a reference manager reads a comma in an author as "family, given"). */
function siteWork(lang: Lang, release: Release): Pick<Work, 'authors' | 'publisher' | 'version' | 'language'> {
  return {
    authors: [t(lang, 'site.shortTitle')],
    publisher: t(lang, 'site.shortTitle'),
    version: release.version,
    language: edition(lang).htmlLang,
  };
}

// Chinese sets no space after a label; English does.
const sp = (lang: Lang) => pick({ zh: '', en: ' ' }, lang);
const inParens = (lang: Lang, s: string) => `${t(lang, 'punct.lparen')}${s}${t(lang, 'punct.rparen')}`;
const versionNote = (lang: Lang, release: Release) => `${t(lang, 'footer.dataset')} ${release.version}`;

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
  const work: Work = {
    id: `pbm-${id}-${release.version}`,
    type: 'figure',
    title: pick(chartOrThrow(id).title, lang),
    ...siteWork(lang, release),
    container: t(lang, 'site.shortTitle'),
    issued: release.date,
    URL: permalink,
  };
  return citation(lang, work, 'cite.typeChart', release, chartPath(id, lang));
}

/**
 * The citation of the dataset version `release`, pointing at its release page (what changed, its
 * downloads). Its files sit beside the page showing it: the data page for the current data
 * (`pinned` false), the release page for a frozen version.
 */
export function citeDataset(lang: Lang, site: URL, release: Release = currentRelease(), pinned = false): Citation {
  const permalink = new URL(pinnable(release) ? releasePath(release.version, lang) : localePath(lang, '/data/'), site)
    .href;
  const work: Work = {
    id: `pbm-dataset-${release.version}`,
    type: 'dataset',
    title: t(lang, 'opendata.datasetTitle'),
    ...siteWork(lang, release),
    issued: release.date,
    URL: permalink,
  };
  const folder = pinned ? releasePath(release.version, lang) : localePath(lang, '/data/');
  return citation(lang, work, 'cite.typeDataset', release, folder);
}

/** The citation of district `district`'s case study (title, last updated YYYY-MM-DD) in `lang`, with the dataset version it reads. */
export function citeCaseStudy(
  { district, title, updated }: { district: string; title: string; updated: string },
  lang: Lang,
  site: URL,
  release: Release = currentRelease(),
): Citation {
  const path = caseStudyPath(district, lang);
  const work: Work = {
    id: `pbm-case-${district}-${updated}`,
    type: 'webpage',
    title,
    ...siteWork(lang, release),
    container: t(lang, 'site.shortTitle'),
    issued: updated,
    URL: new URL(path, site).href,
    note: `${versionNote(lang, release)}${t(lang, 'punct.comma')}${release.date}`,
  };
  return citation(lang, work, 'cite.typeCaseStudy', release, path);
}

/**
 * The citation of one passage (¶ `n`, anchor `id`) of the document titled `title` at `path` in
 * `lang`, last updated `updated` (default: the release date): its permalink is the passage's
 * anchor; its RIS and CSL-JSON files are the whole document's, beside its page.
 */
export function citePassage(
  { path, title, updated, id, n }: { path: string; title: string; updated?: string | undefined; id: string; n: number },
  lang: Lang,
  site: URL,
  release: Release = currentRelease(),
): Citation {
  const issued = updated ?? release.date;
  const work: Work = {
    // The same key in every edition, as the other works have (the path without its edition prefix).
    id: `pbm-${splitLocalePath(path)
      .path.replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')}-${id}`,
    type: 'webpage',
    title: `${title}${t(lang, 'punct.comma')}¶ ${n}`,
    ...siteWork(lang, release),
    container: t(lang, 'site.shortTitle'),
    issued,
    URL: new URL(`${path}#${id}`, site).href,
    note: `${versionNote(lang, release)}${t(lang, 'punct.comma')}${release.date}`,
  };
  return citation(lang, work, 'cite.typePassage', release, path);
}

/** The citation of data point `id` (one figure of the dataset) in `lang`, pinned to the current version. */
export function citeDataPoint(id: string, lang: Lang, site: URL, release: Release = currentRelease()): Citation {
  const data = release.data;
  const o = data.observation.get(id);
  if (!o) throw new Error(`citeDataPoint: unknown data point "${id}"`);
  const path = dataPointPath(id, lang);
  const work: Work = {
    id: `pbm-${id}-${release.version}`,
    type: 'dataset',
    title: `${districtName(data, o.district, lang)}${t(lang, 'punct.colon')}${pick(o.label, lang)}`,
    ...siteWork(lang, release),
    container: t(lang, 'opendata.datasetTitle'),
    issued: release.date,
    URL: new URL(path, site).href,
    note: `${t(lang, 'cite.in')}${sp(lang)}${sourceName(data, o.source, lang)}`,
  };
  return citation(lang, work, 'cite.typeDataPoint', release, path);
}

/** CSL type of each kind of source. */
const SOURCE_TYPE = {
  'news-report': 'article-newspaper',
  'official-case-submission': 'article-newspaper',
  'unattributed-text': 'manuscript',
} as const satisfies Record<Source['kind'], WorkType>;

/**
 * The people a byline names, without their roles: `支倩倩、刘家祯；通讯员 孟凡庚` gives 支倩倩, 刘家祯,
 * 孟凡庚; an institution stays one name.
 */
export function bylineAuthors(byline: string | null): string[] {
  if (!byline) return [];
  return byline
    .split(/[、；;,，]|\s+/)
    .map((s) => s.replace(/^(记者|通讯员|記者|通訊員)/, '').trim())
    .filter(Boolean);
}

/**
 * The work a source entry describes: the report itself (outlet, byline and date), found at the
 * site's entry for it; the dataset version that read it goes in the note. Its title as printed
 * (with the English edition's rendering in brackets) only with `printedTitle`, for the downloaded
 * citation files, as the dataset's sources table has it; on a page (COinS) the site names the
 * report in its own words (`sourceName`, or the English rendering), never in the source's.
 */
export function sourceWork(
  id: string,
  lang: Lang,
  site: URL,
  { release = currentRelease(), printedTitle = false }: { release?: Release; printedTitle?: boolean } = {},
): Work {
  const s = release.data.source.get(id);
  if (!s) throw new Error(`sourceWork: unknown source "${id}"`);
  // An untitled text's "title" is the site's description in brackets: English gives only its own.
  const printed = pick(
    { zh: s.title, en: s.kind === 'unattributed-text' ? s.titleEn : `${s.title} [${s.titleEn}]` },
    lang,
  );
  return {
    id: `pbm-source-${id}`,
    type: SOURCE_TYPE[s.kind],
    title: printedTitle ? printed : pick({ zh: sourceName(release.data, id, lang), en: s.titleEn }, lang),
    authors: bylineAuthors(s.byline),
    container: s.outlet ? pick(s.outlet, lang) : undefined,
    issued: s.date,
    approximate: s.dateInferred,
    language: s.script === 'Hant' ? 'zh-Hant' : 'zh-Hans',
    URL: new URL(sourcePath(id, lang), site).href,
    note: `${t(lang, 'cite.describedIn')}${sp(lang)}${t(lang, 'site.shortTitle')}${sp(lang)}${inParens(lang, versionNote(lang, release))}`,
  };
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
