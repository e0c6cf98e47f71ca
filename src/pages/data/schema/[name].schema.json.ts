/** The dataset's JSON Schemas, generated from the zod schemas that check the data. */
import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { datasetFiles, type DatasetName } from '../../../dataset/schemas.ts';

export function getStaticPaths() {
  return Object.keys(datasetFiles).map((name) => ({ params: { name } }));
}

export const GET: APIRoute = ({ params, site }) => {
  const name = params.name as DatasetName;
  const schema = z.toJSONSchema(z.array(datasetFiles[name]), { unrepresentable: 'any' }) as Record<string, unknown>;
  const body = { ...schema, $id: new URL(`/data/schema/${name}.schema.json`, site).href, title: `${name}.json` };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
};
