/**
 * Pagefind's output files as the search index builder handles them: which of them belong to one
 * language's index, the result URL in a fragment, and the files every language's index has (written once, the entry file listing every language).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { WrittenIndex } from './workerProtocol.ts';

/**
 * The Pagefind version this builder is written against, pinned exactly in package.json: Pagefind
 * does not document its fragment format (gzip of `pagefind_dcd` and JSON with `url` and `meta`),
 * which `fragmentUrl` reads, nor the unstable index chunk size the workers set
 * (pagefindWorker.ts). `writeSharedFiles` checks the version Pagefind reports.
 */
export const PAGEFIND_VERSION = '1.6.0';

const formatChanged = (what: string) =>
  `pagefind: ${what}: the fragment format this index builder reads has changed (Pagefind ${PAGEFIND_VERSION} expected; see PAGEFIND_VERSION in src/searchIndex/pagefindFiles.ts)`;

/** The result URL of a fragment file's bytes (its meta `url` where it has one); throws, saying so, on a format it does not know. */
export function fragmentUrl(bytes: Uint8Array, path = 'fragment'): string {
  let text: string;
  try {
    text = gunzipSync(bytes).toString('utf8');
  } catch {
    throw new Error(formatChanged(`${path} is not gzip`));
  }
  const magic = 'pagefind_dcd';
  if (!text.startsWith(magic)) throw new Error(formatChanged(`${path} does not start with ${magic}`));
  let frag: { url?: unknown; meta?: Record<string, unknown> };
  try {
    frag = JSON.parse(text.slice(magic.length));
  } catch {
    throw new Error(formatChanged(`${path} is not JSON after ${magic}`));
  }
  const url = frag?.meta?.url ?? frag?.url;
  if (typeof url !== 'string' || typeof frag.meta !== 'object')
    throw new Error(formatChanged(`${path} has no url and meta`));
  return url;
}

/** Files of Pagefind's own UIs, which the site does not use (they inject inline styles the Content-Security-Policy forbids). */
const UNUSED_BUNDLE = /^pagefind-(component-ui|modular-ui|ui|highlight)\./;

/**
 * Writes the files of one language's index (as Pagefind's `getFiles` gives them: path relative
 * to the index folder, bytes) into `out`: the ones that belong to `lang` alone (their names start
 * with it), but its WebAssembly when `wasm` is false; returns the others but Pagefind's UI
 * bundles, and the result URL of each fragment, read from the fragment in memory.
 */
export function writeLanguageFiles(
  files: { path: string; content: Uint8Array }[],
  out: string,
  lang: string,
  wasm = true,
): Omit<WrittenIndex, 'through'> {
  const own = new RegExp(
    `^((fragment|index|filter)/${lang}_[^/]+|pagefind\\.${lang}_[^/]+\\.pf_meta|wasm\\.${lang}\\.pagefind)$`,
  );
  const shared: [string, Uint8Array][] = [];
  const fragments: [string, string][] = [];
  const made = new Set<string>();
  for (const { path, content } of files) {
    if (!own.test(path)) {
      if (!UNUSED_BUNDLE.test(path)) shared.push([path, content]);
      continue;
    }
    if (!wasm && path.startsWith('wasm.')) continue;
    const file = join(out, path);
    const dir = dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    // 'wx': a file of another language's index by the same name would be a mix-up, not a file to replace.
    writeFileSync(file, content, { flag: 'wx' });
    if (path.startsWith('fragment/')) fragments.push([path.slice('fragment/'.length), fragmentUrl(content, path)]);
  }
  fragments.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { shared, names: fragments.map(([name]) => name), urls: fragments.map(([, url]) => url) };
}

/** Pagefind's entry file, which lists an index folder's languages. */
export const ENTRY_FILE = 'pagefind-entry.json';

/**
 * Writes into `out`, once, the files every language's index has (`WrittenIndex.shared`, per
 * language; the others are compared with the first): these must be the same bytes in every
 * language but the entry file, which then lists every language in name order, as one service
 * writes it; of these, only the paths `keep` accepts. Throws if the languages' shared files differ.
 */
export function writeSharedFiles(
  done: [string, Pick<WrittenIndex, 'shared'>][],
  out: string,
  keep: (path: string) => boolean = () => true,
): void {
  const entryFile = ENTRY_FILE;
  type Entry = { version: string; languages: Record<string, unknown>; include_characters?: unknown };
  const text = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? new Uint8Array()).toString('utf8');
  const [firstLang, first] = done[0]!;
  const shared = new Map(first.shared);
  if (!shared.has(entryFile)) throw new Error(`pagefind: the ${firstLang} index has no ${entryFile}`);
  const entry = JSON.parse(text(shared.get(entryFile))) as Entry;
  if (entry.version !== PAGEFIND_VERSION)
    throw new Error(
      `pagefind: version ${entry.version} wrote the index, but this index builder reads the files of ${PAGEFIND_VERSION} (PAGEFIND_VERSION in src/searchIndex/pagefindFiles.ts): check the fragment format and the chunk size setting, then update it and package.json`,
    );
  const languages = { ...entry.languages };
  // A language Pagefind has no stemmer for (zh-hant) loads `wasm.unknown.pagefind`, which only
  // such languages' indexes include: a language's own wasm file is compared where both have it.
  const wasm = /^wasm\.[a-z-]+\.pagefind$/;
  const common = (m: Map<string, Uint8Array>) =>
    [...m.keys()]
      .filter((p) => !wasm.test(p))
      .sort()
      .join();
  for (const [lang, other] of done.slice(1)) {
    const files = new Map(other.shared);
    if (common(files) !== common(shared))
      throw new Error(`pagefind: the ${lang} and ${firstLang} indexes do not share the same files`);
    for (const [path, bytes] of files) {
      const mine = shared.get(path);
      if (mine === undefined && wasm.test(path)) shared.set(path, bytes);
      else if (path !== entryFile && !Buffer.from(bytes).equals(Buffer.from(mine!)))
        throw new Error(`pagefind: ${path} differs between the ${lang} and ${firstLang} indexes`);
    }
    const theirs = JSON.parse(text(files.get(entryFile))) as Entry;
    if (
      theirs.version !== entry.version ||
      JSON.stringify(theirs.include_characters) !== JSON.stringify(entry.include_characters)
    ) {
      throw new Error(`pagefind: the ${lang} index's ${entryFile} does not match the ${firstLang} one's`);
    }
    Object.assign(languages, theirs.languages);
  }
  entry.languages = Object.fromEntries(
    Object.keys(languages)
      .sort()
      .map((k) => [k, languages[k]]),
  );
  for (const [path, bytes] of shared) {
    if (!keep(path)) continue;
    const file = join(out, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, path === entryFile ? JSON.stringify(entry) : bytes, { flag: 'wx' });
  }
}
