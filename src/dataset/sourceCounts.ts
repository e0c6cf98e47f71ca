/**
 * The source texts' fingerprints and how often each uses each glossary term, as stored in
 * `content/source-counts.json` (written by scripts/writeSourceCounts.ts, checked by check:sources
 * against the texts when they are present). The texts stay outside the project: what is stored is
 * each file's SHA-256, its length and script, and counts, never a sentence.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { CONTENT_DIR } from './dataset.ts';
import type { Dataset } from './schemas.ts';

/** Where the counts are stored. */
export const SOURCE_COUNTS_FILE = `${CONTENT_DIR}/source-counts.json`;

const script = z.enum(['Hans', 'Hant']);

/** The stored file: one fingerprint per source, one row of counts per glossary term. */
export const sourceCountsSchema = z.object({
  /** What the file is and how to remake it. */
  about: z.string(),
  sources: z.array(
    z.object({
      /** Source id of sources.json. */
      id: z.string(),
      /** File name in the sources folder. */
      file: z.string(),
      /** SHA-256 of the file's bytes, lowercase hex. */
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      /** Length in Unicode characters (code points), whitespace not counted. */
      chars: z.number().int().nonnegative(),
      /** Length in Unicode characters with whitespace, as the file holds it. */
      charsRaw: z.number().int().nonnegative(),
      /** The script the text is printed in, as read from the text (scripts/lib/scriptOfText.ts). */
      script,
    }),
  ),
  terms: z.array(
    z.object({
      /** Glossary term id. */
      id: z.string(),
      /** The forms searched for, per script. */
      forms: z.object({ Hans: z.string(), Hant: z.string() }),
      /** Source id → occurrences of the form in the source's script (whitespace removed first). */
      counts: z.record(z.string(), z.number().int().nonnegative()),
    }),
  ),
});
/** The stored counts. */
export type SourceCounts = z.infer<typeof sourceCountsSchema>;

/** A text without whitespace: a newspaper column's line breaks may fall inside a term. */
export const withoutWhitespace = (text: string) => text.replace(/\s+/gu, '');

/** Non-overlapping occurrences of `form` in `text` (`text` already without whitespace). */
export function occurrences(text: string, form: string): number {
  const f = withoutWhitespace(form);
  return f ? text.split(f).length - 1 : 0;
}

/** SHA-256 of `bytes`, lowercase hex. */
export const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/**
 * Counts every glossary term of `data` in the source texts (`read(file)` gives a file's bytes, or
 * undefined when it is missing, which throws; `scriptOf` reads a text's script): the pure
 * computation the script writes and check:sources repeats.
 */
export function countSources(
  data: Pick<Dataset, 'sources' | 'glossary'>,
  read: (file: string) => Buffer | undefined,
  about: string,
  scriptOf: (text: string) => 'Hans' | 'Hant',
): SourceCounts {
  const texts = new Map<string, string>();
  const sources = data.sources.map((s) => {
    const bytes = read(s.file);
    if (!bytes) throw new Error(`source ${s.id}: ${s.file} is missing`);
    const text = bytes.toString('utf8');
    const bare = withoutWhitespace(text);
    texts.set(s.id, bare);
    return {
      id: s.id,
      file: s.file,
      sha256: sha256(bytes),
      chars: [...bare].length,
      charsRaw: [...text].length,
      script: scriptOf(text),
    };
  });
  const terms = data.glossary.map((g) => ({
    id: g.id,
    forms: { Hans: g.zhHans, Hant: g.zhHant },
    counts: Object.fromEntries(
      data.sources.map((s) => [s.id, occurrences(texts.get(s.id)!, s.script === 'Hant' ? g.zhHant : g.zhHans)]),
    ),
  }));
  return { about, sources, terms };
}

/** The stored counts, checked against the schema, or undefined when the file has not been written. */
export function storedSourceCounts(file = SOURCE_COUNTS_FILE): SourceCounts | undefined {
  // Read once per build: every term page asks.
  if (file === SOURCE_COUNTS_FILE && storedCache) return storedCache;
  const counts = readStoredCounts(file);
  if (file === SOURCE_COUNTS_FILE) storedCache = counts;
  return counts;
}
let storedCache: SourceCounts | undefined;

function readStoredCounts(file: string): SourceCounts | undefined {
  if (!existsSync(file)) return undefined;
  const parsed = sourceCountsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Differences between stored and recounted counts, one line each (empty when they agree). */
export function compareCounts(stored: SourceCounts, recount: SourceCounts): string[] {
  const out: string[] = [];
  for (const s of recount.sources) {
    const was = stored.sources.find((x) => x.id === s.id);
    if (!was) out.push(`source ${s.id}: not in the stored counts`);
    else if (was.sha256 !== s.sha256)
      out.push(`source ${s.id}: ${s.file} has SHA-256 ${s.sha256}, the stored counts were made from ${was.sha256}`);
    else if (was.chars !== s.chars || was.charsRaw !== s.charsRaw)
      out.push(`source ${s.id}: stored length differs from the file's`);
    if (was && s.script !== was.script) out.push(`source ${s.id}: the text reads as ${s.script}, stored ${was.script}`);
  }
  for (const t of recount.terms) {
    const was = stored.terms.find((x) => x.id === t.id);
    if (!was) {
      out.push(`term ${t.id}: not counted yet`);
      continue;
    }
    if (was.forms.Hans !== t.forms.Hans || was.forms.Hant !== t.forms.Hant)
      out.push(
        `term ${t.id}: counted as ${was.forms.Hans}/${was.forms.Hant}, the glossary now writes ${t.forms.Hans}/${t.forms.Hant}`,
      );
    for (const [src, n] of Object.entries(t.counts))
      if (was.counts[src] !== n) out.push(`term ${t.id} in ${src}: stored ${was.counts[src] ?? 'none'}, recount ${n}`);
  }
  for (const t of stored.terms)
    if (!recount.terms.some((x) => x.id === t.id)) out.push(`term ${t.id}: stored but no longer in the glossary`);
  return out;
}
