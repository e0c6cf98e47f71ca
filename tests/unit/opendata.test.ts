// CSV writing, citations, the changelog, the embed scripts' size and the PNG renderer's font.
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { test } from 'node:test';
import { Resvg } from '@resvg/resvg-js';
import { changelog } from '../../src/dataset/changelog.ts';
import { citationCff, citeChart, citeDataset } from '../../src/outputs/cite.ts';
import { BOM, parseCsv, toCsv } from '../../src/outputs/csv.ts';
import { standaloneSvg } from '../../src/outputs/chartExport.ts';
import { embedHeight } from '../../src/outputs/embed.ts';
import { FONT_FAMILY, FONT_FILES, svgToPng } from '../../src/outputs/png.ts';
import { datasetDate, datasetVersion } from '../../src/dataset/version.ts';

const SITE = new URL('https://example.org/');

test('CSV: CRLF, quoting of commas, quotes and line breaks, a BOM only when asked, and a parser that reads it back', () => {
  const rows = [
    ['a,b', 'say "hi"', 'two\nlines', 1.5, null],
    ['章丘', '', 'x', 0, true],
  ];
  const csv = toCsv(['c1', 'c2', 'c3', 'c4', 'c5'], rows, { bom: true });
  assert.ok(csv.startsWith(BOM));
  assert.ok(toCsv(['c1'], [['x']], { bom: false }).startsWith('c1\r\n'), 'no BOM unless asked');
  assert.ok(csv.endsWith('\r\n'));
  assert.match(csv, /"a,b","say ""hi""","two\nlines",1\.5,\r\n/);
  assert.deepEqual(parseCsv(csv), [
    ['c1', 'c2', 'c3', 'c4', 'c5'],
    ['a,b', 'say "hi"', 'two\nlines', '1.5', ''],
    ['章丘', '', 'x', '0', 'true'],
  ]);
  assert.throws(() => toCsv(['a', 'b'], [['only one']], { bom: false }), /1 fields/);
});

test('citations name the dataset version and date in text and BibTeX, in both languages', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const c of [citeChart('unit-size', lang, SITE), citeDataset(lang, SITE)]) {
      assert.ok(c.text.includes(datasetVersion()) && c.text.includes(datasetDate()), c.text);
      assert.ok(c.text.endsWith(c.permalink));
      assert.match(c.bibtex, new RegExp(`^@misc\\{pbm-[a-z-]+-${datasetVersion()},`));
      assert.ok(c.bibtex.includes(`version = {${datasetVersion()}}`));
      assert.equal(c.bibtex.split('{').length, c.bibtex.split('}').length, 'balanced braces');
    }
  }
  // The permanent URLs of the version: the chart pinned to it, and the version's page.
  assert.equal(
    citeChart('unit-size', 'en', SITE).permalink,
    `https://example.org/en/v/${datasetVersion()}/embed/unit-size/`,
  );
  assert.equal(citeDataset('zh', SITE).permalink, `https://example.org/releases/${datasetVersion()}/`);
});

test('the changelog starts with the current dataset version (add an entry when content/data changes)', () => {
  const [latest] = changelog();
  assert.equal(latest!.version, datasetVersion(), 'content/changelog.json needs an entry for the current data');
});

test('embed.js stays under 1 KB and the frame script is small', () => {
  assert.ok(statSync('public/embed.js').size < 1000, `embed.js is ${statSync('public/embed.js').size} bytes`);
  assert.ok(statSync('public/embed-frame.js').size < 1000, 'the embed page ships under 1 KB of JavaScript');
  // Both must run as classic scripts in a sandboxed frame or any host page: no modules, no eval.
  for (const f of ['public/embed.js', 'public/embed-frame.js'])
    assert.doesNotMatch(readFileSync(f, 'utf8'), /\b(import|export|eval)\b|new Function/);
});

test('default embed heights grow with narrower frames and with taller charts', () => {
  assert.ok(embedHeight('unit-size', 'zh', 320) > 0);
  assert.ok(
    embedHeight('services-output', 'zh', 640) > embedHeight('timeline', 'zh', 640),
    'the services chart (many rows) is taller than the timeline',
  );
  // Locator maps are landscape and low (issue 28): no taller than a dot chart.
  assert.ok(embedHeight('map-jinan', 'zh', 640) < embedHeight('unit-size', 'zh', 640), 'the Jinan map is low');
  assert.ok(embedHeight('collective-economy', 'en', 560) > embedHeight('collective-economy', 'en', 960) - 200);
});

// Ink = pixels darker than the background in a rendered image (RGBA).
function ink(pixels: Buffer): number {
  let n = 0;
  for (let i = 0; i < pixels.length; i += 4) if (pixels[i + 3]! > 0 && pixels[i]! < 128) n++;
  return n;
}
function renderText(text: string, fonts: boolean): Buffer {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="200" height="60" fill="#fff"/><text x="10" y="42" font-size="32" font-family="${FONT_FAMILY}">${text}</text></svg>`;
  return new Resvg(svg, {
    font: fonts
      ? { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY }
      : { fontFiles: [], loadSystemFonts: false },
  }).render().pixels;
}

test('Chinese glyphs render with the npm font, not as tofu boxes or nothing', () => {
  const a = renderText('党建工作', true),
    b = renderText('融合发展', true);
  assert.ok(ink(a) > 400 && ink(b) > 400, `ink ${ink(a)}, ${ink(b)}`);
  // Tofu draws the same box for every missing glyph: different characters must give different pixels.
  let differ = 0;
  for (let i = 0; i < a.length; i += 4) if (a[i]! < 128 !== b[i]! < 128) differ++;
  assert.ok(differ > 300, `only ${differ} pixels differ between two different Chinese strings`);
  assert.equal(ink(renderText('党建工作', false)), 0, 'without a font resvg draws no text: the comparison can fail');
});

test('a Chinese chart PNG has its title drawn; without the font the title area is empty', () => {
  const svg = standaloneSvg('village-counts', 'zh', SITE);
  const title = (fonts: boolean) => {
    const img = new Resvg(svg, {
      font: fonts
        ? { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY }
        : { fontFiles: [], loadSystemFonts: false },
    }).render();
    // The title band: y 24–52, the whole width (standaloneSvg draws the title there).
    return ink(img.pixels.subarray(24 * img.width * 4, 52 * img.width * 4));
  };
  const withFont = title(true),
    without = title(false);
  assert.ok(withFont > 1000, `title ink with the font: ${withFont}`);
  assert.equal(without, 0);
  // Deterministic: the same SVG gives the same bytes twice.
  assert.deepEqual(svgToPng(svg, { scale: 2, cache: false }), svgToPng(svg, { scale: 2, cache: false }));
});

test('CITATION.cff names the current dataset version, its date and the licence', () => {
  const cff = citationCff(new URL('https://example.org/'));
  // Every line is a comment, a key: value, a list item or blank (the YAML subset CFF tools read).
  for (const line of cff.split('\n')) assert.match(line, /^(?:#.*|[a-z-]+:(?: .+)?| {2}- (?:name: )?".*"|)$/, line);
  assert.ok(cff.includes(`url: "https://example.org/en/releases/${datasetVersion()}/"`), cff);
  assert.ok(cff.includes(`repository-artifact: "https://example.org/v/${datasetVersion()}/data/datapackage.json"`));
  assert.match(cff, /^cff-version: 1\.2\.0$/m);
  assert.match(cff, new RegExp(`^version: ${datasetVersion()}$`, 'm'), 'update CITATION.cff with the dataset version');
  assert.match(cff, new RegExp(`^date-released: ${datasetDate()}$`, 'm'));
  assert.match(cff, /^license: CC-BY-4\.0$/m);
});
