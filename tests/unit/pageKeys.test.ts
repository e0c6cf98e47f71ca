// The keys of an incremental build: which inputs each kind of page is re-rendered for, and the plan.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type BuildInputs, fileOfPathname, outputFile, pageKey, planRender } from '../../src/build/pageKeys.ts';

const inputs = (over: Partial<BuildInputs> = {}): BuildInputs => ({
  base: 'b1',
  frontMatter: 'f1',
  prose: 'p1',
  caseStudies: { zh: { fushan: 'czf', zhangqiu: 'czz' }, en: { fushan: 'cef', zhangqiu: 'cez' } },
  citing: { zh: { 'fushan-grids': 'kz' }, en: { 'fushan-grids': 'ke' } },
  ...over,
});
const page = (route: string, path: string, content = 'zh', endpoint = false) => ({ route, endpoint, path, content });

test('a page is keyed by what it shows: its case study, the sentences citing a figure, or every case study', () => {
  const a = inputs();
  const other = inputs({ caseStudies: { zh: { fushan: 'CHANGED', zhangqiu: 'czz' }, en: a.caseStudies['en']! } });
  const cs = (lang: string, d: string) => page('/[...lang]/case-studies/[district]', `/case-studies/${d}/`, lang);
  assert.notEqual(pageKey(cs('zh', 'fushan'), a), pageKey(cs('zh', 'fushan'), other));
  assert.equal(pageKey(cs('zh', 'zhangqiu'), a), pageKey(cs('zh', 'zhangqiu'), other), 'another case study');
  assert.equal(pageKey(cs('en', 'fushan'), a), pageKey(cs('en', 'fushan'), other), 'the other language');
  const dp = (lang: string) => page('/[...lang]/data/[id]', '/data/fushan-grids/', lang);
  const recited = inputs({ citing: { zh: { 'fushan-grids': 'NEW' }, en: a.citing['en']! } });
  assert.notEqual(pageKey(dp('zh'), a), pageKey(dp('zh'), recited));
  assert.equal(pageKey(dp('en'), a), pageKey(dp('en'), recited));
  assert.equal(pageKey(dp('zh'), a), pageKey(dp('zh'), other), 'a data point not cited by the edit');
  // The pages made from the dataset show no case study text: an edit leaves them, front matter does not.
  for (const list of [
    page('/[...lang]/data/districts/[district]', '/data/districts/fushan/'),
    page('/[...lang]/data', '/data/', 'en'),
    page('/[...lang]/sources', '/sources/'),
  ]) {
    assert.equal(pageKey(list, a), pageKey(list, inputs({ prose: 'p2', caseStudies: other.caseStudies })), list.route);
    assert.notEqual(pageKey(list, a), pageKey(list, inputs({ frontMatter: 'f2' })), list.route);
  }
  // Not the glossary, whose term pages quote the case studies.
  const term = page('/[...lang]/glossary/[term]', '/glossary/x/');
  assert.notEqual(pageKey(term, a), pageKey(term, inputs({ prose: 'p2' })));
  // Files made from the dataset alone: only the base (kept once in the manifest) keys them.
  assert.equal(pageKey(page('/[...lang]/charts/[id]/chart.svg', '/charts/x/chart.svg', 'zh', true), a), '');
  // Lists, feeds and everything else show any case study.
  const home = page('/[...lang]', '/');
  assert.notEqual(pageKey(home, a), pageKey(home, inputs({ prose: 'p2' })));
  const rss = page('/[...lang]/rss.xml', '/rss.xml', 'zh', true);
  assert.notEqual(pageKey(rss, a), pageKey(rss, inputs({ prose: 'p2' })));
});

test('the plan keeps a path only with the same base, the same key and its file still there', () => {
  const paths = [
    { pathname: '/', route: { route: '/[...lang]', type: 'page' } },
    { pathname: '/data/points/x.json', route: { route: '/data/points/[id].json', type: 'endpoint' } },
    { pathname: '/en/404/', route: { route: '/[...lang]/404', type: 'page' } },
  ];
  const split = (p: string) => ({ path: p.replace(/^\/en/, '') || '/', content: p.startsWith('/en') ? 'en' : 'zh' });
  const first = planRender(paths, inputs(), split);
  assert.equal(first.render.length, 3);
  assert.equal(first.manifest.rendered, null);
  const all = () => true;
  const again = planRender(paths, inputs(), split, { manifest: first.manifest, exists: all });
  assert.deepEqual(again.render, []);
  assert.deepEqual(again.manifest.paths, first.manifest.paths);
  const gone = planRender(paths, inputs(), split, { manifest: first.manifest, exists: (f) => f !== 'index.html' });
  assert.deepEqual(
    gone.render.map((p) => p.pathname),
    ['/'],
  );
  const edited = planRender(paths, inputs({ prose: 'p2' }), split, { manifest: first.manifest, exists: all });
  assert.deepEqual(
    edited.render.map((p) => p.pathname),
    ['/', '/en/404/'],
  );
  const newBase = planRender(paths, inputs({ base: 'b2' }), split, { manifest: first.manifest, exists: all });
  assert.equal(newBase.render.length, 3);
  assert.equal(outputFile(paths[2]!), 'en/404.html');
  assert.equal(outputFile(paths[1]!), 'data/points/x.json');
});

test('a path gone from the build maps to the file it was written to, as its route would have', () => {
  const gone = [
    { pathname: '/', route: { route: '/[...lang]', type: 'page' } },
    { pathname: '/en/data/fushan-grids/', route: { route: '/[...lang]/data/[id]', type: 'page' } },
    { pathname: '/zh-hant/404/', route: { route: '/[...lang]/404', type: 'page' } },
    { pathname: '/en/404', route: { route: '/[...lang]/404', type: 'page' } },
    { pathname: '/data/districts/fushan.csv', route: { route: '/data/districts/[id].csv', type: 'endpoint' } },
    {
      pathname: '/en/charts/timeline/chart.svg',
      route: { route: '/[...lang]/charts/[id]/chart.svg', type: 'endpoint' },
    },
  ];
  for (const p of gone) assert.equal(fileOfPathname(p.pathname), outputFile(p), p.pathname);
  assert.equal(fileOfPathname('/zh-hant/404/'), 'zh-hant/404.html');
});
