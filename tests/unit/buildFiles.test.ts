// The folder listing the build compares and hashes files with: relative paths in name order,
// skipped folders left out, a missing folder empty.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { filesUnder } from '../../src/build/files.ts';
import { tempDir } from '../lib/tempDir.ts';

test('filesUnder lists files by relative path in name order, without the folders it skips', () => {
  const dir = tempDir('files-under-');
  for (const f of ['b/z.html', 'b/a.html', 'a.txt', 'pagefind/x.pf', 'c/pagefind/y.pf', 'B.txt']) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), f);
  }
  assert.deepEqual(filesUnder(dir), ['B.txt', 'a.txt', 'b/a.html', 'b/z.html', 'c/pagefind/y.pf', 'pagefind/x.pf']);
  assert.deepEqual(filesUnder(dir, new Set(['pagefind'])), ['B.txt', 'a.txt', 'b/a.html', 'b/z.html']);
  assert.deepEqual(filesUnder(join(dir, 'a.txt')), ['']);
  assert.deepEqual(filesUnder(join(dir, 'missing')), []);
});
