/**
 * The command line of the search index builder (src/searchIndex/buildIndex.ts, which says what it
 * writes): `node scripts/buildSearchIndex.ts --site DIR [--wait-for-site]`, see `--help`.
 * scripts/buildSite.ts runs it beside `astro build` with --wait-for-site.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildSearchIndex } from '../src/searchIndex/buildIndex.ts';
import { BUNDLE_DISTRICTS } from '../src/searchIndex/bundles.ts';

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      site: { type: 'string' },
      'wait-for-site': { type: 'boolean' },
      previous: { type: 'string' },
      plan: { type: 'string' },
      'bundle-districts': { type: 'string' },
      record: { type: 'string' },
      'keep-from': { type: 'string' },
      'keep-record': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(`Usage: node scripts/buildSearchIndex.ts --site DIR [--wait-for-site] [--previous DIR2 --plan FILE]
       [--bundle-districts N] [--record FILE3 [--keep-from DIR3 --keep-record FILE4]]

Reads the built pages in DIR, writes DIR/pagefind/ (Pagefind index of case-study sections, data
points, charts, sources and glossary terms in both languages), DIR/pagefind/facets.<lang>.json
(filter values per result, index chunk table, common words) and DIR/pagefind/t2s.<lang>.json
(the Traditional → Simplified dictionary entries that can matter for that index).

--wait-for-site  for a build in progress (the build runs this beside Astro): indexes the data
                 points, sources and glossary terms (made from the dataset) at once, reads the
                 case-study and chart pages as Astro writes them and writes the index, then waits
                 for the message "site-ready" from the parent process (IPC) to check that the
                 pages it read are the ones built and that no other page has records. Exits 1 if the parent goes away or sends anything else.
--previous, --plan for an incremental build: DIR holds only the pages rendered again, which the
                 build's manifest FILE lists (written by Astro when it starts rendering); the
                 other pages are read from the last build, DIR2.
--bundle-districts N  districts per bundle of the index (default ${BUNDLE_DISTRICTS}): the first
                 bundle is DIR/pagefind/, the others DIR/pagefind/b1/, b2/… (src/searchIndex/bundles.ts),
                 which the search page merges; each is written by its own Pagefind services.
--record FILE3   writes the bundle record (src/searchIndex/keptBundles.ts: each bundle's key and
                 fragments) to FILE3, which is not published; with --keep-from DIR3 --keep-record
                 FILE4 (a built site and its record), a bundle whose records are the same as in
                 DIR3 is linked from DIR3/pagefind/ instead of indexed again.`);
    process.exit(0);
  }
  if (!values.site) {
    console.error('buildSearchIndex: --site DIR is required');
    process.exit(1);
  }
  let siteReady = Promise.resolve();
  if (values['wait-for-site']) {
    if (!process.send) {
      console.error('buildSearchIndex: --wait-for-site needs an IPC channel to the parent');
      process.exit(1);
    }
    let ready = false;
    siteReady = new Promise<void>((ok) => {
      process.once('message', (m) => {
        if (m !== 'site-ready') {
          console.error(`buildSearchIndex: stopped by the build (${String(m)})`);
          process.exit(1);
        }
        ready = true;
        process.disconnect();
        ok();
      });
      process.once('disconnect', () => {
        if (!ready) {
          console.error('buildSearchIndex: the build went away');
          process.exit(1);
        }
      });
    });
  }
  if (Boolean(values.previous) !== Boolean(values.plan)) {
    console.error('buildSearchIndex: --previous and --plan go together');
    process.exit(1);
  }
  const previous = values.previous ? { dir: values.previous, plan: values.plan! } : undefined;
  const perBundle = values['bundle-districts'] === undefined ? BUNDLE_DISTRICTS : Number(values['bundle-districts']);
  if (!Number.isInteger(perBundle) || perBundle < 1) {
    console.error(`buildSearchIndex: --bundle-districts needs a whole number ≥ 1, not ${values['bundle-districts']}`);
    process.exit(1);
  }
  if (Boolean(values['keep-from']) !== Boolean(values['keep-record']) || (values['keep-from'] && !values.record)) {
    console.error('buildSearchIndex: --keep-from and --keep-record go together, and with --record');
    process.exit(1);
  }
  const reuse = values.record
    ? {
        record: values.record,
        ...(values['keep-from']
          ? { last: { pagefind: join(values['keep-from'], 'pagefind'), record: values['keep-record']! } }
          : {}),
      }
    : undefined;
  const counts = await buildSearchIndex(values.site, console.log, siteReady, previous, perBundle, reuse);
  console.log(
    `search index: ${Object.entries(counts)
      .map(([lang, n]) => `${n} ${lang}`)
      .join(', ')} records`,
  );
}
