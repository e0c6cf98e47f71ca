/**
 * Where the site's own writing uses a glossary term: sentences of the case studies and the
 * methodology page (a `<Term>` tag, or the headword written out), chart notes (subtitle,
 * comparability note, notes on marks) and data point labels. Only the site's words: the sources'
 * use of a term is counted (src/dataset/sourceCounts.ts), never quoted.
 */
import { CHARTS } from '../charts/index.ts';
import type { IndexedDataset } from '../dataset/dataset.ts';
import type { GlossaryTerm } from '../dataset/schemas.ts';
import { type ContentLang, pick } from '../site/editions.ts';
import { type Passage, type PassageDoc, passageDocs, type Sentence } from './passages.ts';

/** One place the site uses a term, with the words that name it there (for a mark and a text fragment). */
export type TermUse =
  | { kind: 'prose'; doc: PassageDoc; passage: Passage; sentence: Sentence; words: string }
  | { kind: 'chart'; chart: string; text: string; words: string }
  | { kind: 'data'; observation: string; text: string; words: string };

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern finding the term in `lang`'s text: its Chinese headword in either language (when it has
 * two characters or more: a one-character headword such as 镇 stands inside too many other words,
 * so only its `<Term>` tags count), and in English its rendering (a plural too).
 */
export function termPattern(g: GlossaryTerm, lang: ContentLang): RegExp {
  const forms = [...g.zhHans].length >= 2 ? [escapeRe(g.zhHans)] : [];
  const en = pick({ zh: undefined, en: `\\b${escapeRe(g.en)}(?:s|es)?\\b` }, lang);
  if (en) forms.unshift(en);
  // A pattern that matches nothing when there is no form to look for.
  return new RegExp(forms.length > 0 ? forms.join('|') : '(?!)', 'i');
}

/** Every use of term `g` in the site's writing in content language `lang`, prose first in document order. */
export function termUses(g: GlossaryTerm, lang: ContentLang, data: IndexedDataset): TermUse[] {
  const re = termPattern(g, lang);
  const out: TermUse[] = [];
  for (const doc of passageDocs().filter((d) => d.lang === lang))
    for (const passage of doc.passages)
      for (const sentence of passage.sentences) {
        const tagged = sentence.terms.find((t) => t.id === g.id);
        const found = re.exec(sentence.text)?.[0];
        const words = tagged && sentence.text.includes(tagged.text) ? tagged.text : found;
        if (words) out.push({ kind: 'prose', doc, passage, sentence, words });
      }
  for (const c of CHARTS) {
    const notes = [c.subtitle, ...(c.comparability ? [c.comparability] : []), ...c.notes.map((n) => n.text)];
    for (const n of notes) {
      const text = pick(n, lang);
      const words = re.exec(text)?.[0];
      if (words) out.push({ kind: 'chart', chart: c.id, text, words });
    }
  }
  for (const o of data.observations) {
    const text = pick(o.label, lang);
    const words = re.exec(text)?.[0];
    if (words) out.push({ kind: 'data', observation: o.id, text, words });
  }
  return out;
}
