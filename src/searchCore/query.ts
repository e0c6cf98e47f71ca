/**
 * Pure query logic of the search page: parsing a query into parts and terms (with other
 * spellings and pinyin spacings), the AND check over Pagefind's per-word hits (with phrases
 * checked by word position), filtering, counting, ordering, and excerpts with the matches marked.
 * No DOM and no network here, so it is unit-tested directly.
 */
import { EXTRA_MARKER, foldForMatch, isHan, spaceCjk, stripTones, unspaceCjk } from './text.ts';

/**
 * One query term: a word, or a phrase of words at consecutive positions. Each word (slot) may
 * have several spellings, any of which counts as the word.
 */
export interface Term {
  /** The term as typed. */
  raw: string;
  /** Folded and, when a converter is given, Simplified: what is marked in the text. */
  text: string;
  /** Per word of the term, its spellings (the first as typed); each spelling is one indexed word. */
  slots: string[][];
}

/**
 * One part of a query; every part must match a result (AND). A part has one or more readings,
 * each a list of terms that must all match: "zhang qiu" reads as the name `zhangqiu` or as the
 * two words. The engine keeps the readings with the fewest terms whose words are all indexed.
 */
export interface Part {
  raw: string;
  /** Alternatives, fewest terms first. */
  readings: Term[][];
}

const WORDLIKE = /[\p{L}\p{N}]/u;
const LATIN_WORD = /^[a-z]+$/;

/**
 * A word that could be pinyin without tones: one or more syllables, each an initial and a final
 * or a final that stands alone (a, o, e…). Loose: it only decides whether words typed apart are
 * also tried joined.
 */
const PINYIN =
  /^(?:(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])(?:i(?:a(?:ng|n|o)?|e|u|ng?|ong)?|u(?:a(?:ng|n|i)?|o|i|n|e)?|a(?:ng?|i|o)?|e(?:ng?|i|r)?|o(?:ng|u)?|v)|a(?:ng?|i|o)?|e(?:ng?|i|r)?|o(?:u)?)+$/;

/** At most this many pinyin words in a row are tried joined (2^(n-1) readings). */
const PINYIN_RUN_MAX = 6;

/**
 * British and American spellings of one English word, both ways (`revitalisation` ↔
 * `revitalization`, `centre` ↔ `center`, `labour` ↔ `labor`, `modelled` ↔ `modeled`). Rules, not a
 * list: a spelling made by a rule that is no word simply finds nothing; rules that can turn a word
 * into another real word (`four` → `for`) are left out.
 */
export function otherSpellings(w: string): string[] {
  if (!LATIN_WORD.test(w) || w.length < 5) return [];
  const out = new Set<string>();
  const swap = (re: RegExp, to: string) => {
    if (re.test(w)) out.add(w.replace(re, to));
  };
  swap(/(?<=[a-z]{3})is(e|es|ed|ing|ation|ations|er|ers)$/, 'iz$1');
  swap(/(?<=[a-z]{3})iz(e|es|ed|ing|ation|ations|er|ers)$/, 'is$1');
  swap(/(?<=[a-z]{2}[^aeiou])our(s|ed|ing|ite|ites|hood|hoods|able|ful)?$/, 'or$1');
  swap(/(?<=[a-z]{2}[^aeiou])or(s|ed|ing|ite|ites|hood|hoods|able|ful)?$/, 'our$1');
  swap(/(?<=[a-z]{3}[bgt])re(s|d)?$/, 'er$1');
  swap(/(?<=[a-z]{3}[bgt])er(s)?$/, 're$1');
  swap(/(?<=[a-z]{2}e)ll(ed|ing|er|ers)$/, 'l$1');
  swap(/(?<=[a-z]{2}e)l(ed|ing|er|ers)$/, 'll$1');
  swap(/(?<=[a-z]{3})ogue(s)?$/, 'og$1');
  swap(/^(def|off|lic|pret)ence(s)?$/, '$1ense$2');
  swap(/^(def|off|lic|pret)ense(s)?$/, '$1ence$2');
  swap(/^programme(s)?$/, 'program$1');
  swap(/^program(s)?$/, 'programme$1');
  out.delete(w);
  return [...out];
}

/** Singular and plural forms of one English word, for the Chinese index, which has no English stemmer. */
export function numberForms(w: string): string[] {
  if (!LATIN_WORD.test(w) || w.length < 3) return [];
  const out = new Set<string>();
  if (w.endsWith('ies') && w.length > 4) out.add(`${w.slice(0, -3)}y`);
  else if (/(?:s|x|z|ch|sh)es$/.test(w)) out.add(w.slice(0, -2));
  else if (w.endsWith('s') && !w.endsWith('ss')) out.add(w.slice(0, -1));
  else if (/[^aeiou]y$/.test(w)) out.add(`${w.slice(0, -1)}ies`);
  else if (/(?:s|x|z|ch|sh)$/.test(w)) out.add(`${w}es`);
  else out.add(`${w}s`);
  return [...out];
}

/**
 * Per content language of the index: whether an English query word is also looked up in its
 * other number (a Chinese index holds English words only in glossary glosses and labels, in
 * either number; an English index stems them).
 */
const BOTH_NUMBERS: Record<'zh' | 'en', boolean> = { zh: true, en: false };

/** The spellings to look up for one query word: as typed, then British/American, then (Chinese index) singular/plural. */
export function spellings(w: string, lang: 'zh' | 'en'): string[] {
  const base = [w, ...otherSpellings(w)];
  return BOTH_NUMBERS[lang] ? [...new Set([...base, ...base.flatMap(numberForms)])] : base;
}

/** Folds one word of a query: case, full-width forms, tone marks, apostrophes inside Latin words (`Xi'an` → `xian`). */
function foldWord(t: string): string {
  const w = t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return isHan(w) ? w : stripTones(w).replace(/(?<=\p{L})['’](?=\p{L})/gu, '');
}

/** Every way to cut `n` words into consecutive groups, fewest groups first. */
function groupings(n: number): number[][][] {
  const out: number[][][] = [];
  for (let mask = 0; mask < 1 << (n - 1); mask++) {
    const groups: number[][] = [[0]];
    for (let i = 1; i < n; i++) {
      if (mask & (1 << (i - 1))) groups.push([i]);
      else groups.at(-1)!.push(i);
    }
    out.push(groups);
  }
  return out.sort((a, b) => a.length - b.length);
}

/**
 * Splits a query into parts. Quoted parts ("…", “…”, 「…」) are phrases; other parts are split
 * on spaces, and a run such as 党建工作区 or 75个 is a phrase of one-character words. Traditional
 * characters are converted with `toSimplified` when it is given. Words that could be pinyin and
 * stand next to each other ("zhang qiu") are also read joined (`zhangqiu`). `lang` is the
 * index's: it decides which other spellings of English words are looked up.
 */
export function parseQuery(
  q: string,
  toSimplified: (s: string) => string = (s) => s,
  lang: 'zh' | 'en' = 'en',
): Part[] {
  const norm = q.normalize('NFKC');
  const pieces: { raw: string; quoted: boolean }[] = [];
  const rest = norm.replace(
    /"([^"]*)"|“([^”]*)”|「([^」]*)」|『([^』]*)』/g,
    (_m, a?: string, b?: string, c?: string, d?: string) => {
      pieces.push({ raw: a ?? b ?? c ?? d ?? '', quoted: true });
      return ' ';
    },
  );
  pieces.push(...rest.split(/\s+/u).map((raw) => ({ raw, quoted: false })));
  const terms: (Term & { quoted: boolean })[] = [];
  for (const { raw, quoted } of pieces) {
    const text = foldForMatch(toSimplified(raw)).trim();
    const words = spaceCjk(text)
      .split(' ')
      .map(foldWord)
      .filter((t) => WORDLIKE.test(t));
    if (words.length === 0) continue;
    terms.push({
      raw: raw.trim(),
      text: unspaceCjk(words.join(' ')),
      slots: words.map((w) => spellings(w, lang)),
      quoted,
    });
  }
  // A hyphenated word of pinyin ("di-yi") joins a run like words typed apart.
  const pinyinWord = (w: string) => LATIN_WORD.test(w) && PINYIN.test(w);
  const flat = terms.flatMap((t) =>
    !t.quoted && t.slots.length > 1 && t.slots.every((sl) => pinyinWord(sl[0]!))
      ? t.slots.map((sl) => ({ raw: sl[0]!, text: sl[0]!, slots: [sl], quoted: false }))
      : [t],
  );
  const parts: Part[] = [];
  const seen = new Set<string>();
  const push = (p: Part) => {
    const key = JSON.stringify(p.readings.map((r) => r.map((t) => t.slots)));
    if (seen.has(key)) return;
    seen.add(key);
    parts.push(p);
  };
  const pinyin = (t: Term & { quoted: boolean }) => !t.quoted && t.slots.length === 1 && pinyinWord(t.slots[0]![0]!);
  for (let i = 0; i < flat.length; ) {
    let j = i;
    while (j < flat.length && pinyin(flat[j]!) && j - i < PINYIN_RUN_MAX) j++;
    if (j - i >= 2) {
      const run = flat.slice(i, j);
      const words = run.map((t) => t.slots[0]![0]!);
      push({
        raw: run.map((t) => t.raw).join(' '),
        readings: groupings(run.length).map((groups) =>
          groups.map((g) => {
            if (g.length === 1) return run[g[0]!]!;
            const joined = g.map((k) => words[k]!).join('');
            return { raw: g.map((k) => run[k]!.raw).join(' '), text: joined, slots: [spellings(joined, lang)] };
          }),
        ),
      });
      i = j;
      continue;
    }
    const { quoted: _q, ...term } = flat[i]!;
    push({ raw: term.raw, readings: [[term]] });
    i++;
  }
  return parts;
}

/** Every indexed word a query may look up: each spelling of each word of each reading. */
export function queryWords(parts: Part[]): string[] {
  return [...new Set(parts.flatMap((p) => p.readings.flat().flatMap((t) => t.slots.flat())))];
}

/** Pagefind's hits for one word: result id → its score and the word positions it matched at. */
export type TokenHits = Map<string, { score: number; positions: number[] }>;

/** The hits of one word of a term: those of all its spellings, positions merged. */
function slotHits(slot: string[], hitsFor: (w: string) => TokenHits): TokenHits {
  if (slot.length === 1) return hitsFor(slot[0]!);
  const out: TokenHits = new Map();
  for (const w of slot)
    for (const [id, h] of hitsFor(w)) {
      const had = out.get(id);
      out.set(id, had ? { score: Math.max(had.score, h.score), positions: [...had.positions, ...h.positions] } : h);
    }
  return out;
}

const isLatinSlot = (slot: string[]): boolean => !isHan(slot[0]!);

/** True when the term's words occur in order at consecutive positions of result `id`. */
export function phraseAt(term: Term, hits: TokenHits[], id: string): boolean {
  const lists = hits.map((h) => h.get(id)?.positions);
  if (lists.some((l) => !l)) return false;
  if (term.slots.length === 1) return true;
  const sets = lists.map((l) => new Set(l));
  outer: for (const p of lists[0]!) {
    let cur = p;
    for (let i = 1; i < term.slots.length; i++) {
      // A hyphenated compound ("work-zone") is one position holding both words.
      const same = isLatinSlot(term.slots[i - 1]!) && isLatinSlot(term.slots[i]!) && sets[i]!.has(cur);
      if (sets[i]!.has(cur + 1)) cur += 1;
      else if (!same) continue outer;
    }
    return true;
  }
  return false;
}

/** The results one term matches, with their scores (the sum over its words). */
export function termMatches(term: Term, hitsFor: (w: string) => TokenHits): Map<string, number> {
  const hits = term.slots.map((s) => slotHits(s, hitsFor));
  const out = new Map<string, number>();
  for (const id of hits[0]!.keys())
    if (phraseAt(term, hits, id))
      out.set(
        id,
        hits.reduce((s, h) => s + (h.get(id)?.score ?? 0), 0),
      );
  return out;
}

/** The readings of a part that count: those with the fewest terms among the readings whose every word is indexed. */
export function chosenReadings(part: Part, hitsFor: (w: string) => TokenHits): Term[][] {
  const indexed = (r: Term[]) => r.every((t) => t.slots.every((s) => s.some((w) => hitsFor(w).size > 0)));
  const ok = part.readings.filter(indexed);
  return ok.filter((r) => r.length === ok[0]?.length);
}

/** One verified result before its text is loaded. */
export interface Match {
  id: string;
  score: number;
}

/**
 * The AND of all parts (each part: any of its chosen readings, a reading being the AND of its
 * terms). `hitsFor(word)` gives Pagefind's hits for one indexed word. Score is the sum of word scores.
 */
export function andMatches(parts: Part[], hitsFor: (w: string) => TokenHits): Match[] {
  if (parts.length === 0) return [];
  let acc: Map<string, number> | null = null;
  for (const part of parts) {
    const partScores = new Map<string, number>();
    for (const reading of chosenReadings(part, hitsFor)) {
      let r: Map<string, number> | null = null;
      for (const term of reading) {
        const m = termMatches(term, hitsFor);
        const prev: Map<string, number> | null = r;
        r = new Map();
        for (const [id, s] of m) if (!prev || prev.has(id)) r.set(id, s + (prev?.get(id) ?? 0));
      }
      for (const [id, s] of r ?? []) partScores.set(id, Math.max(partScores.get(id) ?? 0, s));
    }
    const prev: Map<string, number> | null = acc;
    acc = new Map();
    for (const [id, s] of partScores) if (!prev || prev.has(id)) acc.set(id, s + (prev?.get(id) ?? 0));
  }
  return [...(acc ?? [])].map(([id, score]) => ({ id, score }));
}

/** The terms a search matched by (the chosen readings of every part), for marking excerpts. */
export function matchedTerms(parts: Part[], hitsFor: (w: string) => TokenHits): Term[] {
  return parts.flatMap((p) => {
    const chosen = chosenReadings(p, hitsFor);
    return (chosen.length ? chosen : p.readings.slice(0, 1)).flat();
  });
}

/** The filter keys, in the order the URL and the facets file (`Facets`) list them. */
export const FILTER_KEYS = ['type', 'district', 'dimension', 'source', 'year'] as const;
/** One filter key. */
export type FilterKey = (typeof FILTER_KEYS)[number];
/** The filters chosen: key → one of its values in `Facets.values`; a key not chosen is absent. */
export type Filters = Partial<Record<FilterKey, string>>;
/**
 * The facets file, pagefind/facets.<lang>.json: what the search page loads besides Pagefind,
 * filter values per result id. The index builder writes it (src/searchIndex/facetsFile.ts),
 * always with every field; this module reads it.
 */
export interface Facets {
  /** The distinct values of each filter key. */
  values: Record<FilterKey, string[]>;
  /** Pagefind result id → [order, ...indexes into `values[key]` per key in FILTER_KEYS order]. `order` breaks ties. */
  pages: Record<string, [number, ...number[][]]>;
  /** The Traditional characters that this index's t2s file converts, as `encodeGaps` lists them: a query with none of them is searched as typed. */
  traditional: string;
  /**
   * The index's other bundles, which the search page merges into the first with Pagefind's
   * `mergeIndex`; absent when the index is one bundle.
   */
  bundles?: IndexBundle[];
}

/** One more bundle of a search index: its folder under the first one's (`b1/`) and the language its index is filed under (`zh-x-b1`). */
export interface IndexBundle {
  path: string;
  language: string;
}

/** True when a record has the chosen value for every chosen filter. */
export function passes(facets: Facets, id: string, filters: Filters): boolean {
  const page = facets.pages[id];
  if (!page) return false;
  return FILTER_KEYS.every((k, i) => {
    const want = filters[k];
    if (!want) return true;
    return (page[i + 1] as number[]).includes(facets.values[k].indexOf(want));
  });
}

/**
 * Counts per filter value among `matches`, each key counted with the other keys' choices applied
 * (so a count says how many results choosing that value would give).
 */
export function countFacets(
  facets: Facets,
  matches: Match[],
  filters: Filters,
): Record<FilterKey, Record<string, number>> {
  const out = {} as Record<FilterKey, Record<string, number>>;
  FILTER_KEYS.forEach((k, i) => {
    const others: Filters = { ...filters, [k]: undefined };
    const counts: Record<string, number> = Object.fromEntries(facets.values[k].map((v) => [v, 0]));
    for (const m of matches) {
      if (!passes(facets, m.id, others)) continue;
      for (const vi of facets.pages[m.id]![i + 1] as number[]) counts[facets.values[k][vi]!]! += 1;
    }
    out[k] = counts;
  });
  return out;
}

/**
 * Orders results: higher score first, then by kind (case study, data point, chart, source,
 * glossary), then by the index's own stable order. Scores are rounded so float noise cannot
 * reorder equal results.
 */
export function sortMatches(facets: Facets, matches: Match[]): Match[] {
  const typeOf = (id: string) => (facets.pages[id]?.[1] as number[] | undefined)?.[0] ?? 99;
  const orderOf = (id: string) => facets.pages[id]?.[0] ?? Number.MAX_SAFE_INTEGER;
  const r = (x: number) => Math.round(x * 1e6);
  return [...matches].sort(
    (a, b) =>
      r(b.score) - r(a.score) || typeOf(a.id) - typeOf(b.id) || orderOf(a.id) - orderOf(b.id) || (a.id < b.id ? -1 : 1),
  );
}

/** The part of a Pagefind record's content that the page shows (before the index-only text). */
export function shownText(content: string): string {
  const cut = content.indexOf(` ${EXTRA_MARKER}`);
  return unspaceCjk((cut >= 0 ? content.slice(0, cut) : content).trim());
}

/**
 * What to mark for a term: its text, except that a single English word (each of its spellings)
 * loses a plural or -y ending, so that "cherry" marks "cherries" as stemming finds it.
 */
export function highlightNeedles(t: Term): string[] {
  if (t.slots.length !== 1) return [t.text];
  return t.slots[0]!.map((w) => {
    if (!/^[a-z]+$/.test(w)) return w;
    const stem = w.replace(/(?:ies|es|s|y)$/, '');
    return stem.length >= 3 ? stem : w;
  });
}

/** One run of excerpt text; `mark` runs are the matches. */
export interface Segment {
  text: string;
  mark: boolean;
}

/** Folds character by character so offsets in the folded text are offsets in the original. */
function foldChars(s: string, toSimplified: (s: string) => string): string {
  let out = '';
  for (const ch of s) {
    let f = /[-‐‑–]/.test(ch) ? ' ' : foldForMatch(ch);
    if (f.length !== ch.length) f = ch;
    const simp = toSimplified(f);
    out += simp.length === f.length ? simp : f;
  }
  return out;
}

/**
 * An excerpt of about `width` characters around the first match, with every match of every term
 * marked. Terms are matched case-insensitively and across scripts (when `toSimplified` is given).
 */
export function excerpt(
  text: string,
  terms: Term[],
  width = 110,
  toSimplified: (s: string) => string = (s) => s,
): Segment[] {
  const folded = foldChars(text, toSimplified);
  const spans: [number, number][] = [];
  for (const t of terms) {
    for (const needle of highlightNeedles(t)) {
      if (!needle) continue;
      for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
        let end = at + needle.length;
        // A stemmed English needle marks the whole word ("cherr" → "cherries").
        if (needle !== t.text) while (end < folded.length && /[a-z]/.test(folded[end]!)) end++;
        spans.push([at, end]);
      }
    }
  }
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  const first = merged[0]?.[0] ?? 0;
  let from = Math.max(0, first - Math.floor(width / 3));
  let to = Math.min(text.length, from + width);
  from = Math.max(0, Math.min(from, to - width));
  // Do not cut a surrogate pair or a Latin word in half.
  while (from > 0 && /[\p{L}\p{N}]/u.test(text[from - 1]!) && !isHan(text[from - 1]!) && first - from < width / 2)
    from--;
  while (to < text.length && /[\p{L}\p{N}]/u.test(text[to]!) && !isHan(text[to]!) && to - from < width + 20) to++;
  if (from > 0 && /[\uDC00-\uDFFF]/.test(text[from]!)) from--;
  if (to < text.length && /[\uDC00-\uDFFF]/.test(text[to]!)) to++;
  const out: Segment[] = [];
  const push = (s: string, mark: boolean) => {
    if (s) out.push({ text: s, mark });
  };
  if (from > 0) push('…', false);
  let cur = from;
  for (const [a, b] of merged) {
    if (b <= from || a >= to) continue;
    push(text.slice(cur, Math.max(cur, a)), false);
    push(text.slice(Math.max(cur, a), Math.min(b, to)), true);
    cur = Math.min(b, to);
  }
  push(text.slice(cur, to), false);
  if (to < text.length) push('…', false);
  return out;
}

/** Reads the query and filters from a URL's search params (unknown values are kept: the UI checks them). */
export function readParams(params: URLSearchParams): { q: string; filters: Filters } {
  const filters: Filters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  return { q: params.get('q') ?? '', filters };
}

/** The search params for a query and filters, in a fixed order, without empty values. */
export function writeParams(q: string, filters: Filters): URLSearchParams {
  const p = new URLSearchParams();
  if (q.trim()) p.set('q', q);
  for (const k of FILTER_KEYS) if (filters[k]) p.set(k, filters[k]!);
  return p;
}
