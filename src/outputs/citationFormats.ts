/**
 * A citable work and the forms reference managers read: CSL-JSON and RIS files to import, the
 * Highwire Press `citation_*` meta tags and COinS that Zotero's translators read from a page.
 * Pure functions of one `Work`; which works exist and what they say is src/outputs/cite.ts.
 */

/** CSL item types the site cites: a dataset or one figure in it, a chart, a page, a news report, an untitled text. */
export type WorkType = 'dataset' | 'figure' | 'webpage' | 'article-newspaper' | 'manuscript';

/** A citable work, in the terms of CSL-JSON (the Citation Style Language's data model). */
export interface Work {
  /** Citation key: stable, ASCII, unique per work and dataset version. */
  id: string;
  type: WorkType;
  title: string;
  /** Authors as whole names (an institution or a Chinese name is one literal, never split). */
  authors: string[];
  publisher?: string | undefined;
  /** The site a page belongs to, or the outlet a news report appeared in. */
  container?: string | undefined;
  /** Date issued: YYYY, YYYY-MM or YYYY-MM-DD. */
  issued: string;
  /** Whether the date is an estimate (the source does not print it). */
  approximate?: boolean | undefined;
  /** Dataset version the work is pinned to. */
  version?: string | undefined;
  URL: string;
  /** BCP 47 language tag of the work's text. */
  language: string;
  note?: string | undefined;
}

const dateParts = (iso: string) => iso.split('-').map(Number);

/** The work as one CSL-JSON item (what Zotero, Mendeley and citation-js import). */
export function cslItem(w: Work): Record<string, unknown> {
  return {
    id: w.id,
    type: w.type,
    title: w.title,
    ...(w.authors.length ? { author: w.authors.map((literal) => ({ literal })) } : {}),
    ...(w.container ? { 'container-title': w.container } : {}),
    ...(w.publisher ? { publisher: w.publisher } : {}),
    issued: { 'date-parts': [dateParts(w.issued)], ...(w.approximate ? { circa: true } : {}) },
    ...(w.version ? { version: w.version } : {}),
    URL: w.URL,
    language: w.language,
    ...(w.note ? { note: w.note } : {}),
  };
}

/** The CSL-JSON file: an array holding the one item, UTF-8, ending in a newline. */
export function cslJson(w: Work): string {
  return `${JSON.stringify([cslItem(w)], null, 2)}\n`;
}

/** RIS reference types, by CSL type (the RIS specification's TY values). */
const RIS_TYPE: Record<WorkType, string> = {
  dataset: 'DATA',
  figure: 'FIGURE',
  webpage: 'ELEC',
  'article-newspaper': 'NEWS',
  manuscript: 'UNPB',
};

/**
 * The RIS file (Research Information Systems tagged format, as EndNote, Zotero and Mendeley import
 * it): one record, CRLF line ends as the specification has them. Written here rather than by
 * citation-js, whose RIS output (0.8) drops the authors and the full date of a news report.
 */
export function ris(w: Work): string {
  const [y, m, d] = dateParts(w.issued);
  // RIS dates are YYYY/MM/DD/other, with empty parts where unknown.
  const da = `${y}/${m ? String(m).padStart(2, '0') : ''}/${d ? String(d).padStart(2, '0') : ''}/${w.approximate ? 'circa' : ''}`;
  const lines: [string, string | undefined][] = [
    ['TY', RIS_TYPE[w.type]],
    ['ID', w.id],
    ['TI', w.title],
    ...w.authors.map((a): [string, string] => ['AU', a]),
    ['PY', String(y)],
    ['DA', da],
    ['T2', w.container],
    ['PB', w.publisher],
    ['ET', w.version],
    ['LA', w.language],
    ['UR', w.URL],
    ['N1', w.note],
  ];
  const one = (s: string) => s.replace(/\s+/g, ' ').trim();
  return `${lines
    .filter((l): l is [string, string] => Boolean(l[1]))
    .map(([tag, v]) => `${tag}  - ${one(v)}`)
    .join('\r\n')}\r\nER  - \r\n`;
}

/**
 * Highwire Press meta tags (`<meta name="citation_…">`), which Google Scholar and Zotero's
 * Embedded Metadata translator read from a page that is one work. Dates as YYYY/MM/DD.
 */
export function highwireTags(w: Work): [string, string][] {
  const date = w.issued.replaceAll('-', '/');
  return [
    ['citation_title', w.title],
    ...w.authors.map((a): [string, string] => ['citation_author', a]),
    ...(w.publisher ? [['citation_publisher', w.publisher] as [string, string]] : []),
    ['citation_publication_date', date],
    ['citation_date', date],
    ...(w.version ? [['citation_version', w.version] as [string, string]] : []),
    ['citation_language', w.language],
    ['citation_public_url', w.URL],
    ['citation_abstract_html_url', w.URL],
    ...(w.type === 'article-newspaper' && w.container
      ? [['citation_journal_title', w.container] as [string, string]]
      : []),
  ];
}

/**
 * COinS (ContextObjects in Spans, OpenURL 1.0 KEV): the `title` of a `<span class="Z3988">`,
 * for a page that lists several works (Zotero offers each). A news report as an article, anything
 * else in Dublin Core.
 */
export function coins(w: Work): string {
  const kv: [string, string][] = [['ctx_ver', 'Z39.88-2004']];
  if (w.type === 'article-newspaper') {
    kv.push(['rft_val_fmt', 'info:ofi/fmt:kev:mtx:journal'], ['rft.genre', 'article'], ['rft.atitle', w.title]);
    if (w.container) kv.push(['rft.jtitle', w.container]);
    for (const a of w.authors) kv.push(['rft.au', a]);
    kv.push(['rft.date', w.issued], ['rft.language', w.language]);
  } else {
    kv.push(['rft_val_fmt', 'info:ofi/fmt:kev:mtx:dc'], ['rft.type', w.type], ['rft.title', w.title]);
    for (const a of w.authors) kv.push(['rft.creator', a]);
    if (w.publisher) kv.push(['rft.publisher', w.publisher]);
    kv.push(['rft.date', w.issued], ['rft.language', w.language]);
  }
  kv.push(['rft_id', w.URL]);
  return kv.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
}
