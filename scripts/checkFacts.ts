/**
 * check:facts — fails when MDX prose holds a number outside <Fact> (years and date parts are
 * allowed, see src/checks/proseCheck.ts) or a <Fact>/<Term> names an unknown id. Writes nothing.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CONTENT_DIR, getDataset } from '../src/dataset/dataset.ts';
import { DERIVED } from '../src/dataset/derived.ts';
import { CHARTS } from '../src/charts/index.ts';
import { emptyTexts, missingTranslations } from '../src/checks/languageParity.ts';
import { bareNumbers, unknownIds, unlinkedFirstUses } from '../src/checks/proseCheck.ts';

const { values } = parseArgs({ options: { dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(`Usage: npm run check:facts [-- --dir DIR]

Checks every .mdx under DIR (default $CONTENT_DIR/case-studies and $CONTENT_DIR/pages, CONTENT_DIR=content): no digit run outside <Fact id="…" />
except years (1949–2030) and date parts, that case studies link the first use of each glossary
term, that every <Fact>/<Term>/<Chart> id exists, that every file under zh/ has its twin under
en/ and the other way round, and that every chart's title, subtitle, summary and note are written
in both languages. Exit 1 on any problem.`);
  process.exit(0);
}
const dirs = values.dir ? [values.dir] : [`${CONTENT_DIR}/case-studies`, `${CONTENT_DIR}/pages`];
const data = getDataset();
const facts = new Set([...data.observation.keys(), ...DERIVED.map((d) => d.id)]);
const terms = new Set(data.term.keys());
const files = dirs
  .filter((dir) => existsSync(dir))
  .flatMap((dir) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.mdx'))
      .sort()
      .map((f) => join(dir, f)),
  );
let count = 0;
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const en = /(^|\/)en\//.test(f);
  // Case studies link the first use of every glossary term they use.
  const termUses = f.includes('case-studies')
    ? unlinkedFirstUses(
        text,
        data.glossary.map((g) => ({ id: g.id, form: en ? g.en : g.zhHans })),
        en,
      )
    : [];
  // A <Fact show="phrase"> needs the phrase in the data; a label dropped into a sentence is no longer offered.
  for (const m of text.matchAll(/<Fact id="([^"]+)" show="([^"]*)"/g)) {
    const line = text.slice(0, m.index).split('\n').length;
    if (!['value', 'number', 'phrase'].includes(m[2]!)) {
      console.error(`${f}:${line}: <Fact id="${m[1]}" show="${m[2]}">: show is value, number or phrase`);
      count++;
    } else if (m[2] === 'phrase' && !data.observation.get(m[1]!)?.phrase) {
      console.error(`${f}:${line}: <Fact id="${m[1]}" show="phrase">: the observation has no phrase`);
      count++;
    }
  }
  for (const p of [
    ...bareNumbers(text),
    ...unknownIds(text, facts, terms, new Set(CHARTS.map((c) => c.id))),
    ...termUses,
  ]) {
    console.error(`${f}:${p.line}: ${p.reason}`);
    count++;
  }
}
// A page written in one language only would be built in that language alone, and silently.
for (const dir of dirs.filter((d) => existsSync(d))) {
  const rel = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx'));
  for (const p of missingTranslations(dir, rel)) {
    console.error(p);
    count++;
  }
}
for (const c of CHARTS) {
  for (const p of emptyTexts({
    title: c.title,
    subtitle: c.subtitle,
    summary: c.summary,
    comparability: c.comparability,
  })) {
    console.error(`chart ${c.id}: ${p} is empty`);
    count++;
  }
}
if (count > 0) {
  console.error(`check:facts: ${count} problem(s)`);
  process.exit(1);
}
console.log(`check:facts: ${files.length} MDX files, every number is a <Fact>`);
