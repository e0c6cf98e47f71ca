/**
 * Frozen releases: every released dataset version kept as a snapshot of its data files in
 * `<CONTENT_DIR>/releases/<version>/`, checked against its content hash, so that pinned embeds,
 * downloads and citations keep showing exactly the data they were made from.
 *
 * Old snapshots are stored byte for byte as released and read with the current schemas: the
 * schemas only ever gain optional fields (the 2026-12-01 release added `phrase`), so an old
 * snapshot still validates. A schema change that an old snapshot fails is a breaking change and
 * stops the build, naming the file, rather than being read leniently.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHANGELOG_FILE, changelog, versionNames, type ChangelogEntry } from './changelog.ts';
import { CONTENT_DIR, DATA_DIR, getDataset, indexDataset, type IndexedDataset } from './dataset.ts';
import { formatProblem, loadDataset } from './loadDataset.ts';
import { datasetFiles } from './schemas.ts';
import { datasetDate, datasetVersion } from './version.ts';

/** Where frozen releases live (`RELEASES_DIR` overrides it; else `<CONTENT_DIR>/releases`). */
export const RELEASES_DIR = process.env.RELEASES_DIR ?? `${CONTENT_DIR}/releases`;

/** The checksum file of a frozen release: `<sha256>  <file>` per data file, so an edit is named by file. */
export const CHECKSUMS = 'SHA256SUMS';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The `SHA256SUMS` text of the data files in `dir`, in the fixed file order. */
export function checksums(dir: string): string {
  return Object.keys(datasetFiles)
    .sort()
    .map((n) => `${sha256(join(dir, `${n}.json`))}  ${n}.json\n`)
    .join('');
}

/** One released dataset version with its data, loaded and checked. */
export interface Release {
  /** `data-` plus ten hex digits: the content hash of the snapshot's files. */
  version: string;
  /** Release date, YYYY-MM-DD, from the changelog. */
  date: string;
  /** Date and sequence of the day (`2026-12-01 · 2`), for people; the version stays the identity. */
  name: string;
  summary: ChangelogEntry['summary'];
  changes: ChangelogEntry['changes'];
  data: IndexedDataset;
  /** True for the release that is the current data. */
  latest: boolean;
}

/** The version folders under `dir`, as written (not checked). */
export function releaseFolders(dir: string = RELEASES_DIR): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
}

/**
 * Everything wrong with the frozen releases, one line each naming the file: a snapshot whose
 * files no longer hash to its folder's name, a snapshot without a changelog entry or the other
 * way round, and current data that changed since the newest release. None when `dir` has no
 * releases at all (generated content, e.g. the scale benchmark's, builds only its current data).
 */
export function releaseProblems(
  dir: string = RELEASES_DIR,
  dataDir: string = DATA_DIR,
  changelogFile: string = CHANGELOG_FILE,
): string[] {
  const folders = releaseFolders(dir);
  if (folders.length === 0) return [];
  const problems: string[] = [];
  for (const v of folders) {
    const missing = Object.keys(datasetFiles).filter((n) => !existsSync(join(dir, v, `${n}.json`)));
    if (missing.length > 0) {
      problems.push(`${join(dir, v)}/: frozen release lacks ${missing.map((n) => `${n}.json`).join(', ')}`);
      continue;
    }
    const actual = datasetVersion(resolve(dir, v), { cache: false });
    if (actual === v) continue;
    // Name the edited files where the release's checksums say which; else the folder.
    const sums = join(dir, v, CHECKSUMS);
    const expected = existsSync(sums) ? readFileSync(sums, 'utf8').split('\n') : [];
    const now = checksums(join(dir, v)).split('\n');
    const edited = expected.length ? now.filter((l) => l && !expected.includes(l)).map((l) => l.split('  ')[1]) : [];
    const where = edited.length ? edited.map((f) => join(dir, v, f!)).join(', ') : `${join(dir, v)}/`;
    problems.push(
      `${where}: edited after release: the files hash to ${actual}, not ${v}; a frozen release must never be edited (restore it with git checkout)`,
    );
  }
  const entries = changelog(changelogFile);
  const listed = new Set(entries.map((e) => e.version));
  for (const v of folders)
    if (!listed.has(v)) problems.push(`${changelogFile}: no entry for the frozen release ${join(dir, v)}/`);
  for (const e of entries)
    if (!folders.includes(e.version)) problems.push(`${join(dir, e.version)}/: missing, but ${changelogFile} lists it`);
  const current = datasetVersion(resolve(dataDir), { cache: false });
  if (entries[0]?.version !== current)
    problems.push(
      `${dataDir}/: the data (${current}) changed since the last frozen release (${entries[0]?.version}): run node scripts/writeRelease.ts --date YYYY-MM-DD --zh … --en …`,
    );
  return problems;
}

let cached: Release[] | undefined;

/**
 * Every frozen release, newest first, each loaded and checked; throws listing every problem of
 * `releaseProblems()`. An empty list when the content folder has no releases.
 */
export function releases(): Release[] {
  if (cached) return cached;
  const problems = releaseProblems();
  if (problems.length > 0) throw new Error(`Frozen releases are not in order:\n${problems.join('\n')}`);
  if (releaseFolders().length === 0) {
    cached = [];
    return cached;
  }
  const current = datasetVersion();
  const names = versionNames(changelog(CHANGELOG_FILE));
  cached = changelog(CHANGELOG_FILE).map((e) => {
    const latest = e.version === current;
    let data: IndexedDataset;
    if (latest) data = getDataset();
    else {
      const r = loadDataset(resolve(RELEASES_DIR, e.version));
      if (!r.ok)
        throw new Error(
          `The frozen release ${RELEASES_DIR}/${e.version}/ no longer validates with the current schemas:\n${r.problems.map(formatProblem).join('\n')}`,
        );
      data = indexDataset(r.dataset);
    }
    return {
      version: e.version,
      date: e.date,
      name: names.get(e.version)!,
      summary: e.summary,
      changes: e.changes,
      data,
      latest,
    };
  });
  return cached;
}

/**
 * The data the site is built from as a release: the newest frozen release, or (in a content
 * folder without releases) the current data under its content hash.
 */
export function currentRelease(): Release {
  const latest = releases().find((r) => r.latest);
  if (latest) return latest;
  const entry = changelog().find((e) => e.version === datasetVersion());
  return {
    version: datasetVersion(),
    date: datasetDate(),
    name: entry ? versionNames(changelog()).get(entry.version)! : datasetDate(),
    summary: entry?.summary ?? { zh: '', en: '' },
    changes: entry?.changes ?? { zh: '', en: '' },
    data: getDataset(),
    latest: true,
  };
}

/** The release before `version` in the changelog, or undefined for the first. */
export function previousRelease(version: string): Release | undefined {
  const all = releases();
  const i = all.findIndex((r) => r.version === version);
  return i < 0 ? undefined : all[i + 1];
}

/** The release `version`; throws naming it when there is none. */
export function releaseOrThrow(version: string): Release {
  const r = releases().find((x) => x.version === version);
  if (!r) throw new Error(`unknown release "${version}": no folder in ${RELEASES_DIR}/`);
  return r;
}

/**
 * Copies the data files of `dataDir` into `<dir>/<version>/` with their `SHA256SUMS` and returns the version; throws
 * when that release exists already (a frozen release is never rewritten).
 */
export function freezeRelease(dataDir: string = DATA_DIR, dir: string = RELEASES_DIR): string {
  const version = datasetVersion(resolve(dataDir), { cache: false });
  const target = join(dir, version);
  if (existsSync(target)) throw new Error(`${target}/ exists already: the current data is released as ${version}`);
  mkdirSync(target, { recursive: true });
  for (const name of Object.keys(datasetFiles))
    copyFileSync(join(dataDir, `${name}.json`), join(target, `${name}.json`));
  writeFileSync(join(target, CHECKSUMS), checksums(target));
  return version;
}
