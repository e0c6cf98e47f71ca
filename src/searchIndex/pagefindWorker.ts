/**
 * The worker side of `LanguageIndex` (languageIndex.ts): one Pagefind service keeping one
 * language's index, answering the requests of workerProtocol.ts. This module is the worker's
 * entry: loaded in a worker thread started with `IndexWorkerData`, it starts serving.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isMainThread, parentPort, workerData, type MessagePort } from 'node:worker_threads';
import * as pagefind from 'pagefind';
import { filesUnder } from './filesUnder.ts';
import { writeLanguageFiles } from './pagefindFiles.ts';
import type { IndexReply, IndexRequest, IndexWorkerData, WrittenIndex } from './workerProtocol.ts';

/** Word positions per index chunk (`PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`): about 1.6 KB compressed. */
export const INDEX_CHUNK_POSITIONS = 1000;

/** What Pagefind's `getFiles` gives, by way of `writeFiles` into `dir` (removed again): for indexes too large to send in memory. */
async function filesThroughFolder(
  index: pagefind.PagefindIndex,
  dir: string,
): Promise<{ errors: string[]; files: { path: string; content: Uint8Array }[] }> {
  rmSync(dir, { recursive: true, force: true });
  const { errors } = await index.writeFiles({ outputPath: dir });
  const files = errors.length ? [] : filesUnder(dir).map((path) => ({ path, content: readFileSync(join(dir, path)) }));
  rmSync(dir, { recursive: true, force: true });
  return { errors, files };
}

/**
 * Starts one Pagefind service with one index of `lang` and answers the `IndexRequest`s that come
 * in on `port` (the worker's `parentPort`), each with an `IndexReply` of its call number.
 */
export function serveLanguageIndex(port: MessagePort, lang: string): void {
  // Small index chunks: a query downloads the chunks holding its words, and with one Chinese
  // character per word a query's words sit in several. Pagefind's default (20,000 word
  // positions, about 23 KB compressed) made the index most of a first query's bytes. The setting
  // is an unstable one (an environment variable its service reads), hence the pinned version.
  process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE = String(INDEX_CHUNK_POSITIONS);
  const created = pagefind.createIndex({});
  port.on('message', async ({ call, op, path, via, wasm }: IndexRequest) => {
    try {
      const { index, errors } = await created;
      if (!index) throw new Error(errors.join('; '));
      let result: unknown;
      if (op === 'add') {
        const res = await index.addDirectory({ path });
        if (res.errors.length) throw new Error(res.errors.join('; '));
        result = res.page_count;
      } else if (op === 'write') {
        const res = via === undefined ? await index.getFiles() : await filesThroughFolder(index, via);
        if (res.errors.length) throw new Error(res.errors.join('; '));
        result = {
          ...writeLanguageFiles(res.files, path, lang, wasm ?? true),
          through: via === undefined ? 'memory' : 'folder',
        } satisfies WrittenIndex;
      } else {
        await pagefind.close();
      }
      port.postMessage({ call, result } satisfies IndexReply);
    } catch (e) {
      port.postMessage({ call, error: (e as Error).message } satisfies IndexReply);
    }
  });
}

if (!isMainThread && (workerData as Partial<IndexWorkerData> | null)?.pagefindLanguage)
  serveLanguageIndex(parentPort!, (workerData as IndexWorkerData).pagefindLanguage);
