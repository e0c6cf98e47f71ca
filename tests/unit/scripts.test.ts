// The build-time scripts' contracts: exit codes, messages, and what they leave behind.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../lib/tempDir.ts';

const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, ...env } });

test('a failed build leaves the previous output folder untouched', () => {
  const out = tempDir('dist-');
  writeFileSync(join(out, 'index.html'), 'previous build');
  const data = tempDir('data-');
  cpSync('tests/fixtures/data-valid', data, { recursive: true });
  cpSync('tests/fixtures/data-invalid/json-syntax', data, { recursive: true });
  const r = run(['scripts/buildSite.ts', '--out', out], { DATA_DIR: data });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /check:data failed/);
  assert.equal(readFileSync(join(out, 'index.html'), 'utf8'), 'previous build');
});

test('check:sources without a folder says so and exits non-zero', () => {
  const none = run(['scripts/checkSources.ts']);
  assert.equal(none.status, 2);
  assert.match(none.stderr, /no sources folder given/);
  const missing = run(['scripts/checkSources.ts', '--sources', '/nonexistent/sources']);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /does not exist/);
});

test('check:sources reports every mismatch with id and reason', () => {
  const dir = tempDir('sources-');
  mkdirSync(dir, { recursive: true });
  // A source text that lacks one figure and changes another.
  writeFileSync(
    join(dir, 'fushan-2022-integrated-zones.zh-Hans.txt'),
    '在农村精准划分"双全"网格1436个，其中259个,占79.4%。',
  );
  const r = run(['scripts/checkSources.ts', '--sources', dir], { DATA_DIR: 'tests/fixtures/data-valid' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /fushan-zone-villages \(fushan-2022-integrated-zones\): locator "覆盖3—8个村" not found/);
  assert.doesNotMatch(r.stderr, /fushan-grids /);
  assert.match(r.stderr, /1 mismatch\(es\) in 3 observations/);
});

test('check:facts fails on a bare number and names file and line', () => {
  const r = run(['scripts/checkFacts.ts', '--dir', 'tests/fixtures/mdx']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /tests\/fixtures\/mdx\/bare-number\.mdx:11: bare number "326"/);
});

test('every script answers --help', () => {
  const scripts = readdirSync('scripts').filter((f) => f.endsWith('.ts'));
  assert.ok(scripts.length >= 10, `scripts/ lists ${scripts.length} scripts`);
  for (const s of scripts) {
    const r = run([`scripts/${s}`, '--help']);
    assert.equal(r.status, 0, `${s} --help exits ${r.status}: ${r.stderr.slice(0, 200)}`);
    assert.match(r.stdout, /Usage|Adds/, s);
  }
});

test('check:facts fails when a case study exists in one language only, naming the missing file', () => {
  const dir = tempDir('parity-');
  cpSync('content', join(dir, 'content'), { recursive: true });
  rmSync(join(dir, 'content/case-studies/en/shizhong.mdx'));
  const r = spawnSync(process.execPath, ['scripts/checkFacts.ts'], {
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: join(dir, 'content') },
  });
  assert.equal(r.status, 1);
  assert.match(
    r.stderr,
    /case-studies\/en\/shizhong\.mdx is missing \(.*case-studies\/zh\/shizhong\.mdx has no translation\)/,
  );
});
