/** Case-study entries by language, in the site's district order (collections keep no file order). */
import { getCollection, type CollectionEntry } from 'astro:content';
import type { Lang } from './i18n.ts';

const ORDER = ['zhangqiu', 'shizhong', 'fushan'];

/** The case studies of one language, Zhangqiu, Shizhong, Fushan. */
export async function caseStudies(lang: Lang): Promise<CollectionEntry<'caseStudies'>[]> {
  const all = await getCollection('caseStudies', (e) => e.data.lang === lang);
  return all.sort((a, b) => ORDER.indexOf(a.data.district) - ORDER.indexOf(b.data.district));
}
