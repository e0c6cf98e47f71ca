import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { CorpusStats } from '../../src/searchIndex/corpusStats.ts';
import { LanguageIndex } from '../../src/searchIndex/languageIndex.ts';
import { writeLanguageFiles, writeSharedFiles } from '../../src/searchIndex/pagefindFiles.ts';
import { addRecords } from '../../src/searchIndex/recordPages.ts';
import type { SearchRecord } from '../../src/searchIndex/searchRecords.ts';
import { tempDir } from '../lib/tempDir.ts';
import { LANGS, type Lang } from '../../src/site/editions.ts';

const record = (lang: Lang, url: string, title: string, content: string): SearchRecord => ({
  url,
  lang,
  title,
  content,
  extra: '',
  meta: { value: '75' },
  filters: { type: ['observation'], district: ['zhangqiu'], dimension: [], source: [], year: ['2021'] },
});

const RECORDS = [
  record('zh', '/data/zhangqiu-work-zones/', '党建工作区', '章 丘 成 立 75 个 党 建 工 作 区'),
  record('zh', '/case-studies/fushan/#co-ops', '合作社', '福 山 党 支 部 领 办 合 作 社'),
  record('en', '/en/data/zhangqiu-work-zones/', 'Party-building work zones', 'Zhangqiu set up 75 work zones'),
  record('en', '/en/case-studies/fushan/#co-ops', 'Co-operatives', 'Fushan branch-led co-operatives'),
];

/** Every file under `dir`, relative path → bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(
    files.map((e) => [relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name))]),
  );
}

/** Indexes RECORDS with the two language indexes and writes them; `inMemoryPageBytes` picks how Pagefind hands the files over. */
async function build(inMemoryPageBytes: number, root: string) {
  const scratch = mkdtempSync(join(root, 'scratch-'));
  const out = join(mkdtempSync(join(root, 'site-')), 'pagefind');
  const indexes = (['zh', 'en'] as const).map((lang) => new LanguageIndex(lang, inMemoryPageBytes));
  const through: string[] = [];
  try {
    await addRecords(
      indexes,
      Object.fromEntries(LANGS.map((l) => [l, new CorpusStats()])) as Record<Lang, CorpusStats>,
      RECORDS,
      scratch,
      'batch',
    );
    // As the builder writes a bundle (buildIndex.ts): one language after another, then the shared files once.
    const fragments = {} as Record<'zh' | 'en', { names: string[]; urls: string[] }>;
    const written: [string, Awaited<ReturnType<LanguageIndex['write']>>][] = [];
    for (const index of indexes) {
      const result = await index.write(out, scratch);
      through.push(`${index.lang} ${result.through}`);
      fragments[index.lang as 'zh' | 'en'] = { names: result.names, urls: result.urls };
      written.push([index.pagefindLanguage, result]);
    }
    writeSharedFiles(written, out);
    return { fragments, files: filesOf(out), through: through.sort(), scratchLeft: readdirSync(scratch) };
  } finally {
    await Promise.all(indexes.map((index) => index.close()));
  }
}

test('the search index is the same whether Pagefind hands its files over in memory or through a folder', async () => {
  const root = tempDir('search-index-');
  const memory = await build(Infinity, root);
  const folder = await build(0, root);
  assert.deepEqual(memory.through, ['en memory', 'zh memory']);
  assert.deepEqual(folder.through, ['en folder', 'zh folder']);
  // The folder route removes its folder again (the batch folder is emptied as soon as Pagefind has read it).
  assert.deepEqual(folder.scratchLeft, ['batch']);
  assert.deepEqual(memory.fragments, folder.fragments);
  assert.deepEqual([...memory.files.keys()].sort(), [...folder.files.keys()].sort());
  for (const [path, bytes] of memory.files) assert.ok(bytes.equals(folder.files.get(path)!), `${path} differs`);
  // Every record has one fragment in its language, found by its URL (the #fragment ones by meta url).
  for (const lang of ['zh', 'en'] as const) {
    const { names, urls } = memory.fragments[lang];
    assert.deepEqual(
      [...urls].sort(),
      RECORDS.filter((r) => r.lang === lang)
        .map((r) => r.url)
        .sort(),
    );
    assert.ok(names.every((n) => n.startsWith(`${lang}_`) && memory.files.has(join('fragment', n))));
    assert.deepEqual(names, [...names].sort());
  }
  const entry = JSON.parse(memory.files.get('pagefind-entry.json')!.toString('utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  assert.deepEqual(Object.keys(entry.languages), ['en', 'zh']);
  assert.equal(entry.languages['zh']!.page_count, 2);
  assert.ok(memory.files.has('pagefind.js'));
  assert.ok(
    ![...memory.files.keys()].some((p) => /^pagefind-(component-ui|modular-ui|ui|highlight)\./.test(p)),
    "Pagefind's UI bundles are left out",
  );
});

test("a language's index files are written to the shared folder, any other file comes back, and a clash fails", () => {
  const out = tempDir('search-files-');
  const bytes = (s: string) => new TextEncoder().encode(s);
  // A fragment as Pagefind writes it: gzip of "pagefind_dcd" and the JSON.
  const gz = (s: string) => new Uint8Array(gzipSync(`pagefind_dcd${s}`));
  const files = [
    {
      path: 'fragment/zh_abc.pf_fragment',
      content: gz(JSON.stringify({ url: '/_r/1/', meta: { url: '/case-studies/fushan/#co-ops' } })),
    },
    { path: 'fragment/zh_abd.pf_fragment', content: gz(JSON.stringify({ url: '/data/x/', meta: {} })) },
    { path: 'index/zh_1.pf_index', content: bytes('i') },
    { path: 'pagefind.zh_99.pf_meta', content: bytes('m') },
    { path: 'pagefind.js', content: bytes('js') },
    { path: 'pagefind-ui.js', content: bytes('ui') },
    { path: 'fragment/en_abc.pf_fragment', content: bytes('not ours') },
  ];
  const written = writeLanguageFiles(files, out, 'zh');
  assert.deepEqual(written.names, ['zh_abc.pf_fragment', 'zh_abd.pf_fragment']);
  assert.deepEqual(written.urls, ['/case-studies/fushan/#co-ops', '/data/x/']);
  assert.deepEqual(
    written.shared.map(([p]) => p),
    ['pagefind.js', 'fragment/en_abc.pf_fragment'],
  );
  assert.deepEqual([...filesOf(out).keys()].sort(), [
    'fragment/zh_abc.pf_fragment',
    'fragment/zh_abd.pf_fragment',
    'index/zh_1.pf_index',
    'pagefind.zh_99.pf_meta',
  ]);
  assert.throws(() => writeLanguageFiles(files, out, 'zh'), /EEXIST/);
});
