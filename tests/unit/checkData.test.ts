// Each folder in tests/fixtures/data-invalid breaks one rule of the dataset: its JSON files
// replace those of tests/fixtures/data-valid, and expected.txt lists the exact lines check:data
// must print for it.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../lib/tempDir.ts';

const FIXTURES = 'tests/fixtures';
const checkData = (dir: string) =>
  spawnSync(process.execPath, ['scripts/checkData.ts', '--data', dir], { encoding: 'utf8' });

test('the valid fixture passes check:data', () => {
  const r = checkData(join(FIXTURES, 'data-valid'));
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /is valid: 1 sources, 3 districts, 3 indicators, 3 observations, 1 glossary terms, 1 frames/);
});

const cases = readdirSync(join(FIXTURES, 'data-invalid')).sort();
test('there is a malformed fixture for at least 15 rules', () =>
  assert.ok(cases.length >= 15, `${cases.length} fixtures`));

for (const name of cases) {
  test(`check:data rejects fixture ${name} with the exact message`, () => {
    const dir = tempDir(`data-${name}-`);
    cpSync(join(FIXTURES, 'data-valid'), dir, { recursive: true });
    cpSync(join(FIXTURES, 'data-invalid', name), dir, { recursive: true });
    const r = checkData(dir);
    assert.equal(r.status, 1, `exit status for ${name}`);
    const lines = r.stderr.split('\n');
    const expected = readFileSync(join(FIXTURES, 'data-invalid', name, 'expected.txt'), 'utf8')
      .trim()
      .split('\n');
    for (const line of expected) assert.ok(lines.includes(line), `missing line:\n${line}\ngot:\n${r.stderr}`);
    assert.match(r.stderr, /check:data: \d+ problem\(s\)/);
  });
}

test('check:data names a missing file', () => {
  const dir = tempDir('data-missing-');
  cpSync(join(FIXTURES, 'data-valid'), dir, { recursive: true });
  rmSync(join(dir, 'glossary.json'));
  const r = checkData(dir);
  assert.equal(r.status, 1);
  assert.ok(r.stderr.includes('glossary.json: -: -: expected the file to exist and be readable'), r.stderr);
});
