// Passage ids: made from each passage's own words, so inserting or editing another paragraph
// leaves them; the same id read from the MDX source and from the rendered paragraph.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  documentPassages,
  factDirective,
  passageDirective,
  passageDocs,
  passageId,
  renderedSignature,
  sourceSignature,
} from '../../src/outputs/passages.ts';

const before = readFileSync('tests/fixtures/passages/before.mdx', 'utf8');
const after = readFileSync('tests/fixtures/passages/after.mdx', 'utf8');

test('a paragraph inserted before the others leaves their ids as they were', () => {
  const a = documentPassages(before, 'en', 'before.mdx');
  const b = documentPassages(after, 'en', 'after.mdx');
  assert.equal(a.length, 5, 'three paragraphs and two list items');
  assert.equal(b.length, 6);
  assert.deepEqual(
    b.slice(1).map((p) => p.id),
    a.map((p) => p.id),
  );
  assert.ok(!a.some((p) => p.id === b[0]!.id), 'the new paragraph has an id of its own');
  // Their numbers shift (¶ n is a position); the ids are the anchors.
  assert.deepEqual(
    b.slice(1).map((p) => p.n),
    a.map((p) => p.n + 1),
  );
});

test('rewording a paragraph changes its id and no other', () => {
  const a = documentPassages(before, 'en', 'x');
  const edited = before.replace('closes the fixture', 'ends the fixture');
  const b = documentPassages(edited, 'en', 'x');
  assert.deepEqual(
    b.slice(0, -1).map((p) => p.id),
    a.slice(0, -1).map((p) => p.id),
  );
  assert.notEqual(b.at(-1)!.id, a.at(-1)!.id);
});

test('quotation marks, markup and a figure as rendered do not change an id', () => {
  const source = 'The case says <Fact id="zhangqiu-cadres-sent-down" /> were "sent down" -- **all** of them.';
  const html =
    'The case says <a class="fact" href="/en/data/zhangqiu-cadres-sent-down/" data-fact="zhangqiu-cadres-sent-down">' +
    'more than 1,200 people</a> were “sent down” – <strong>all</strong> of them.';
  assert.equal(renderedSignature(html), sourceSignature(source));
  const phrase =
    'It counts <span data-fact-phrase="fushan-small-villages">of which <a class="fact" href="/x/" data-fact="fushan-small-villages">259</a> are small</span>.';
  assert.equal(
    renderedSignature(phrase),
    sourceSignature('It counts <Fact id="fushan-small-villages" show="phrase" />.'),
  );
  assert.notEqual(
    passageId(sourceSignature('A <Fact id="a-figure" /> b.')),
    passageId(sourceSignature('A <Fact id="another-figure" /> b.')),
    'a different figure is a different passage',
  );
});

test('two passages with the same words in one document are refused, naming the document', () => {
  const doubled = `${before}\nThe last paragraph closes the fixture.\n`;
  assert.throws(
    () => documentPassages(doubled, 'en', 'doubled.mdx'),
    /doubled\.mdx: two passages have the id p-[0-9a-f]{8}/,
  );
});

test('sentences quote the figure as the page renders it, and list figures and terms', () => {
  const [first, second] = documentPassages(before, 'en', 'x');
  assert.deepEqual(first!.sentences[0]!.terms, [{ id: 'party-building-work-zone', text: 'party-building work zone' }]);
  const s = second!.sentences[0]!;
  assert.equal(s.facts[0]!.id, 'zhangqiu-cadres-sent-down');
  assert.match(s.text, /^The second paragraph cites a figure: more than 1,200 people were sent down/);
  assert.equal(factDirective(s, s.facts[0]!.text, 'en'), ':~:text=cites%20a%20figure-,more%20than%201%2C200%20people');
  assert.match(passageDirective(first!, 'en'), /^:~:text=The%20first%20paragraph%20names%20the%20party%2Dbuilding,/);
});

test('every document of the site has passages with ids unique within it', () => {
  const docs = passageDocs();
  assert.ok(docs.length >= 8, `${docs.length} documents`);
  for (const d of docs) {
    assert.ok(d.passages.length > 5, `${d.kind} ${d.slug} ${d.lang}: ${d.passages.length} passages`);
    assert.equal(new Set(d.passages.map((p) => p.id)).size, d.passages.length);
  }
});

test('a term is found by its tag, its headword or (in English) its rendering; a one-character headword only by its tag', async () => {
  const { termPattern } = await import('../../src/outputs/concordance.ts');
  const g = (zhHans: string, en: string) => ({ zhHans, en }) as Parameters<typeof termPattern>[0];
  assert.ok(termPattern(g('党建工作区', 'party-building work zone'), 'en').test('three Party-building work zones'));
  assert.ok(termPattern(g('党建工作区', 'party-building work zone'), 'zh').test('章丘的党建工作区'));
  assert.ok(!termPattern(g('党建工作区', 'party-building work zone'), 'zh').test('party-building work zone'));
  assert.ok(!termPattern(g('镇', 'town'), 'zh').test('街镇'));
  assert.ok(termPattern(g('镇', 'town'), 'en').test('the town'));
});
