/** The render order astro.config.mjs gives Astro: data point pages last, nothing lost or added. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { DATA_POINT_ROUTES, dataPointPagesLast } from '../../src/build/renderOrder.ts';

test('data point pages move to the end; every other page keeps its place and order', () => {
  const paths = ['/', '/case-studies/[district]', '/data/[id]', '/data/[id]', '/en/data/[id]', '/en/case-studies/[district]', '/data/[table].csv', '/en/charts/[id]']
    .map((route, i) => ({ pathname: `p${i}`, route: { route } }));
  const ordered = dataPointPagesLast(paths);
  assert.deepEqual(ordered.map((p) => p.pathname), ['p0', 'p1', 'p5', 'p6', 'p7', 'p2', 'p3', 'p4']);
  assert.deepEqual([...ordered].sort((a, b) => a.pathname.localeCompare(b.pathname)), paths);
});

test('the data point route patterns are the routes of the data point page files', () => {
  // A renamed page file would leave the order untouched and the search index waiting behind it.
  for (const route of DATA_POINT_ROUTES) assert.ok(existsSync(`src/pages${route}.astro`), route);
});
