/**
 * The words a `<Fact>` in prose renders, as plain text: the figure in the page's language with its
 * qualifier and unit, and for `show="phrase"` the observation's phrase around it. Fact.astro renders
 * these; the passage index (src/outputs/passages.ts) uses them to quote a sentence as its page shows it.
 */
import { getDataset } from '../dataset/dataset.ts';
import { allDerived } from '../dataset/derived.ts';
import { pick, type Lang } from '../site/editions.ts';
import { measureWord } from './figure.ts';
import { formatQuantity } from './format.ts';

/** How a `<Fact>` shows its figure: `value` with its unit, `number` without an English unit, `phrase` inside the observation's phrase. */
export type FactShow = 'value' | 'number' | 'phrase';

/** A Fact's rendered parts: `before` + `text` (the linked figure) + `after`; `derived` when it is a derived figure. */
export interface FactWords {
  before: string;
  text: string;
  after: string;
  derived: boolean;
}

/** The words of `<Fact id show>` in `lang`; throws (naming `where`) on an unknown id or a phrase the record lacks. */
export function factWords(id: string, show: FactShow, lang: Lang, where: string): FactWords {
  const data = getDataset();
  const obs = data.observation.get(id);
  const derived = obs ? undefined : allDerived(data.observation).find((d) => d.id === id);
  if (!obs && !derived) throw new Error(`<Fact id="${id}">: no observation or derived figure has this id (${where})`);
  const fact = (obs ?? derived)!;
  // An observation keeps the source's measure word (1.6万余条). A rule's period is left to the
  // sentence, which says it in its own words (每月召开<Fact/>: "every month", not 每月每月1次).
  const quantity = obs ? { ...obs, per: undefined, measure: measureWord(obs), strict: obs.inverted } : fact;
  const text = formatQuantity(
    show === 'number' && !pick({ zh: true, en: false }, lang) ? { ...quantity, unit: 'count' } : quantity,
    lang,
  );
  const phrase = show === 'phrase' ? pick(obs?.phrase, lang) : undefined;
  if (show === 'phrase' && !phrase)
    throw new Error(`<Fact id="${id}" show="phrase">: the observation has no phrase in observations.json (${where})`);
  const [before = '', after = ''] = phrase ? phrase.split('{value}') : [];
  return { before, text, after, derived: !obs };
}
