// What a frozen release publishes never changes: its files are kept when it is made and served as
// kept (the origin put in), its PNGs are drawn from the kept SVG and hold the hashes recorded then,
// and its embeds show the figure it kept, whatever today's chart code draws. The built site is
// checked against the same kept files in tests/e2e/frozenReleases.test.ts.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { chartOrThrow } from '../../src/charts/chrome.ts';
import {
  addKept,
  KEPT_ORIGIN,
  keptManifestOrThrow,
  keptProblems,
  keptText,
  withOrigin,
  writeKept,
} from '../../src/dataset/kept.ts';
import { releaseFolders, releaseOrThrow } from '../../src/dataset/releases.ts';
import { chartJson, standaloneSvg } from '../../src/outputs/chartExport.ts';
import { embedFigure, keptFigurePath } from '../../src/outputs/embed.ts';
import { pinnedChartRoute, pinnedDataRoute } from '../../src/outputs/releaseDownloads.ts';
import { keptEditions, keptPath, pinnedEmbedFigure } from '../../src/outputs/releaseFiles.ts';
import { LANGS, type Lang } from '../../src/site/editions.ts';
import { PUBLISHED_AS_IS } from '../../src/site/script.ts';
import { tempDir } from '../lib/tempDir.ts';

const OLD = 'data-b17ebb822c';
const SITE = new URL('https://data.newsroom.cn/');
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

/** What the pinned route of chart `id`'s `file` in release `version` and edition `lang` serves at `site`. */
async function served(
  file: 'chart.svg' | 'chart.png' | 'data.csv' | 'data.json',
  version: string,
  lang: Lang,
  id: string,
  site = SITE,
) {
  const res = await pinnedChartRoute(file)({ params: { version, id }, props: { lang }, site } as never);
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}
const text = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

test('every frozen release keeps what it publishes, unedited, and nothing its manifest does not list', () => {
  const versions = releaseFolders();
  assert.ok(versions.length >= 2, versions.join(', '));
  assert.deepEqual(keptProblems(versions), []);
  for (const v of versions) {
    const m = keptManifestOrThrow(v);
    assert.ok(Object.keys(m.charts).length >= 10, `${v}: ${Object.keys(m.charts).length} charts`);
    // Three editions' chart files and PNGs, the dataset's files once, an embed figure per chart and edition.
    assert.equal(Object.keys(m.png.files).length, 3 * Object.keys(m.charts).length, `${v}: PNG hashes`);
    assert.ok(m.files[keptPath('zh-Hant', `/charts/${Object.keys(m.charts)[0]}/data.csv`)], `${v}: Traditional files`);
    assert.ok(m.files[keptPath('zh', '/data/datapackage.json')], `${v}: its data package`);
    assert.deepEqual(
      keptEditions(m),
      [...LANGS],
      `${v}: an edition added since is kept by scripts/writeReleaseFiles.ts`,
    );
  }
});

test("changing a chart's code changes the latest chart's files, never a frozen release's", async (t) => {
  const def = chartOrThrow('unit-size');
  const title = def.title.en;
  const before = standaloneSvg('unit-size', 'en', SITE, releaseOrThrow(OLD));
  // The chart as its code now says, a change any edit of a chart file could make.
  def.title.en = `${title} (redrawn)`;
  t.after(() => {
    def.title.en = title;
  });
  const now = standaloneSvg('unit-size', 'en', SITE, releaseOrThrow(OLD));
  assert.notEqual(now, before, 'the change shows in a chart drawn now');
  assert.ok(now.includes('(redrawn)'));
  const keptSvg = keptText(OLD, keptPath('en', '/charts/unit-size/chart.svg'));
  const svg = text((await served('chart.svg', OLD, 'en', 'unit-size')).bytes);
  assert.ok(svg === withOrigin(keptSvg, SITE), 'the pinned chart.svg is the one kept, not one drawn now');
  assert.ok(!keptSvg.includes('(redrawn)'));
  assert.equal(keptSvg, before.replaceAll(SITE.href, KEPT_ORIGIN), 'kept as it was drawn before the change');
  const json = text((await served('data.json', OLD, 'en', 'unit-size')).bytes);
  assert.equal(JSON.parse(json).chart.title, title, 'data.json keeps the title the release published');
  const drawnNow = chartJson('unit-size', 'en', SITE, releaseOrThrow(OLD), true).chart as { title: string };
  assert.equal(drawnNow.title, `${title} (redrawn)`);
  assert.equal(
    text((await served('data.csv', OLD, 'en', 'unit-size')).bytes),
    keptText(OLD, keptPath('en', '/charts/unit-size/data.csv')),
  );
  // The embed shows its kept figure; one drawn now would carry the new title.
  assert.equal(pinnedEmbedFigure(releaseOrThrow(OLD), 'unit-size', 'en').title, title);
  assert.equal(embedFigure('unit-size', 'en', releaseOrThrow(OLD)).title, `${title} (redrawn)`);
  assert.deepEqual(
    pinnedEmbedFigure(releaseOrThrow(OLD), 'unit-size', 'en'),
    JSON.parse(keptText(OLD, keptFigurePath('unit-size', 'en'))),
  );
});

test('a pinned PNG is drawn from the kept SVG and is, byte for byte, the one recorded when the release was made', async (t) => {
  const def = chartOrThrow('timeline');
  const title = def.title.zh;
  def.title.zh = `${title}（改）`;
  t.after(() => {
    def.title.zh = title;
  });
  for (const version of releaseFolders().slice(0, 2)) {
    const m = keptManifestOrThrow(version);
    for (const [lang, path] of [
      ['zh', 'charts/timeline/chart.png'],
      ['zh-Hant', 'zh-hant/charts/timeline/chart.png'],
    ] as const) {
      const { res, bytes } = await served('chart.png', version, lang, 'timeline', new URL(m.png.origin));
      assert.equal(res.headers.get('content-type'), 'image/png');
      assert.equal(
        sha256(bytes),
        m.png.files[path],
        `${version} ${path}: fonts or renderer changed since the release was made, or its SVG did`,
      );
    }
  }
});

test('a Traditional file is served as kept, converted once when the release was made', async () => {
  const { res, bytes } = await served('data.csv', OLD, 'zh-Hant', 'unit-size');
  assert.equal(res.headers.get(PUBLISHED_AS_IS), '1', 'the middleware must not convert it again');
  assert.equal(text(bytes), keptText(OLD, keptPath('zh-Hant', '/charts/unit-size/data.csv')));
  assert.ok(text(bytes).startsWith('\uFEFF'), 'with the byte-order mark a spreadsheet reads it by');
  const pkg = await pinnedDataRoute(() => 'datapackage.json')({ params: { version: OLD }, site: SITE } as never);
  const body = await pkg.text();
  assert.ok(body.includes(`${SITE.href}releases/${OLD}/`), 'the build origin put in');
  assert.ok(!body.includes('origin.invalid'));
});

test('kept files: written once, checked by hash, and never writing the origin other than whole', () => {
  const dir = tempDir('kept-');
  const png = { origin: 'http://127.0.0.1:4321/', files: {} };
  const files = [
    { path: 'published/charts/x/chart.svg', body: `<svg><a href="${KEPT_ORIGIN}charts/x/"/></svg>` },
    { path: 'embeds/x.json', body: '{}\n' },
  ];
  const m = writeKept('data-0000000000', files, { x: sha256('x') }, png, dir);
  assert.equal(m.files['embeds/x.json'], sha256('{}\n'));
  assert.deepEqual(keptProblems(['data-0000000000'], dir), []);
  assert.throws(() => writeKept('data-0000000000', files, {}, png, dir), /never rewritten/);
  const svg = join(dir, 'data-0000000000', 'published/charts/x/chart.svg');
  writeFileSync(svg, readFileSync(svg, 'utf8').replace('x/', 'y/'));
  writeFileSync(join(dir, 'data-0000000000', 'published/extra.csv'), 'a\r\n');
  assert.deepEqual(keptProblems(['data-0000000000'], dir), [
    `${svg}: edited after release; a release's kept files are never edited (restore it with git checkout)`,
    `${join(dir, 'data-0000000000', 'published/extra.csv')}: not in ${join(dir, 'data-0000000000', 'published.json')}`,
  ]);
  assert.match(keptProblems(['data-1111111111'], dir)[0]!, /keeps no published files .*writeReleaseFiles/);
  // An edition added later is kept beside the rest; nothing kept is written again.
  const added = addKept(
    'data-0000000000',
    [{ path: 'published/xx/charts/x/data.csv', body: 'a\r\n' }],
    {
      'xx/charts/x/chart.png': sha256('png'),
    },
    dir,
  );
  assert.equal(added.files['published/charts/x/chart.svg'], m.files['published/charts/x/chart.svg']);
  assert.equal(added.files['published/xx/charts/x/data.csv'], sha256('a\r\n'));
  assert.throws(() => addKept('data-0000000000', [files[1]!], {}, dir), /kept already/);
  // A file naming the placeholder host alone could not be given the build's origin.
  assert.throws(
    () => writeKept('data-2222222222', [{ path: 'published/a.cff', body: 'url: origin.invalid\n' }], {}, png, dir),
    /other than as https:\/\/origin\.invalid\//,
  );
  assert.equal(withOrigin(`${KEPT_ORIGIN}v/`, SITE), 'https://data.newsroom.cn/v/');
});
