/** The bundler's allocator gives back its memory; resvg's, loaded after it, keeps the caller's setting. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { bundlerAllocatorEnv, PURGE_DELAY, restoreAllocatorEnv } from '../../src/build/allocator.ts';

test("Astro starts with the delay at 0 and the caller's value is put back, or removed when there was none", () => {
  for (const callers of [undefined, '250']) {
    const env: Record<string, string | undefined> = { HOME: '/h', ...(callers ? { [PURGE_DELAY]: callers } : {}) };
    const astro: Record<string, string | undefined> = { ...env, ...bundlerAllocatorEnv(env) };
    assert.equal(astro[PURGE_DELAY], '0');
    restoreAllocatorEnv(astro);
    assert.deepEqual(astro, env);
  }
  // Astro started some other way (astro dev, astro build by hand): nothing to put back.
  const plain = { [PURGE_DELAY]: '0', HOME: '/h' };
  restoreAllocatorEnv(plain);
  assert.deepEqual(plain, { [PURGE_DELAY]: '0', HOME: '/h' });
});

test('each native allocator reads the delay when it loads: Rolldown 0, resvg after the restore its default', () => {
  // The order of astro.config.mjs: Rolldown is loaded with Vite, the restore runs at
  // astro:build:start, resvg loads with the pages. mimalloc prints its options with MIMALLOC_VERBOSE.
  const script = [
    "const { restoreAllocatorEnv } = await import('./src/build/allocator.ts');",
    "await import('rolldown');",
    "console.error('-- restored --');",
    'restoreAllocatorEnv(process.env);',
    "await import('@resvg/resvg-js');",
  ].join('\n');
  const env = { ...process.env, MIMALLOC_VERBOSE: '1', ...bundlerAllocatorEnv({}) };
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env });
  assert.equal(r.status, 0, r.stderr);
  const [before, after] = r.stderr.split('-- restored --');
  const delays = (text = '') => [...text.matchAll(/option 'purge_delay': (-?\d+)/g)].map((m) => Number(m[1]));
  assert.deepEqual(delays(before), [0], 'Rolldown reads 0');
  assert.equal(delays(after).length, 1, 'resvg reads the variable once');
  assert.notEqual(delays(after)[0], 0, "resvg reads its default, not the bundler's 0");
});
