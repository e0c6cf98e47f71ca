/**
 * writeReleaseFiles — writes what a frozen release keeps besides its data, so that no later build
 * makes it again: content/releases/<version>/published/ (every file it publishes under
 * /v/<version>/ but its PNGs), embeds/ (each pinned embed's figure) and published.json (their
 * hashes, each chart's fingerprint, the PNGs' hashes). scripts/writeRelease.ts runs it for the
 * release it makes; run it by hand for a release that keeps nothing yet, or after adding an
 * edition, whose files it then keeps beside those of every release.
 */
import { parseArgs } from 'node:util';
import { KEPT_ORIGIN, keptManifest } from '../src/dataset/kept.ts';
import { RELEASES_DIR, releaseOrThrow, releases } from '../src/dataset/releases.ts';
import { keepNewEditions, keepRelease, keptEditions } from '../src/outputs/releaseFiles.ts';
import { LANGS } from '../src/site/editions.ts';
import { localOrigin } from '../src/site/origin.ts';

const { values } = parseArgs({
  options: {
    version: { type: 'string', multiple: true },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log(`Usage: node scripts/writeReleaseFiles.ts [--version data-… ...]

Writes, for each frozen release in ${RELEASES_DIR}/ that keeps nothing yet (or only those named
with --version), what it publishes as made now, never to be made again:
  <version>/published/      every file under /v/<version>/ but the PNGs: each chart's chart.svg,
                            data.csv and data.json in every edition (the Traditional one converted),
                            and data/ (tables, data points, districts, datapackage.json,
                            CITATION.cff, schema/); the origin written as ${KEPT_ORIGIN}
  <version>/embeds/         what each pinned embed shows (title, drawings, legend, note, credit)
  <version>/published.json  the SHA-256 of each, each chart's fingerprint (its embeds' notice
                            compares them), and the SHA-256 of each chart.png as drawn for
                            ${localOrigin()} (the origin tests build for)
Builds serve these files with their own origin put in and draw each PNG from the kept SVG.
For a release that keeps its files already but not those of an edition added since (whose pinned
files builds make until then), adds that edition's files and leaves the others as they are.
Drawing the PNGs takes about half a second per chart and edition. Fails, writing nothing for
that release, when asked to rewrite a kept file: kept files are never rewritten.`);
  process.exit(0);
}
const wanted = values.version ?? releases().map((r) => r.version);
const missing = (v: string) => {
  const m = keptManifest(v);
  return !m || keptEditions(m).length < LANGS.length;
};
const todo = values.version ? wanted : wanted.filter(missing);
if (todo.length === 0) console.log(`writeReleaseFiles: every release in ${RELEASES_DIR}/ keeps its files already`);
for (const version of todo) {
  try {
    const release = releaseOrThrow(version);
    const m = keptManifest(version) ? keepNewEditions(release) : keepRelease(release, localOrigin());
    console.log(
      `writeReleaseFiles: ${RELEASES_DIR}/${version}/ keeps ${Object.keys(m.files).length} files and the hashes of ${Object.keys(m.png.files).length} PNGs`,
    );
  } catch (e) {
    console.error(`writeReleaseFiles: ${(e as Error).message}`);
    process.exit(1);
  }
}
