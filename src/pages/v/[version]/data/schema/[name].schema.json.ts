/** A frozen release's JSON Schemas: the current schemas, which validate every release (src/dataset/releases.ts). */
import type { APIRoute } from 'astro';
import type { DatasetName } from '../../../../../dataset/schemas.ts';
import { datasetJsonSchema, SCHEMA_NAMES } from '../../../../../outputs/jsonSchema.ts';
import { pinnedReleasePaths } from '../../../../../outputs/releaseDownloads.ts';

export const getStaticPaths = () => pinnedReleasePaths(() => SCHEMA_NAMES.map((name) => ({ name })));

export const GET: APIRoute = ({ params, site }) =>
  new Response(
    `${JSON.stringify(datasetJsonSchema(params.name as DatasetName, site, `/v/${params.version}/data/`), null, 2)}\n`,
    { headers: { 'content-type': 'application/json; charset=utf-8' } },
  );
