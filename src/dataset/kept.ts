/**
 * What a frozen release keeps besides its data, written once when it is made
 * (scripts/writeReleaseFiles.ts) and served as it is ever after, so that no later change to the
 * site's code changes what a published release serves:
 *
 * - `published/`: every file the release publishes under `/v/<version>/` but its PNGs, at its
 *   path without the `/v/<version>` part (`charts/<id>/chart.svg`, `en/charts/…`,
 *   `zh-hant/charts/…` already in Traditional script, `data/…`), with the build's origin written
 *   as `KEPT_ORIGIN`;
 * - `embeds/<id>.json` (`embeds/en/…`, `embeds/zh-hant/…`): what each pinned embed shows (title,
 *   drawings, legend, note, credit), which the embed page lays out;
 * - `published.json`: the SHA-256 of each of those files, each chart's fingerprint (what its
 *   reader sees change) and the SHA-256 of each PNG as drawn for `png.origin`.
 *
 * The PNGs are not kept: they are drawn from the kept SVG at build time through a cache keyed by
 * the exact SVG, fonts and renderer (src/outputs/png.ts), and their recorded hashes hold them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'astro/zod';
import { RELEASES_DIR } from './releases.ts';

/**
 * The origin as kept files write it, replaced by the build's own origin when they are published.
 * A reserved name (RFC 2606) that no build may name (src/site/origin.ts refuses it), so the
 * replacement can never hit anything else.
 */
export const KEPT_ORIGIN = 'https://origin.invalid/';
/** The folder of a release's kept published files. */
export const PUBLISHED_DIR = 'published';
/** The folder of a release's kept embed figures. */
export const EMBEDS_DIR = 'embeds';
/** The manifest of a release's kept files. */
export const MANIFEST = 'published.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');

/** `published.json`: what a release keeps, by hash. Paths are relative to the release's folder. */
export const keptManifestSchema = z.strictObject({
  /** The origin the kept files write, always `KEPT_ORIGIN`. */
  origin: z.literal(KEPT_ORIGIN),
  /** Every kept file (`published/…`, `embeds/…`) → SHA-256 of its bytes. */
  files: z.record(z.string(), sha256),
  /** Chart id → SHA-256 of what a reader sees of it (its rows in every content language): the charts the release draws. */
  charts: z.record(z.string(), sha256),
  /** The PNGs as drawn when the release was made, for one origin. */
  png: z.strictObject({
    /** The origin those PNGs print (the local server's, which tests build for). */
    origin: z.url(),
    /** Published path relative to `/v/<version>/` (`charts/<id>/chart.png`, `en/charts/…`) → SHA-256. */
    files: z.record(z.string(), sha256),
  }),
});
export type KeptManifest = z.infer<typeof keptManifestSchema>;

/** SHA-256 in hex of `bytes`. */
export const sha256Of = (bytes: string | Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** `text` as published at `site`: the kept origin replaced by the build's. */
export function withOrigin(text: string, site: URL | string): string {
  return text.replaceAll(KEPT_ORIGIN, typeof site === 'string' ? site : site.href);
}

const manifests = new Map<string, KeptManifest | undefined>();

/** The manifest of release `version` in `dir`, or undefined when it keeps nothing yet; throws naming the file when invalid. */
export function keptManifest(version: string, dir: string = RELEASES_DIR): KeptManifest | undefined {
  const file = join(dir, version, MANIFEST);
  if (manifests.has(file)) return manifests.get(file);
  let manifest: KeptManifest | undefined;
  if (existsSync(file)) {
    const parsed = keptManifestSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success)
      throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    manifest = parsed.data;
  }
  manifests.set(file, manifest);
  return manifest;
}

/** The manifest of release `version`; throws, saying how to write it, when the release keeps nothing. */
export function keptManifestOrThrow(version: string, dir: string = RELEASES_DIR): KeptManifest {
  const m = keptManifest(version, dir);
  if (!m)
    throw new Error(
      `${join(dir, version)}/ keeps no published files (${MANIFEST}): run node scripts/writeReleaseFiles.ts --version ${version}`,
    );
  return m;
}

/** The kept file `path` (relative to the release's folder) of release `version`, as text. */
export function keptText(version: string, path: string, dir: string = RELEASES_DIR): string {
  return readFileSync(join(dir, version, path), 'utf8');
}

/** Every file under `folder`, as paths relative to `base`, sorted. */
function filesUnder(base: string, folder: string): string[] {
  const root = join(base, folder);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(base.length + 1))
    .sort();
}

/**
 * Everything wrong with the kept files of the releases `versions` in `dir`, one line each naming
 * the file: a release that keeps nothing, a kept file edited, missing or not in its manifest.
 */
export function keptProblems(versions: readonly string[], dir: string = RELEASES_DIR): string[] {
  const problems: string[] = [];
  for (const v of versions) {
    const base = join(dir, v);
    let m: KeptManifest | undefined;
    try {
      m = keptManifest(v, dir);
    } catch (e) {
      problems.push((e as Error).message);
      continue;
    }
    if (!m) {
      problems.push(
        `${base}/: keeps no published files (${MANIFEST}): run node scripts/writeReleaseFiles.ts --version ${v}`,
      );
      continue;
    }
    const present = new Set([...filesUnder(base, PUBLISHED_DIR), ...filesUnder(base, EMBEDS_DIR)]);
    for (const [path, hash] of Object.entries(m.files)) {
      if (!present.delete(path)) problems.push(`${join(base, path)}: listed in ${MANIFEST} but missing`);
      else if (sha256Of(readFileSync(join(base, path))) !== hash)
        problems.push(
          `${join(base, path)}: edited after release; a release's kept files are never edited (restore it with git checkout)`,
        );
    }
    for (const path of present) problems.push(`${join(base, path)}: not in ${join(base, MANIFEST)}`);
  }
  return problems;
}

/** One file to keep: its path relative to the release's folder and its text. */
export interface KeptFile {
  path: string;
  body: string;
}

/** Throws naming the first of `files` that writes the origin other than whole, as `KEPT_ORIGIN`. */
function assertOriginWhole(files: readonly KeptFile[]): void {
  const host = new URL(KEPT_ORIGIN).host;
  for (const f of files) {
    // Any mention of the placeholder host other than as the whole origin (a bare host, an escaped
    // slash) would survive publication and name origin.invalid.
    if (f.body.split(host).length !== f.body.split(KEPT_ORIGIN).length)
      throw new Error(`${f.path}: writes the origin other than as ${KEPT_ORIGIN}, which publication could not replace`);
  }
}

const sorted = (o: Record<string, string>) =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)));

function write(base: string, files: readonly KeptFile[], manifest: KeptManifest): KeptManifest {
  for (const f of files) {
    mkdirSync(dirname(join(base, f.path)), { recursive: true });
    writeFileSync(join(base, f.path), f.body);
  }
  writeFileSync(join(base, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  manifests.delete(join(base, MANIFEST));
  return manifest;
}

/**
 * Writes the kept files of release `version` in `dir` and their manifest; throws, writing
 * nothing, when the release keeps files already (kept files are never rewritten) or when a file
 * writes the origin other than as `KEPT_ORIGIN` (it would name the wrong site once published).
 */
export function writeKept(
  version: string,
  files: readonly KeptFile[],
  charts: KeptManifest['charts'],
  png: KeptManifest['png'],
  dir: string = RELEASES_DIR,
): KeptManifest {
  const base = join(dir, version);
  if (existsSync(join(base, MANIFEST)) || existsSync(join(base, PUBLISHED_DIR)) || existsSync(join(base, EMBEDS_DIR)))
    throw new Error(`${base}/ keeps its files already: a release's kept files are never rewritten`);
  assertOriginWhole(files);
  return write(base, files, {
    origin: KEPT_ORIGIN,
    files: sorted(Object.fromEntries(files.map((f) => [f.path, sha256Of(f.body)]))),
    charts,
    png: { origin: png.origin, files: sorted(png.files) },
  });
}

/**
 * Adds `files` and the hashes of their PNGs (`pngs`, drawn for the manifest's PNG origin) to what
 * release `version` in `dir` keeps: an edition added after the release was made. Throws, writing
 * nothing, when any of them is kept already (kept files are never rewritten).
 */
export function addKept(
  version: string,
  files: readonly KeptFile[],
  pngs: KeptManifest['png']['files'],
  dir: string = RELEASES_DIR,
): KeptManifest {
  const base = join(dir, version);
  const kept = keptManifestOrThrow(version, dir);
  const again = [...files.map((f) => f.path), ...Object.keys(pngs)].filter(
    (p) => kept.files[p] || kept.png.files[p] || existsSync(join(base, p)),
  );
  if (again.length > 0)
    throw new Error(`${join(base, again[0]!)}: kept already; a release's kept files are never rewritten`);
  assertOriginWhole(files);
  return write(base, files, {
    ...kept,
    files: sorted({ ...kept.files, ...Object.fromEntries(files.map((f) => [f.path, sha256Of(f.body)])) }),
    png: { origin: kept.png.origin, files: sorted({ ...kept.png.files, ...pngs }) },
  });
}
