/**
 * The search engine of the search page: Pagefind (loaded on first use) asked one word at a time,
 * then the AND check, filters and ordering of `query.ts`. Traditional → Simplified conversion is
 * loaded only when a query contains a Traditional character the index can need.
 */
import {
  andMatches,
  countFacets,
  matchedTerms,
  parseQuery,
  passes,
  queryWords,
  sortMatches,
  type Facets,
  type FilterKey,
  type Filters,
  type Match,
  type Term,
  type TokenHits,
} from '../searchCore/query.ts';
import { hasTraditional, isHan } from '../searchCore/text.ts';

/** The record meta fields (recordPages.ts) that the search page shows with a result. */
const SHOWN_META = new Set(['title', 'value', 'district', 'source']);

interface PagefindResult {
  id: string;
  score: number;
  words: number[];
  matchedMetaFields?: string[];
  data: () => Promise<PagefindFragment>;
}
/** The fields of a Pagefind result fragment the page uses. */
export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string, o: Record<string, unknown>): Promise<void>;
  search(term: string): Promise<{ results: PagefindResult[] } | null>;
}

/** The outcome of one search: verified, filtered, ordered results and filter counts. */
export interface SearchOutcome {
  terms: Term[];
  matches: Match[];
  /** Results before filters. */
  total: number;
  counts: Record<FilterKey, Record<string, number>>;
}

type Converter = (s: string) => string;

/** One search session; keeps Pagefind's per-word hits so typing stays fast. */
export class SearchEngine {
  /** The content language of the page: how a query is read (number forms in Chinese). */
  readonly lang: 'zh' | 'en';
  /** The Pagefind language of the index (`zh`, `en`, `zh-hant`): which index and files to load. */
  readonly index: string;
  readonly base: string;
  private pf: Promise<Pagefind> | null = null;
  private facets: Promise<Facets> | null = null;
  private converter: Promise<Converter> | null = null;
  private cache = new Map<string, Promise<TokenHits>>();
  private results = new Map<string, PagefindResult>();

  constructor(lang: 'zh' | 'en', index: string = lang, base = '/pagefind/') {
    this.lang = lang;
    this.index = index;
    this.base = base;
  }

  /** Starts loading Pagefind and the facets file (call on focus or page load). */
  warm(): Promise<unknown> {
    return Promise.all([this.pagefind(), this.loadFacets()]);
  }

  private pagefind(): Promise<Pagefind> {
    this.pf ??= (async () => {
      const url = `${this.base}pagefind.js`;
      const pf = (await import(/* @vite-ignore */ url)) as Pagefind;
      // The index is small: searching on the main thread spares loading Pagefind's worker script.
      await pf.options({ language: this.index, noWorker: true, excerptLength: 0 });
      await pf.init();
      // A large site's index comes in bundles (src/searchIndex/bundles.ts), which the facets file
      // lists; Pagefind then asks each bundle and merges the results.
      const { bundles = [] } = await this.loadFacets();
      await Promise.all(
        bundles.map((b) => pf.mergeIndex(`${this.base}${b.path}`, { language: b.language, excerptLength: 0 })),
      );
      return pf;
    })();
    return this.pf;
  }

  private loadFacets(): Promise<Facets> {
    this.facets ??= fetch(`${this.base}facets.${this.index}.json`).then((r) => {
      if (!r.ok) throw new Error(`search: facets.${this.index}.json ${r.status}`);
      return r.json() as Promise<Facets>;
    });
    return this.facets;
  }

  /** The Traditional → Simplified converter, loaded on first need: the dictionary subset this index needs. */
  toSimplified(): Promise<Converter> {
    this.converter ??= Promise.all([
      import('./convertLoaded.ts'),
      fetch(`${this.base}t2s.${this.index}.json`).then((r) => {
        if (!r.ok) throw new Error(`search: t2s.${this.index}.json ${r.status}`);
        return r.json() as Promise<string>;
      }),
    ]).then(([m, dict]) => m.converterFrom(dict));
    return this.converter;
  }

  /** The converter if it is already loaded (for marking matches in Traditional text). */
  async loadedConverter(): Promise<Converter | undefined> {
    return this.converter ? this.converter : undefined;
  }

  /**
   * Pagefind's hits for one indexed word, only where the word itself is indexed. Pagefind's plain
   * search also finds words that begin with the query word and, when there are none, the longest
   * indexed word that begins it ("beijing" finds "be"); its exact (quoted) search finds only the
   * word (after stemming) but gives one position per result and no ranking. So the exact search
   * says which results have the word, and the plain one gives their positions and scores.
   */
  private hits(word: string): Promise<TokenHits> {
    let p = this.cache.get(word);
    if (!p) {
      p = this.pagefind().then(async (pf) => {
        const map: TokenHits = new Map();
        // A Han character is a word of its own in the index (spaceCjk): no longer word begins
        // with it and none is shorter, so the plain search is exact already.
        // Both at once: they need the same index chunks, which Pagefind loads once.
        const [exactRes, plainRes] = await Promise.all([isHan(word) ? null : pf.search(`"${word}"`), pf.search(word)]);
        const exact = exactRes?.results ?? [];
        if (exact.length === 0 && !isHan(word)) return map;
        const have = isHan(word) ? null : new Set(exact.map((r) => r.id));
        for (const r of plainRes?.results ?? []) {
          if (have && !have.has(r.id)) continue;
          // Pagefind indexes every meta field. A result matched in its meta alone counts only
          // for a Latin word found in a field the result shows (title, value, district, source):
          // not in `type` or `url`, and not for a Han character, as meta text is not spaced.
          if (r.words.length === 0 && (isHan(word) || !(r.matchedMetaFields ?? []).some((f) => SHOWN_META.has(f))))
            continue;
          map.set(r.id, { score: r.score, positions: r.words });
          this.results.set(r.id, r);
        }
        // Never expected (the exact word is among the words a plain search finds), but a result
        // the exact search vouches for is not dropped.
        for (const r of exact)
          if (!map.has(r.id) && r.words.length > 0) {
            map.set(r.id, { score: r.score, positions: r.words });
            this.results.set(r.id, r);
          }
        return map;
      });
      this.cache.set(word, p);
    }
    return p;
  }

  /**
   * Parses, looks up every word of the query (all at once: the index chunks are small), checks
   * that every part matches (phrases by position), filters, counts and orders.
   */
  async search(q: string, filters: Filters): Promise<SearchOutcome> {
    const [facets] = await Promise.all([this.loadFacets(), this.pagefind()]);
    const conv = hasTraditional(q, facets.traditional) ? await this.toSimplified() : undefined;
    const parts = parseQuery(q, conv, this.lang);
    if (parts.length === 0) return { terms: [], matches: [], total: 0, counts: countFacets(facets, [], filters) };
    const words = queryWords(parts);
    const resolved = new Map(await Promise.all(words.map(async (w) => [w, await this.hits(w)] as const)));
    const hitsFor = (w: string) => resolved.get(w) ?? new Map();
    const found = andMatches(parts, hitsFor);
    const filtered = sortMatches(
      facets,
      found.filter((m) => passes(facets, m.id, filters)),
    );
    return {
      terms: matchedTerms(parts, hitsFor),
      matches: filtered,
      total: found.length,
      counts: countFacets(facets, found, filters),
    };
  }

  /** Loads the text and metadata of one result. */
  async fragment(id: string): Promise<PagefindFragment> {
    const r = this.results.get(id);
    if (!r) throw new Error(`search: unknown result ${id}`);
    return r.data();
  }
}
