/**
 * The dataset version: a content hash of the data files, so any page, chart or citation says
 * exactly which data it was built from. Same files, same version, on any machine.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { changelog } from './changelog.ts';
import { datasetFiles } from './schemas.ts';
import { DATA_DIR } from './dataset.ts';

const versions = new Map<string, string>();

/**
 * `data-` plus the first 10 hex digits of the SHA-256 of the data files in `dir` in a fixed
 * order; `cache: false` hashes the files again (checks of frozen releases and their writer).
 */
export function datasetVersion(dir: string = resolve(DATA_DIR), opts: { cache?: boolean } = {}): string {
  // Every page shows the version: hash the files once per build, not once per page.
  const known = opts.cache === false ? undefined : versions.get(dir);
  if (known) return known;
  const h = createHash('sha256');
  for (const name of Object.keys(datasetFiles).sort()) {
    h.update(name);
    h.update(readFileSync(join(dir, `${name}.json`)));
  }
  const version = `data-${h.digest('hex').slice(0, 10)}`;
  versions.set(dir, version);
  return version;
}

/**
 * The release date of the current data, YYYY-MM-DD: the date of its entry in the changelog (the
 * newest entry's, while the data has changed since and its entry is still to be written, which a
 * unit test asks for).
 */
export function datasetDate(): string {
  const entries = changelog();
  return (entries.find((e) => e.version === datasetVersion()) ?? entries[0]!).date;
}
