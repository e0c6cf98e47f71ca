// Citation files and tags as reference managers read them: every kind of work the site cites,
// written as RIS and CSL-JSON, read back by citation-js (a parser the site does not use to write
// them) to the same title, date, version and URL; Highwire tags and COinS; and the build's origin.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import { getDataset } from '../../src/dataset/dataset.ts';
import { currentRelease } from '../../src/dataset/releases.ts';
import {
  bylineAuthors,
  citeCaseStudy,
  citeChart,
  citeDataPoint,
  citeDataset,
  sourceWork,
} from '../../src/outputs/cite.ts';
import { coins, cslJson, highwireTags, ris, type Work } from '../../src/outputs/citationFormats.ts';
import { LANGS } from '../../src/site/editions.ts';
import { DEFAULT_PORT, buildOrigin } from '../../src/site/origin.ts';

const SITE = new URL('https://data.newsroom.cn/');

/** Every kind of work in `lang`, with a label for messages. */
function works(lang: (typeof LANGS)[number]): [string, Work][] {
  const data = getDataset();
  const o = data.observations[0]!;
  return [
    ['chart', citeChart('unit-size', lang, SITE).work],
    ['dataset', citeDataset(lang, SITE).work],
    ['pinned dataset', citeDataset(lang, SITE, currentRelease(), true).work],
    [
      'case study',
      citeCaseStudy({ district: 'fushan', title: '福山：融合发展区', updated: '2026-11-30' }, lang, SITE).work,
    ],
    ['data point', citeDataPoint(o.id, lang, SITE).work],
    ...data.sources.map((s): [string, Work] => [
      `source ${s.id}`,
      sourceWork(s.id, lang, SITE, { printedTitle: true }),
    ]),
  ];
}

const parts = (iso: string) => iso.split('-').map(Number);

test('RIS and CSL-JSON read back (citation-js) to the same title, authors, date, version and URL, for every kind of work', () => {
  for (const lang of LANGS)
    for (const [what, w] of works(lang)) {
      for (const [format, text] of [
        ['RIS', ris(w)],
        ['CSL-JSON', cslJson(w)],
      ] as const) {
        const items = new Cite(text).data;
        const label = `${lang} ${what} ${format}`;
        assert.equal(items.length, 1, label);
        const item = items[0]!;
        assert.equal(item.title, w.title, `${label}: title`);
        // citation-js reads a RIS news report (NEWS) by its year (PY) and no authors, though the
        // record has DA and AU as the RIS specification and Zotero read them: checked by tag below.
        const news = format === 'RIS' && w.type === 'article-newspaper';
        if (news) assert.equal(item.issued['date-parts'][0]![0], parts(w.issued)[0], `${label}: year`);
        else assert.deepEqual(item.issued['date-parts'][0], parts(w.issued), `${label}: date`);
        assert.equal(item.URL, w.URL, `${label}: URL`);
        // RIS has a version field (ET) only for datasets and figures; the others carry it in the note.
        if (w.version && (format === 'CSL-JSON' || w.type === 'dataset' || w.type === 'figure'))
          assert.equal(item.version, w.version, `${label}: version`);
        if (!news)
          assert.deepEqual(
            (item.author ?? []).map((a: { literal?: string; family?: string }) => a.literal ?? a.family),
            w.authors,
            `${label}: authors`,
          );
      }
      const tags = [...ris(w).matchAll(/^([A-Z][A-Z0-9]) {2}- (.*)\r$/gm)].map((m) => [m[1], m[2]]);
      assert.deepEqual(
        tags.filter(([k]) => k === 'AU').map(([, v]) => v),
        w.authors,
        `${lang} ${what}: AU`,
      );
      assert.equal(
        tags
          .find(([k]) => k === 'DA')?.[1]
          ?.split('/')
          .slice(0, 3)
          .filter(Boolean)
          .map(Number)
          .join('-'),
        parts(w.issued).join('-'),
        `${lang} ${what}: DA`,
      );
      assert.ok(
        ris(w).endsWith('ER  - \r\n') && !/\n(?!ER|[A-Z][A-Z0-9] {2}- )/.test(ris(w).replaceAll('\r\n', '\n').trim()),
        `${lang} ${what}: one tag per line`,
      );
    }
  // The site's own works all name the dataset version, in a field or in the note.
  for (const lang of LANGS)
    for (const [what, w] of works(lang).filter(([k]) => !k.startsWith('source')))
      assert.ok(w.version === currentRelease().version, `${lang} ${what} is pinned to the dataset version`);
});

test('a source is cited as the report it is: its outlet, the people its byline names, its date marked approximate where inferred', () => {
  assert.deepEqual(bylineAuthors('支倩倩、刘家祯；通讯员 孟凡庚'), ['支倩倩', '刘家祯', '孟凡庚']);
  assert.deepEqual(bylineAuthors('记者 支倩倩 通讯员 孟凡庚'), ['支倩倩', '孟凡庚']);
  assert.deepEqual(bylineAuthors('中共烟台市福山区委组织部'), ['中共烟台市福山区委组织部']);
  assert.deepEqual(bylineAuthors(null), []);
  for (const s of getDataset().sources) {
    const w = sourceWork(s.id, 'zh', SITE, { printedTitle: true });
    assert.equal(w.title, s.title);
    // On a page (COinS) the report is named in the site's words, never by its printed headline.
    for (const lang of LANGS) assert.ok(!sourceWork(s.id, lang, SITE).title.includes(s.title), `${lang} ${s.id}`);
    assert.equal(w.issued, s.date);
    assert.equal(Boolean(w.approximate), s.dateInferred);
    assert.equal(w.container, s.outlet?.zh);
    if (s.dateInferred) assert.match(ris(w), /^DA {2}- [\d/]+\/circa\r$/m, s.id);
  }
});

test('Highwire tags and COinS carry what Zotero needs: title, author, date, URL, language (and the version where there is one)', () => {
  for (const [what, w] of works('en')) {
    const tags = new Map<string, string[]>();
    for (const [k, v] of highwireTags(w)) tags.set(k, [...(tags.get(k) ?? []), v]);
    for (const k of ['citation_title', 'citation_publication_date', 'citation_language', 'citation_public_url'])
      assert.ok(tags.get(k)?.[0], `${what}: ${k}`);
    assert.equal(tags.get('citation_publication_date')![0], w.issued.replaceAll('-', '/'));
    assert.deepEqual(tags.get('citation_author') ?? [], w.authors, what);
    if (w.version) assert.deepEqual(tags.get('citation_version'), [w.version], what);
    const kev = new URLSearchParams(coins(w));
    assert.equal(kev.get('ctx_ver'), 'Z39.88-2004');
    assert.equal(kev.get('rft.atitle') ?? kev.get('rft.title'), w.title, what);
    assert.equal(kev.get('rft_id'), w.URL);
    assert.equal(kev.get('rft.date'), w.issued);
    assert.equal(kev.get('rft.language'), w.language);
  }
});

test('a build is made for the local server unless SITE_URL names a real host; reserved and made-up names are refused', () => {
  assert.equal(buildOrigin({}), `http://127.0.0.1:${DEFAULT_PORT}/`);
  assert.equal(buildOrigin({ PORT: '8080' }), 'http://127.0.0.1:8080/');
  assert.equal(buildOrigin({ SITE_URL: 'https://data.newsroom.cn' }), 'https://data.newsroom.cn/');
  assert.equal(buildOrigin({ SITE_URL: ' ', PORT: '' }), `http://127.0.0.1:${DEFAULT_PORT}/`);
  for (const bad of [
    'https://party-building-models.example',
    'https://www.example.com/',
    'http://site.test/',
    'https://x.invalid',
    'https://EXAMPLE.ORG',
    'ftp://data.newsroom.cn/',
    'data.newsroom.cn',
    'https://data.newsroom.cn/graphics/',
    'https://data.newsroom.cn/?a=1',
  ])
    assert.throws(() => buildOrigin({ SITE_URL: bad }), /SITE_URL/, bad);
  for (const bad of ['0', '70000', 'http']) assert.throws(() => buildOrigin({ PORT: bad }), /PORT/, bad);
});
