/**
 * Publishes every page and file in its edition's script: a derived edition's routes (the
 * Traditional one) render its content language's text, and their responses are converted here,
 * once. HTML, SVG and feeds are converted as markup (`convertMarkup`: quoted locators and text
 * marked with another language stay as written); CSV and JSON as text. PNGs are drawn from
 * converted SVG where they are made (`src/outputs/chartDownloads.ts`); search records are
 * converted by the index builder (`src/searchIndex/recordSets.ts`). A frozen release's kept files
 * were converted when the release was made and say so (`PUBLISHED_AS_IS`): they pass as they are.
 */
import { defineMiddleware } from 'astro:middleware';
import { splitLocalePath } from './site/paths.ts';
import { convertBody, converts, convertsType, PUBLISHED_AS_IS } from './site/script.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const { lang } = splitLocalePath(context.url.pathname);
  if (!converts(lang) || response.headers.has(PUBLISHED_AS_IS)) return response;
  const type = response.headers.get('content-type') ?? 'text/html';
  if (!convertsType(type)) return response;
  // Decoded keeping a byte-order mark (Response.text() drops it): a chart's CSV opens in spreadsheets by it.
  const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  const out = convertBody(lang, type, body);
  return new Response(out, { status: response.status, statusText: response.statusText, headers: response.headers });
});
