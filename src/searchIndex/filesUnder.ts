/** Listing a folder tree, for the search index builder's walks over the built site and Pagefind's output. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files below `dir` as `/`-separated paths relative to it, in name order (by UTF-16 code
 * units), but none below the folders `skip` names (relative paths too). `rel` and `out` are the
 * recursion's own: the folder under `dir` being listed, and the list being filled.
 */
// One list passed down, not out.push(...sub): spreading a folder of 100,000s of pages overflows the stack.
export function filesUnder(dir: string, skip: ReadonlySet<string> = new Set(), rel = '', out: string[] = []): string[] {
  for (const e of readdirSync(join(dir, rel), { withFileTypes: true }).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (!skip.has(r)) filesUnder(dir, skip, r, out);
    } else out.push(r);
  }
  return out;
}
