/**
 * check:data — validates content/data/ (or --data DIR) without building the site: JSON syntax,
 * schemas, references. Prints every problem as `file: record: field: expected …`; exits 1 on any.
 */
import { parseArgs } from 'node:util';
import { formatProblem, loadDataset } from '../src/dataset/loadDataset.ts';
import { DATA_DIR } from '../src/dataset/dataset.ts';

const { values } = parseArgs({ options: { data: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(`Usage: npm run check:data [-- --data DIR]

Checks the dataset files (sources, districts, indicators, observations, glossary .json) in DIR
(default ${DATA_DIR}) against their zod schemas and each other. Writes nothing.
Exit 0 when valid; 1 with one line per problem: file: record id: field: expected ...`);
  process.exit(0);
}
const dir = values.data ?? DATA_DIR;
const result = loadDataset(dir);
if (!result.ok) {
  for (const p of result.problems) console.error(formatProblem(p));
  console.error(`check:data: ${result.problems.length} problem(s) in ${dir}`);
  process.exit(1);
}
const d = result.dataset;
console.log(
  `check:data: ${dir} is valid: ${d.sources.length} sources, ${d.districts.length} districts, ` +
    `${d.indicators.length} indicators, ${d.observations.length} observations, ${d.glossary.length} glossary terms, ${d.frames.length} frames`,
);
