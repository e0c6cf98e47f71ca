/** The dataset's JSON Schemas, one per data file (src/outputs/jsonSchema.ts). */
import type { APIRoute } from 'astro';
import type { DatasetName } from '../../../dataset/schemas.ts';
import { datasetJsonSchema, SCHEMA_NAMES } from '../../../outputs/jsonSchema.ts';

export const getStaticPaths = () => SCHEMA_NAMES.map((name) => ({ params: { name } }));

export const GET: APIRoute = ({ params, site }) =>
  new Response(`${JSON.stringify(datasetJsonSchema(params.name as DatasetName, site), null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
