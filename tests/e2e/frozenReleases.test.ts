// What a published release serves never changes: every file the build (dist/) wrote under a
// frozen release's /v/<version>/ is the one the release kept when it was made, with the build's
// origin put in; its PNGs are, byte for byte, those recorded then (for the origin they were drawn
// for); its embeds show the figure it kept. tests/unit/releaseFiles.test.ts holds the same
// against a change of chart code.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { listFiles, siteOrigin } from '../../src/checks/builtSite.ts';
import { EMBEDS_DIR, keptManifestOrThrow, keptText, PUBLISHED_DIR, withOrigin } from '../../src/dataset/kept.ts';
import { releaseFolders, releaseOrThrow } from '../../src/dataset/releases.ts';
import { pinnedEmbedFigure } from '../../src/outputs/releaseFiles.ts';
import { LANGS } from '../../src/site/editions.ts';
import { localePath, pinnedPath } from '../../src/site/paths.ts';
import { convertMarkup } from '../../src/site/script.ts';

const DIST = 'dist';
const origin = `${siteOrigin(DIST)}/`;
const versions = releaseFolders();

/** The built file of kept path `path` (`published/en/charts/…`) of release `version`. */
function builtPath(version: string, path: string): string {
  const rest = path.slice(PUBLISHED_DIR.length);
  const lang = LANGS.find((l) => l !== LANGS[0] && rest.startsWith(localePath(l, '/'))) ?? LANGS[0]!;
  return join(DIST, pinnedPath(version, lang, rest.slice(localePath(lang, '').length)));
}

test('every file built under a frozen release’s /v/<version>/ is the one it kept, at the build’s origin', () => {
  assert.ok(versions.length >= 2);
  for (const v of versions) {
    const kept = Object.keys(keptManifestOrThrow(v).files).filter((p) => p.startsWith(`${PUBLISHED_DIR}/`));
    const expected = new Set(kept.map((p) => builtPath(v, p)));
    for (const p of kept) {
      const built = builtPath(v, p);
      assert.ok(existsSync(built), `${built} was not built`);
      assert.equal(readFileSync(built, 'utf8'), withOrigin(keptText(v, p), origin), `${built} differs from ${p}`);
    }
    // Nothing else: no file the release did not keep (its pages, PNGs and compressed copies aside).
    const extra = LANGS.flatMap((l) =>
      listFiles(join(DIST, pinnedPath(v, l, '')))
        .map((f) => join(DIST, pinnedPath(v, l, `/${f}`)))
        .filter((f) => !/\.(html|png|br|gz)$/.test(f) && !expected.has(f)),
    );
    assert.deepEqual(extra, [], `${v}: built files it did not keep`);
  }
});

test('every PNG of a frozen release is, byte for byte, the one recorded when it was made', (t) => {
  for (const v of versions) {
    const png = keptManifestOrThrow(v).png;
    if (png.origin !== origin) {
      t.skip(`built for ${origin}; the PNGs were recorded for ${png.origin}`);
      return;
    }
    for (const [path, hash] of Object.entries(png.files)) {
      const built = builtPath(v, `${PUBLISHED_DIR}/${path}`);
      assert.equal(createHash('sha256').update(readFileSync(built)).digest('hex'), hash, built);
    }
  }
});

test('every pinned embed shows the figure its release kept', () => {
  for (const v of versions) {
    const embeds = Object.keys(keptManifestOrThrow(v).files).filter((p) => p.startsWith(`${EMBEDS_DIR}/`));
    assert.equal(embeds.length, LANGS.length * Object.keys(keptManifestOrThrow(v).charts).length);
    for (const lang of LANGS)
      for (const id of Object.keys(keptManifestOrThrow(v).charts)) {
        const html = readFileSync(join(DIST, pinnedPath(v, lang, `/embed/${id}/index.html`)), 'utf8');
        const fig = pinnedEmbedFigure(releaseOrThrow(v), id, lang);
        // A converting edition's page is converted as a whole, its figure with it.
        const shown = (s: string) => convertMarkup(lang, s);
        for (const svg of [fig.svg.full, fig.svg.wide, fig.svg.narrow].filter((s) => s !== undefined))
          assert.ok(html.includes(shown(svg)), `${v} ${lang} ${id}: a drawing it did not keep`);
        const textOf = (s: string) =>
          s
            .replace(/&#39;/g, "'")
            .replace(/&quot;/g, '"')
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&amp;/g, '&');
        assert.ok(textOf(html).includes(shown(fig.credit.rest)), `${v} ${lang} ${id}: the credit it kept`);
        assert.ok(
          textOf(html).includes(`<h1 class="embed-title">${shown(fig.title)}</h1>`),
          `${v} ${lang} ${id}: title`,
        );
      }
  }
});
