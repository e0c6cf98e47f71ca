// Every built HTML page carries a sound Content-Security-Policy <meta> (checked on the files;
// tests/e2e/privacy.test.ts then checks in Chromium that nothing is blocked or leaks).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { listFiles } from '../../src/checks/builtSite.ts';
import { cspProblems } from '../lib/csp.ts';

test('every HTML file has a CSP <meta> with no unsafe-inline/unsafe-eval for scripts, and every inline script or style is hashed', () => {
  const files = listFiles('dist').filter((f) => f.endsWith('.html'));
  const problems = files.flatMap((f) => cspProblems(readFileSync(join('dist', f), 'utf8')).map((p) => `${f}: ${p}`));
  console.log(`csp: ${files.length} HTML files checked, ${problems.length} problems`);
  assert.ok(files.length > 0, 'no HTML in dist/');
  assert.deepEqual(problems.slice(0, 40), []);
});
