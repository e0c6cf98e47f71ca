/**
 * Computes the `BuildInputs` of pageKeys.ts from the files a build reads: the code and
 * configuration, the content folder (the case studies apart) and the origin. Reads files; the
 * folders are passed in.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { filesUnder } from './files.ts';
import type { BuildInputs } from './pageKeys.ts';

const short = (h: ReturnType<typeof createHash>) => h.digest('hex').slice(0, 16);

/** Hash (16 hex digits) of the files under `roots`, names (relative to `base`) and bytes, and of `extra` texts. */
export function hashFiles(roots: string[], base: string, extra: string[] = [], skip?: Set<string>): string {
  const h = createHash('sha256');
  for (const t of extra) h.update(`${t}\0`);
  for (const root of roots)
    for (const rel of filesUnder(root, skip)) {
      const f = join(root, rel);
      h.update(`${relative(base, f)}\0`);
      h.update(readFileSync(f));
      h.update('\0');
    }
  return short(h);
}

/** The front matter block of an MDX file's text (empty when it has none). */
function frontMatterOf(text: string): string {
  return /^---\n[\s\S]*?\n---\n/.exec(text)?.[0] ?? '';
}

/**
 * The inputs of a build of the project at `root`: `code` (files and folders under it whose change
 * renders everything again), the `content` folder, `dataDir` when the dataset is read from
 * elsewhere, and the `origin` the build names. Case studies are `content`/case-studies/<lang>/<district>.mdx.
 */
export function buildInputs(opts: {
  root: string;
  code: string[];
  content: string;
  dataDir?: string | undefined;
  origin: string;
}): BuildInputs {
  const { root, content, origin } = opts;
  const caseDir = join(content, 'case-studies');
  const base = hashFiles(
    [...opts.code.map((c) => join(root, c)), content, ...(opts.dataDir ? [opts.dataDir] : [])],
    root,
    [origin],
    new Set(['case-studies', 'node_modules', '.astro']),
  );
  const caseStudies: Record<string, Record<string, string>> = {};
  const citing: Record<string, Record<string, string>> = {};
  const all = createHash('sha256');
  const fm = createHash('sha256');
  const langs = existsSync(caseDir) ? readdirSync(caseDir).sort() : [];
  for (const lang of langs) {
    const byDistrict: Record<string, string> = {};
    const cites = new Map<string, ReturnType<typeof createHash>>();
    for (const f of filesUnder(join(caseDir, lang))
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => join(caseDir, lang, f))) {
      const text = readFileSync(f, 'utf8');
      const hash = short(createHash('sha256').update(text));
      const district = basename(f, '.mdx');
      byDistrict[district] = hash;
      all.update(`${lang}/${district}\0${hash}\0`);
      fm.update(`${lang}/${district}\0${frontMatterOf(text)}\0`);
      // A figure's page shows every sentence that cites it: its key holds each case study citing it.
      for (const m of text.matchAll(/<Fact\s+id="([^"]+)"/g)) {
        const h = cites.get(m[1]!) ?? createHash('sha256');
        cites.set(m[1]!, h);
        h.update(`${district}\0${hash}\0`);
      }
    }
    caseStudies[lang] = byDistrict;
    citing[lang] = Object.fromEntries([...cites].map(([id, h]) => [id, short(h)]));
  }
  return { base, frontMatter: short(fm), prose: short(all), caseStudies, citing };
}
