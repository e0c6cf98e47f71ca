/**
 * Writes each data point's files made from the dataset alone (src/outputs/pointFiles.ts: its
 * record as JSON and CSV, its citation as RIS and CSL-JSON in every edition) into a built site.
 * scripts/buildSite.ts runs it beside `astro build`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { getDataset } from '../src/dataset/dataset.ts';
import { pointFiles } from '../src/outputs/pointFiles.ts';
import { buildOrigin } from '../src/site/origin.ts';

const { values } = parseArgs({
  options: {
    site: { type: 'string' },
    'wait-for': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help || !values.site) {
  console.log(`Usage: node scripts/writePointFiles.ts --site DIR [--wait-for FILE]

Writes into DIR, for every data point of the dataset (CONTENT_DIR, DATA_DIR), data/points/<id>.json
and .csv and, in every edition, data/<id>/citation.ris and citation.csl.json, naming the build's
origin (SITE_URL, else the local server's). --wait-for: start once FILE exists (the build passes
the manifest Astro writes when it starts rendering, after it has prepared its output folder).`);
  process.exit(values.help ? 0 : 2);
}
const site = new URL(buildOrigin(process.env));
if (values['wait-for']) while (!existsSync(values['wait-for'])) await new Promise((ok) => setTimeout(ok, 200));
const t0 = performance.now();
const data = getDataset();
const made = new Set<string>();
let n = 0;
for (const o of data.observations)
  for (const f of pointFiles(data, o.id, site)) {
    const file = join(values.site, f.path);
    const dir = dirname(file);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(file, f.text);
    n++;
  }
console.log(
  `writePointFiles: ${n} files for ${data.observations.length} data points in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
);
