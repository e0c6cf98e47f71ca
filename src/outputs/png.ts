/**
 * SVG → PNG on the build machine with resvg and the faces the pages draw charts with: Source Sans 3
 * for Latin and figures (the site's own subset, src/outputs/fonts/, written by scripts/writeFonts.ts
 * as TrueType, which resvg reads and WOFF2 it does not) and Noto Sans Hans from npm
 * (`@embedpdf/fonts-sc`) for Chinese, never the system's fonts, so every machine draws the same
 * pixels. The SVG names them in that order (CHART_FONT in src/charts/marks.ts); resvg falls back
 * from one to the next per character. Rendering loads two 8 MB fonts and takes about half a
 * second, so results are cached by a hash of everything that shapes the output (the SVG's bytes,
 * scale, the font files' bytes, resvg's version) in `.build/cache/png/`, which a clean build keeps
 * (`PNG_CACHE_DIR` moves it): a frozen release's PNGs are drawn from its kept SVG
 * (src/dataset/kept.ts), so once drawn they are read back on every build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const FONT_DIR = 'node_modules/@embedpdf/fonts-sc/fonts';
/** The font files the renderer loads: Source Sans 3 and Noto Sans Hans, each regular (text) and bold (titles). */
export const FONT_FILES = [
  'src/outputs/fonts/source-sans-3-400.ttf',
  'src/outputs/fonts/source-sans-3-700.ttf',
  join(FONT_DIR, 'NotoSansHans-Regular.otf'),
  join(FONT_DIR, 'NotoSansHans-Bold.otf'),
];
/** The font family name inside those files. */
export const FONT_FAMILY = 'Noto Sans Hans';
const CACHE_DIR = process.env.PNG_CACHE_DIR ?? '.build/cache/png';

let resvgVersion: string | undefined;
function rendererVersion(): string {
  resvgVersion ??= (createRequire(import.meta.url)('@resvg/resvg-js/package.json') as { version: string }).version;
  return resvgVersion;
}

let fontsHash: string | undefined;
// The fonts by their bytes, not their names: an updated font package redraws every PNG.
function fontsDigest(): string {
  if (!fontsHash) {
    const h = createHash('sha256');
    for (const f of FONT_FILES) h.update(readFileSync(f));
    fontsHash = h.digest('hex');
  }
  return fontsHash;
}

/** Options: `scale` multiplies the SVG's size (2 for a 2x PNG); `fonts: false` renders with no font at all (tests). */
export interface PngOptions {
  scale?: number;
  fonts?: boolean;
  cache?: boolean;
}

/** The PNG bytes of `svg` at `scale`; deterministic for the same inputs. */
export function svgToPng(svg: string, { scale = 1, fonts = true, cache = true }: PngOptions = {}): Buffer {
  const key = createHash('sha256')
    .update(svg)
    .update(`|${scale}|${fonts ? fontsDigest() : 'none'}|${rendererVersion()}`)
    .digest('hex');
  const file = join(CACHE_DIR, `${key}.png`);
  if (cache && existsSync(file)) return readFileSync(file);
  const png = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: fonts
      ? { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY }
      : { fontFiles: [], loadSystemFonts: false },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 0,
  })
    .render()
    .asPng();
  if (cache) {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Write then rename: two build workers may render the same chart at once.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, png);
    renameSync(tmp, file);
  }
  return png;
}
