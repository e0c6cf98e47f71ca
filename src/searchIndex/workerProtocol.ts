/**
 * The messages between a `LanguageIndex` (languageIndex.ts, main thread) and the worker thread
 * that keeps its Pagefind service (pagefindWorker.ts). Each request carries a call number, and
 * the reply to it carries the same number.
 */

/** What a worker is started with (`workerData`): the language of the one index it keeps. */
export interface IndexWorkerData {
  pagefindLanguage: string;
}

/** What the worker is asked to do: add a folder of record pages, write the index, or stop. */
export type IndexOp = 'add' | 'write' | 'close';

/** One request to the worker. */
export interface IndexRequest {
  /** Call number (1, 2, …), echoed in the reply. */
  call: number;
  op: IndexOp;
  /** For `add`, the folder of record pages to index; for `write`, the folder to write this language's files into; empty for `close`. */
  path: string;
  /** For `write`, the folder Pagefind writes its files into first when they are too large to hand over in memory; otherwise absent. */
  via?: string | undefined;
  /** For `write`, false to leave out the language's WebAssembly (a merged bundle needs none); otherwise absent. */
  wasm?: boolean | undefined;
}

/**
 * The worker's reply to one request: `result` (for `add`, the number of pages Pagefind indexed;
 * for `write`, a `WrittenIndex`; for `close`, nothing) or, if the request failed, `error`.
 */
export interface IndexReply {
  /** The request's call number. */
  call: number;
  result?: unknown;
  /** The error's message. */
  error?: string;
}

/** What a `write` gives back: the files all languages share, and each fragment's result URL. */
export interface WrittenIndex {
  /** Files every language's index has (Pagefind's scripts, its entry file, the generic WebAssembly), path → bytes. */
  shared: [string, Uint8Array][];
  /** Fragment file names, in name order. */
  names: string[];
  /** The result URL of each fragment in `names` (its meta `url` where it has one). */
  urls: string[];
  /** How Pagefind handed the files over: in memory, or through a folder (`IN_MEMORY_PAGE_BYTES` in languageIndex.ts). */
  through: 'memory' | 'folder';
}
