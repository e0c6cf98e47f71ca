/**
 * writeRelease — freezes the current data as a new release: copies content/data/ into
 * content/releases/<version>/, adds the version's entry at the top of content/changelog.json, then
 * keeps what the release publishes beside its data (src/outputs/releaseFiles.ts), made this once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHANGELOG_FILE, changelogEntrySchema } from '../src/dataset/changelog.ts';
import { DATA_DIR } from '../src/dataset/dataset.ts';
import { loadDataset, formatProblem } from '../src/dataset/loadDataset.ts';
import { freezeRelease, RELEASES_DIR, releaseOrThrow } from '../src/dataset/releases.ts';
import { datasetVersion } from '../src/dataset/version.ts';
import { keepRelease } from '../src/outputs/releaseFiles.ts';
import { localOrigin } from '../src/site/origin.ts';

const { values } = parseArgs({
  options: {
    date: { type: 'string' },
    zh: { type: 'string' },
    en: { type: 'string' },
    'summary-zh': { type: 'string' },
    'summary-en': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`Usage: node scripts/writeRelease.ts --date YYYY-MM-DD --summary-zh "一两句摘要" --summary-en "In a sentence or two" --zh "改动说明" --en "What changed"

--summary-zh/--summary-en: what the release means for a reader, a sentence or two in each language
(the release page opens with both); --zh/--en: what changed, in detail.

Run it once the data in ${DATA_DIR}/ is ready to publish (after check:data and check:sources
pass), before building: the build stops while the data differs from the newest frozen release.
Writes ${RELEASES_DIR}/<version>/ (a byte-for-byte copy of the six data files, named by their
content hash) and adds { version, date, summary, changes } at the top of ${CHANGELOG_FILE}.
Then keeps everything the release publishes under /v/<version>/, made now and never again
(published/, embeds/, published.json: see node scripts/writeReleaseFiles.ts --help); drawing
its PNGs to record their hashes takes about half a minute.
Fails, writing nothing, when the data is invalid, when the current data is released already, or
when an option is missing. Commit all of it; a frozen release is never edited afterwards.`);
  process.exit(0);
}
const fail = (msg: string): never => {
  console.error(`writeRelease: ${msg}`);
  process.exit(1);
};
if (!values.date || !values.zh || !values.en || !values['summary-zh'] || !values['summary-en'])
  fail('--date, --summary-zh, --summary-en, --zh and --en are all required (see --help)');
const loaded = loadDataset(resolve(DATA_DIR));
if (!loaded.ok) fail(`the data in ${DATA_DIR}/ is invalid:\n${loaded.problems.map(formatProblem).join('\n')}`);
const entries = JSON.parse(readFileSync(CHANGELOG_FILE, 'utf8')) as unknown[];
const version = datasetVersion(resolve(DATA_DIR), { cache: false });
const entry = changelogEntrySchema.safeParse({
  version,
  date: values.date,
  summary: { zh: values['summary-zh'], en: values['summary-en'] },
  changes: { zh: values.zh, en: values.en },
});
if (!entry.success)
  fail(`invalid entry: ${entry.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
const previous = (entries[0] as { version?: string; date?: string } | undefined) ?? {};
if (previous.version === version) fail(`${version} is already the newest entry of ${CHANGELOG_FILE}`);
if (previous.date && values.date! < previous.date)
  fail(`--date ${values.date} is before the last release's (${previous.date})`);
try {
  freezeRelease(DATA_DIR, RELEASES_DIR);
} catch (e) {
  fail((e as Error).message);
}
writeFileSync(CHANGELOG_FILE, `${JSON.stringify([entry.data, ...entries], null, 2)}\n`);
console.log(`writeRelease: froze ${DATA_DIR}/ as ${RELEASES_DIR}/${version}/ and added it to ${CHANGELOG_FILE}`);
try {
  const kept = keepRelease(releaseOrThrow(version), localOrigin());
  console.log(
    `writeRelease: ${RELEASES_DIR}/${version}/ keeps the ${Object.keys(kept.files).length} files it publishes`,
  );
} catch (e) {
  fail(
    `${(e as Error).message}\nThe data is frozen; keep its files with node scripts/writeReleaseFiles.ts --version ${version}`,
  );
}
