/**
 * Writes public/fonts/*.woff2 (the faces pages load) and src/outputs/fonts/*.ttf (the same faces
 * for the PNG renderer, which cannot read WOFF2): Source Sans 3 (text, regular and bold) and
 * Source Serif 4 (headings, semibold), the Latin companions of Source Han Sans and Serif (Noto
 * Sans/Serif CJK), subset with HarfBuzz (subset-font) from the npm packages @fontsource/source-sans-3
 * and @fontsource/source-serif-4 to the characters the site sets in Latin. Deterministic.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import subsetFont from 'subset-font';
import { HEADING, TEXT } from './lib/fontSubsets.ts';

const { values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(`Usage: node scripts/writeFonts.ts

Subsets the site's Latin faces from their npm packages and writes public/fonts/*.woff2 (pages)
and src/outputs/fonts/*.ttf (PNG downloads). Run after upgrading @fontsource/source-sans-3 or
@fontsource/source-serif-4, or after changing the character sets (scripts/lib/fontSubsets.ts); commit what it writes.`);
  process.exit(0);
}

/** The faces: output stem → the Fontsource file it is cut from and the characters it keeps. */
const FACES: Record<string, [string, string]> = {
  'source-sans-3-400': ['@fontsource/source-sans-3/files/source-sans-3-latin-400-normal.woff2', TEXT],
  'source-sans-3-700': ['@fontsource/source-sans-3/files/source-sans-3-latin-700-normal.woff2', TEXT],
  'source-serif-4-600': ['@fontsource/source-serif-4/files/source-serif-4-latin-600-normal.woff2', HEADING],
};
/** OpenType features the site uses (tabular figures in tables and charts) besides the defaults text needs. */
const FEATURES = ['kern', 'liga', 'calt', 'ccmp', 'locl', 'mark', 'mkmk', 'tnum', 'pnum', 'lnum'];

const WEB = 'public/fonts';
const PNG = 'src/outputs/fonts';
mkdirSync(WEB, { recursive: true });
mkdirSync(PNG, { recursive: true });
for (const [stem, [file, characters]] of Object.entries(FACES)) {
  const source = readFileSync(join('node_modules', file));
  const woff2 = await subsetFont(source, characters, { keepFeatures: FEATURES, targetFormat: 'woff2' });
  const ttf = await subsetFont(source, characters, { keepFeatures: FEATURES, targetFormat: 'truetype' });
  writeFileSync(join(WEB, `${stem}.woff2`), woff2);
  writeFileSync(join(PNG, `${stem}.ttf`), ttf);
  console.log(`${stem}: ${source.length} B → ${woff2.length} B woff2, ${ttf.length} B ttf`);
}
