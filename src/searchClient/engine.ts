/**
 * The search engine of the search page: Pagefind (loaded on first use) asked one word at a time,
 * then the AND check, filters and ordering of `query.ts`. Traditional → Simplified conversion is
 * loaded only when a query contains a Traditional character.
 */
import {
  candidateMatches,
  CHECK_ON_TEXT_UP_TO,
  checkableOnText,
  chunkOf,
  nextChunk,
  countFacets,
  latinStem,
  parseQuery,
  passes,
  recordWords,
  termInWords,
  wordMatches,
  sortMatches,
  type Facets,
  type FilterKey,
  type Filters,
  type Match,
  type Term,
  type TokenHits,
} from '../searchCore/query.ts';
import { hasTraditional, isHan } from '../searchCore/text.ts';
import { TRADITIONAL_GAPS } from '../searchCore/traditionalChars.ts';

/** Above this many hits an English word is taken as found (a one-letter fallback hits a few pages). */
const VERIFY_UP_TO = 12;

interface PagefindResult {
  id: string;
  score: number;
  words: number[];
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
  /** Index chunks this session has made Pagefind load (by the chunk table of the facets file). */
  private chunksLoaded = new Set<number>();
  private words = new Map<string, Promise<string[]>>();

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

  /** The Traditional → Simplified converter, loaded on first need: the dictionary subset this index needs. */
  toSimplified(): Promise<Converter> {
    this.converter ??= Promise.all([
      import('./convertLoaded.ts'),
      fetch(`${this.base}t2s.${this.lang}.json`).then((r) => {
        if (!r.ok) throw new Error(`search: t2s.${this.lang}.json ${r.status}`);
        return r.json() as Promise<string>;
      }),
    ]).then(([m, dict]) => m.converterFrom(dict));
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
          await Promise.all(
            [...map.keys()].map(async (id) => {
              // Whole-text check: in Chinese records Pagefind's word positions drift after English
              // words it splits further, so the word at a position cannot be read back reliably.
              if (!wordMatches((await this.fragment(id)).content, token)) map.delete(id);
            }),
          );
        }
        return map;
      });
      this.cache.set(token, p);
    }
    return p;
  }

  /** A record's words as Pagefind numbers them (loads its fragment). */
  private recordWords(id: string): Promise<string[]> {
    let p = this.words.get(id);
    if (!p) {
      p = this.fragment(id).then((f) => recordWords(f.content));
      this.words.set(id, p);
    }
    return p;
  }

  /**
   * Parses, searches, AND-checks, filters, counts and orders.
   *
   * Chinese is indexed a character per word, and a query's characters usually sit in different
   * index chunks (about 23 KB each). So the characters of Chinese and number terms are looked up
   * where their chunk is loaded anyway, starting with the chunk that holds the most uncommon ones
   * (see `nextChunk`); when few enough records remain, those records' text decides, else one more
   * chunk is looked up. Other words (English, pinyin) are always looked up.
   */
  async search(q: string, filters: Filters): Promise<SearchOutcome> {
    const conv = hasTraditional(q, TRADITIONAL_GAPS) ? await this.toSimplified() : undefined;
    const terms = parseQuery(q, conv);
    const [facets] = await Promise.all([this.loadFacets(), this.pagefind()]);
    if (terms.length === 0) return { terms, matches: [], total: 0, counts: countFacets(facets, [], filters) };
    const chunks = facets.chunks ?? [];
    const chunkOfToken = (t: string) =>
      chunkOf(chunks, this.lang === 'zh' && !isHan(t) && /\p{L}/u.test(t) ? latinStem(t) : t);
    const optional = new Set(terms.filter(checkableOnText).flatMap((t) => t.tokens));
    const all = [...new Set(terms.flatMap((t) => t.tokens))];
    const known = new Set(all.filter((t) => !optional.has(t)));
    const resolved = new Map<string, TokenHits>();
    const lookUp = async (tokens: string[]) => {
      for (const t of tokens) {
        known.add(t);
        this.chunksLoaded.add(chunkOfToken(t));
      }
      for (const [t, h] of await Promise.all(tokens.map(async (t) => [t, await this.hits(t)] as const)))
        resolved.set(t, h);
    };
    const freeNow = () => {
      const loaded = new Set([...this.chunksLoaded, ...[...known].map(chunkOfToken)]);
      return [...optional].filter((t) => !known.has(t) && loaded.has(chunkOfToken(t)));
    };
    // Words that must be looked up go chunk by chunk, loaded chunks first: a word found nowhere
    // ends the search before other chunks download.
    const loadedFirst = (c: number) => (this.chunksLoaded.has(c) ? -1 : c);
    const groups = new Map<number, string[]>();
    for (const t of known) groups.set(chunkOfToken(t), [...(groups.get(chunkOfToken(t)) ?? []), t]);
    for (const c of [...groups.keys()].sort((a, b) => loadedFirst(a) - loadedFirst(b) || a - b)) {
      await lookUp(groups.get(c)!);
      if (groups.get(c)!.some((t) => resolved.get(t)!.size === 0))
        return { terms, matches: [], total: 0, counts: countFacets(facets, [], filters) };
    }
    await lookUp(freeNow());
    let found: Match[];
    for (;;) {
      const rest = [...optional].filter((t) => !known.has(t));
      if (known.size === 0 || (rest.length && chunks.length === 0)) {
        // Nothing looked up yet (or no chunk table): the chunk holding most of the characters.
        await lookUp(chunks.length ? nextChunk(rest, chunkOfToken, facets.common ?? '') : rest);
        await lookUp(freeNow());
        continue;
      }
      const { matches, unchecked } = candidateMatches(terms, known, (t) => resolved.get(t) ?? new Map());
      if (unchecked.length === 0 || matches.length === 0) {
        found = matches;
        break;
      }
      if (matches.length <= CHECK_ON_TEXT_UP_TO || rest.length === 0) {
        const ok = await Promise.all(
          matches.map(async (m) => {
            const words = await this.recordWords(m.id);
            return unchecked.every((t) => termInWords(t, words));
          }),
        );
        found = matches.filter((_, i) => ok[i]);
        break;
      }
      await lookUp(nextChunk(rest, chunkOfToken, facets.common ?? ''));
      await lookUp(freeNow());
    }
    const filtered = sortMatches(
      facets,
      found.filter((m) => passes(facets, m.id, filters)),
    );
    return { terms, matches: filtered, total: found.length, counts: countFacets(facets, found, filters) };
  }

  /** Loads the text and metadata of one result. */
  async fragment(id: string): Promise<PagefindFragment> {
    const r = this.results.get(id);
    if (!r) throw new Error(`search: unknown result ${id}`);
    return r.data();
  }
}
