/**
 * Writes content/source-counts.json: each primary source's fingerprint (SHA-256 of the file, its
 * length in characters with and without whitespace, its script) and how often it uses each term
 * of content/data/glossary.json (the form in the source's script, whitespace removed first so a
 * newspaper column's line break inside a term still counts). Counts and hashes only: no sentence
 * of a source is written. Rerun it whenever the glossary gains or changes a term; check:sources
 * recounts and fails on any difference.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getDataset } from '../src/dataset/dataset.ts';
import { scriptOfText as scriptOf } from './lib/scriptOfText.ts';
import { countSources, SOURCE_COUNTS_FILE, type SourceCounts } from '../src/dataset/sourceCounts.ts';

/** The note the file opens with. */
export const ABOUT =
  'Made by scripts/writeSourceCounts.ts from the source texts (node scripts/writeSourceCounts.ts --sources DIR); do not edit. ' +
  'sha256: of the file as stored; chars: Unicode characters without whitespace (the denominator of per-10,000 rates); ' +
  'counts: non-overlapping occurrences of the term in the source script, whitespace removed.';

const { values } = parseArgs({
  options: {
    sources: { type: 'string' },
    out: { type: 'string', default: SOURCE_COUNTS_FILE },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`Usage: node scripts/writeSourceCounts.ts --sources DIR [--out FILE]

Counts every glossary term in each source text of content/data/sources.json held in DIR
(e.g. ../shared/sources) and writes the counts with each text's SHA-256, length and script to
FILE (default ${SOURCE_COUNTS_FILE}). Output is deterministic: glossary and sources order, sorted keys
as stored. Exit 2 when DIR or a source file is missing.`);
  process.exit(0);
}
if (!values.sources || !existsSync(values.sources)) {
  console.error(
    `writeSourceCounts: sources folder ${values.sources ?? '(none given: pass --sources DIR)'} not found. Nothing written.`,
  );
  process.exit(2);
}
const dir = values.sources;
let counts: SourceCounts;
try {
  counts = countSources(
    getDataset(),
    (file) => (existsSync(join(dir, file)) ? readFileSync(join(dir, file)) : undefined),
    ABOUT,
    scriptOf,
  );
} catch (e) {
  console.error(`writeSourceCounts: ${(e as Error).message}. Nothing written.`);
  process.exit(2);
}
writeFileSync(values.out!, `${JSON.stringify(counts, null, 2)}\n`);
console.log(
  `writeSourceCounts: ${counts.terms.length} terms in ${counts.sources.length} sources written to ${values.out}`,
);
