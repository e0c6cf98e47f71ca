/**
 * A fourth, throwaway edition added through the editions module alone: in a copy of the
 * project, one entry in `src/site/editions.ts` (Traditional Chinese with Hong Kong's variants,
 * OpenCC `s2hk`) and its override table under `content/editions/` are the only files that
 * change; the types check, the site builds, and the new edition has its pages, downloads,
 * feeds, switcher entries, hreflang alternates and search index.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { addEdition, copyProject } from '../../scripts/lib/projectCopy.ts';
import { tempDir } from '../lib/tempDir.ts';

const EDITION = `  {
    id: 'zh-HK',
    htmlLang: 'zh-HK',
    prefix: 'zh-hk',
    name: '繁體中文（香港）',
    short: '港繁',
    content: 'zh',
    han: 'Hant',
    ogLocale: 'zh_HK',
    feedLang: 'zh-hk',
    pagefind: 'zh-hk',
    convert: { opencc: 's2hk', overrides: 'zh-HK.json' },
  },
`;

test('a fourth edition needs one entry in the editions module and its override table, nothing else', {
  timeout: 600_000,
}, () => {
  const repo = resolve('.');
  const copy = copyProject(tempDir('fourth-edition-'));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: copy, encoding: 'utf8' });
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'base');

  // The edition: one entry in the list, and the editors' override table.
  addEdition(copy, EDITION);
  writeFileSync(
    join(copy, 'content/editions/zh-HK.json'),
    `${JSON.stringify({ overrides: { 社区: '社區' } }, null, 2)}\n`,
  );

  const changed = git('status', '--porcelain', '--untracked-files=all')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.slice(3))
    .sort();
  assert.deepEqual(changed, ['content/editions/zh-HK.json', 'src/site/editions.ts']);

  const run = (args: string[]) => execFileSync(process.execPath, args, { cwd: copy, encoding: 'utf8', stdio: 'pipe' });
  run(['scripts/buildSite.ts']);
  // After the build, which writes Astro's generated types (.astro/) that the type check reads.
  run([join(repo, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', 'tsconfig.json']);

  const dist = join(copy, 'dist');
  for (const f of [
    'zh-hk/index.html',
    'zh-hk/compare/index.html',
    'zh-hk/case-studies/zhangqiu/index.html',
    'zh-hk/charts/timeline/index.html',
    'zh-hk/charts/timeline/chart.svg',
    'zh-hk/charts/timeline/chart.png',
    'zh-hk/charts/timeline/data.csv',
    'zh-hk/embed/timeline/index.html',
    'zh-hk/data/zhangqiu-work-zone-committees/index.html',
    'zh-hk/glossary/index.html',
    'zh-hk/search/index.html',
    'zh-hk/rss.xml',
    'zh-hk/404.html',
    'pagefind/facets.zh-hk.json',
  ])
    assert.ok(existsSync(join(dist, f)), `${f} is missing`);
  const home = readFileSync(join(dist, 'zh-hk/index.html'), 'utf8');
  assert.match(home, /<html lang="zh-HK"/);
  assert.match(home, /黨建/, 'the home page in Traditional characters');
  assert.ok(home.includes('>繁體</a>') && home.includes('>简体</a>') && home.includes('>English</a>'), 'the switch');
  const root = readFileSync(join(dist, 'index.html'), 'utf8');
  assert.ok(
    root.includes('hreflang="zh-HK"') && root.includes('title="繁體中文（香港）">港繁</a>'),
    'the other editions link it',
  );
  assert.match(readFileSync(join(dist, 'sitemap.xml'), 'utf8'), /hreflang="zh-HK" href="[^"]*\/zh-hk\/compare\/"/);
  assert.match(
    readFileSync(join(dist, '_headers'), 'utf8'),
    /\/zh-hk\/embed\//,
    'the host lets other sites frame its embeds',
  );
});
