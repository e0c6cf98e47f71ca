// The self-hosted faces: the files the CSS names exist and weigh at most 40 KB together; the PNG
// renderer has the same faces as TrueType; and the English interface and prose use no Latin
// character the subsets lack (it would fall back to another face mid-word), headings none the
// heading face lacks.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { HEADING, TEXT } from '../../scripts/lib/fontSubsets.ts';
import { en } from '../../src/i18n/strings.ts';
import { FONT_FILES } from '../../src/outputs/png.ts';

const css = readFileSync('src/styles/global.css', 'utf8');
const fontUrls = [...new Set([...css.matchAll(/url\("(\/fonts\/[^"]+)"\)/g)].map((m) => m[1]!))];
/** Latin-script characters (below the CJK blocks) of `text` missing from `set`. */
const missing = (text: string, set: string) =>
  [...new Set(text)].filter((c) => c.codePointAt(0)! >= 0x20 && c.codePointAt(0)! < 0x2e80 && !set.includes(c));
const mdx = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
const prose = [...mdx('content/case-studies/en'), ...mdx('content/pages/en')];

test('the faces global.css names are in public/, 40 KB or less together, and the PNG renderer has them as TrueType', () => {
  assert.ok(fontUrls.length >= 3, `global.css names ${fontUrls.length} font files`);
  const bytes = fontUrls.map((u) => {
    assert.ok(existsSync(join('public', u)), `public${u} is missing: run node scripts/writeFonts.ts`);
    return statSync(join('public', u)).size;
  });
  const total = bytes.reduce((a, b) => a + b, 0);
  assert.ok(total <= 40 * 1024, `the site's fonts weigh ${total} B`);
  for (const f of FONT_FILES) assert.ok(existsSync(f), `${f} (PNG renderer) is missing`);
  assert.ok(FONT_FILES.some((f) => f.includes('source-sans-3')));
});

test('the English interface and prose use only Latin characters the text face has', () => {
  assert.deepEqual(missing(Object.values(en).join(''), TEXT), [], 'in src/i18n/strings.ts (en)');
  // Prose without its markup: the tags and their attributes are not set in type.
  const text = prose.map((p) => p.replace(/<[^>]*>/g, '').replace(/\{[^}]*\}/g, '')).join('');
  assert.deepEqual(missing(text, TEXT), [], 'in the English MDX');
});

test('English headings use only characters the heading face has', () => {
  const headings = prose.flatMap((p) => [...p.matchAll(/^(?:#{1,3} |title: )(.*)$/gm)].map((m) => m[1]!));
  assert.ok(headings.length > 10, `${headings.length} headings found`);
  assert.deepEqual(missing(headings.join(''), HEADING), []);
});

test('the check finds a character the subset lacks', () => {
  assert.deepEqual(missing('Zhāngqiū 章丘 → fine', TEXT), ['ā', 'ū']);
});
