/** The render order astro.config.mjs gives Astro: data point pages last, nothing lost or added. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { DATA_POINT_ROUTE, dataPointPagesLast } from '../../src/build/renderOrder.ts';

test('data point pages move to the end; every other page keeps its place and order', () => {
  const paths = [
    '/[...lang]',
    '/[...lang]/case-studies/[district]',
    DATA_POINT_ROUTE,
    DATA_POINT_ROUTE,
    '/data/[table].csv',
    '/[...lang]/case-studies/[district]',
    DATA_POINT_ROUTE,
    '/[...lang]/charts/[id]',
  ].map((route, i) => ({ pathname: `p${i}`, route: { route } }));
  const ordered = dataPointPagesLast(paths);
  assert.deepEqual(
    ordered.map((p) => p.pathname),
    ['p0', 'p1', 'p4', 'p5', 'p7', 'p2', 'p3', 'p6'],
  );
  assert.deepEqual(
    [...ordered].sort((a, b) => a.pathname.localeCompare(b.pathname)),
    paths,
  );
});

test('the data point route pattern is the route of the data point page file', () => {
  // A renamed page file would leave the order untouched and the search index waiting behind it.
  assert.ok(existsSync(`src/pages${DATA_POINT_ROUTE}.astro`), DATA_POINT_ROUTE);
});
