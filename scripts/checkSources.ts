/**
 * check:sources — the provenance check: every observation's locator is found in its source text
 * (after normalising whitespace, line breaks and full/half-width punctuation) and its figure
 * parses to the record's value, qualifier and unit; and the stored fingerprints and term counts
 * (content/source-counts.json) equal a recount over the texts. Reports every mismatch; writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getDataset } from '../src/dataset/dataset.ts';
import { checkObservationProvenance, type ProvenanceProblem } from '../src/checks/provenance.ts';
import { scriptOfText } from './lib/scriptOfText.ts';
import { compareCounts, countSources, SOURCE_COUNTS_FILE, storedSourceCounts } from '../src/dataset/sourceCounts.ts';

const { values } = parseArgs({ options: { sources: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(`Usage: npm run check:sources -- --sources DIR

DIR holds the primary source texts named in content/data/sources.json (CI passes ../shared/sources).
Also recounts every glossary term in the texts and compares the counts, SHA-256 and lengths with
${SOURCE_COUNTS_FILE} (written by scripts/writeSourceCounts.ts).
Exit 0 when every locator, figure and count checks out; 1 with one line per mismatch; 2 when DIR
is missing or a source file is absent.`);
  process.exit(0);
}
if (!values.sources) {
  console.error(
    'check:sources: no sources folder given: pass --sources DIR (e.g. ../shared/sources). Nothing was checked.',
  );
  process.exit(2);
}
if (!existsSync(values.sources)) {
  console.error(`check:sources: sources folder ${values.sources} does not exist. Nothing was checked.`);
  process.exit(2);
}
const data = getDataset();
const texts = new Map<string, string>();
for (const s of data.sources) {
  const path = join(values.sources, s.file);
  if (!existsSync(path)) {
    console.error(`check:sources: ${path} (source ${s.id}) is missing.`);
    process.exit(2);
  }
  texts.set(s.id, readFileSync(path, 'utf8'));
}
const problems: ProvenanceProblem[] = data.observations.flatMap((o) =>
  checkObservationProvenance(o, texts.get(o.source)!),
);
for (const p of problems) console.error(`${p.id} (${p.source}): ${p.reason}`);
const perSource = data.sources
  .map((s) => `${s.id} ${data.observations.filter((o) => o.source === s.id).length}`)
  .join(', ');
// The stored term counts and fingerprints against a recount over the same texts.
const stored = storedSourceCounts();
const countProblems = stored
  ? compareCounts(
      stored,
      countSources(data, (file) => readFileSync(join(values.sources!, file)), stored.about, scriptOfText),
    )
  : [`${SOURCE_COUNTS_FILE} is missing`];
// The script each text is printed in, read from the text, against what sources.json says.
for (const s of stored?.sources ?? []) {
  const declared = data.source.get(s.id)?.script;
  if (declared && declared !== s.script)
    countProblems.push(`source ${s.id}: the text reads as ${s.script}, sources.json says ${declared}`);
}
for (const p of countProblems) console.error(`source counts: ${p}`);
if (problems.length > 0 || countProblems.length > 0) {
  if (problems.length > 0)
    console.error(`check:sources: ${problems.length} mismatch(es) in ${data.observations.length} observations`);
  if (countProblems.length > 0)
    console.error(
      `check:sources: ${countProblems.length} difference(s) from ${SOURCE_COUNTS_FILE}: rerun node scripts/writeSourceCounts.ts --sources ${values.sources}`,
    );
  process.exit(1);
}
console.log(`check:sources: all ${data.observations.length} observations found in their sources (${perSource})`);
console.log(
  `check:sources: ${SOURCE_COUNTS_FILE} equals a recount (${stored!.terms.length} terms, ${stored!.sources.length} sources, SHA-256 of each)`,
);
