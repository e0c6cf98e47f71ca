/** datapackage.json: the Frictionless Data Package describing the CSV tables. */
import type { APIRoute } from 'astro';
import { dataPackage } from '../../outputs/datapackage.ts';

export const GET: APIRoute = ({ site }) =>
  new Response(`${JSON.stringify(dataPackage(site!), null, 2)}\n`, {
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
