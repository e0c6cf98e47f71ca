/**
 * The files beside each data point's page that are made from the dataset alone: the data point
 * as JSON and CSV (`/data/points/<id>.json`, `.csv`, once) and its citation as RIS and CSL-JSON
 * in every edition (`<edition>/data/<id>/citation.ris`, `citation.csl.json`). They are most of
 * a large site's files, eight per data point (1.1 million at 3,000 districts), so
 * scripts/writePointFiles.ts writes them beside the Astro build instead of Astro routes, each of
 * which costs Astro a request, a response and memory it keeps to the end of the build.
 */
import type { IndexedDataset } from '../dataset/dataset.ts';
import { LANGS, type Lang } from '../site/editions.ts';
import { citationFilePath, dataPointPath, pointFilePath } from '../site/paths.ts';
import { converts, convertText } from '../site/script.ts';
import { cslJson, ris } from './citationFormats.ts';
import { citeDataPoint } from './cite.ts';
import { recordFile } from './recordFiles.ts';

/** One file: its path under the site's root (no leading slash) and its text. */
export interface SiteFile {
  path: string;
  text: string;
}

/**
 * The files of data point `id` of `data` for a site at `site`, in every edition of `langs`,
 * published in each edition's script as the pages are (src/middleware.ts converts text files the same way).
 */
export function pointFiles(data: IndexedDataset, id: string, site: URL, langs: readonly Lang[] = LANGS): SiteFile[] {
  const rel = (p: string) => p.replace(/^\//, '');
  const files: SiteFile[] = [
    { path: rel(pointFilePath(id, 'json')), text: recordFile(data, 'point.json', id) },
    { path: rel(pointFilePath(id, 'csv')), text: recordFile(data, 'point.csv', id) },
  ];
  for (const lang of langs) {
    const work = citeDataPoint(id, lang, site).work;
    const folder = dataPointPath(id, lang);
    const publish = (s: string) => (converts(lang) ? convertText(lang, s) : s);
    files.push({ path: rel(citationFilePath(folder, 'ris')), text: publish(ris(work)) });
    files.push({ path: rel(citationFilePath(folder, 'csl')), text: publish(cslJson(work)) });
  }
  return files;
}
