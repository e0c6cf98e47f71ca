// The CSP page check rejects what the policy would let through or would block.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cspProblems, hashSource } from '../lib/csp.ts';

const page = (policy: string, body = '', head = '') =>
  `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${policy}"><meta name="referrer" content="strict-origin-when-cross-origin">${head}</head><body>${body}</body></html>`;
const GOOD = "default-src 'self'; object-src 'none'; base-uri 'self'; script-src 'self' 'wasm-unsafe-eval'";

test('a strict policy with external scripts and JSON-LD passes', () => {
  assert.deepEqual(
    cspProblems(
      page(
        GOOD,
        '<script type="module" src="/_astro/a.js"></script><script type="application/ld+json">{"a":1}</script>',
      ),
    ),
    [],
  );
});

test("'unsafe-inline' or 'unsafe-eval' in script-src fails; 'wasm-unsafe-eval' does not", () => {
  assert.match(cspProblems(page(`${GOOD} 'unsafe-inline'`)).join(), /script-src-elem allows 'unsafe-inline'/);
  assert.match(
    cspProblems(page(`default-src 'self' 'unsafe-eval'; object-src 'none'; base-uri 'self'`)).join(),
    /allows 'unsafe-eval'/,
  );
});

test('inline scripts, styles and style attributes need a hash; handlers and javascript: URLs always fail', () => {
  assert.match(cspProblems(page(GOOD, '<script>alert(1)</script>')).join(), /inline <script>/);
  assert.deepEqual(cspProblems(page(`${GOOD} ${hashSource('alert(1)')}`, '<script>alert(1)</script>')), []);
  assert.match(cspProblems(page(GOOD, '<svg style="font-size:13px"></svg>')).join(), /style="font-size:13px"/);
  assert.deepEqual(
    cspProblems(
      page(
        `${GOOD}; style-src-attr 'unsafe-hashes' ${hashSource('font-size:13px')}`,
        '<svg style="font-size:13px"></svg>',
      ),
    ),
    [],
  );
  assert.match(cspProblems(page(GOOD, '<button onclick="x()">b</button>')).join(), /onclick=/);
  assert.match(cspProblems(page(GOOD, '<a href="javascript:x()">b</a>')).join(), /javascript:/);
});

test('a missing policy, a second one, or a script before the policy fails', () => {
  assert.match(cspProblems('<html><head></head></html>').join(), /0 Content-Security-Policy/);
  assert.match(cspProblems(page(GOOD).replace('<head>', '<head><script src="/a.js"></script>')).join(), /precedes/);
  // JSON-LD is never run, so it may come before the policy; a script after it still may not.
  assert.deepEqual(
    cspProblems(page(GOOD).replace('<head>', '<head><script type="application/ld+json">{"a":1}</script>')),
    [],
  );
  assert.match(
    cspProblems(
      page(GOOD).replace('<head>', '<head><script type="application/ld+json">{}</script><script src="/a.js"></script>'),
    ).join(),
    /precedes/,
  );
});
