import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startHarness, type Harness } from '../../scripts/lib/browser.ts';
import { homeHeadline } from '../lib/homeStory.ts';

let h: Harness;
before(async () => {
  h = await startHarness();
});
after(async () => {
  await h?.close();
});

test('the Chinese home page renders its title, language and the three districts', async () => {
  const page = await h.browser.newPage();
  await page.goto(h.url);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-Hans');
  assert.equal(await page.title(), '党建模式比较：章丘 · 市中 · 福山');
  assert.equal((await page.textContent('h1'))?.trim(), homeHeadline('zh'));
  const cards = await page.locator('.cards h3').allTextContents();
  assert.deepEqual(cards, ['章丘区', '市中区', '福山区']);
  await page.close();
});

test('the English home page renders in English and links back to Chinese', async () => {
  const page = await h.browser.newPage();
  await page.goto(new URL('en/', h.url).href);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.title(), /Party-Building Models Compared/);
  assert.equal((await page.textContent('h1'))?.trim(), homeHeadline('en'));
  assert.deepEqual(await page.locator('.cards h3').allTextContents(), [
    'Zhangqiu District',
    'Shizhong District',
    'Fushan District',
  ]);
  await page.click('a[hreflang="zh-Hans"]');
  assert.equal(new URL(page.url()).pathname, '/');
  await page.close();
});
