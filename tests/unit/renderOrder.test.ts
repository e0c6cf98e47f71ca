/** The render order astro.config.mjs gives Astro: searched pages first, data point pages last, nothing lost or added. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { DATA_POINT_ROUTE, dataPointPagesLast, SEARCHED_ROUTES } from '../../src/build/renderOrder.ts';

test('case-study and chart pages come first, data point pages last; every other page keeps its order', () => {
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
    ['p1', 'p5', 'p7', 'p0', 'p4', 'p2', 'p3', 'p6'],
  );
  assert.deepEqual(
    [...ordered].sort((a, b) => a.pathname.localeCompare(b.pathname)),
    paths,
  );
});

test('the route patterns are the routes of the page files', () => {
  // A renamed page file would leave the order untouched and the search index waiting behind it.
  for (const route of [DATA_POINT_ROUTE, ...SEARCHED_ROUTES]) assert.ok(existsSync(`src/pages${route}.astro`), route);
});
