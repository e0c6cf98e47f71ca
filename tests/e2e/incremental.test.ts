// Incremental builds: a second build with nothing changed renders no page and changes no file;
// after one case study is edited, only what shows it is rendered again, and the result is the same,
// byte for byte, as a full build of the edited content.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { listFiles } from '../../src/checks/builtSite.ts';
import { tempDir } from '../lib/tempDir.ts';

const content = join(tempDir('incremental-content-'), 'content');
cpSync('content', content, { recursive: true });
const OUT = '.build/incremental-a';
const FULL = '.build/incremental-b';
after(() => {
  for (const d of [OUT, FULL]) rmSync(d, { recursive: true, force: true });
  for (const d of [OUT, FULL])
    for (const f of ['json', 'search-bundles.json', 'policies.json']) rmSync(`${d}.manifest.${f}`, { force: true });
});

function build(out: string, ...args: string[]): string {
  const r = spawnSync(process.execPath, ['scripts/buildSite.ts', '--out', out, ...args], {
    env: { ...process.env, CONTENT_DIR: content },
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr.slice(-3000));
  return r.stdout;
}
const hashes = (dir: string) =>
  new Map(
    listFiles(dir).map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(join(dir, f)))
        .digest('hex'),
    ]),
  );
const rendered = (stdout: string) => {
  const m = /^build: astro rendered (\d+) of (\d+) paths$/m.exec(stdout);
  assert.ok(m, 'the build reports how many paths it rendered');
  return { rendered: Number(m[1]), total: Number(m[2]) };
};
const changedBetween = (a: Map<string, string>, b: Map<string, string>) =>
  [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();

test('a build over an unchanged one renders nothing and changes no file', () => {
  for (const d of [OUT, FULL]) rmSync(`${d}.manifest.json`, { force: true });
  const first = rendered(build(OUT, '--full'));
  assert.equal(first.rendered, first.total);
  const before = hashes(OUT);
  const out = build(OUT);
  assert.match(out, /^build: nothing changed since the build in/m);
  assert.deepEqual(rendered(out), { rendered: 0, total: first.total });
  assert.match(out, /^build: 0 files changed/m);
  assert.deepEqual(changedBetween(before, hashes(OUT)), []);
});

test('after one case study is edited, only its pages and the pages showing it change, as a full build would make them', () => {
  const before = hashes(OUT);
  const file = join(content, 'case-studies/zh/fushan.mdx');
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('福山区隶属');
  assert.ok(at > 0, 'the paragraph to edit is there');
  const mark = '本段为增量构建测试所加。';
  writeFileSync(file, text.slice(0, at) + mark + text.slice(at));
  const out = build(OUT);
  assert.match(out, /^build: incremental, over the build in/m);
  const { rendered: n, total } = rendered(out);
  assert.ok(n > 0 && n < total / 4, `rendered ${n} of ${total} paths`);
  const after = hashes(OUT);
  const changed = changedBetween(before, after);
  // The edited page in both scripts, not in English; its passages page; the search index.
  for (const f of ['case-studies/fushan/index.html', 'zh-hant/case-studies/fushan/index.html'])
    assert.ok(changed.includes(f), `${f} did not change`);
  assert.ok(readFileSync(join(OUT, 'case-studies/fushan/index.html'), 'utf8').includes(mark));
  assert.ok(!changed.includes('en/case-studies/fushan/index.html'), 'the English case study changed');
  assert.ok(!changed.some((f) => f.startsWith('en/data/')), 'an English data point page changed');
  assert.ok(
    changed.some((f) => f.startsWith('pagefind/')),
    'the search index did not change',
  );
  // The search index is written again (its files are named by their contents, so hundreds of
  // them change); of the rest, only pages of the Chinese editions that show the edited text.
  const rest = changed.filter((f) => !f.startsWith('pagefind/') && f !== '_headers');
  assert.deepEqual(
    rest.filter((f) => f.startsWith('en/')),
    [],
    'an English file changed',
  );
  assert.ok(rest.length > 0 && rest.length < after.size / 100, `${rest.length} of ${after.size} files changed`);
  // The same as a full build of the edited content, file for file.
  build(FULL, '--full');
  const full = hashes(FULL);
  assert.deepEqual(changedBetween(after, full), []);
});
