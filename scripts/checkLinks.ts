/**
 * Writes a link report for a built site: every internal link, anchor, image, download, feed,
 * alternate and sitemap entry checked against the files (no server, no network).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkLinks, summary } from '../src/checks/links.ts';

const { values } = parseArgs({
  options: { help: { type: 'boolean', short: 'h' }, dir: { type: 'string' }, report: { type: 'string' } },
});
if (values.help) {
  console.log(`Usage: node scripts/checkLinks.ts [--dir dist] [--report FILE]

Checks every internal reference in DIR (default dist/): <a>, <link> (canonical, hreflang
alternates, feeds, icons, stylesheets), <img>/srcset, <script src>, <iframe>, forms, SVG <use>,
#fragments (the id must exist in the target page), sitemap and feed entries, CSS url()s and
site URLs inside JSON files. Absolute URLs on the site's origin (read from the home page's
canonical link) are mapped onto DIR. External URLs are listed, not fetched.
Prints counts; with --report writes the full report as JSON. Exits 1 if anything is broken.`);
  process.exit(0);
}
const report = checkLinks(values.dir ?? 'dist');
if (values.report) writeFileSync(values.report, `${JSON.stringify(report, null, 2)}\n`);
console.log(`checkLinks: ${summary(report)}`);
for (const b of report.broken.slice(0, 50)) console.error(`  broken: ${b.from} → ${b.url} (${b.kind}): ${b.reason}`);
if (report.broken.length > 50) console.error(`  … and ${report.broken.length - 50} more`);
process.exit(report.broken.length ? 1 : 0);
