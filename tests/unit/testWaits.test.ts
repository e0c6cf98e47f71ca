// Browser tests wait for events and conditions, never for a fixed time: a delay long enough on an
// idle machine is too short on a busy one (tests/lib/settled.ts has the waits for loaded,
// settled frames). A timer that fails or gives up (a guard) is fine; one that resolves is a sleep.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const DIRS = ['tests/e2e', 'tests/lib'];

/** The fixed delays in `source`: Playwright's waitForTimeout, and promises that a timer resolves. */
function fixedDelays(source: string): string[] {
  const patterns = [
    /\.waitForTimeout\s*\(/g,
    // new Promise((r) => setTimeout(r, 100)), new Promise<void>(ok => { setTimeout(() => ok(), 5); })
    /new Promise\b[^;]{0,40}?\(\s*\(?\s*(\w+)[^)]*\)?\s*=>\s*\{?\s*setTimeout\(\s*(\1\b|\(\)\s*=>\s*\{?\s*\1\s*\()/g,
    /from\s+['"](node:)?timers\/promises['"]/g,
    /\bsetTimeout\(\s*(resolve|ok|done|r)\s*[,)]/g,
  ];
  return patterns.flatMap((p) => [...source.matchAll(p)].map((m) => m[0]));
}

test('the fixed-delay check finds the delays it is meant to, and lets guards pass', () => {
  for (const sleep of [
    'await page.waitForTimeout(300);',
    'await new Promise((r) => setTimeout(r, 100));',
    'await new Promise<void>((ok) => { setTimeout(ok, 50); });',
    'await new Promise((resolve) => setTimeout(() => resolve(undefined), 10));',
    "import { setTimeout as sleep } from 'node:timers/promises';",
  ])
    assert.ok(fixedDelays(sleep).length > 0, sleep);
  for (const guard of [
    'const timer = setTimeout(() => { socket.destroy(); fail(new Error("no answer")); }, ms);',
    'const guard = setTimeout(() => done(new Error(`gave up`)), ms);',
    'await frame.waitForURL((url) => url.href === src, { timeout: ms });',
  ])
    assert.deepEqual(fixedDelays(guard), [], guard);
});

test('no browser test or test helper waits a fixed time', () => {
  const found: string[] = [];
  for (const dir of DIRS)
    for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
      const path = join(dir, f);
      for (const d of fixedDelays(readFileSync(path, 'utf8'))) found.push(`${path}: ${d}`);
    }
  assert.deepEqual(found, []);
});
