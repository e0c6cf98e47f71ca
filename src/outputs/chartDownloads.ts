/**
 * The per-chart download routes (`/charts/<id>/chart.svg` and the rest, English under `/en/`):
 * each route file is two lines that pick a format from here.
 */
import type { APIRoute } from 'astro';
import { CHARTS } from '../charts/index.ts';
import { chartCsv, chartJson, ogSvg, standaloneSvg } from './chartExport.ts';
import { oembed } from './embed.ts';
import { svgToPng } from './png.ts';
import { localeStaticPaths } from './routes.ts';
import type { Lang } from '../site/editions.ts';
// A PNG is drawn from SVG text converted to the edition's script (the middleware converts the other files).
import { convertMarkup } from '../site/script.ts';

/** The download formats, by file name. */
export type DownloadFile =
  | 'chart.svg'
  | 'chart.png'
  | 'chart-print.png'
  | 'data.csv'
  | 'data.json'
  | 'oembed.json'
  | 'og.png';

/** The web PNG's scale over the 768 px standalone SVG (1536 px wide). */
export const PNG_SCALE = 2;
/**
 * The print PNG's scale (3072 px wide, for a printed page at 300 dpi about 26 cm across). Drawn for
 * the current version only: each frozen release's PNGs are drawn again at every build, and a print
 * file at four times the pixels would multiply that cost; a pinned version keeps its SVG, which prints at any size.
 */
export const PRINT_SCALE = 4;

/** One static path per chart and language. */
export function downloadPaths() {
  return localeStaticPaths(() => CHARTS.map((c) => ({ params: { id: c.id } })));
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/** The GET handler for `file`, in the language of the path (`props.lang`, see `downloadPaths`). */
export function downloadRoute(file: DownloadFile): APIRoute {
  return ({ params, props, site }) => {
    const id = params.id!;
    const lang = props.lang as Lang;
    const origin = site!;
    switch (file) {
      case 'chart.svg':
        return new Response(standaloneSvg(id, lang, origin), {
          headers: { 'content-type': 'image/svg+xml; charset=utf-8' },
        });
      case 'chart.png':
        return new Response(
          new Uint8Array(
            svgToPng(convertMarkup(lang, standaloneSvg(id, lang, origin), { xml: true }), { scale: PNG_SCALE }),
          ),
          { headers: { 'content-type': 'image/png' } },
        );
      case 'chart-print.png':
        return new Response(
          new Uint8Array(
            svgToPng(convertMarkup(lang, standaloneSvg(id, lang, origin), { xml: true }), { scale: PRINT_SCALE }),
          ),
          { headers: { 'content-type': 'image/png' } },
        );
      case 'og.png':
        return new Response(new Uint8Array(svgToPng(convertMarkup(lang, ogSvg(id, lang), { xml: true }))), {
          headers: { 'content-type': 'image/png' },
        });
      case 'data.csv':
        return new Response(chartCsv(id, lang), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
      case 'data.json':
        return new Response(json(chartJson(id, lang, origin)), {
          headers: { 'content-type': 'application/json; charset=utf-8' },
        });
      case 'oembed.json':
        return new Response(json(oembed(id, lang, origin)), {
          headers: { 'content-type': 'application/json+oembed; charset=utf-8' },
        });
    }
  };
}
