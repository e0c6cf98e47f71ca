// A build for a public host: with SITE_URL set, the build says which address it used and names it
// everywhere an absolute address is written (canonical and alternate links, embed codes, oEmbed,
// citations and their files, the PNG footer's SVG, sitemap, feeds, data package, CITATION.cff),
// and nowhere the local server's. A reserved host name stops the build before anything is written.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { listFiles } from '../../src/checks/builtSite.ts';
import { DEFAULT_PORT, localOrigin } from '../../src/site/origin.ts';

const OUT = '.build/site-url';
// Not the default origin in host or port, and not a reserved name the build would refuse.
const SITE = 'https://localhost:8443/';
after(() => rmSync(OUT, { recursive: true, force: true }));

test('a build with SITE_URL names that origin in every absolute address, and the local one nowhere', () => {
  const r = spawnSync(process.execPath, ['scripts/buildSite.ts', '--out', OUT], {
    env: { ...process.env, SITE_URL: SITE },
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr.slice(-2000));
  assert.match(
    r.stdout,
    new RegExp(`build: for ${SITE.replaceAll('.', '\\.')}`),
    'the build prints the address it used',
  );
  const local = localOrigin(DEFAULT_PORT).replace(/\/$/, '');
  const files = listFiles(OUT).filter((f) => /\.(html|svg|xml|json|csv|ris|cff|txt)$/.test(f));
  const stale = files.filter((f) => readFileSync(join(OUT, f), 'utf8').includes(local));
  assert.deepEqual(stale, [], `files naming ${local}`);
  const has = (file: string, what: string) =>
    assert.ok(readFileSync(join(OUT, file), 'utf8').includes(SITE), `${file} (${what}) does not name ${SITE}`);
  has('index.html', 'canonical');
  has('en/charts/unit-size/index.html', 'embed code and citation');
  has('en/charts/unit-size/oembed.json', 'oEmbed');
  has('en/charts/unit-size/chart.svg', 'the address drawn into the PNG footer');
  has('en/charts/unit-size/citation.ris', 'RIS');
  has('data/datapackage.json', 'data package');
  has('data/CITATION.cff', 'CITATION.cff');
  has('sitemap.xml', 'sitemap');
  has('en/rss.xml', 'feed');
  assert.ok(existsSync(join(OUT, 'pagefind/pagefind.js')), 'a whole build, search index included');
});

test('a reserved host name in SITE_URL stops the build, saying why, and writes nothing', () => {
  const out = `${OUT}-refused`;
  const r = spawnSync(process.execPath, ['scripts/buildSite.ts', '--out', out], {
    env: { ...process.env, SITE_URL: 'https://party-building-models.example' },
    encoding: 'utf8',
  });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /SITE_URL names party-building-models\.example, a reserved host name/);
  assert.ok(!existsSync(out) && !existsSync(`${out}.next`), 'nothing written');
});
