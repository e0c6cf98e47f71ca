/**
 * The search page's behaviour: reads ?q= and filters from the URL, searches as the reader types
 * (debounced), keeps the URL in step with history.replaceState, renders results with textContent
 * and <mark> elements only (a query is data, never markup), updates filter counts and announces
 * the result count in a polite live region.
 */
import { SearchEngine } from './engine.ts';
import {
  excerpt,
  FILTER_KEYS,
  readParams,
  shownText,
  writeParams,
  type Filters,
  type Match,
  type Term,
} from '../searchCore/query.ts';

const PAGE_SIZE = 10;
// Results should follow the last keystroke within 150 ms; a search that a newer one overtakes is
// dropped (its word lookups stay cached for the next).
const DEBOUNCE_MS = 40;

/** Fills `{name}` placeholders of a UI string. */
function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_m, k: string) => String(values[k] ?? ''));
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

/** Wires the search form found in the page; does nothing on pages without one. */
export function startSearchPage(): void {
  const found = document.querySelector<HTMLFormElement>('#search-form');
  if (!found) return;
  const form: HTMLFormElement = found;
  const input = form.querySelector<HTMLInputElement>('#search-q')!;
  const status = document.querySelector<HTMLElement>('#search-status')!;
  const list = document.querySelector<HTMLOListElement>('#search-results')!;
  const more = document.querySelector<HTMLButtonElement>('#search-more')!;
  const empty = document.querySelector<HTMLElement>('#search-empty')!;
  const clear = document.querySelector<HTMLButtonElement>('#search-clear');
  const msg = form.dataset;
  // The content language the page is written in (query grammar), and the Pagefind language of its index.
  const lang = (msg.lang ?? 'zh') as 'zh' | 'en';
  const typeLabels = JSON.parse(msg.types ?? '{}') as Record<string, string>;
  const selects = new Map(
    FILTER_KEYS.map((k) => [k, form.querySelector<HTMLSelectElement>(`select[name="${k}"]`)!] as const),
  );
  const engine = new SearchEngine(lang, msg.index ?? lang);
  form.classList.add('search-live');

  let seq = 0;
  let lastInput = performance.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let current: { matches: Match[]; terms: Term[]; shown: number } = { matches: [], terms: [], shown: 0 };

  const filters = (): Filters => {
    const f: Filters = {};
    for (const [k, s] of selects) if (s.value) f[k] = s.value;
    return f;
  };

  // Restore the state a shared link carries; unknown filter values are dropped.
  const initial = readParams(new URLSearchParams(location.search));
  input.value = initial.q;
  for (const [k, s] of selects) {
    const v = initial.filters[k];
    s.value = v && [...s.options].some((o) => o.value === v) ? v : '';
  }

  // The filters fold away on phones so the results come first; open where there is room, or
  // when the link set one (a reader must see what narrows the results).
  const box = document.querySelector<HTMLDetailsElement>('#search-filters-box');
  if (box && (Object.keys(filters()).length > 0 || matchMedia('(min-width: 48rem)').matches)) box.open = true;

  const syncUrl = (): void => {
    const p = writeParams(input.value, filters()).toString();
    history.replaceState(null, '', p ? `${location.pathname}?${p}` : location.pathname);
  };

  async function renderItem(
    m: Match,
    terms: Term[],
    conv: ((s: string) => string) | undefined,
  ): Promise<HTMLLIElement> {
    const frag = await engine.fragment(m.id);
    const li = el('li', 'search-result');
    const kind = el('p', 'result-kind muted small');
    const type = (frag.meta.type ?? '') || '';
    kind.textContent = [typeLabels[type] ?? type, frag.meta.district].filter(Boolean).join(' · ');
    const h = el('h2', 'result-title');
    const a = el('a');
    // Records with a #fragment carry their URL as meta (Pagefind takes page URLs from paths).
    a.href = frag.meta.url ?? frag.url;
    a.textContent = frag.meta.title ?? a.href;
    h.append(a);
    li.append(kind, h);
    if (frag.meta.value) {
      const v = el('p', 'result-value');
      v.append(el('strong', undefined, frag.meta.value));
      if (frag.meta.source)
        v.append(document.createTextNode(` · ${msg.source ?? ''}${msg.colon ?? ': '}${frag.meta.source}`));
      li.append(v);
    }
    const p = el('p', 'result-excerpt');
    for (const s of excerpt(shownText(frag.content), terms, 120, conv))
      p.append(s.mark ? el('mark', undefined, s.text) : document.createTextNode(s.text));
    li.append(p);
    return li;
  }

  async function showMore(): Promise<void> {
    const mySeq = seq;
    const { matches, terms } = current;
    const slice = matches.slice(current.shown, current.shown + PAGE_SIZE);
    const conv = await engine.loadedConverter();
    const items = await Promise.all(slice.map((m) => renderItem(m, terms, conv)));
    if (mySeq !== seq) return;
    list.append(...items);
    current.shown += items.length;
    more.hidden = current.shown >= matches.length;
  }

  function updateCounts(counts: Record<string, Record<string, number>> | null): void {
    for (const [k, s] of selects) {
      for (const o of s.options) {
        if (!o.value) continue;
        const base = o.dataset.label ?? o.textContent ?? '';
        const n = counts?.[k]?.[o.value];
        o.textContent = n === undefined ? base : `${base} (${n})`;
      }
    }
  }

  async function run(): Promise<void> {
    const mySeq = ++seq;
    const q = input.value;
    syncUrl();
    if (!q.trim()) {
      form.dataset.doneKey = '';
      list.replaceChildren();
      more.hidden = true;
      empty.hidden = true;
      status.textContent = '';
      updateCounts(null);
      current = { matches: [], terms: [], shown: 0 };
      return;
    }
    let outcome: Awaited<ReturnType<typeof engine.search>>;
    try {
      outcome = await engine.search(q, filters());
    } catch (e) {
      if (mySeq !== seq) return;
      status.textContent = msg.error ?? '';
      console.error(e);
      return;
    }
    if (mySeq !== seq) return;
    current = { matches: outcome.matches, terms: outcome.terms, shown: 0 };
    updateCounts(outcome.counts);
    const conv = await engine.loadedConverter();
    const first = await Promise.all(outcome.matches.slice(0, PAGE_SIZE).map((m) => renderItem(m, outcome.terms, conv)));
    if (mySeq !== seq) return;
    list.replaceChildren(...first);
    current.shown = first.length;
    more.hidden = current.shown >= outcome.matches.length;
    empty.hidden = outcome.matches.length > 0;
    const n = outcome.matches.length;
    let text = fill(n === 1 ? (msg.countOne ?? '') : (msg.count ?? ''), { n, q: q.trim() });
    if (outcome.total !== n) text += fill(msg.countFiltered ?? '', { total: outcome.total });
    status.textContent = text;
    // For tests and the benchmark: which query the shown results belong to, and how long after
    // the last keystroke (or change) they appeared.
    form.dataset.doneKey = writeParams(q, filters()).toString();
    form.dispatchEvent(new CustomEvent('search:done', { detail: { q, n, ms: performance.now() - lastInput } }));
  }

  const schedule = (): void => {
    const now = performance.now();
    // The first input after a pause (a pasted query, a first keystroke) searches at once; inputs
    // in quick succession wait until typing pauses.
    const idle = now - lastInput > DEBOUNCE_MS && timer === undefined;
    lastInput = now;
    clearTimeout(timer);
    if (idle) void run();
    else
      timer = setTimeout(() => {
        timer = undefined;
        void run();
      }, DEBOUNCE_MS);
  };

  input.addEventListener('input', schedule);
  input.addEventListener('focus', () => void engine.warm(), { once: true });
  for (const s of selects.values())
    s.addEventListener('change', () => {
      lastInput = performance.now();
      void run();
    });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    timer = undefined;
    void run();
  });
  more.addEventListener('click', () => {
    const before = current.shown;
    void showMore().then(() => {
      // Keyboard users land on the first new result instead of at the end of the page.
      list.children[before]?.querySelector('a')?.focus();
    });
  });
  clear?.addEventListener('click', () => {
    for (const s of selects.values()) s.value = '';
    void run();
  });
  if (input.value.trim()) void run();
  else void engine.warm();
}

startSearchPage();
