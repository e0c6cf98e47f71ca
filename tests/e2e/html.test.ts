// The Nu Html Checker (vnu-jar, run with the machine's Java) over every built HTML file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { listFiles } from '../../src/checks/builtSite.ts';

test('the Nu Html Checker reports no errors across dist/', () => {
  // vnu walks the folder itself, so new pages are covered without a list here.
  const pages = listFiles('dist').filter((f) => f.endsWith('.html')).length;
  assert.ok(pages > 0, 'no HTML in dist/');
  const r = spawnSync(
    'java',
    ['-jar', 'node_modules/vnu-jar/build/dist/vnu.jar', '--errors-only', '--skip-non-html', 'dist'],
    { encoding: 'utf8' },
  );
  assert.ok(!r.error, `java could not run: ${r.error?.message}`);
  assert.equal(r.stderr.trim(), '', r.stderr.split('\n').slice(0, 20).join('\n'));
  assert.equal(r.status, 0);
  console.log(`html: vnu checked ${pages} HTML files, 0 errors`);
});
