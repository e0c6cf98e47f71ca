/**
 * check:data — validates content/data/ (or --data DIR) without building the site: JSON syntax,
 * schemas, references; then the frozen releases (each matches its hash, each has its changelog
 * entry, each keeps the files it publishes unedited, and the data has not changed since the
 * newest). Prints every problem naming its file;
 * exits 1 on any.
 */
import { parseArgs } from 'node:util';
import { formatProblem, loadDataset } from '../src/dataset/loadDataset.ts';
import { figureRuleProblems } from '../src/dataset/figureRules.ts';
import { DATA_DIR } from '../src/dataset/dataset.ts';

const { values } = parseArgs({ options: { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(`Usage: npm run check:data [-- --data DIR]

Checks the dataset files (sources, districts, indicators, observations, glossary .json) in DIR
(default ${DATA_DIR}) against their zod schemas and each other, and the figure rules (a figure
narrower than its district names its place, every date says whose it is, a rule in times or days
says per what, one figure from two sources is linked, an indicator counted differently across
districts carries a comparison note), then the frozen releases in
<CONTENT_DIR>/releases/: each folder's files still hash to its name, each has a changelog entry and the
other way round, each keeps what it publishes (published/, embeds/) as its published.json lists it
(else: node scripts/writeReleaseFiles.ts), and the data has not changed since the newest (else:
node scripts/writeRelease.ts).
A content folder without releases skips that part. Writes nothing.
Exit 0 when valid; 1 with one line per problem: file: record id: field: expected ...`);
  process.exit(0);
}
const dir = values.data ?? DATA_DIR;
const loaded = loadDataset(dir);
// The figure rules hold for the current data; frozen releases predate them and stay as released.
const rules = loaded.ok ? figureRuleProblems(loaded.dataset) : [];
const result = loaded.ok && rules.length > 0 ? { ok: false as const, problems: rules } : loaded;
if (!result.ok) {
  for (const p of result.problems) console.error(formatProblem(p));
  console.error(`check:data: ${result.problems.length} problem(s) in ${dir}`);
  process.exit(1);
}
// The frozen releases are checked only against the site's own data, not a folder given with --data.
// Imported only now: the build runs check:data beside check:facts, and invalid data must be
// reported by check:data first, before the other check trips over it.
const { RELEASES_DIR, releaseFolders, releaseProblems } = await import('../src/dataset/releases.ts');
const { keptProblems } = await import('../src/dataset/kept.ts');
const frozen = values.data ? [] : [...releaseProblems(), ...keptProblems(releaseFolders())];
if (frozen.length > 0) {
  for (const p of frozen) console.error(p);
  console.error(`check:data: ${frozen.length} problem(s) with the frozen releases in ${RELEASES_DIR}/`);
  process.exit(1);
}
const d = result.dataset;
console.log(
  `check:data: ${dir} is valid: ${d.sources.length} sources, ${d.districts.length} districts, ` +
    `${d.indicators.length} indicators, ${d.observations.length} observations, ${d.glossary.length} glossary terms, ${d.frames.length} frames`,
);
