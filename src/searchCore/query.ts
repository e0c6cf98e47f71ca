/**
 * Pure query logic of the search page: parsing a query into terms, the AND check over Pagefind's
 * per-word hits (with phrases checked by word position), filtering, counting, ordering, and
 * excerpts with the matches marked. No DOM and no network here, so it is unit-tested directly.
 */
import { EXTRA_MARKER, foldForMatch, isHan, spaceCjk, unspaceCjk } from './text.ts';

/** One query term: every term must match a result (AND). */
export interface Term {
  /** The term as typed. */
  raw: string;
  /** Folded and, when a converter is given, Simplified: what is looked for in the text. */
  text: string;
  /** The words Pagefind is asked for; more than one means a phrase (consecutive positions). */
  tokens: string[];
}

const WORDLIKE = /[\p{L}\p{N}]/u;

/**
 * Splits a query into terms. Quoted parts ("…", “…”, 「…」) are phrases; other parts are split
 * on spaces, and a run such as 党建工作区 or 75个 is a phrase of one-character words. Traditional
 * characters are converted with `toSimplified` when it is given.
 */
export function parseQuery(q: string, toSimplified: (s: string) => string = (s) => s): Term[] {
  const norm = q.normalize('NFKC');
  const pieces: string[] = [];
  const rest = norm.replace(
    /"([^"]*)"|“([^”]*)”|「([^」]*)」|『([^』]*)』/g,
    (_m, a?: string, b?: string, c?: string, d?: string) => {
      pieces.push(a ?? b ?? c ?? d ?? '');
      return ' ';
    },
  );
  pieces.push(...rest.split(/\s+/u));
  const terms: Term[] = [];
  const seen = new Set<string>();
  for (const raw of pieces) {
    const text = foldForMatch(toSimplified(raw)).trim();
    const tokens = spaceCjk(text)
      .split(' ')
      .map((t) => t.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
      .filter((t) => WORDLIKE.test(t));
    if (tokens.length === 0) continue;
    const key = tokens.join(' ');
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push({ raw: raw.trim(), text: unspaceCjk(tokens.join(' ')), tokens });
  }
  return terms;
}

/** Pagefind's hits for one word: result id → its score and the word positions it matched at. */
export type TokenHits = Map<string, { score: number; positions: number[] }>;

const isLatinWord = (t: string): boolean => !isHan(t);

/** True when `term`'s words occur in order at consecutive positions of one record. */
export function phraseAt(term: Term, hits: TokenHits[], id: string): boolean {
  const lists = hits.map((h) => h.get(id)?.positions);
  if (lists.some((l) => !l)) return false;
  if (term.tokens.length === 1) return true;
  const sets = lists.map((l) => new Set(l));
  const start = lists[0]!;
  outer: for (const p of start) {
    let cur = p;
    for (let i = 1; i < term.tokens.length; i++) {
      // A hyphenated compound ("work-zone") is one position holding both words.
      const same = isLatinWord(term.tokens[i - 1]!) && isLatinWord(term.tokens[i]!) && sets[i]!.has(cur);
      if (sets[i]!.has(cur + 1)) cur += 1;
      else if (!same) continue outer;
    }
    return true;
  }
  return false;
}

/** One verified result before its text is loaded. */
export interface Match {
  id: string;
  score: number;
}

/**
 * The AND of all terms: ids hit by every word of every term, phrases at consecutive positions.
 * `hitsFor(token)` gives Pagefind's hits for one word. Score is the sum of word scores.
 */
export function andMatches(terms: Term[], hitsFor: (token: string) => TokenHits): Match[] {
  if (terms.length === 0) return [];
  let ids: Set<string> | null = null;
  const score = new Map<string, number>();
  for (const term of terms) {
    const hits = term.tokens.map(hitsFor);
    const first = hits[0]!;
    const ok = new Set<string>();
    for (const id of first.keys()) {
      if ((ids === null || ids.has(id)) && phraseAt(term, hits, id)) ok.add(id);
    }
    ids = ok;
    for (const id of ok) score.set(id, (score.get(id) ?? 0) + hits.reduce((s, h) => s + (h.get(id)?.score ?? 0), 0));
  }
  return [...(ids ?? [])].map((id) => ({ id, score: score.get(id) ?? 0 }));
}

/** True for a term whose every word is one Han character or a number: such a term can be checked on a record's text. */
export function checkableOnText(term: Term): boolean {
  return term.tokens.every((t) => isHan(t) || /^\p{N}+$/u.test(t));
}

/**
 * Up to this many candidate records are checked on their text rather than looking up more of a
 * query's characters. An index chunk weighs about 23 KB compressed, a record about 0.75 KB, and
 * the first ten records are loaded anyway to show them. The index builder lists the words found
 * in more records than this as common (`Facets.common`).
 */
export const CHECK_ON_TEXT_UP_TO = 30;

/** True when the facets file lists `token` (a Han character or a number) as common. */
export function isCommon(common: string, token: string): boolean {
  if (isHan(token)) return common.includes(token);
  return common.split(' ').some((w) => /^\p{N}/u.test(w) && w.startsWith(token));
}

/**
 * Which of a query's remaining words to look up next: those of the index chunk with the most
 * uncommon words (any one of which leaves few records to check), then the most words.
 */
export function nextChunk(rest: string[], chunkOfToken: (t: string) => number, common: string): string[] {
  const by = new Map<number, string[]>();
  for (const t of rest) by.set(chunkOfToken(t), [...(by.get(chunkOfToken(t)) ?? []), t]);
  const rare = (ts: string[]) => ts.filter((t) => !isCommon(common, t)).length;
  return [...by.values()].sort((a, b) => rare(b) - rare(a) || b.length - a.length)[0] ?? [];
}

/** Compares by code point, as Pagefind (Rust, UTF-8 bytes) orders its words. */
function cmpCodePoints(a: string, b: string): number {
  const x = [...a],
    y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i]!.codePointAt(0)! - y[i]!.codePointAt(0)!;
    if (d) return d;
  }
  return x.length - y.length;
}

/**
 * Which index chunk holds a word, given the first word (prefix) of every chunk in order, as
 * the index builder copies them from Pagefind's metadata. -1 when there is no chunk table.
 */
export function chunkOf(chunkStarts: readonly string[], word: string): number {
  let at = -1;
  for (let i = 0; i < chunkStarts.length; i++) if (i === 0 || cmpCodePoints(chunkStarts[i]!, word) <= 0) at = i;
  return at;
}

/**
 * The words of a Pagefind record's content as Pagefind numbers them (one per run of non-space
 * characters, punctuation included), folded for matching and stripped of edge punctuation.
 */
export function recordWords(content: string): string[] {
  return content.split(/\s+/u).filter(Boolean).map(recordWord);
}

/** One run of non-space characters of a record's content as `recordWords` gives it. */
export function recordWord(w: string): string {
  return foldForMatch(w).replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
}

/**
 * True when a term's words occur at consecutive word positions of a record, each as a word or
 * the start of one (Pagefind's prefix match). Only for terms that `checkableOnText`.
 */
export function termInWords(term: Term, words: readonly string[]): boolean {
  const n = term.tokens.length;
  outer: for (let p = 0; p + n <= words.length; p++) {
    for (let i = 0; i < n; i++) if (!words[p + i]!.startsWith(term.tokens[i]!)) continue outer;
    return true;
  }
  return false;
}

/**
 * Records that may match when only some words were looked up (`known`): every term's looked-up
 * words present, and those of a checkable term at the same distances as in the term. A superset
 * of the matches, to be checked on the text with `termInWords`; exact for fully looked-up terms.
 */
export function candidateMatches(
  terms: Term[],
  known: ReadonlySet<string>,
  hitsFor: (token: string) => TokenHits,
): { matches: Match[]; unchecked: Term[] } {
  let ids: Set<string> | null = null;
  const score = new Map<string, number>();
  const unchecked: Term[] = [];
  for (const term of terms) {
    const looked = term.tokens.map((t, i) => [t, i] as const).filter(([t]) => known.has(t));
    if (looked.length === term.tokens.length) {
      const exact = andMatches([term], hitsFor);
      const ok = new Set(exact.filter((m) => ids === null || ids.has(m.id)).map((m) => m.id));
      for (const m of exact) if (ok.has(m.id)) score.set(m.id, (score.get(m.id) ?? 0) + m.score);
      ids = ok;
      continue;
    }
    unchecked.push(term);
    if (looked.length === 0) continue;
    const hits = looked.map(([t]) => hitsFor(t));
    const ok = new Set<string>();
    for (const id of hits[0]!.keys()) {
      if (ids !== null && !ids.has(id)) continue;
      const lists = hits.map((h) => h.get(id)?.positions);
      if (lists.some((l) => !l)) continue;
      const sets = lists.map((l) => new Set(l));
      // Same distances as in the term: its words are single characters or numbers, one position each.
      if (lists[0]!.some((p) => looked.every(([, off], j) => sets[j]!.has(p + off - looked[0]![1])))) ok.add(id);
    }
    for (const id of ok) score.set(id, (score.get(id) ?? 0) + hits.reduce((s, h) => s + (h.get(id)?.score ?? 0), 0));
    ids = ok;
  }
  if (ids === null) return { matches: [], unchecked };
  return { matches: [...ids].map((id) => ({ id, score: score.get(id) ?? 0 })), unchecked };
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
  /** The first word (or prefix) of each of Pagefind's index chunks, in Pagefind's order: which words share a download. Without it, every word is looked up. */
  chunks?: string[];
  /** Han characters, then a space and numbers (space-separated), found in more than `CHECK_ON_TEXT_UP_TO` records. Without it, none counts as common. */
  common?: string;
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
 * A crude English stem for indexes without an English stemmer (the Chinese one holds English
 * names and renderings): Pagefind matches it as a word prefix, so "cherry" finds "cherries".
 */
export function latinStem(word: string): string {
  if (!/^[a-z]+$/.test(word)) return word;
  const stem = word.replace(/(?:ies|es|s|y|ing|ed)$/, '');
  return stem.length >= 3 ? stem : word;
}

/**
 * True when some word of `text` really begins like `token`. Pagefind answers a word it
 * does not know with any one-letter word that begins it ("xqz" finds "X"), so hits on English
 * words are checked against the text when there are few enough to load.
 */
export function wordMatches(text: string, token: string): boolean {
  const need = token.slice(0, Math.max(3, token.length - 3));
  return foldForMatch(text)
    .split(/[^\p{L}\p{N}]+/u)
    .some((part) => part.startsWith(need));
}

/**
 * What to mark for a term: its text, except that a single English word loses a plural or -y
 * ending, so that "cherry" marks "cherries" as Pagefind's stemming finds it.
 */
export function highlightNeedle(t: Term): string {
  if (t.tokens.length === 1 && /^[a-z]+$/.test(t.text)) {
    const stem = t.text.replace(/(?:ies|es|s|y)$/, '');
    if (stem.length >= 3) return stem;
  }
  return t.text;
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
    const needle = highlightNeedle(t);
    if (!needle) continue;
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
      let end = at + needle.length;
      // A stemmed English needle marks the whole word ("cherr" → "cherries").
      if (needle !== t.text) while (end < folded.length && /[a-z]/.test(folded[end]!)) end++;
      spans.push([at, end]);
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
