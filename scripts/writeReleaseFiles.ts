/**
 * writeReleaseFiles — writes what a frozen release keeps besides its data, so that no later build
 * makes it again: content/releases/<version>/published/ (every file it publishes under
 * /v/<version>/ but its PNGs), embeds/ (each pinned embed's figure) and published.json (their
 * hashes, each chart's fingerprint, the PNGs' hashes). scripts/writeRelease.ts runs it for the
 * release it makes; run it by hand only for a release that keeps nothing yet.
 */
import { parseArgs } from 'node:util';
import { keptManifest, KEPT_ORIGIN } from '../src/dataset/kept.ts';
import { RELEASES_DIR, releaseOrThrow, releases } from '../src/dataset/releases.ts';
import { keepRelease } from '../src/outputs/releaseFiles.ts';
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
Drawing the PNGs takes about a second per chart and edition. Fails, writing nothing for that
release, when it keeps its files already: kept files are never rewritten.`);
  process.exit(0);
}
const wanted = values.version ?? releases().map((r) => r.version);
const todo = values.version ? wanted : wanted.filter((v) => !keptManifest(v));
if (todo.length === 0) console.log(`writeReleaseFiles: every release in ${RELEASES_DIR}/ keeps its files already`);
for (const version of todo) {
  try {
    const m = keepRelease(releaseOrThrow(version), localOrigin());
    console.log(
      `writeReleaseFiles: ${RELEASES_DIR}/${version}/ keeps ${Object.keys(m.files).length} files and the hashes of ${Object.keys(m.png.files).length} PNGs`,
    );
  } catch (e) {
    console.error(`writeReleaseFiles: ${(e as Error).message}`);
    process.exit(1);
  }
}
