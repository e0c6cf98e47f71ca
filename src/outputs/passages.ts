/**
 * Passages: every paragraph (and list item) of the case studies and the methodology page, with a
 * stable id, its sentences as the page shows them, and the figures and glossary terms each cites.
 *
 * A passage's id is `p-` and the first 8 hex digits of the SHA-256 of its *signature*: its own
 * words with every `<Fact>` reduced to the figure's id, markup and punctuation dropped (so an
 * editor's change of quotation marks, a figure's new value or another paragraph's edit leaves it
 * alone; rewording the paragraph itself gives it a new id, as a changed passage should). The same
 * signature is read from the source here and from the rendered paragraph in Passage.astro, so the
 * two agree without a counter over the page. Two passages of one document with the same words
 * would share an id: `documentPassages` refuses them (and a hash collision) by naming both, so the
 * editor rewords one; no position-based disambiguator, which would shift when a paragraph is
 * inserted before them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_DIR } from '../dataset/dataset.ts';
import { sha256 } from '../dataset/sourceCounts.ts';
import { factWords, type FactShow } from '../i18n/factText.ts';
import { CONTENT_LANGS, type ContentLang, contentOf, LANGS, type Lang, pick } from '../site/editions.ts';
import { converts, convertText } from '../site/script.ts';
import { caseStudyPath, localePath } from '../site/paths.ts';

/** Opening and closing marks of a figure's id inside a signature's text. */
const OPEN = '\u27e6';
const CLOSE = '\u27e7';

/** A passage's signature from its text with figures marked `⟦id⟧`: letters and digits only, figures as `{id}`. */
export function passageSignature(marked: string): string {
  return marked
    .split(new RegExp(`${OPEN}([^${CLOSE}]+)${CLOSE}`))
    .map((part, i) =>
      i % 2 === 1
        ? `{${part}}`
        : part
            .normalize('NFKC')
            .toLowerCase()
            .replace(/&[#\w]+;/g, '')
            .replace(/[^\p{L}\p{N}]/gu, ''),
    )
    .join('');
}

/** The id of a passage with `signature`. */
export function passageId(signature: string): string {
  return `p-${sha256(signature).slice(0, 8)}`;
}

/** The signature of a rendered paragraph's inner HTML (what Fact.astro and Term.astro write). */
export function renderedSignature(html: string): string {
  return passageSignature(
    html
      .replace(/<span data-fact-phrase="([^"]+)">[\s\S]*?<\/span>/g, `${OPEN}$1${CLOSE}`)
      .replace(/<a class="fact"[^>]*?data-fact="([^"]+)"[^>]*>[\s\S]*?<\/a>/g, `${OPEN}$1${CLOSE}`)
      .replace(/<[^>]+>/g, ''),
  );
}

const FACT = /<Fact\b([^>]*?)\/>/g;
const attr = (attrs: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];

/** The signature of a paragraph's MDX source. */
export function sourceSignature(source: string): string {
  return passageSignature(
    source
      .replace(FACT, (_, a: string) => `${OPEN}${attr(a, 'id')}${CLOSE}`)
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, ''),
  );
}

/** One sentence of a passage: its text as the page shows it, and the figures and terms it cites. */
export interface Sentence {
  text: string;
  /** Each figure's id and the words it renders as (the figure alone, without a phrase around it). */
  facts: { id: string; text: string }[];
  /** Each `<Term>`'s id and the words it marks. */
  terms: { id: string; text: string }[];
}

/** One passage of a document. */
export interface Passage {
  id: string;
  /** 1-based position in the document (for "¶ 4" in a citation; the id, not this, is the anchor). */
  n: number;
  /** The section (`##` heading) it stands under, as written. */
  section: string;
  source: string;
  sentences: Sentence[];
}

/** A document with passages: a case study or an editorial page, in one content language. */
export interface PassageDoc {
  kind: 'case-study' | 'page';
  slug: string;
  lang: ContentLang;
  title: string;
  /** Date of the last substantive edit (case studies' `updated`), YYYY-MM-DD. */
  updated?: string | undefined;
  passages: Passage[];
}

/** The blocks of an MDX body that render as paragraphs or list items, with the heading each stands under. */
export function passageBlocks(mdx: string): { source: string; section: string }[] {
  const body = mdx.replace(/^---\n[\s\S]*?\n---\n/, '');
  const out: { source: string; section: string }[] = [];
  let section = '';
  for (const block of body.split(/\n\s*\n/)) {
    const b = block.trim();
    if (!b) continue;
    if (/^#{1,6}\s/.test(b)) {
      section = b.replace(/^#+\s*/, '');
      continue;
    }
    // A component alone in its block (<Chart />, <DerivedTable />) is not a paragraph; nor a table or rule.
    if (/^<[A-Z]\w*\b[^>]*\/>$/.test(b) || /^\|/.test(b) || /^(-{3,}|\*{3,})$/.test(b)) continue;
    if (/^([-*+]|\d+\.)\s/.test(b)) {
      for (const item of b.split(/\n(?=(?:[-*+]|\d+\.)\s)/))
        out.push({ source: item.replace(/^([-*+]|\d+\.)\s+/, '').replace(/\n\s+/g, ' '), section });
      continue;
    }
    out.push({ source: b.replace(/^>\s?/gm, ''), section });
  }
  return out;
}

/** The sentences of a passage's source in content language `lang`, each with its text as `lang`'s pages render it. */
export function sentencesOf(source: string, lang: Lang, where: string): Sentence[] {
  // Chinese ends a sentence at its full stops; English at . ! ? before a space and a capital or quote.
  const parts = pick(
    { zh: source.split(/(?<=[。！？])/), en: source.split(/(?<=[.!?][”"’)]?)\s+(?=[A-Z“"‘(<])/) },
    lang,
  );
  return parts
    .filter((s) => s.trim())
    .map((s) => {
      const facts: Sentence['facts'] = [];
      const text = s
        .replace(FACT, (_, a: string) => {
          const id = attr(a, 'id')!;
          const w = factWords(id, (attr(a, 'show') ?? 'value') as FactShow, lang, where);
          facts.push({ id, text: w.text });
          return `${w.before}${w.text}${w.after}`;
        })
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/<[^>]+>/g, '')
        .replace(/\*\*|`|\\(?=\S)/g, '')
        .replace(/\s+/g, ' ')
        .trim();
      const terms = [...s.matchAll(/<Term\b[^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/Term>/g)].map((m) => ({
        id: m[1]!,
        text: m[2]!.replace(/<[^>]+>|`/g, ''),
      }));
      return { text, facts, terms };
    });
}

/** The passages of one MDX document; throws, naming both, when two passages would share an id. */
export function documentPassages(mdx: string, lang: Lang, where: string): Passage[] {
  const seen = new Map<string, string>();
  return passageBlocks(mdx).map(({ source, section }, i) => {
    const id = passageId(sourceSignature(source));
    const before = seen.get(id);
    if (before !== undefined)
      throw new Error(
        `${where}: two passages have the id ${id} ("${before.slice(0, 30)}…" and "${source.slice(0, 30)}…"); reword one`,
      );
    seen.set(id, source);
    return { id, n: i + 1, section, source, sentences: sentencesOf(source, lang, where) };
  });
}

let cached: PassageDoc[] | undefined;

/** Every passage document (case studies, then the editorial pages), read once per build from `dir`. */
export function passageDocs(dir = CONTENT_DIR): PassageDoc[] {
  if (cached && dir === CONTENT_DIR) return cached;
  const docs: PassageDoc[] = [];
  for (const [kind, folder] of [
    ['case-study', 'case-studies'],
    ['page', 'pages'],
  ] as const)
    for (const lang of CONTENT_LANGS) {
      let files: string[] = [];
      try {
        files = readdirSync(join(dir, folder, lang)).filter((f) => f.endsWith('.mdx'));
      } catch {
        /* no documents of this kind yet */
      }
      for (const f of files.sort()) {
        const path = join(dir, folder, lang, f);
        const mdx = readFileSync(path, 'utf8');
        // A page that opts out (the home page's story, which retells the case studies) has no passages.
        if (/^passages:\s*false\s*$/m.test(mdx)) continue;
        // A YAML title may be quoted (it must be when it holds a colon).
        const raw = /^title:\s*(.+)$/m.exec(mdx)?.[1]?.trim() ?? f;
        const title = raw
          .replace(/^"(.*)"$/, (_, x: string) => JSON.parse(`"${x}"`))
          .replace(/^'(.*)'$/, (_, x: string) => x.replaceAll("''", "'"));
        const updated = /^updated:\s*(\d{4}-\d{2}-\d{2})/m.exec(mdx)?.[1];
        const passages = documentPassages(mdx, lang, path);
        docs.push({ kind, slug: f.replace(/\.mdx$/, ''), lang, title, updated, passages });
      }
    }
  if (dir === CONTENT_DIR) cached = docs;
  return docs;
}

/** Path of a document's page in edition `lang`. */
export function docPath(doc: Pick<PassageDoc, 'kind' | 'slug'>, lang: Lang): string {
  return doc.kind === 'case-study' ? caseStudyPath(doc.slug, lang) : localePath(lang, `/${doc.slug}/`);
}

/** Path of the page listing a document's passages with their citations (`/case-studies/fushan/passages/`). */
export function passagesPath(doc: Pick<PassageDoc, 'kind' | 'slug'>, lang: Lang): string {
  return `${docPath(doc, lang)}passages/`;
}

// A text directive's terms are percent-encoded where the syntax needs it (- , & and spaces);
// Han characters stay as written so a converting edition's markup conversion converts them too.
const directiveTerm = (s: string) =>
  s.replace(/[%\-,&#\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

// Punctuation a page may render differently from the source (smart quotes, dashes) ends a directive's quote.
const PUNCT = /[^\p{L}\p{N}\s]/u;

/** Words (English) or characters (Chinese) of `text` from its start or its end, up to the first punctuation and at most `max`. */
function plainRun(text: string, from: 'start' | 'end', lang: Lang, max = 6): string {
  const t = text.replace(/[^\p{L}\p{N}]+$/u, '');
  // A hyphen inside an English word stays (party-building); any other punctuation ends the run.
  const parts = t.split(/[^\p{L}\p{N}\s-]+|(?<!\p{L})-|-(?!\p{L})/u).map((x) => x.trim());
  const run = (from === 'start' ? parts.find(Boolean) : parts.findLast(Boolean)) ?? '';
  return pick(
    {
      zh: from === 'start' ? [...run].slice(0, 2 * max).join('') : [...run].slice(-2 * max).join(''),
      en: (from === 'start' ? run.split(/\s+/).slice(0, max) : run.split(/\s+/).slice(-max)).join(' '),
    },
    lang,
  );
}

/**
 * Whether `part` of `whole` (text in `lang`'s content language) converts, in every edition that
 * converts that content, as it does inside `whole`: a phrase conversion sees the words around it
 * (报道 becomes 報導, 道 alone stays 道), and a directive must quote what the converted page prints.
 */
function convertsAlike(whole: string, part: string, lang: Lang): boolean {
  return LANGS.filter((l) => converts(l) && contentOf(l) === contentOf(lang)).every((l) =>
    convertedWhole(l, whole).includes(convertText(l, part)),
  );
}

// A whole passage is converted once per edition, not once per candidate run tried against it
// (the conversion's own cache keeps only short texts).
const wholes = new Map<string, string>();
function convertedWhole(l: Lang, whole: string): string {
  const key = `${l}\u0000${whole}`;
  const known = wholes.get(key);
  if (known !== undefined) return known;
  const out = convertText(l, whole);
  wholes.set(key, out);
  return out;
}

/** `run` shortened (from its start, or its end with `from: 'end'`) until it converts as it does in `whole`; empty if never. */
function alikeRun(whole: string, run: string, keep: 'start' | 'end', lang: Lang): string {
  const chars = [...run];
  for (let n = chars.length; n > 0; n--) {
    const part = (keep === 'start' ? chars.slice(0, n) : chars.slice(chars.length - n)).join('').trim();
    if (part && convertsAlike(whole, part, lang)) return part;
  }
  return '';
}

/** A text directive (`:~:text=start,end`) selecting a passage as it renders in `lang`. */
export function passageDirective(p: Passage, lang: Lang): string {
  const text = p.sentences.map((s) => s.text).join(' ');
  const start = alikeRun(text, plainRun(text, 'start', lang), 'start', lang);
  const end = alikeRun(text, plainRun(text, 'end', lang), 'end', lang);
  return end && end !== start && text.length > 40
    ? `:~:text=${directiveTerm(start)},${directiveTerm(end)}`
    : `:~:text=${directiveTerm(start)}`;
}

/**
 * A text directive selecting the words `fact` (a figure or a term) in sentence `s` (in `lang`),
 * with the words before it as context where there are any. Words with punctuation a page may
 * render differently ("Red Bee" becomes “Red Bee”) are quoted by their longest plain run.
 */
export function factDirective(s: Sentence, fact: string, lang: Lang): string {
  const at = s.text.indexOf(fact);
  const runs = fact.split(/[^\p{L}\p{N}\s.,%\u2013+\u00b7/-]+/u).map((x) => x.trim());
  const plain = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
  if (plain !== fact.trim()) return `:~:text=${directiveTerm(plain)}`;
  const before = at > 0 && !PUNCT.test(s.text[at - 1]!) ? plainRun(s.text.slice(0, at), 'end', lang, 3) : '';
  // The prefix and the figure are quoted together, so they must convert together as in the sentence.
  let prefix = before;
  while (prefix && !convertsAlike(s.text, `${prefix}${fact}`, lang)) prefix = [...prefix].slice(1).join('').trim();
  return `:~:text=${prefix ? `${directiveTerm(prefix)}-,` : ''}${directiveTerm(fact)}`;
}

/** A sentence of the site's prose that cites a figure, with the document and passage it stands in. */
export interface CitingSentence {
  doc: PassageDoc;
  passage: Passage;
  sentence: Sentence;
  /** The figure's words in the sentence. */
  figure: string;
}

/** Every sentence in content language `lang` that cites figure `id` (an observation or a derived figure), in document order. */
export function sentencesCiting(id: string, lang: ContentLang): CitingSentence[] {
  return citingIndex(lang).get(id) ?? [];
}

// The sentences citing each figure, indexed once per content language: every data point page asks.
const citing = new Map<ContentLang, Map<string, CitingSentence[]>>();
function citingIndex(lang: ContentLang): Map<string, CitingSentence[]> {
  let index = citing.get(lang);
  if (index) return index;
  index = new Map();
  for (const doc of passageDocs().filter((d) => d.lang === lang))
    for (const passage of doc.passages)
      for (const sentence of passage.sentences)
        for (const f of sentence.facts)
          index.set(f.id, [...(index.get(f.id) ?? []), { doc, passage, sentence, figure: f.text }]);
  citing.set(lang, index);
  return index;
}

/** Path of a sentence's passage in edition `lang` with a text directive selecting `figure` in it. */
export function figureInPassagePath(c: CitingSentence, lang: Lang): string {
  return `${docPath(c.doc, lang)}#${c.passage.id}${factDirective(c.sentence, c.figure, lang)}`;
}
