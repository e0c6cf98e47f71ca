/**
 * The order Astro renders pages in (astro.config.mjs applies it). The pages the search index
 * reads from the build (case studies, then charts) come first, so that it can start on them
 * while Astro renders the rest; data point pages go last.
 */

/** Astro route pattern of the data point pages: one page per observation in each language. */
export const DATA_POINT_ROUTE = '/[...lang]/data/[id]';

/** Astro route patterns of the pages the search index cuts records from, in the order it reads them. */
export const SEARCHED_ROUTES = ['/[...lang]/case-studies/[district]', '/[...lang]/charts/[id]'];

/**
 * The pages to render: case-study and chart pages first, then every other page but the data
 * point pages, then those; within each group in the order given.
 */
export function dataPointPagesLast<T extends { route: { route: string } }>(paths: readonly T[]): T[] {
  const rank = (p: T) => (SEARCHED_ROUTES.includes(p.route.route) ? 0 : p.route.route === DATA_POINT_ROUTE ? 2 : 1);
  const groups: T[][] = [[], [], []];
  for (const p of paths) groups[rank(p)]!.push(p);
  return groups.flat();
}
