/**
 * Moves the output of an incremental build (only what it wrote) into the folder it updates, and
 * removes what is gone. scripts/buildSite.ts runs it once every step has passed, so a failed
 * build leaves the folder as it was. Reads and writes files; the folders are passed in.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { filesUnder } from './files.ts';
import { type BuildManifest, fileOfPathname } from './pageKeys.ts';

const sameBytes = (a: string, b: string) =>
  existsSync(b) && statSync(a).size === statSync(b).size && readFileSync(a).equals(readFileSync(b));

/** What `publishDelta` did: files moved in (changed or new), left out as identical, and removed. */
export interface PublishReport {
  changed: string[];
  same: number;
  removed: string[];
  searchIndex: boolean;
}

/**
 * Publishes the incremental build in `next` into `out`: each file that differs from `out`'s is
 * moved in (identical ones are left out, so `changed` lists what really changed), a search index
 * in `next` replaces `out`'s whole, and the files of paths in `previous` but not in `current` are
 * removed with their compressed copies. What is left of `next` and the old index goes to `trash`,
 * removed in the background (deleting 100,000s of files takes minutes on this disk).
 */
export function publishDelta(
  next: string,
  out: string,
  previous: BuildManifest,
  current: BuildManifest,
  trash: string,
): PublishReport {
  const report: PublishReport = { changed: [], same: 0, removed: [], searchIndex: false };
  // A folder of its own: the last build's may still be being removed.
  const bin = join(trash, `${process.pid}-${Date.now()}`);
  mkdirSync(bin, { recursive: true });
  const files = filesUnder(next, new Set(['pagefind']));
  const have = new Set(files);
  for (const f of files) {
    const src = join(next, f);
    const dst = join(out, f);
    if (sameBytes(src, dst)) {
      report.same++;
      continue;
    }
    mkdirSync(dirname(dst), { recursive: true });
    renameSync(src, dst);
    report.changed.push(f);
    // A page now too small for compressed copies must not keep its old ones.
    for (const ext of ['.br', '.gz'])
      if (!f.endsWith(ext) && !have.has(f + ext) && existsSync(dst + ext)) rmSync(dst + ext);
  }
  if (existsSync(join(next, 'pagefind'))) {
    if (existsSync(join(out, 'pagefind'))) renameSync(join(out, 'pagefind'), join(bin, 'pagefind'));
    renameSync(join(next, 'pagefind'), join(out, 'pagefind'));
    report.searchIndex = true;
  }
  for (const pathname of Object.keys(previous.paths)) {
    if (pathname in current.paths) continue;
    const f = fileOfPathname(pathname);
    for (const ext of ['', '.br', '.gz']) rmSync(join(out, f + ext), { force: true });
    report.removed.push(f);
  }
  renameSync(next, join(bin, 'next'));
  const rm = spawn('rm', ['-rf', '--', bin], { detached: true, stdio: 'ignore' });
  rm.on('error', () => {});
  rm.unref();
  return report;
}
