/**
 * Content collections. Case studies are MDX files; the dataset collections load through
 * `getDataset()`, which checks every file and throws (Astro's own file() loader only logs a
 * broken JSON file and builds on with an empty collection).
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { CONTENT_DIR, getDataset } from './lib/dataset.ts';
import { districtSchema, glossarySchema, indicatorSchema, observationSchema, sourceSchema } from './lib/schemas.ts';

const caseStudies = defineCollection({
  loader: glob({ pattern: '{zh,en}/*.mdx', base: `${CONTENT_DIR}/case-studies` }),
  schema: z.object({
    title: z.string(),
    description: z.string(),
    /** A district id of districts.json. */
    district: z.string().refine((id) => getDataset().district.has(id), { message: 'a district id of districts.json' }),
    lang: z.enum(['zh', 'en']),
    /** Date of the last substantive edit. */
    // YAML reads 2026-11-21 as a date; pages want the ISO string.
    updated: z.coerce.date().transform((d) => d.toISOString().slice(0, 10)),
  }),
});

/** Editorial pages written as MDX (methodology), one file per language. */
const pages = defineCollection({
  loader: glob({ pattern: '{zh,en}/*.mdx', base: `${CONTENT_DIR}/pages` }),
  schema: z.object({ title: z.string(), description: z.string(), lang: z.enum(['zh', 'en']) }),
});

export const collections = {
  caseStudies,
  pages,
  sources: defineCollection({ loader: async () => getDataset().sources, schema: sourceSchema }),
  districts: defineCollection({ loader: async () => getDataset().districts, schema: districtSchema }),
  indicators: defineCollection({ loader: async () => getDataset().indicators, schema: indicatorSchema }),
  observations: defineCollection({ loader: async () => getDataset().observations, schema: observationSchema }),
  glossary: defineCollection({ loader: async () => getDataset().glossary, schema: glossarySchema }),
};
