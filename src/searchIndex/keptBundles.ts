/**
 * Bundles of the search index kept from the last build. Each bundle (bundles.ts) is indexed by
 * Pagefind services of its own, from its records alone, so a bundle whose records are the same
 * as last time comes out the same, byte for byte: an incremental build links its files from the
 * last build instead of indexing it again. What tells: the bundle record, written beside the
 * build (not published), holds each bundle's key (a hash of its records) and the fragment names
 * and result URLs the facets file needs of it.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'astro/zod';
import { bundleFolder } from './bundles.ts';
import { filesUnder } from './filesUnder.ts';
import type { SearchRecord } from './searchRecords.ts';

const fragmentsSchema = z.strictObject({ names: z.array(z.string()), urls: z.array(z.string()) });

/** The bundle record: `perBundle` districts to a bundle; per bundle its key and each language's fragments. */
export const bundleRecordSchema = z.strictObject({
  perBundle: z.number().int().min(1),
  bundles: z.array(
    z.strictObject({
      /** SHA-256 (hex) of the bundle's records as given to Pagefind (`bundleKey`). */
      key: z.string(),
      /** Pagefind language of the edition → its fragment file names and the result URL of each, in name order. */
      fragments: z.record(z.string(), fragmentsSchema),
    }),
  ),
});
export type BundleRecord = z.infer<typeof bundleRecordSchema>;

/** The key of bundle `k` of `perBundle` districts with `records` (in the order Pagefind gets them): a SHA-256 in hex. */
export function bundleKey(records: readonly SearchRecord[], k: number, perBundle: number): string {
  const h = createHash('sha256').update(`${perBundle}|${k}`);
  for (const r of records) h.update('\n').update(JSON.stringify(r));
  return h.digest('hex');
}

/** The bundle record in `file`, or undefined when there is none or it is not one (then no bundle is kept). */
export function readBundleRecord(file: string | undefined): BundleRecord | undefined {
  if (!file || !existsSync(file)) return undefined;
  try {
    return bundleRecordSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return undefined;
  }
}

/** Writes `record` to `file`. */
export function writeBundleRecord(file: string, record: BundleRecord): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(record));
}

/** At the top of the index folder, what is not bundle 0's: the other bundles' folders, and the facets and t2s files written over all bundles. */
const OTHER_BUNDLE = /^b\d+$/;
const OVER_ALL_BUNDLES = /^(facets|t2s)\./;

/**
 * Links the files of bundle `k` from the index folder `from` (the last build's `pagefind/`) into
 * `to` (this build's), copying where a link cannot be made; returns the number of files, 0 when
 * the last build has none of it.
 */
export function linkBundle(from: string, to: string, k: number): number {
  const folder = bundleFolder(k);
  const src = join(from, folder);
  if (!existsSync(src)) return 0;
  const skip = new Set(k === 0 ? readdirSync(src).filter((n) => OTHER_BUNDLE.test(n)) : []);
  const files = filesUnder(src, skip).filter((f) => k !== 0 || !OVER_ALL_BUNDLES.test(f));
  for (const f of files) {
    const target = join(to, folder, f);
    mkdirSync(dirname(target), { recursive: true });
    try {
      linkSync(join(src, f), target);
    } catch {
      copyFileSync(join(src, f), target);
    }
  }
  return files.length;
}
