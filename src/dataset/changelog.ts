/**
 * The changelog of dataset versions (`content/changelog.json`), newest first. Every change to
 * `content/data/` changes the content-hash version, and a test then asks for a new entry here.
 */
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { CONTENT_DIR } from './dataset.ts';
import { bilingual, isoPartialDate } from './schemas.ts';

/**
 * One released dataset version: its content hash, its date, a summary for people (a sentence or
 * two, both languages, written when the release is made) and what changed in detail.
 */
export const changelogEntrySchema = z.object({
  /** `data-` plus ten hex digits, as `datasetVersion()` computes it. */
  version: z.string().regex(/^data-[0-9a-f]{10}$/, 'a version like data-0123456789'),
  /** Release date, YYYY-MM-DD. */
  date: isoPartialDate.refine((d) => d.length === 10, 'a full date YYYY-MM-DD'),
  /** What the release means for a reader, in a sentence or two: the release page opens with it in both languages. */
  summary: bilingual,
  /** What changed, in detail, field by field in words. */
  changes: bilingual,
});

/**
 * The readable name of each version in `entries` (newest first): its date and its place among the
 * releases of that day, `2026-12-01 · 2`. The content hash stays the version's identity; the name is for people.
 */
export function versionNames(entries: readonly { version: string; date: string }[]): Map<string, string> {
  const names = new Map<string, string>();
  const perDay = new Map<string, number>();
  for (const e of [...entries].reverse()) {
    const n = (perDay.get(e.date) ?? 0) + 1;
    perDay.set(e.date, n);
    names.set(e.version, `${e.date} · ${n}`);
  }
  return names;
}
export type ChangelogEntry = z.infer<typeof changelogEntrySchema>;

// Generated content (the scale benchmark's) has no changelog of its own: it borrows the site's.
/** The changelog file the site reads. */
export const CHANGELOG_FILE = existsSync(`${CONTENT_DIR}/changelog.json`)
  ? `${CONTENT_DIR}/changelog.json`
  : 'content/changelog.json';
let cached: ChangelogEntry[] | undefined;

/** The changelog (`<CONTENT_DIR>/changelog.json`, else the site's), checked, newest first; throws when the file does not match the schema. */
export function changelog(file = CHANGELOG_FILE): ChangelogEntry[] {
  if (cached && file === CHANGELOG_FILE) return cached;
  const entries = z
    .array(changelogEntrySchema)
    .min(1)
    .parse(JSON.parse(readFileSync(file, 'utf8')));
  if (file === CHANGELOG_FILE) cached = entries;
  return entries;
}
