/**
 * What each page of an incremental build is made from, as one key per page: a page whose key is
 * the same as in the last build, and whose file is still there, is not rendered again
 * (astro.config.mjs applies it, scripts/buildSite.ts publishes what changed). The inputs are
 * hashes of files (buildInputs.ts computes them); the rules here say which of them each route shows.
 */

/** Hashes (16 hex digits) of what pages are made from. */
export interface BuildInputs {
  /**
   * Code, configuration, the build's origin and all content but the case studies: the dataset,
   * releases, pages, geometry, editions. When it changes, every page is rendered again.
   */
  base: string;
  /** Every case study's front matter (title, description, dates), which lists and links show. */
  frontMatter: string;
  /** Every case study, whole. */
  prose: string;
  /** Per content language (`zh`, `en`), per district id: that case study's file. */
  caseStudies: Record<string, Record<string, string>>;
  /** Per content language, per observation id: the case studies whose text cites it, together. */
  citing: Record<string, Record<string, string>>;
}

/** A page as the key rules see it: its route pattern, and its path without edition prefix and the content language it reads. */
export interface KeyedPath {
  /** Astro's route pattern, e.g. `/[...lang]/data/[id]`. */
  route: string;
  /** Whether the route is an endpoint (a file) rather than a page. */
  endpoint: boolean;
  /** The path without the edition prefix, e.g. `/data/zhangqiu-zones/`. */
  path: string;
  /** The content language the edition reads (`zh` for the Traditional edition too). */
  content: string;
}

/**
 * Pages made from the dataset alone, in the layout every page shares: the data index, a
 * district's data point list and the sources page (the largest page of a large site, 21 MB
 * in each edition at 1,000 districts, which an edit to a case study must not render again).
 */
const DATASET_PAGES = /\/(data|sources|data\/districts\/\[district\])$/;

/** Feeds and sitemaps list case studies with their dates: prose-keyed although they are endpoints. */
const LISTS = /(rss\.xml|releases\.xml|sitemap)/;

/**
 * The key of one page beyond `base` (which every key includes; the manifest keeps it once): what
 * of the case studies the page shows. A data point page shows the sentences that cite it; a case
 * study's pages show that case study; the pages made from the dataset (`DATASET_PAGES`) show
 * only the case studies' front matter, in the layout; files made from the dataset alone
 * (citations, downloads, pinned releases) show none (`''`); every other page (home, lists,
 * charts, glossary, feeds) may show any case study.
 */
export function pageKey(p: KeyedPath, inputs: BuildInputs): string {
  const caseStudy = /^\/case-studies\/([^/]+)\//.exec(p.path)?.[1];
  if (caseStudy && p.route.includes('/case-studies/[district]'))
    return `c${inputs.frontMatter}${inputs.caseStudies[p.content]?.[caseStudy] ?? '-'}`;
  if (p.route.endsWith('/data/[id]') && !p.endpoint) {
    const id = /^\/data\/([^/]+)\/$/.exec(p.path)?.[1] ?? '';
    return `d${inputs.frontMatter}${inputs.citing[p.content]?.[id] ?? '-'}`;
  }
  if (!p.endpoint && DATASET_PAGES.test(p.route)) return `l${inputs.frontMatter}`;
  if (p.endpoint && !LISTS.test(p.route)) return '';
  return `p${inputs.prose}`;
}

/** The manifest of a build: its base key and each path's key, for the next build to compare with. */
export interface BuildManifest {
  version: 1;
  base: string;
  /** Hash of what the search index is made from (`base` and every case study). */
  search: string;
  /** Every path built, by pathname, and its key beyond `base`. */
  paths: Record<string, string>;
  /** The paths rendered in this build (the others were kept from the last one); null when all were. */
  rendered: string[] | null;
}

/** The key of the search index: the dataset (in `base`) and every case study, whose sections it indexes. */
export function searchKey(inputs: BuildInputs): string {
  return `${inputs.base}|${inputs.prose}`;
}

/** A path as Astro's prerenderer lists it: the parts the plan reads. */
export interface PrerenderPath {
  pathname: string;
  route: { route: string; type: string };
}

/**
 * The file a path is written to under the output folder (`build.format: 'directory'`), or
 * undefined for a route that writes none (a redirect).
 */
export function outputFile(p: PrerenderPath): string | undefined {
  if (p.route.type === 'endpoint') return p.pathname.replace(/^\//, '');
  if (p.route.type !== 'page') return undefined;
  // astro.config.mjs moves each edition's 404 page to `404.html` in its folder.
  if (/(^|\/)404\/?$/.test(p.pathname)) return `${p.pathname.replace(/^\//, '').replace(/\/$/, '')}.html`;
  const dir = p.pathname.replace(/^\//, '');
  return dir === '' ? 'index.html' : `${dir.replace(/\/?$/, '/')}index.html`;
}

/**
 * The file a manifest's pathname was written to, once its route is gone from the build and its
 * type with it: an endpoint's pathname ends in a file name with an extension (`.json`, `.svg`),
 * a page's does not (every slug and data point id is kebab-case).
 */
export function fileOfPathname(pathname: string): string {
  const type = /\.[a-z0-9]+$/i.test(pathname) ? 'endpoint' : 'page';
  return outputFile({ pathname, route: { route: pathname, type } })!;
}

/**
 * Which paths to render: all of them, unless there is a `previous` build with the same base, in
 * which case those whose key is unchanged and whose file `exists` are left out. Returns the paths
 * to render (in the order given) and this build's manifest. `split` takes a pathname to its path
 * without edition prefix and the content language it reads.
 */
export function planRender<T extends PrerenderPath>(
  paths: readonly T[],
  inputs: BuildInputs,
  split: (pathname: string) => { path: string; content: string },
  previous?: { manifest: BuildManifest; exists: (file: string) => boolean },
): { render: T[]; manifest: BuildManifest } {
  const prev = previous && previous.manifest.base === inputs.base ? previous : undefined;
  const keys: Record<string, string> = {};
  const render: T[] = [];
  for (const p of paths) {
    const { path, content } = split(p.pathname);
    const key = pageKey({ route: p.route.route, endpoint: p.route.type === 'endpoint', path, content }, inputs);
    keys[p.pathname] = key;
    const file = outputFile(p);
    const keep = prev && file !== undefined && prev.manifest.paths[p.pathname] === key && prev.exists(file);
    if (!keep) render.push(p);
  }
  return {
    render,
    manifest: {
      version: 1,
      base: inputs.base,
      search: searchKey(inputs),
      paths: keys,
      rendered: prev ? render.map((p) => p.pathname) : null,
    },
  };
}
