/**
 * Listing the files of a folder, for the build steps that compare or hash them (publish.ts,
 * buildInputs.ts). Reads folders only.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every file under `dir`, as paths relative to it joined with `/`, in name order at each level;
 * folders whose name is in `skip` are not entered. A `dir` that is a file lists as `['']`, one
 * that does not exist as `[]`.
 */
export function filesUnder(dir: string, skip: ReadonlySet<string> = new Set()): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [''];
  const out: string[] = [];
  const walk = (rel: string) => {
    const entries = readdirSync(join(dir, rel), { withFileTypes: true });
    // Sorted by code unit, not locale: the same order, and so the same hash, on every machine.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (skip.has(e.name)) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk('');
  return out;
}
