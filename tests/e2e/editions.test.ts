/**
 * The editions in the built site: the Traditional edition has every page and file the
 * Simplified one has, prints no Simplified-only character outside text marked as quoted
 * (`translate="no"`) or as Simplified (`lang="zh-Hans"`: the language switch, a figure as the
 * source writes it), says on every page what the Simplified edition says, and every page's hreflang
 * alternates are reciprocal across the editions.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import STCharacters from 'opencc-js/dict/STCharacters';
import TWVariants from 'opencc-js/dict/TWVariants';
import { Parser } from 'htmlparser2';
import { sitePaths } from '../../src/outputs/routes.ts';
import { edition, LANGS, ROOT_LANG } from '../../src/site/editions.ts';
import { localePath } from '../../src/site/paths.ts';
import { convertMarkup, convertText } from '../../src/site/script.ts';
import { filesUnder } from '../../src/searchIndex/filesUnder.ts';

const DIST = process.env.DIST_DIR ?? 'dist';

/**
 * Characters the conversion to Traditional changes by default: OpenCC's first choice for them is
 * another character, and they are not the first choice for any (nor Taiwan's variant of one).
 * Some are also Traditional in some words (公里, the surname 党): `leftSimplified` asks the
 * edition's converter about each one in its context.
 */
function simplifiedByDefault(): Set<string> {
  const out = new Set<string>();
  const firsts = new Set<string>();
  for (const line of STCharacters.split('|')) {
    const [from, first] = line.split(' ');
    if (!from || !first) continue;
    firsts.add(first);
    if (first !== from) out.add(from);
  }
  for (const line of TWVariants.split('|')) for (const t of line.split(' ').slice(1)) firsts.add(t);
  for (const c of firsts) out.delete(c);
  return out;
}

/** The characters of `text` in `only` that the Traditional edition's converter would still change where they stand. */
function leftSimplified(text: string, only: Set<string>): string[] {
  const chars = [...text];
  const found = new Set<string>();
  chars.forEach((c, i) => {
    if (!only.has(c) || found.has(c)) return;
    const before = chars.slice(Math.max(0, i - 4), i).join('');
    const after = chars.slice(i + 1, i + 5).join('');
    const window = `${before}${c}${after}`;
    const count = (t: string) => [...t].filter((x) => x === c).length;
    if (count(convertText('zh-Hant', window)) < count(window)) found.add(c);
  });
  return [...found];
}

/** The text of a page or SVG a reader sees or hears, without elements marked as quoted or as another language. */
function shownText(markup: string, ownLang: string, xml: boolean): string {
  let text = '';
  let skip = 0;
  const stack: boolean[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const l = attrs.lang;
        const kept = attrs.translate === 'no' || (l !== undefined && name !== 'html' && l !== ownLang);
        stack.push(kept);
        if (kept) skip++;
        // Attributes people read: titles, labels, alternative text, descriptions.
        if (skip === 0)
          for (const a of ['title', 'alt', 'aria-label', 'content', 'placeholder'])
            if (attrs[a]) text += ` ${attrs[a]}`;
      },
      ontext(t) {
        if (skip === 0) text += t;
      },
      onclosetag() {
        if (stack.pop()) skip--;
      },
    },
    { xmlMode: xml },
  );
  parser.end(markup);
  return text;
}

test('the Traditional edition prints no Simplified-only character outside quoted or Simplified-marked text', () => {
  const hant = edition('zh-Hant');
  const only = simplifiedByDefault();
  assert.ok(only.has('党') && only.has('区') && !only.has('黨') && !only.has('群'), 'the character set');
  assert.deepEqual(
    leftSimplified('党建工作区，全长5公里', only),
    ['党', '区', '长'],
    'the check in context (公里 is Traditional too)',
  );
  const root = join(DIST, hant.prefix);
  const files = filesUnder(root).filter((f) => /\.(html|svg|csv|json|xml)$/.test(f));
  const kinds = new Set(files.map((f) => f.split('.').pop()));
  assert.deepEqual([...kinds].sort(), ['csv', 'html', 'json', 'svg', 'xml'], 'every kind of file');
  assert.ok(files.length > 400, `${files.length} files`);
  const bad: string[] = [];
  for (const f of files) {
    const raw = readFileSync(join(root, f), 'utf8');
    const text = /\.(html|svg|xml)$/.test(f) ? shownText(raw, hant.htmlLang, !f.endsWith('.html')) : raw;
    const found = leftSimplified(text, only);
    if (found.length) bad.push(`${f}: ${found.join('')}`);
  }
  assert.deepEqual(bad, []);
  // The check finds what it must: the Simplified edition's home page is full of such characters.
  assert.ok(
    leftSimplified(shownText(readFileSync(join(DIST, 'index.html'), 'utf8'), 'zh-Hant', false), only).length > 10,
  );
});

test('every page of the Simplified edition has its Traditional counterpart, in Traditional', () => {
  for (const path of sitePaths()) {
    const file = join(DIST, localePath('zh-Hant', path), 'index.html');
    assert.ok(existsSync(file), `${file} is missing`);
    assert.match(readFileSync(file, 'utf8'), /<html lang="zh-Hant"/, file);
  }
  assert.ok(existsSync(join(DIST, edition('zh-Hant').prefix, '404.html')), "the edition's not-found page");
});

test('hreflang alternates are reciprocal across every edition, with the root edition as x-default', () => {
  const site = (href: string) => new URL(href).pathname;
  const alternates = (file: string) => {
    const html = readFileSync(file, 'utf8');
    return new Map(
      [...html.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1]!, site(m[2]!)]),
    );
  };
  let pages = 0;
  for (const path of sitePaths()) {
    const expected = new Map(LANGS.map((l) => [edition(l).htmlLang, localePath(l, path)]));
    expected.set('x-default', localePath(ROOT_LANG, path));
    for (const lang of LANGS) {
      const got = alternates(join(DIST, localePath(lang, path), 'index.html'));
      assert.deepEqual(got, expected, `${localePath(lang, path)}`);
      pages++;
    }
  }
  assert.equal(pages, sitePaths().length * LANGS.length);
});

test('the language switch of every page links the same page in each other edition, named in its own script', () => {
  for (const path of ['/', '/compare/', '/glossary/']) {
    for (const lang of LANGS) {
      const html = readFileSync(join(DIST, localePath(lang, path), 'index.html'), 'utf8');
      const nav = /<nav class="editions"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
      const links = [
        ...nav.matchAll(/<a href="([^"]+)" hreflang="([^"]+)" lang="[^"]+" title="([^"]+)">([^<]+)<\/a>/g),
      ].map((m) => [m[1], m[2], m[3], m[4]]);
      assert.deepEqual(
        links,
        LANGS.filter((l) => l !== lang).map((l) => [
          localePath(l, path),
          edition(l).htmlLang,
          edition(l).name,
          edition(l).short,
        ]),
        `${localePath(lang, path)}`,
      );
    }
  }
});

test('each Traditional page says what its Simplified page says, converted: nothing left out, nothing in English', () => {
  // What a page's <main> says, with the edition's prefix taken out of the addresses it prints (embed codes, citations).
  const said = (html: string) =>
    (/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .replaceAll(`/${edition('zh-Hant').prefix}/`, '/');
  const differ: string[] = [];
  let pages = 0;
  // The glossary and its term pages differ by design: each edition leads with the headword in its own script.
  for (const path of sitePaths().filter((p) => !p.startsWith('/glossary/'))) {
    const simplified = readFileSync(join(DIST, localePath('zh', path), 'index.html'), 'utf8');
    const traditional = readFileSync(join(DIST, localePath('zh-Hant', path), 'index.html'), 'utf8');
    const want = said(convertMarkup('zh-Hant', simplified.replace('<html lang="zh-Hans"', '<html lang="zh-Hant"')));
    const got = said(traditional);
    pages++;
    if (want !== got) {
      let i = 0;
      while (want[i] === got[i]) i++;
      differ.push(
        `${path}: …${want.slice(Math.max(0, i - 20), i + 30)}… but …${got.slice(Math.max(0, i - 20), i + 30)}…`,
      );
    }
  }
  assert.ok(pages > 150, `${pages} pages`);
  assert.deepEqual(differ, []);
  const glossary = readFileSync(join(DIST, localePath('zh-Hant', '/glossary/'), 'index.html'), 'utf8');
  assert.match(glossary, /<span class="term-zh" lang="zh-Hant">黨建工作區<\/span>/, 'the Traditional headword leads');
  const term = readFileSync(
    join(DIST, localePath('zh-Hant', '/glossary/party-building-work-zone/'), 'index.html'),
    'utf8',
  );
  assert.match(term, /<h1><span lang="zh-Hant">黨建工作區<\/span>/, "a term page leads with the edition's headword");
  assert.match(term, /簡體：<span lang="zh-Hans">党建工作区<\/span>/, 'and gives the Simplified beside it');
});
