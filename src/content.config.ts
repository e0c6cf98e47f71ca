/**
 * Content collections: case studies and editorial pages, MDX files under `CONTENT_DIR`. The
 * dataset is read through `getDataset()`, which checks every file and throws (Astro's own file()
 * loader only logs a broken JSON file and builds on with an empty collection); here only the
 * district ids are read (`districtIds`).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { CONTENT_DIR, districtIds } from './dataset/dataset.ts';

// Read once, on the first case study checked.
let known: Set<string> | undefined;
const isDistrict = (id: string) => {
  known ??= districtIds();
  return known.has(id);
};

const caseStudies = defineCollection({
  loader: glob({ pattern: '{zh,en}/*.mdx', base: `${CONTENT_DIR}/case-studies` }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    /** A district id of districts.json. */
    district: z.string().refine(isDistrict, { message: 'a district id of districts.json' }),
    lang: z.enum(['zh', 'en']),
    /** Date of the last substantive edit. */
    // YAML reads 2026-11-21 as a date; pages want the ISO string.
    updated: z.coerce.date().transform((d) => d.toISOString().slice(0, 10)),
  }),
});

/** Editorial pages written as MDX (methodology, the home page's story), one file per language. */
const pages = defineCollection({
  loader: glob({ pattern: '{zh,en}/*.mdx', base: `${CONTENT_DIR}/pages` }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    lang: z.enum(['zh', 'en']),
    /**
     * `false` for a page whose paragraphs are not citable passages (the home page's story, which
     * retells the case studies): no passage ids, no passages page.
     */
    passages: z.boolean().optional(),
    /** Date of the last substantive edit, where the page shows one (the home page's dateline). */
    updated: z.coerce
      .date()
      .transform((d) => d.toISOString().slice(0, 10))
      .optional(),
  }),
});

// The dataset is not mirrored into collections: no page reads it through astro:content, and at
// thousands of districts the copy (zod-checked again, then held in the data store) cost a
// minute of sync and hundreds of MB. Pages read it through getDataset().
export const collections = { caseStudies, pages };
