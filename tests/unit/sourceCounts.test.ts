// Term counts over the source texts: the pure count, the check that catches a changed text or a
// stale count, and the stored file against a recount over the real texts when they are present.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { getDataset } from '../../src/dataset/dataset.ts';
import { compareCounts, countSources, occurrences, storedSourceCounts } from '../../src/dataset/sourceCounts.ts';
import type { Dataset } from '../../src/dataset/schemas.ts';
import { scriptOfText } from '../../scripts/lib/scriptOfText.ts';

const SOURCES = process.env.SOURCES_DIR ?? '../shared/sources';

const term = (id: string, zhHans: string, zhHant: string) =>
  ({
    id,
    zhHans,
    zhHant,
    pinyin: 'x',
    en: id,
    dimension: 'organisation',
    definition: { zh: 'x', en: 'x' },
    districts: [],
  }) as unknown as Dataset['glossary'][number];
const source = (id: string, file: string, script: 'Hans' | 'Hant') =>
  ({ id, file, script }) as unknown as Dataset['sources'][number];
const fixture = {
  glossary: [term('zone', '工作区', '工作區'), term('led', '党建引领', '黨建引領')],
  sources: [source('a', 'a.txt', 'Hans'), source('b', 'b.txt', 'Hant')],
};
const files: Record<string, string> = {
  // A newspaper column's line break falls inside a term; it still counts.
  'a.txt': '党建引领，设工作\n区。每个工作区都有党建引领的工作区党委。',
  'b.txt': '黨建引領工作區。党建引领',
};
const read = (f: string) => (f in files ? Buffer.from(files[f]!) : undefined);

test('occurrences count each non-overlapping match', () => {
  assert.equal(occurrences('aaaa', 'aa'), 2);
  assert.equal(occurrences('abc', ''), 0);
});

test('each source is counted in its own script, across line breaks, with its fingerprint', () => {
  const c = countSources(fixture, read, 'fixture', scriptOfText);
  assert.deepEqual(
    c.terms.map((t) => t.counts),
    [
      { a: 3, b: 1 },
      { a: 2, b: 1 },
    ],
  );
  assert.equal(c.sources[0]!.chars, [...files['a.txt']!.replace(/\s/g, '')].length);
  assert.equal(c.sources[0]!.charsRaw, [...files['a.txt']!].length);
  assert.match(c.sources[0]!.sha256, /^[0-9a-f]{64}$/);
  assert.deepEqual(compareCounts(c, countSources(fixture, read, 'fixture', scriptOfText)), []);
});

test('a changed text and a stale or missing count are each reported', () => {
  const stored = countSources(fixture, read, 'fixture', scriptOfText);
  const changed = (f: string) => (f === 'a.txt' ? Buffer.from(`${files['a.txt']}工作区`) : read(f));
  const problems = compareCounts(
    stored,
    countSources(
      { ...fixture, glossary: [...fixture.glossary, term('new', '新词', '新詞')] },
      changed,
      'x',
      scriptOfText,
    ),
  );
  assert.ok(
    problems.some((p) => /^source a: a\.txt has SHA-256 [0-9a-f]{64}, the stored counts were made from/.test(p)),
    problems.join('\n'),
  );
  assert.ok(problems.includes('term zone in a: stored 3, recount 4'), problems.join('\n'));
  assert.ok(problems.includes('term new: not counted yet'), problems.join('\n'));
});

test('the script is read from the text, and the check says when it differs from the stored one', () => {
  const c = countSources(fixture, read, 'fixture', scriptOfText);
  assert.deepEqual(
    c.sources.map((s) => s.script),
    ['Hans', 'Hant'],
  );
  const flipped = { ...c, sources: c.sources.map((s) => ({ ...s, script: 'Hans' as const })) };
  assert.deepEqual(compareCounts(flipped, c), ['source b: the text reads as Hant, stored Hans']);
});

test('a missing source file stops the count, naming it', () => {
  assert.throws(() => countSources(fixture, () => undefined, 'x', scriptOfText), /source a: a\.txt is missing/);
});

test('the stored counts cover every glossary term and source', () => {
  const stored = storedSourceCounts();
  assert.ok(stored, 'content/source-counts.json is missing: run node scripts/writeSourceCounts.ts --sources DIR');
  const data = getDataset();
  assert.deepEqual(stored.terms.map((t) => t.id).sort(), data.glossary.map((g) => g.id).sort());
  assert.deepEqual(stored.sources.map((s) => s.id).sort(), data.sources.map((s) => s.id).sort());
});

// Skipped, and reported as skipped (never as passed), where the texts are not on this machine.
test('the stored counts equal a recount over the source texts', {
  skip: existsSync(SOURCES) ? false : `source texts not found at ${SOURCES} (set SOURCES_DIR): counts NOT checked`,
}, () => {
  const stored = storedSourceCounts()!;
  const recount = countSources(
    getDataset(),
    (f) => (existsSync(join(SOURCES, f)) ? readFileSync(join(SOURCES, f)) : undefined),
    stored.about,
    scriptOfText,
  );
  assert.deepEqual(compareCounts(stored, recount), []);
  assert.deepEqual(recount, stored);
});
