/**
 * The part of OpenCC's Traditional → Simplified dictionaries that can change what a search of one
 * index finds, so that the search page downloads a few KB instead of the whole dictionaries
 * (about 21 KB compressed). The index builder writes it next to the index (`t2s.<lang>.json`).
 *
 * Why dropping the rest changes no result: call a Han character dead when neither it nor any
 * character the dictionaries can turn it into occurs in the index. An entry is dropped only when
 * its Traditional side has a dead character. Where the full and the reduced conversion of a query
 * differ, the full one used a dropped entry there, so both put a dead character (or one of its
 * outputs, all absent) at that place of the query term: neither term can match anything.
 */
import TSPhrases from 'opencc-js/dict/TSPhrases';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import { isHan } from '../searchCore/text.ts';

/** Both dictionaries as one list, as `ConverterFactory([TSPhrases, TSCharacters])` reads them (phrases win). */
export function fullEntries(): Map<string, string> {
  const out = new Map<string, string>();
  for (const dict of [TSCharacters, TSPhrases]) {
    for (const line of dict.split('|')) {
      const [from, to] = line.split(' ');
      if (from && to !== undefined) out.set(from, to);
    }
  }
  return out;
}

/**
 * The entries that matter for an index whose whole text is `corpus` (or whose characters are the
 * set `corpus`: only which characters occur matters), as an OpenCC `"from to|…"` string.
 */
export function t2sSubset(corpus: string | ReadonlySet<string>): string {
  const present = typeof corpus === 'string' ? new Set(corpus) : corpus;
  const entries = fullEntries();
  const outputs = new Map<string, Set<string>>();
  const add = (c: string, o: string) => {
    const s = outputs.get(c) ?? new Set();
    s.add(o);
    outputs.set(c, s);
  };
  for (const [from, to] of entries) {
    const f = [...from],
      t = [...to];
    if (f.length === t.length) for (const [i, c] of f.entries()) add(c, t[i]!);
    else for (const c of f) for (const o of t) add(c, o);
  }
  const dead = (c: string) => isHan(c) && !present.has(c) && [...(outputs.get(c) ?? [])].every((o) => !present.has(o));
  const kept = [...entries].filter(([from]) => ![...from].some(dead));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return kept.map(([from, to]) => `${from} ${to}`).join('|');
}
