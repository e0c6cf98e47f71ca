/** The published JSON Schema of each dataset file, generated from the zod schemas that check the data. */
import { z } from 'astro/zod';
import { type DatasetName, datasetFiles } from '../dataset/schemas.ts';

/** The dataset files that have a JSON Schema, in schemas.ts order. */
export const SCHEMA_NAMES = Object.keys(datasetFiles) as DatasetName[];

/**
 * The JSON Schema of `content/data/<name>.json` (an array of records), identified at the origin
 * `site`, under `base` (`/data/`, or a release's pinned `/v/<version>/data/`). A release's pinned
 * schema is the current one: schemas only gain optional fields, so it validates every release.
 */
export function datasetJsonSchema(name: DatasetName, site: URL | undefined, base = '/data/'): Record<string, unknown> {
  const schema = z.toJSONSchema(z.array(datasetFiles[name]), { unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: new URL(`${base}schema/${name}.schema.json`, site).href, title: `${name}.json` };
}
