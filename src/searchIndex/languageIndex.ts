/**
 * The search index's Pagefind indexes, one per language, each kept by a worker thread of its own
 * (pagefindWorker.ts), and the writing of them all into one folder.
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { bundleLanguage } from './bundles.ts';
import type { IndexOp, IndexReply, IndexRequest, IndexWorkerData, WrittenIndex } from './workerProtocol.ts';
import { edition, type Lang } from '../site/editions.ts';

/**
 * Bytes of record pages in one language above which Pagefind writes its files to a folder for us
 * to read rather than sending them in memory. Its service sends them as one base64 message,
 * which the Node API joins into one string, and a string holds at most 2^29 - 24 characters. The
 * message is about 1.8 times the files (base64 twice), and the files (compressed fragments and
 * index chunks) are smaller than the pages: so below this, the message stays under 450 million
 * characters. The files are in fact about 55 % of the pages (300 districts: 11.3 MB of Chinese
 * index files from 20.8 MB of pages), and at 3,000 districts each language has about 210 MB.
 */
const IN_MEMORY_PAGE_BYTES = 250e6;

/**
 * A Pagefind index of one language (of one bundle: bundles.ts), kept by a worker thread of its
 * own: Pagefind's Node API runs one service per thread, and a service holds its whole index in
 * memory until it is closed. Pagefind writes each language to files of their own, so indexes
 * written one after another into one folder give the files one service gives.
 */
export class LanguageIndex {
  readonly lang: Lang;
  /** Above this many bytes of record pages, `write` has Pagefind write its files to a folder first. */
  private readonly inMemoryPageBytes: number;
  private readonly worker: Worker;
  private readonly waiting = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  private calls = 0;
  #pageBytes = 0;
  private failure: Error | undefined;

  /**
   * The language Pagefind files this index under: the edition's (`zh`, `en`, `zh-hant`), and for
   * a bundle but the first `<that>-x-b<k>` (bundles.ts), which Pagefind reads as the same
   * language (it segments and stems by the first subtag) but puts in every file name, so that no
   * two bundles share a fragment name.
   */
  readonly pagefindLanguage: string;

  /**
   * Starts the worker for `lang`, for bundle `bundle` of the index; `inMemoryPageBytes` (bytes of
   * record pages) is there for tests to pick how files are handed over.
   */
  constructor(lang: Lang, inMemoryPageBytes = IN_MEMORY_PAGE_BYTES, bundle = 0) {
    this.lang = lang;
    this.pagefindLanguage = bundleLanguage(edition(lang).pagefind, bundle);
    this.inMemoryPageBytes = inMemoryPageBytes;
    this.worker = new Worker(new URL('./pagefindWorker.ts', import.meta.url), {
      workerData: { pagefindLanguage: this.pagefindLanguage } satisfies IndexWorkerData,
    });
    this.worker.on('message', ({ call, result, error }: IndexReply) => {
      const w = this.waiting.get(call)!;
      this.waiting.delete(call);
      if (error === undefined) w.ok(result);
      else w.fail(new Error(`pagefind (${lang}): ${error}`));
    });
    const stop = (e: Error) => {
      this.failure ??= e;
      for (const w of this.waiting.values()) w.fail(e);
      this.waiting.clear();
    };
    this.worker.on('error', stop);
    this.worker.on('exit', (code) => stop(new Error(`pagefind (${lang}): worker exited with ${code}`)));
  }

  private call(op: IndexOp, path = '', via?: string, wasm?: boolean): Promise<unknown> {
    if (this.failure) return Promise.reject(this.failure);
    const call = ++this.calls;
    return new Promise((ok, fail) => {
      this.waiting.set(call, { ok, fail });
      this.worker.postMessage({ call, op, path, via, wasm } satisfies IndexRequest);
    });
  }

  /** Adds the record pages in `dir` (all of this language, `bytes` in all); resolves to the number Pagefind indexed. */
  add(dir: string, bytes: number): Promise<number> {
    this.#pageBytes += bytes;
    return this.call('add', dir) as Promise<number>;
  }
  /** Bytes of record pages added so far: how large the index's files can be. */
  get pageBytes(): number {
    return this.#pageBytes;
  }
  /**
   * Writes this language's index files into `out` (the folder every language shares: their
   * file names start with the language) and returns the rest, which every language's index
   * has, for the caller to write once; with the result URL of each fragment, in name order.
   * Pagefind hands the files over in memory or, for an index too large for that
   * (`inMemoryPageBytes`), writes them into a folder under `scratch` first. With `wasm` false, the
   * language's WebAssembly is left out (a merged bundle runs the first bundle's).
   */
  write(out: string, scratch: string, wasm = true): Promise<WrittenIndex> {
    const via = this.pageBytes > this.inMemoryPageBytes ? join(scratch, `index-${this.pagefindLanguage}`) : undefined;
    return this.call('write', out, via, wasm) as Promise<WrittenIndex>;
  }
  /** Stops the Pagefind service and the worker. */
  async close(): Promise<void> {
    if (!this.failure) await this.call('close').catch(() => {});
    await this.worker.terminate();
  }
}
