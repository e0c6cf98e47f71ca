// Zero broken internal references across the built files (see src/checks/links.ts for what counts).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { releases } from '../../src/dataset/releases.ts';
import { checkLinks, summary } from '../../src/checks/links.ts';
import { htmlPages } from '../../src/checks/builtSite.ts';
import { sitePaths } from '../../src/outputs/routes.ts';

test('every internal link, anchor, image, download, feed, alternate and sitemap entry resolves in dist/', () => {
  const r = checkLinks('dist');
  console.log(`links: ${summary(r)}`);
  assert.deepEqual(
    r.broken.map((b) => `${b.from} → ${b.url}: ${b.reason}`),
    [],
  );
  // A checker that found nothing to check would pass vacuously.
  assert.ok(r.files.html >= sitePaths().length * 2, `only ${r.files.html} HTML files`);
  assert.ok(
    r.checked.page > 0 && r.checked.anchor > 0 && r.checked.alternate > 0 && r.checked.sitemap > 0,
    JSON.stringify(r.checked),
  );
});

test('no page links outside the site (external URLs are not fetched, so they must be deliberate)', () => {
  // The site names no third-party URL today; if one becomes necessary, list it here with why.
  // The dataset's licence, named on the open-data page.
  const allowed: string[] = ['https://creativecommons.org/licenses/by/4.0/'];
  const r = checkLinks('dist');
  assert.deepEqual(
    r.external.filter((e) => !allowed.includes(e.url)),
    [],
  );
});

test('every page in sitePaths() is built in both languages, and nothing else is an orphan', () => {
  const built = new Set(htmlPages('dist'));
  const expected = sitePaths().flatMap((p) => [p, `/en${p}`]);
  assert.deepEqual(
    expected.filter((p) => !built.has(p)),
    [],
  );
  // Static hosts serve a folder's 404.html for unknown paths; Astro would write /en/404/ instead.
  assert.ok(built.has('/404.html') && built.has('/en/404.html'), 'a 404.html is missing');
  assert.ok(!built.has('/en/404/'), '/en/404/ should have been moved to /en/404.html');
});

test("every pinned file of every release is linked from its version's page (a data point's from its own page), so the checks above reach it", () => {
  const files = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(dir, e.name)) : /\.(br|gz)$/.test(e.name) ? [] : [join(dir, e.name)],
    );
  const all = releases();
  assert.ok(all.length >= 2, 'the site has at least two frozen releases');
  for (const r of all)
    for (const prefix of ['', '/en']) {
      const page = readFileSync(`dist${prefix}/releases/${r.version}/index.html`, 'utf8');
      const links = new Set([...page.matchAll(/href="([^"#?]+)"/g)].map((m) => m[1]!));
      const pinned = files(`dist${prefix}/v/${r.version}`)
        .map((f) => f.slice('dist'.length).replace(/index\.html$/, ''))
        // The dataset downloads exist once, at the root; the English page links those too.
        .filter((p) => prefix === '' || p.startsWith('/en/'));
      // A data point's pinned files are linked from its page's table of versions (where it still has a page).
      const linkedFrom = (p: string) => {
        const id = /\/data\/points\/([^/]+)\.(json|csv)$/.exec(p)?.[1];
        const point = id && `dist${prefix}/data/${id}/index.html`;
        return point && existsSync(point) ? readFileSync(point, 'utf8').includes(`href="${p}"`) : false;
      };
      const unlinked = pinned.filter((p) => !links.has(p) && !linkedFrom(p));
      assert.deepEqual(unlinked, [], `${prefix}/releases/${r.version}/ links every pinned file`);
      assert.ok(pinned.length > 50, `${pinned.length} pinned files`);
    }
});
