/**
 * The search records: one per thing a reader looks for (a case-study section, a data point, a
 * chart, a source, a glossary term), holding what the page shows, with filters taken from the
 * dataset. Case-study sections and charts are cut from the built HTML; data points, sources and
 * glossary terms are made from the dataset (the build need not wait for their pages), and the
 * tests hold each equal to the record cut from its built page.
 *
 * Each record has the text the page shows (`content`) and an index-only `extra` text that lets
 * the other language and the other script find it: English names and glossary renderings on
 * Chinese records, Chinese names and terms on English ones, and the Simplified form of any
 * Traditional text.
 */
import {
  all,
  attr,
  childElements,
  first,
  matches,
  parseHtml,
  previousElement,
  textContent,
  within,
  type HtmlDocument,
  type HtmlElement,
  type HtmlNode,
} from './htmlTree.ts';
import type { IndexedDataset } from '../dataset/dataset.ts';
import { t } from '../i18n/strings.ts';
import { formatDateRange } from '../i18n/format.ts';
import { dataPointDates, describeFigure, sourceName } from '../i18n/figure.ts';
import { stripTones } from '../searchCore/text.ts';
import { pick, type Lang } from '../site/editions.ts';
import { dataPointPath, glossaryPath, localePath, sourcePath } from '../site/paths.ts';

/**
 * A glossary term's pinyin as the index holds it: without tones as written (`yi jian tiao`), and
 * joined into one word when it has several (`yijiantiao`), so that the search page finds it
 * however a reader spaces it (the page joins pinyin words typed apart: src/searchCore/query.ts).
 */
export function pinyinForms(pinyin: string): string[] {
  const plain = stripTones(pinyin);
  const joined = plain.replace(/[\s\-‐‑–]+/gu, '');
  return joined === plain ? [plain] : [plain, joined];
}

/** The kinds of result, in the order results of equal relevance are listed. */
export const RECORD_TYPES = ['case-study', 'observation', 'chart', 'source', 'glossary'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Pagefind filter keys (shared convention): values are ids, years are four digits. */
export interface RecordFilters {
  type: [RecordType];
  district: string[];
  dimension: string[];
  source: string[];
  year: string[];
}

/** One search record before indexing. */
export interface SearchRecord {
  /** Result URL, with a `#fragment` for sections, sources and terms. */
  url: string;
  lang: Lang;
  title: string;
  /** The text the page shows for this result, blocks joined by ` · `. */
  content: string;
  /** Index-only text: translations, pinyin, Simplified forms. Never shown. */
  extra: string;
  filters: RecordFilters;
  /** Shown with the result: `value` (data points), `district`, `source` (names in `lang`). */
  meta: Record<string, string>;
}

/** Turns Traditional Chinese into Simplified (opencc t2s at build time). */
export type ToSimplified = (s: string) => string;

const BLOCK = new Set([
  'P',
  'DIV',
  'LI',
  'DT',
  'DD',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'TR',
  'TD',
  'TH',
  'BLOCKQUOTE',
  'SECTION',
  'FIGCAPTION',
  'CAPTION',
  'SUMMARY',
  'TABLE',
  'UL',
  'OL',
  'DL',
  'FIGURE',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'NAV',
  'BR',
]);
const SEP = ' · ';

/** Never indexed wherever they are: chart drawings, scripts, marked-ignored parts. */
const ALWAYS_SKIP = 'svg, script, style, template, [data-pagefind-ignore], [aria-hidden="true"]';

/**
 * Visible text of an element (or of several, one after the other) with block boundaries kept
 * as ` · `, skipping `skip` selectors.
 */
export function textOf(el: HtmlElement | HtmlElement[], skip = ''): string {
  const sel = skip ? `${ALWAYS_SKIP}, ${skip}` : ALWAYS_SKIP;
  let out = '';
  const walk = (n: HtmlNode): void => {
    if (n.type === 'text') {
      out += n.data;
      return;
    }
    if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style') return;
    if (matches(n, sel)) return;
    const block = BLOCK.has(n.name.toUpperCase());
    if (block) out += SEP;
    for (const c of n.children) walk(c);
    if (block) out += SEP;
  };
  // Several elements read as the children of one block, as a wrapper element around them would.
  out += SEP;
  for (const e of Array.isArray(el) ? el : [el]) walk(e);
  return tidy(out + SEP);
}

/** Collapses whitespace and repeated block separators. */
export function tidy(s: string): string {
  return s
    .replace(/\s+/gu, ' ')
    .replace(/(?:\s*·\s*){2,}/g, SEP)
    .replace(/^\s*·\s*|\s*·\s*$/g, '')
    .trim();
}

const yearOf = (d: string): string => d.slice(0, 4);
const uniq = (xs: string[]): string[] => [...new Set(xs)].sort();

/** Everything a record can point to through the links in its HTML (below `el`, or among and below `el[]`). */
function linkedIds(el: HtmlElement | HtmlElement[]): { facts: string[]; terms: string[]; sources: string[] } {
  const facts: string[] = [],
    terms: string[] = [],
    sources: string[] = [];
  for (const a of Array.isArray(el) ? within(el, 'a[href]') : all(el, 'a[href]')) {
    const href = attr(a, 'href') ?? '';
    const fact = attr(a, 'data-fact') ?? /\/data\/([a-z0-9-]+)\/$/.exec(href)?.[1];
    if (fact) facts.push(fact);
    const term = /\/glossary\/#([a-z0-9-]+)$/.exec(href)?.[1];
    if (term) terms.push(term);
    const src = /\/sources\/#([a-z0-9-]+)$/.exec(href)?.[1];
    if (src) sources.push(src);
  }
  return { facts, terms, sources };
}

/** Builds the records of one language from the built site's pages. */
export class RecordBuilder {
  readonly data: IndexedDataset;
  readonly toSimplified: ToSimplified;

  constructor(data: IndexedDataset, toSimplified: ToSimplified) {
    this.data = data;
    this.toSimplified = toSimplified;
  }

  /** Filters from the observations a record cites (facts) plus fixed values. */
  filtersFrom(type: RecordType, facts: string[], fixed: Partial<Omit<RecordFilters, 'type'>> = {}): RecordFilters {
    const obs = facts.map((f) => this.data.observation.get(f)).filter((o) => o !== undefined);
    return {
      type: [type],
      district: uniq([...(fixed.district ?? []), ...obs.map((o) => o.district)]),
      dimension: uniq([...(fixed.dimension ?? []), ...obs.map((o) => this.data.indicator.get(o.indicator)!.dimension)]),
      source: uniq([...(fixed.source ?? []), ...obs.map((o) => o.source)]),
      year: uniq([...(fixed.year ?? []), ...obs.map((o) => yearOf(o.asOf))]),
    };
  }

  /**
   * The index-only text for a record: the names of its districts and glossary terms in the
   * other language (and pinyin without tones), plus the Simplified form of Traditional text.
   */
  extraFor(
    lang: Lang,
    hant: string[],
    text: string,
    districts: string[],
    terms: string[],
    also: string[] = [],
  ): string {
    const parts: string[] = [...also];
    for (const id of districts) {
      const d = this.data.district.get(id);
      if (!d) continue;
      parts.push(d.name.zhHans, d.name.en);
    }
    const lower = text.toLowerCase();
    const termIds = new Set(terms);
    for (const g of this.data.glossary) {
      if (
        pick({ zh: text.includes(g.zhHans) || text.includes(g.zhHant), en: lower.includes(g.en.toLowerCase()) }, lang)
      )
        termIds.add(g.id);
    }
    for (const id of [...termIds].sort()) {
      const g = this.data.term.get(id);
      if (!g) continue;
      parts.push(pick({ zh: g.en, en: g.zhHans }, lang), ...pinyinForms(g.pinyin));
    }
    for (const h of hant) parts.push(this.toSimplified(h));
    // Each part once, and none the page text already has: every indexed word costs download.
    const seen = new Set<string>();
    const fresh = parts.map(tidy).filter((p) => {
      const k = p.toLowerCase();
      if (!p || seen.has(k) || text.toLowerCase().includes(k)) return false;
      seen.add(k);
      return true;
    });
    return tidy(fresh.join(SEP));
  }

  caseStudy(lang: Lang, url: string, doc: HtmlDocument, district: string): SearchRecord[] {
    const article = first(doc, 'article.case-study');
    const prose = article && first(article, '.prose');
    if (!article || !prose) throw new Error(`search: ${url} has no article.case-study .prose`);
    const caseTitle = tidy(textContent(first(article, 'h1')));
    const lede = tidy(textContent(first(article, '.lede')));
    const sections: { id: string; heading: string; nodes: HtmlElement[] }[] = [{ id: '', heading: '', nodes: [] }];
    for (const child of childElements(prose)) {
      if (child.name === 'h2')
        sections.push({ id: attr(child, 'id') ?? '', heading: tidy(textContent(child)), nodes: [] });
      else sections.at(-1)!.nodes.push(child);
    }
    const out: SearchRecord[] = [];
    for (const s of sections) {
      if (!s.id && s.nodes.length === 0 && !lede) continue;
      const holder = s.nodes;
      const body = textOf(holder, 'figure.chart');
      const content = tidy([s.heading || caseTitle, s.id ? '' : lede, body].join(SEP));
      const { facts, terms } = linkedIds(holder);
      const filters = this.filtersFrom('case-study', facts, { district: [district] });
      out.push({
        url: s.id ? `${url}#${encodeURIComponent(s.id)}` : url,
        lang,
        title: s.id ? `${caseTitle} › ${s.heading}` : caseTitle,
        content,
        extra: this.extraFor(lang, hantTexts(holder), content, [district], terms, [caseTitle]),
        filters,
        meta: { district: this.districtName(lang, district) },
      });
    }
    return out;
  }

  /**
   * A data point's record made from the dataset: the text its page (DataPointPage.astro) shows
   * in the kept fields, in page order (title, value, target date, period, scope, district,
   * indicator, note, locator), equal to `observationFromPage()` on the built page.
   */
  observation(lang: Lang, id: string): SearchRecord {
    const o = this.data.observation.get(id);
    if (!o) throw new Error(`search: no observation ${id}`);
    const ind = this.data.indicator.get(o.indicator)!;
    const src = this.data.source.get(o.source)!;
    const w = describeFigure(o, src, lang);
    const dates = dataPointDates(o, src, lang);
    const value = tidy(w.value);
    const title = tidy(pick(o.label, lang));
    const districtName = this.districtName(lang, o.district);
    const content = tidy(
      [
        title,
        value,
        dates.target ?? '',
        dates.period,
        w.scope,
        districtName,
        pick(ind.name, lang),
        pick(o.note, lang) ?? '',
        o.locator,
      ].join(SEP),
    );
    const other: Lang = pick({ zh: 'en', en: 'zh' }, lang);
    return {
      url: dataPointPath(id, lang),
      lang,
      title,
      content,
      extra: this.extraFor(
        lang,
        src.script === 'Hant' ? [o.figure, o.locator] : [],
        [
          pick(o.label, lang),
          pick(ind.name, lang),
          pick(ind.definition, lang),
          pick(o.note, lang) ?? '',
          o.locator,
          pick(o.scope.name, lang) ?? '',
        ].join(' '),
        [o.district],
        [],
        [ind.name[other]],
      ),
      filters: this.filtersFrom('observation', [id]),
      meta: { value, district: districtName, source: pick({ zh: src.title, en: src.titleEn }, lang) },
    };
  }

  /**
   * A data point's record cut from its built page, as the other records are. The build uses
   * `observation()`, which makes the same record from the dataset without parsing HTML (at
   * thousands of districts there are 100,000s of these pages); the tests hold the two equal.
   */
  observationFromPage(lang: Lang, url: string, doc: HtmlDocument, id: string): SearchRecord {
    const o = this.data.observation.get(id);
    const main = first(doc, 'main');
    if (!o || !main) throw new Error(`search: ${url} is not a data point page (${id})`);
    const ind = this.data.indicator.get(o.indicator)!;
    const src = this.data.source.get(o.source)!;
    // Only the fields that tell data points apart: labels, help texts, qualifier and kind words,
    // indicator definitions, source headlines (shown apart) and the citation block repeat across
    // pages and would only weigh down the index that each query downloads.
    const keep = new Set(
      (
        [
          'obs.period',
          'obs.setIn',
          'obs.targetDate',
          'obs.scope',
          'obs.district',
          'obs.indicator',
          'obs.note',
          'obs.locator',
        ] as const
      ).map((k) => t(lang, k)),
    );
    const holder: HtmlElement[] = [];
    for (const sel of ['h1', '.big-value']) {
      const e = first(main, sel);
      if (e) holder.push(e);
    }
    for (const dd of all(main, 'dl.facts > dd')) {
      const dt = previousElement(dd);
      if (dt?.name === 'dt' && keep.has(tidy(textContent(dt)))) holder.push(dd);
    }
    const content = textOf(holder, '.small, .muted');
    const h1 = first(main, 'h1');
    const title = tidy(h1 ? textContent(h1) : pick(o.label, lang));
    const { terms } = linkedIds(main);
    const other: Lang = pick({ zh: 'en', en: 'zh' }, lang);
    return {
      url,
      lang,
      title,
      content,
      // Glossary terms are looked for in what the figure is about, not in the source's headline.
      extra: this.extraFor(
        lang,
        hantTexts(main),
        [
          pick(o.label, lang),
          pick(ind.name, lang),
          pick(ind.definition, lang),
          pick(o.note, lang) ?? '',
          o.locator,
          pick(o.scope.name, lang) ?? '',
        ].join(' '),
        [o.district],
        terms,
        [ind.name[other]],
      ),
      filters: this.filtersFrom('observation', [id]),
      meta: {
        value: tidy(textContent(first(main, '.big-value'))),
        district: this.districtName(lang, o.district),
        source: pick({ zh: src.title, en: src.titleEn }, lang),
      },
    };
  }

  chart(lang: Lang, url: string, doc: HtmlDocument): SearchRecord {
    const fig = first(doc, 'main figure.chart');
    const main = first(doc, 'main');
    if (!fig || !main) throw new Error(`search: ${url} has no figure.chart`);
    const title = tidy(textContent(first(fig, '.chart-title')));
    const holder = childElements(main).filter((n, i) => i > 0 && n.name !== 'h1');
    const content = textOf(
      holder,
      '.chart-legend, .chart-table, .chart-source a[href^="/charts/"], .chart-source a[href^="/en/charts/"]',
    );
    const { facts, terms, sources } = linkedIds(holder);
    const filters = this.filtersFrom('chart', facts, { source: sources.filter((s) => this.data.source.has(s)) });
    return {
      url,
      lang,
      title,
      content,
      extra: this.extraFor(lang, hantTexts(holder), content, filters.district, terms),
      filters,
      meta: {},
    };
  }

  /**
   * A source's record made from the dataset: the text its section of the sources page
   * (SourcesPage.astro) shows outside the observation table, in page order (title, English
   * title on English pages, then each label and value), equal to the record `sources()` cuts
   * from the built page.
   */
  source(lang: Lang, id: string): SearchRecord {
    const s = this.data.source.get(id);
    if (!s) throw new Error(`search: no source ${id}`);
    const none = t(lang, 'source.none');
    const date = `${formatDateRange(s.date, s.dateEnd, lang)} ${s.dateInferred ? t(lang, 'source.dateInferred') : ''}`;
    const fields: [string, string][] = [
      [t(lang, 'obs.district'), this.districtName(lang, s.district)],
      [t(lang, 'source.outlet'), s.outlet ? pick(s.outlet, lang) : none],
      [t(lang, 'source.byline'), s.byline ?? none],
      [t(lang, 'source.date'), date],
      [t(lang, 'source.script'), t(lang, `script.${s.script}`)],
      [t(lang, 'source.kind'), t(lang, `sourceKind.${s.kind}`)],
      [t(lang, 'source.reliability'), pick(s.reliability, lang)],
      [t(lang, 'source.summary'), pick(s.summary, lang)],
    ];
    const name = sourceName(this.data, id, lang);
    const content = tidy([name, ...fields.flat()].join(SEP));
    return {
      url: sourcePath(id, lang),
      lang,
      title: name,
      content,
      extra: this.extraFor(
        lang,
        [],
        content,
        [s.district],
        [],
        [s.outlet ? pick({ zh: s.outlet.en, en: s.outlet.zh }, lang) : ''],
      ),
      filters: this.filtersFrom('source', [], { district: [s.district], source: [s.id], year: [yearOf(s.date)] }),
      meta: { district: this.districtName(lang, s.district) },
    };
  }

  /**
   * The sources page's records cut from the built page. The build uses `source()`, which makes
   * the same records from the dataset (at thousands of districts this page is tens of MB); the
   * tests hold the two equal.
   */
  sources(lang: Lang, url: string, doc: HtmlDocument): SearchRecord[] {
    return all(doc, 'main section.source[id]').map((sec) => {
      const id = attr(sec, 'id')!;
      const s = this.data.source.get(id);
      if (!s) throw new Error(`search: ${url}#${id} is not a source`);
      const content = textOf(sec, 'table, .table-wrap');
      return {
        url: `${url}#${id}`,
        lang,
        title: sourceName(this.data, id, lang),
        content,
        extra: this.extraFor(
          lang,
          hantTexts(sec),
          content,
          [s.district],
          [],
          [s.outlet ? pick({ zh: s.outlet.en, en: s.outlet.zh }, lang) : ''],
        ),
        filters: this.filtersFrom('source', [], { district: [s.district], source: [s.id], year: [yearOf(s.date)] }),
        meta: { district: this.districtName(lang, s.district) },
      };
    });
  }

  /**
   * A glossary term's record made from the dataset: the text its entry on the glossary page
   * (GlossaryPage.astro) shows outside its muted pinyin and script lines (both names, the one the edition looks terms up by first; the one-line meaning; the definition), equal
   * to the record `glossary()` cuts from the built page.
   */
  glossaryTerm(lang: Lang, id: string): SearchRecord {
    const g = this.data.term.get(id);
    if (!g) throw new Error(`search: no glossary term ${id}`);
    const content = tidy(
      [
        pick({ zh: `${g.zhHans} ${g.en}`, en: `${g.en} ${g.zhHans}` }, lang),
        ...(g.short ? [pick(g.short, lang)] : []),
        pick(g.definition, lang),
      ].join(SEP),
    );
    return {
      url: glossaryPath(id, lang),
      lang,
      title: pick({ zh: `${g.zhHans} · ${g.en}`, en: `${g.en} · ${g.zhHans}` }, lang),
      content,
      extra: this.extraFor(
        lang,
        [g.zhHant],
        content,
        g.districts,
        [],
        [g.zhHans, g.en, this.toSimplified(g.zhHant), ...pinyinForms(g.pinyin)],
      ),
      filters: this.filtersFrom('glossary', [], { district: g.districts, dimension: g.dimension ? [g.dimension] : [] }),
      meta: {},
    };
  }

  /**
   * The glossary page's records cut from the built page. The build uses `glossaryTerm()`, which
   * makes the same records from the dataset (so they need not wait for the page); the tests
   * hold the two equal.
   */
  glossary(lang: Lang, url: string, doc: HtmlDocument): SearchRecord[] {
    return all(doc, 'main .term-entry[id]').map((entry) => {
      const id = attr(entry, 'id')!;
      const g = this.data.term.get(id);
      if (!g) throw new Error(`search: ${url}#${id} is not a glossary term`);
      // The pinyin and district line repeats labels on every term; pinyin goes to the extra text.
      const content = textOf(entry, '.muted');
      const { terms } = linkedIds(entry);
      return {
        url: `${url}#${id}`,
        lang,
        title: pick({ zh: `${g.zhHans} · ${g.en}`, en: `${g.en} · ${g.zhHans}` }, lang),
        content,
        extra: this.extraFor(lang, hantTexts(entry), content, g.districts, terms, [
          g.zhHans,
          g.en,
          this.toSimplified(g.zhHant),
          ...pinyinForms(g.pinyin),
        ]),
        filters: this.filtersFrom('glossary', [], {
          district: g.districts,
          dimension: g.dimension ? [g.dimension] : [],
        }),
        meta: {},
      };
    });
  }

  districtName(lang: Lang, id: string): string {
    const d = this.data.district.get(id);
    return d ? pick({ zh: d.name.zhHans, en: d.name.en }, lang) : id;
  }

  /** Records for one built page, by its path without language prefix; none for other pages. */
  forPage(lang: Lang, path: string, html: string): SearchRecord[] {
    const url = localePath(lang, path);
    const doc = () => mainDocument(html);
    const caseStudy = /^\/case-studies\/([a-z0-9-]+)\/$/.exec(path);
    if (caseStudy) return this.caseStudy(lang, url, doc(), caseStudy[1]!);
    const dataPoint = /^\/data\/([a-z0-9-]+)\/$/.exec(path);
    if (dataPoint && this.data.observation.has(dataPoint[1]!)) return [this.observation(lang, dataPoint[1]!)];
    if (/^\/charts\/[a-z0-9-]+\/$/.test(path)) return [this.chart(lang, url, doc())];
    if (path === '/sources/') return this.data.sources.map((s) => this.source(lang, s.id));
    if (path === '/glossary/') return this.data.glossary.map((g) => this.glossaryTerm(lang, g.id));
    return [];
  }
}

/** Whether `path` (without language prefix) is a page `RecordBuilder.forPage` cuts records from. */
export function hasRecords(path: string): boolean {
  return /^\/(?:case-studies|data|charts)\/[a-z0-9-]+\/$/.test(path) || path === '/sources/' || path === '/glossary/';
}

/** The text of the elements marked as Traditional Chinese below `el` (or among and below `el[]`). */
function hantTexts(el: HtmlElement | HtmlElement[]): string[] {
  return (Array.isArray(el) ? within(el, '[lang="zh-Hant"]') : all(el, '[lang="zh-Hant"]')).map((h) => textContent(h));
}

/**
 * A document of the page's `<main>` alone: every record comes from inside it, and leaving out
 * the head, header and footer makes parsing several times cheaper on a site of 100,000s of pages.
 */
export function mainDocument(html: string): HtmlDocument {
  const start = html.search(/<main[\s>]/);
  const end = html.lastIndexOf('</main>');
  if (start < 0 || end < start) return parseHtml(html);
  return parseHtml(html.slice(start, end + '</main>'.length));
}
