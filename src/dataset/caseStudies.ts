/** Case-study entries by language, in the site's district order (collections keep no file order). */
import { getCollection, type CollectionEntry } from 'astro:content';
import { getDataset } from './dataset.ts';
import type { ContentLanguage } from './schemas.ts';

/** The case studies of one language, in the site's district order (districts.json). */
export async function caseStudies(lang: ContentLanguage): Promise<CollectionEntry<'caseStudies'>[]> {
  const rank = new Map(getDataset().districts.map((d, i) => [d.id, i] as const));
  const all = await getCollection('caseStudies', (e) => e.data.lang === lang);
  return all.sort((a, b) => rank.get(a.data.district)! - rank.get(b.data.district)!);
}
