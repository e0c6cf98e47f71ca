/**
 * Publishes every page and file in its edition's script: a derived edition's routes (the
 * Traditional one) render its content language's text, and their responses are converted here,
 * once. HTML, SVG and feeds are converted as markup (`convertMarkup`: quoted locators and text
 * marked with another language stay as written); CSV and JSON as text. PNGs are drawn from
 * converted SVG where they are made (`src/outputs/chartDownloads.ts`, `releaseDownloads.ts`);
 * search records are converted by the index builder (`src/searchIndex/recordSets.ts`).
 */
import { defineMiddleware } from 'astro:middleware';
import { splitLocalePath } from './site/paths.ts';
import { convertMarkup, convertText, converts } from './site/script.ts';

const MARKUP = /^(text\/html|image\/svg\+xml|application\/rss\+xml|application\/xml)\b/;
const TEXT =
  /^(text\/csv|text\/plain|application\/json|application\/json\+oembed|application\/x-research-info-systems)\b/;

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const { lang } = splitLocalePath(context.url.pathname);
  if (!converts(lang)) return response;
  const type = response.headers.get('content-type') ?? 'text/html';
  const markup = MARKUP.test(type);
  if (!markup && !TEXT.test(type)) return response;
  // Decoded keeping a byte-order mark (Response.text() drops it): a chart's CSV opens in spreadsheets by it.
  const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
  const out = markup ? convertMarkup(lang, body, { xml: !type.startsWith('text/html') }) : convertText(lang, body);
  return new Response(out, { status: response.status, statusText: response.statusText, headers: response.headers });
});
