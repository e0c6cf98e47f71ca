// Colour contrast of the site in both schemes, computed as WCAG 2 defines it: page text at 4.5:1
// or more against the page and its panels; every chart colour (district marks, context grey)
// at 3:1 or more against the backgrounds it is drawn on; and the CSS that swaps in the dark
// palette says what palette.ts says.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { BACKGROUNDS, CONTEXT_COLOUR, DARK_PALETTE, PALETTE } from '../../src/charts/palette.ts';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const v = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const css = readFileSync('src/styles/global.css', 'utf8');
const svgCss = readFileSync('src/styles/chartSvg.css', 'utf8');
/** The custom properties of global.css's first `:root` block (light) and of its dark-scheme `:root`. */
function schemeVars(): { light: Record<string, string>; dark: Record<string, string> } {
  const block = (re: RegExp) => {
    const m = css.match(re);
    assert.ok(m, `no block ${re} in global.css`);
    return Object.fromEntries([...m[1]!.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6});/g)].map((x) => [x[1]!, x[2]!]));
  };
  return {
    light: block(/^:root \{([^}]*)\}/m),
    dark: block(/@media \(prefers-color-scheme: dark\) \{\s*:root \{([^}]*)\}/),
  };
}

test('contrast is computed as WCAG defines it', () => {
  assert.equal(contrast('#000000', '#ffffff').toFixed(0), '21');
  assert.equal(contrast('#777777', '#ffffff').toFixed(2), '4.48');
  assert.equal(contrast('#0072b2', '#16171a').toFixed(2), '3.46');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`${scheme} scheme: page text is 4.5:1 or more against the page and its panels`, () => {
    const v = schemeVars()[scheme];
    assert.deepEqual([v.bg, v.panel], [...BACKGROUNDS[scheme]], 'palette.ts BACKGROUNDS and global.css disagree');
    const low: string[] = [];
    for (const text of ['fg', 'muted', 'link', 'accent'])
      for (const ground of ['bg', 'panel']) {
        const r = contrast(v[text]!, v[ground]!);
        if (r < 4.5) low.push(`--${text} ${v[text]} on --${ground} ${v[ground]}: ${r.toFixed(2)}:1`);
      }
    assert.deepEqual(low, []);
  });

  test(`${scheme} scheme: every chart colour is 3:1 or more against the page and its panels`, () => {
    const colours = [...(scheme === 'light' ? PALETTE : DARK_PALETTE), ...(scheme === 'dark' ? [CONTEXT_COLOUR] : [])];
    const low: string[] = [];
    for (const c of colours)
      for (const ground of BACKGROUNDS[scheme]) {
        const r = contrast(c, ground);
        if (r < 3) low.push(`${c} on ${ground}: ${r.toFixed(2)}:1`);
      }
    assert.deepEqual(low, []);
  });
}

test('the dark scheme swaps each light chart colour for its dark one, in the SVG and in the district classes', () => {
  assert.equal(DARK_PALETTE.length, PALETTE.length);
  PALETTE.forEach((light, i) => {
    const dark = DARK_PALETTE[i]!;
    for (const attr of ['fill', 'stroke'])
      assert.match(
        svgCss,
        new RegExp(`\\.plot-chart \\[${attr}="${light}"\\] \\{\\s*${attr}: ${dark};`),
        `chartSvg.css does not turn ${attr} ${light} into ${dark}`,
      );
  });
  const dark = css.match(/@media \(prefers-color-scheme: dark\) \{((?:\s*\.d-\d+ \{[^}]*\})+)\s*\}/);
  assert.ok(dark, 'global.css has no dark-scheme block of district classes');
  const classes = [...dark[1]!.matchAll(/\.d-(\d+) \{\s*--c: (#[0-9a-f]{6});/g)].map((m) => [Number(m[1]), m[2]]);
  assert.deepEqual(
    classes,
    DARK_PALETTE.map((c, i) => [i + 1, c]),
  );
});
