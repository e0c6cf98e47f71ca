/**
 * The layout by role holds: every folder of src/ says in its README what it holds and which
 * folders it may import ("May import: …"), those declarations run one way (no cycle), and every
 * import in src/, scripts/ and tests/ keeps to them. Scripts never import tests; src/ imports
 * neither scripts nor tests.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { importsOf, layerOf, type ImportEdge } from '../lib/imports.ts';
import { tempDir } from '../lib/tempDir.ts';

/** Folder → the folders it may import, as its README declares them. */
function declaredRules(): Map<string, Set<string>> {
  const rules = new Map<string, Set<string>>();
  for (const name of readdirSync('src').filter((n) => statSync(`src/${n}`).isDirectory())) {
    // Astro would make a page of src/pages/README.md; a leading underscore keeps it out.
    const file = [`src/${name}/README.md`, `src/${name}/_README.md`].find(existsSync);
    assert.ok(file, `src/${name}/ has no README.md saying what it holds and what it may import`);
    const line = /^May import: (.*)$/m.exec(readFileSync(file, 'utf8'))?.[1];
    assert.ok(line, `${file} has no "May import: …" line`);
    rules.set(`src/${name}`, new Set(line.startsWith('nothing') ? [] : line.split(/,\s*/)));
  }
  return rules;
}

/** The folders the rule allows `from` to import (besides itself). Top-level files of src/ are the Astro config files. */
function allowed(from: string, rules: Map<string, Set<string>>): (to: string) => boolean {
  if (from === 'tests') return () => true;
  if (from === 'scripts' || from === '.') return (to) => to !== 'tests';
  if (from === 'src') return (to) => to === 'src/dataset' || to === 'src/site';
  const mine = rules.get(from);
  assert.ok(mine, `${from} has no rule`);
  return (to) => mine.has(to);
}

/** Imports that break the rule, as readable lines. */
function violations(edges: ImportEdge[], rules: Map<string, Set<string>>): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const from = layerOf(e.from),
      to = layerOf(e.to);
    if (from === to) continue;
    if (!allowed(from, rules)(to)) out.push(`${e.from} imports ${e.to}: ${from} may not import ${to}`);
  }
  return out;
}

/** A cycle among the declared rules, as a path, or undefined. */
function cycle(rules: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const visit = (n: string, path: string[]): string[] | undefined => {
    if (state.get(n) === 'open') return [...path, n];
    if (state.get(n) === 'done') return undefined;
    state.set(n, 'open');
    for (const m of rules.get(n) ?? []) {
      const c = visit(m, [...path, n]);
      if (c) return c;
    }
    state.set(n, 'done');
    return undefined;
  };
  for (const n of rules.keys()) {
    const c = visit(n, []);
    if (c) return c;
  }
  return undefined;
}

const codeFiles = () =>
  execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'scripts', 'tests', 'astro.config.mjs'],
    { encoding: 'utf8' },
  )
    .split('\n')
    .filter((f) => /\.(ts|mjs|astro)$/.test(f) && existsSync(f) && !f.startsWith('tests/fixtures/'));

test('every folder of src/ declares what it may import, and the declarations run one way', () => {
  const rules = declaredRules();
  for (const [from, tos] of rules)
    for (const to of tos) assert.ok(rules.has(to), `${from} may import ${to}, which is not a folder of src/`);
  assert.equal(cycle(rules)?.join(' → '), undefined, 'the import rules form a cycle');
});

test('every import keeps to the declared rule', () => {
  const rules = declaredRules();
  const edges = codeFiles().flatMap((f) => importsOf(f));
  assert.ok(edges.length > 200, `the import graph looks empty (${edges.length} edges)`);
  assert.deepEqual(violations(edges, rules), []);
});

test('the rule check catches an import that runs the wrong way', () => {
  const rules = new Map([
    ['src/dataset', new Set<string>()],
    ['src/charts', new Set(['src/dataset'])],
  ]);
  assert.deepEqual(violations([{ from: 'src/charts/a.ts', to: 'src/dataset/b.ts' }], rules), []);
  assert.equal(violations([{ from: 'src/dataset/b.ts', to: 'src/charts/a.ts' }], rules).length, 1);
  assert.equal(violations([{ from: 'scripts/x.ts', to: 'tests/lib/y.ts' }], rules).length, 1);
  assert.equal(violations([{ from: 'src/charts/a.ts', to: 'scripts/x.ts' }], rules).length, 1);
  assert.equal(
    cycle(
      new Map([
        ['a', new Set(['b'])],
        ['b', new Set(['a'])],
      ]),
    )?.join(' → '),
    'a → b → a',
  );
});

test('the import reader sees static, dynamic and re-exported imports, and Astro frontmatter and scripts', () => {
  const edges = importsOf('src/components/pages/SearchPage.astro').map((e) => e.to);
  assert.ok(edges.includes('src/searchClient/ui.ts'), 'the <script> import of the search client');
  assert.ok(edges.includes('src/layouts/Base.astro'), 'a frontmatter import');
  const dynamic = importsOf('tests/unit/charts.test.ts').map((e) => e.to);
  assert.ok(dynamic.includes('src/dataset/dataset.ts'), 'a dynamic import()');
});

/**
 * Where code may compare language codes (`lang === 'zh'`, `!== 'en'`, `lang === "zh-Hant"`): only
 * in src/site/, which knows the editions; everywhere else code asks an edition (`pick`,
 * `edition(lang)`, `contentOf`). No exceptions: the browser's search code, which may not import
 * src/site/, gets the page's content language and index as data and looks them up in tables.
 */
const LANGUAGE_COMPARISON = /[!=]==\s*['"](?:zh|en|zh-Han[st])['"]|['"](?:zh|en|zh-Han[st])['"]\s*[!=]==/;

/** `file:line: text` of every language-code comparison in `files`. */
function languageComparisons(files: string[]): string[] {
  return files.flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((line, i) =>
        LANGUAGE_COMPARISON.test(line) && !/^\s*(\/\/|\*)/.test(line) ? [`${f}:${i + 1}: ${line.trim()}`] : [],
      ),
  );
}

test('only src/site/ compares language codes; the rest of src/ asks an edition', () => {
  const files = codeFiles().filter((f) => f.startsWith('src/') && !f.startsWith('src/site/'));
  assert.ok(files.length > 100, `too few files read (${files.length})`);
  assert.deepEqual(languageComparisons(files), []);
});

test('the language-comparison check sees the ways a branch on a language is written', () => {
  const dir = tempDir('lang-compare-');
  const file = join(dir, 'x.ts');
  writeFileSync(
    file,
    [
      "if (lang === 'zh') a();",
      'const b = lang !== "en";',
      "const c = 'zh-Hant' === lang;",
      "// lang === 'zh' in a comment",
      'pick({ zh: 1, en: 2 }, lang);',
    ].join('\n'),
  );
  assert.deepEqual(
    languageComparisons([file]).map((l) => l.replace(/^.*:(\d+): .*$/, '$1')),
    ['1', '2', '3'],
  );
});

/**
 * Lines over 160 columns in the code (characters, not bytes), at most as many as there are now
 * (111 before the editions module, 110 with it): Biome formats TypeScript and the frontmatter of `.astro` files, but
 * no formatter reads the templates (README: Libraries and hand-written code), so this keeps their
 * long lines from growing. Lower it when you shorten some.
 */
const LONG_LINES_MAX = 110;

test(`no more than ${LONG_LINES_MAX} lines of code over 160 columns`, () => {
  const long = codeFiles().flatMap((f) =>
    readFileSync(f, 'utf8')
      .split('\n')
      .flatMap((line, i) => ([...line].length > 160 ? [`${f}:${i + 1}`] : [])),
  );
  assert.ok(codeFiles().length > 200, 'the code files are read');
  assert.ok(long.length <= LONG_LINES_MAX, `${long.length} lines over 160 columns:\n${long.join('\n')}`);
});
