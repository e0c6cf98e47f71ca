/**
 * A copy of the project in another folder, for building a variant of the site without touching
 * this checkout: every tracked and unignored file but the tests, and `node_modules/` as links to
 * this checkout's packages (not Astro's and Vite's caches, which the copy's build writes its own
 * of). The editions benchmark builds the site with fewer editions in one; the fourth-edition test
 * adds one in another.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** Copies the project in the current folder into `dest` (which must be empty or absent); returns `dest`. */
export function copyProject(dest: string): string {
  const repo = resolve('.');
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && existsSync(f) && !f.startsWith('tests/'));
  for (const f of files) {
    mkdirSync(dirname(join(dest, f)), { recursive: true });
    cpSync(f, join(dest, f));
  }
  mkdirSync(join(dest, 'node_modules'), { recursive: true });
  for (const name of readdirSync(join(repo, 'node_modules')))
    if (!['.astro', '.vite', '.cache'].includes(name))
      symlinkSync(join(repo, 'node_modules', name), join(dest, 'node_modules', name));
  return dest;
}

const EDITIONS_FILE = 'src/site/editions.ts';

/** In the project at `dir`, adds `entry` (TypeScript object text with its trailing comma) at the end of `EDITIONS`. */
export function addEdition(dir: string, entry: string): void {
  const file = join(dir, EDITIONS_FILE);
  const src = readFileSync(file, 'utf8');
  const end = src.indexOf('] as const satisfies readonly Edition[];');
  if (end < 0) throw new Error(`${EDITIONS_FILE}: no EDITIONS list`);
  writeFileSync(file, src.slice(0, end) + entry + src.slice(end));
}

/** In the project at `dir`, removes the edition `id` from `EDITIONS`. */
export function removeEdition(dir: string, id: string): void {
  const file = join(dir, EDITIONS_FILE);
  const src = readFileSync(file, 'utf8');
  const start = src.indexOf(`  {\n    id: '${id}',`);
  const end = start < 0 ? -1 : src.indexOf('\n  },\n', start);
  if (end < 0) throw new Error(`${EDITIONS_FILE}: no entry for edition ${id}`);
  writeFileSync(file, src.slice(0, start) + src.slice(end + '\n  },\n'.length));
}
