// No built page reproduces a source: no run of 18 or more consecutive characters of a source text
// (whitespace dropped and punctuation folded on both sides, as the provenance check matches) in
// any page's text, passages, term and data point pages included. Quoted locators (at most 30
// characters, in `blockquote.locator` or another element marked `translate="no"`) are the
// exception the editorial rules allow. Skipped, and reported as skipped, where the texts are absent.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { listFiles } from '../../src/checks/builtSite.ts';
import { normaliseForMatch } from '../../src/checks/provenance.ts';
import { getDataset } from '../../src/dataset/dataset.ts';

const DIST = process.env.DIST_DIR ?? 'dist';
const SOURCES = process.env.SOURCES_DIR ?? '../shared/sources';
const RUN = 18;

/** A page's text a reader sees, without scripts, styles and the short quotations the rules allow. */
function pageText(html: string): string {
  return html
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<(\w+)\b[^>]*\btranslate="no"[^>]*>([\s\S]*?)<\/\1>/g, (m, _tag, inner: string) =>
      inner.replace(/<[^>]+>/g, '').length <= 30 ? ' ' : m,
    )
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");
}

test(`no page holds a run of ${RUN} or more characters of a source text`, {
  skip: existsSync(SOURCES) ? false : `source texts not found at ${SOURCES} (set SOURCES_DIR): NOT checked`,
}, () => {
  const data = getDataset();
  // Every run of RUN characters of every source, normalised (a source's printed headline is
  // its title, which citations may give as printed: left out, as in the prose test).
  const shingles = new Map<string, string>();
  for (const s of data.sources) {
    const text = normaliseForMatch(readFileSync(join(SOURCES, s.file), 'utf8'))
      .split(normaliseForMatch(s.title))
      .join('\u0000');
    const chars = [...text];
    for (let i = 0; i + RUN <= chars.length; i++) {
      const run = chars.slice(i, i + RUN).join('');
      if (!run.includes('\u0000')) shingles.set(run, s.id);
    }
  }
  assert.ok(shingles.size > 10000, `${shingles.size} runs`);
  const pages = listFiles(DIST).filter((f) => f.endsWith('.html'));
  assert.ok(pages.length > 100, `${pages.length} pages`);
  const found: string[] = [];
  for (const f of pages) {
    const chars = [...normaliseForMatch(pageText(readFileSync(join(DIST, f), 'utf8')))];
    for (let i = 0; i + RUN <= chars.length; i++) {
      const run = chars.slice(i, i + RUN).join('');
      const src = shingles.get(run);
      if (src) {
        found.push(`${f}: "${run}" (${src})`);
        break;
      }
    }
  }
  assert.deepEqual(found.slice(0, 20), [], `${found.length} pages quote a source`);
});
