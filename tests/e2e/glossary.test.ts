/**
 * The glossary page as each reader uses it, on the built site: an index of letters whose links
 * all land on a letter's heading, entries in the reader's order (English A–Z by the English
 * rendering, Chinese by pinyin, the Traditional edition leading with its headword), each opening
 * with its meaning in one line, and the basic terms every reader needs.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';
import { getDataset } from '../../src/dataset/dataset.ts';
import { LANGS, type Lang } from '../../src/site/editions.ts';
import { localePath } from '../../src/site/paths.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

const data = getDataset();
const ALPHABET = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
/** Letters only, lower case, without tones or accents: what an A–Z order compares. */
const letters = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toLowerCase();

interface Shown {
  index: { text: string; href: string | null }[];
  groups: { id: string; heading: string; entries: { id: string; head: string; en: string; short: string }[] }[];
  ids: string[];
}

async function readGlossary(lang: Lang): Promise<Shown> {
  const page = await h.browser.newPage();
  await page.goto(new URL(localePath(lang, '/glossary/').slice(1), h.url).href);
  const shown = await page.evaluate(() => ({
    index: [...document.querySelectorAll('#glossary-index li')].map((li) => ({
      text: li.textContent!.trim(),
      href: li.querySelector('a')?.getAttribute('href') ?? null,
    })),
    groups: [...document.querySelectorAll('main .glossary-letter')].map((s) => ({
      id: s.querySelector('h2')!.id,
      heading: s.querySelector('h2')!.textContent!.trim(),
      entries: [...s.querySelectorAll('.term-entry')].map((e) => ({
        id: e.id,
        head: e.querySelector('.term-zh')!.textContent!.trim(),
        en: e.querySelector('.term-en')!.textContent!.trim(),
        short: e.querySelector('.term-short')?.textContent?.trim() ?? '',
      })),
    })),
    ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
  }));
  await page.close();
  return shown;
}

for (const lang of LANGS) {
  test(`glossary (${lang}): every index link lands on a letter's heading, and only letters with terms are links`, async () => {
    const shown = await readGlossary(lang);
    assert.ok(shown.index.length >= ALPHABET.length, 'the index shows the alphabet');
    for (const letter of ALPHABET)
      assert.ok(
        shown.index.some((i) => i.text === letter),
        `${letter} is in the index`,
      );
    const headings = new Map(shown.groups.map((g) => [g.heading, g.id]));
    for (const i of shown.index) {
      const target = headings.get(i.text);
      if (i.href === null) assert.equal(target, undefined, `${i.text} has terms but is not a link`);
      else {
        assert.equal(i.href, `#${target}`, `${i.text} links to its heading`);
        assert.ok(shown.ids.includes(i.href.slice(1)), `${i.href} resolves to an element`);
      }
    }
    assert.equal(shown.index.filter((i) => i.href).length, shown.groups.length, 'every letter group is indexed');
    // Every term once.
    const entries = shown.groups.flatMap((g) => g.entries.map((e) => e.id));
    assert.deepEqual([...entries].sort(), data.glossary.map((g) => g.id).sort());
  });

  test(`glossary (${lang}): entries under each letter are in the reader's order and open with a one-line meaning`, async () => {
    const shown = await readGlossary(lang);
    const english = lang === 'en';
    for (const group of shown.groups) {
      const keys = group.entries.map((e) => {
        const term = data.term.get(e.id)!;
        // English by its rendering (a leading quotation mark or "the" aside), Chinese by the pinyin.
        return english ? letters(term.en.replace(/^["“]?(the\s+)?/i, '')) : letters(term.pinyin);
      });
      for (const [i, key] of keys.entries()) {
        const first = key.charAt(0).toUpperCase();
        if (/\d/.test(first)) assert.ok(!ALPHABET.includes(group.heading), `${group.entries[i]!.id} under a letter`);
        else assert.equal(group.heading, first, `${group.entries[i]!.id} (${key}) filed under ${group.heading}`);
        // Numbers count as numbers (1+N+X, 15-minute, 1226).
        if (i > 0)
          assert.ok(
            keys[i - 1]!.localeCompare(key, 'en', { numeric: true }) <= 0,
            `${group.heading}: ${keys[i - 1]} before ${key}`,
          );
      }
      for (const e of group.entries) assert.ok(e.short.length > 0, `${e.id} opens with its meaning in one line`);
    }
    const letterOrder = shown.groups.map((g) => g.heading).filter((x) => ALPHABET.includes(x));
    assert.deepEqual(letterOrder, [...letterOrder].sort(), 'letter groups run A–Z');
    if (!english) assert.ok(!shown.groups.some((g) => !ALPHABET.includes(g.heading)), 'pinyin starts with a letter');
  });
}

test('the basic terms are in every edition, the Traditional headword leading in the Traditional one', async () => {
  const basics = [
    ['party-building', '党建', '黨建', 'party building'],
    ['party-branch', '党支部', '黨支部', 'party branch'],
    ['subdistrict', '街道', '街道', 'subdistrict'],
    ['town', '乡镇', '鄉鎮', 'township or town'],
    ['community', '社区', '社區', 'community'],
    ['village-party-organisation', '村党组织', '村黨組織', 'village party organisation'],
  ] as const;
  for (const lang of LANGS) {
    const shown = await readGlossary(lang);
    const entries = new Map(shown.groups.flatMap((g) => g.entries).map((e) => [e.id, e]));
    for (const [id, hans, hant, en] of basics) {
      const e = entries.get(id);
      assert.ok(e, `${lang}: ${id} is in the glossary`);
      assert.equal(e.head, lang === 'zh-Hant' ? hant : hans, `${lang}: ${id}'s headword`);
      assert.ok(e.en.startsWith(en), `${lang}: ${id} is rendered "${en}"`);
    }
  }
  // The English says which party it means where it defines party building.
  const en = await h.browser.newPage();
  await en.goto(new URL(localePath('en', '/glossary/').slice(1), h.url).href);
  assert.match((await en.textContent('#party-building .term-short')) ?? '', /Communist Party of China/);
  await en.close();
});
