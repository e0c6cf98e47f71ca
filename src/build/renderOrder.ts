/**
 * The order Astro renders pages in (astro.config.mjs applies it). Data point pages go last, so
 * the pages the search index reads from the build (case studies, charts) are written first.
 */

/** Astro route pattern of the data point pages: one page per observation in each language. */
export const DATA_POINT_ROUTE = '/[...lang]/data/[id]';

/** The pages to render with the data point pages moved to the end; otherwise in the order given. */
export function dataPointPagesLast<T extends { route: { route: string } }>(paths: readonly T[]): T[] {
  const isDataPoint = (p: T) => p.route.route === DATA_POINT_ROUTE;
  return [...paths.filter((p) => !isDataPoint(p)), ...paths.filter(isDataPoint)];
}
