/**
 * The search engine of the search page: Pagefind (loaded on first use) asked one word at a time,
 * then the AND check, filters and ordering of `query.ts`. Traditional → Simplified conversion is
 * loaded only when a query contains a Traditional character.
 */
import { andMatches, countFacets, latinStem, parseQuery, passes, wordMatches, sortMatches, type Facets, type FilterKey, type Filters, type Match, type Term, type TokenHits } from './query.ts';
import { hasTraditional, isHan } from './text.ts';
import { TRADITIONAL_GAPS } from './traditionalChars.ts';

/** Above this many hits an English word is taken as found (a one-letter fallback hits a few pages). */
const VERIFY_UP_TO = 12;

interface PagefindResult { id: string; score: number; words: number[]; data: () => Promise<PagefindFragment> }
/** The fields of a Pagefind result fragment the page uses. */
export interface PagefindFragment { url: string; content: string; meta: Record<string, string> }
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
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
  readonly lang: 'zh' | 'en';
  readonly base: string;
  private pf: Promise<Pagefind> | null = null;
  private facets: Promise<Facets> | null = null;
  private converter: Promise<Converter> | null = null;
  private cache = new Map<string, Promise<TokenHits>>();
  private results = new Map<string, PagefindResult>();

  constructor(lang: 'zh' | 'en', base = '/pagefind/') {
    this.lang = lang;
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
      await pf.options({ language: this.lang, noWorker: true, excerptLength: 0 });
      await pf.init();
      return pf;
    })();
    return this.pf;
  }

  private loadFacets(): Promise<Facets> {
    this.facets ??= fetch(`${this.base}facets.${this.lang}.json`).then((r) => {
      if (!r.ok) throw new Error(`search: facets.${this.lang}.json ${r.status}`);
      return r.json() as Promise<Facets>;
    });
    return this.facets;
  }

  /** The Traditional → Simplified converter, loaded on first need. */
  toSimplified(): Promise<Converter> {
    this.converter ??= import('./convert.ts').then((m) => m.toSimplified);
    return this.converter;
  }

  /** The converter if it is already loaded (for marking matches in Traditional text). */
  async loadedConverter(): Promise<Converter | undefined> {
    return this.converter ? this.converter : undefined;
  }

  private hits(token: string): Promise<TokenHits> {
    let p = this.cache.get(token);
    if (!p) {
      p = this.pagefind().then(async (pf) => {
        const latin = !isHan(token) && /\p{L}/u.test(token);
        const res = await pf.search(latin && this.lang === 'zh' ? latinStem(token) : token);
        const map: TokenHits = new Map();
        for (const r of res?.results ?? []) {
          map.set(r.id, { score: r.score, positions: r.words });
          this.results.set(r.id, r);
        }
        if (latin && token.length > 1 && map.size <= VERIFY_UP_TO) {
          await Promise.all([...map.keys()].map(async (id) => {
            // Whole-text check: in Chinese records Pagefind's word positions drift after English
            // words it splits further, so the word at a position cannot be read back reliably.
            if (!wordMatches((await this.fragment(id)).content, token)) map.delete(id);
          }));
        }
        return map;
      });
      this.cache.set(token, p);
    }
    return p;
  }

  /** Parses, searches, AND-checks, filters, counts and orders. */
  async search(q: string, filters: Filters): Promise<SearchOutcome> {
    const conv = hasTraditional(q, TRADITIONAL_GAPS) ? await this.toSimplified() : undefined;
    const terms = parseQuery(q, conv);
    const [facets] = await Promise.all([this.loadFacets(), this.pagefind()]);
    const tokens = [...new Set(terms.flatMap((t) => t.tokens))];
    const resolved = new Map(await Promise.all(tokens.map(async (t) => [t, await this.hits(t)] as const)));
    const all = andMatches(terms, (t) => resolved.get(t) ?? new Map());
    const filtered = sortMatches(facets, all.filter((m) => passes(facets, m.id, filters)));
    return { terms, matches: filtered, total: all.length, counts: countFacets(facets, all, filters) };
  }

  /** Loads the text and metadata of one result. */
  async fragment(id: string): Promise<PagefindFragment> {
    const r = this.results.get(id);
    if (!r) throw new Error(`search: unknown result ${id}`);
    return r.data();
  }
}
