/**
 * The dataset version: a content hash of the data files, so any page, chart or citation says
 * exactly which data it was built from. Same files, same version, on any machine.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { datasetFiles } from './schemas.ts';
import { DATA_DIR } from './dataset.ts';

const versions = new Map<string, string>();

/** `data-` plus the first 10 hex digits of the SHA-256 of the data files in a fixed order. */
export function datasetVersion(dir: string = resolve(DATA_DIR)): string {
  // Every page shows the version: hash the files once per build, not once per page.
  const known = versions.get(dir);
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

/** The date of the current dataset release (update with every change to content/data). */
export const DATASET_DATE = '2026-11-21';
