// Release pages are notes for people (issue 28): each opens with its summary in both languages and
// its readable name (date and sequence) beside the content hash; field changes are words removed
// and added (<del>/<ins>), and no JSON appears anywhere in a release page's visible text.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { releases } from '../../src/dataset/releases.ts';
import { LANGS } from '../../src/site/editions.ts';
import { releasePath } from '../../src/site/paths.ts';
import { convertText } from '../../src/site/script.ts';

const page = (version: string, lang: (typeof LANGS)[number]) => {
  const html = readFileSync(`dist${releasePath(version, lang)}index.html`, 'utf8');
  const { document } = parseHTML(html);
  for (const el of document.querySelectorAll('script, style, template, noscript, [hidden]')) el.remove();
  return { html, document, text: document.querySelector('main')?.textContent ?? document.body.textContent ?? '' };
};

/** What reads as JSON in running text: an object or list literal with a quoted key or a quoted item. */
const JSON_LIKE = /[{[]\s*"[^"]*"\s*[:,\]}]|"\s*:\s*["{[\d]|\\u[0-9a-f]{4}/i;

test('the JSON detector sees JSON and lets prose pass', () => {
  assert.match('{"zh":"章丘","en":"Zhangqiu"}', JSON_LIKE);
  assert.match('["a","b"]', JSON_LIKE);
  assert.doesNotMatch('The label "Cooperation deals" becomes "expressions of intent": a correction.', JSON_LIKE);
  assert.doesNotMatch('标签由“合作协议”改为“合作意向”。', JSON_LIKE);
});

test('no release page shows JSON in its visible text, in any edition', () => {
  const all = releases();
  assert.ok(all.length >= 2);
  for (const r of all)
    for (const lang of LANGS) {
      const { text } = page(r.version, lang);
      const m = JSON_LIKE.exec(text);
      assert.equal(
        m,
        null,
        `${releasePath(r.version, lang)}: JSON in the text near "${m && text.slice(Math.max(0, m.index - 40), m.index + 60)}"`,
      );
    }
});

test('each release page opens with its summary in both languages and its readable name beside the hash', () => {
  for (const r of releases())
    for (const lang of LANGS) {
      const { document } = page(r.version, lang);
      const where = releasePath(r.version, lang);
      const h1 = document.querySelector('h1')!.textContent!;
      assert.ok(h1.includes(r.name), `${where}: h1 "${h1}" lacks ${r.name}`);
      assert.match(r.name, /^\d{4}-\d{2}-\d{2} · \d+$/);
      assert.ok(document.body.textContent!.includes(r.version), `${where}: the content hash is shown`);
      const summary = document.querySelector('[data-release-summary]');
      assert.ok(summary, `${where}: no summary`);
      // The summary comes before the first section of changes.
      const first = document.querySelector('[data-diff-table], #release-downloads')!;
      assert.ok(summary.compareDocumentPosition(first) & 4, `${where}: the summary opens the page`);
      const s = summary.textContent!;
      assert.ok(s.includes(r.summary.en), `${where}: English summary`);
      assert.ok(s.includes(convertText(lang, r.summary.zh)) || s.includes(r.summary.zh), `${where}: Chinese summary`);
    }
});

test('versions of one day are numbered in order', () => {
  const all = releases();
  const byDay = new Map<string, string[]>();
  for (const r of [...all].reverse()) byDay.set(r.date, [...(byDay.get(r.date) ?? []), r.name]);
  for (const [day, names] of byDay)
    assert.deepEqual(
      names,
      names.map((_, i) => `${day} · ${i + 1}`),
    );
});

test('changed fields are shown as words removed and added, by character in Chinese', () => {
  const all = releases();
  let dels = 0,
    inss = 0;
  for (const r of all)
    for (const lang of LANGS) {
      const { document } = page(r.version, lang);
      for (const row of document.querySelectorAll('tr[data-diff="changed"]')) {
        dels += row.querySelectorAll('del').length;
        inss += row.querySelectorAll('ins').length;
      }
    }
  assert.ok(dels > 0 && inss > 0, `${dels} <del>, ${inss} <ins>`);
  // The correction of Fushan's cooperation items: the English label loses "deals" (a word diff);
  // on the Chinese page the same row shows the English, the only language that changed.
  const row = (version: string, lang: (typeof LANGS)[number], record: string, field: string) =>
    page(version, lang).document.querySelector(`tr[data-record="${record}"][data-field="${field}"]`)!;
  const en = row('data-82f39d34ad', 'en', 'fushan-cooperation-agreements', 'label');
  assert.ok(
    [...en.querySelectorAll('del')].some((d) => /\bdeals\b/.test(d.textContent!)),
    en.innerHTML,
  );
  assert.ok(row('data-82f39d34ad', 'zh', 'fushan-cooperation-agreements', 'label').querySelector('[lang="en"] del'));
  // A Chinese label that lost two characters shows exactly them removed, the rest kept.
  const zh = row('data-3c674d232b', 'zh', 'zhangqiu-approval-measures', 'label');
  assert.deepEqual(
    [...zh.querySelectorAll('del')].map((d) => d.textContent),
    ['改革'],
  );
  assert.equal(zh.querySelectorAll('ins').length, 0);
  assert.ok(zh.textContent!.includes('行政审批改革措施条数'));
});
