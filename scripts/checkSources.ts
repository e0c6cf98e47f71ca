/**
 * check:sources — the provenance check: every observation's locator is found in its source text
 * (after normalising whitespace, line breaks and full/half-width punctuation) and its figure
 * parses to the record's value, qualifier and unit. Reports every mismatch; writes nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { getDataset } from '../src/dataset/dataset.ts';
import { checkObservationProvenance, type ProvenanceProblem } from '../src/checks/provenance.ts';

const { values } = parseArgs({ options: { sources: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(`Usage: npm run check:sources -- --sources DIR

DIR holds the primary source texts named in content/data/sources.json (CI passes ../shared/sources).
Exit 0 when every locator and figure checks out; 1 with one line per mismatch; 2 when DIR is
missing or a source file is absent.`);
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
if (problems.length > 0) {
  console.error(`check:sources: ${problems.length} mismatch(es) in ${data.observations.length} observations`);
  process.exit(1);
}
console.log(`check:sources: all ${data.observations.length} observations found in their sources (${perSource})`);
