/**
 * Page types derived from `sitePaths()`, so browser gates cover new pages without edits: a path
 * with two or more segments belongs to the type of its parent (`/charts/:id/`); others are types
 * of their own. Small types are taken whole; large ones are sampled evenly.
 */
import { sitePaths } from '../../src/outputs/routes.ts';

/** Type key (`/charts/:id/`) → its language-neutral paths, in `sitePaths()` order. */
export function pageTypes(paths = sitePaths()): Map<string, string[]> {
  const types = new Map<string, string[]>();
  for (const p of paths) {
    const key = p.split('/').filter(Boolean).length >= 2 ? p.replace(/[^/]+\/$/, ':id/') : p;
    types.set(key, [...(types.get(key) ?? []), p]);
  }
  return types;
}

/**
 * Paths to visit: every page of a type with at most `max` pages, else `max` pages spread evenly
 * (first and last included). `ALL_PAGES=1` in the environment takes every page.
 */
export function samplePages(max = 20, paths = sitePaths()): string[] {
  const out: string[] = [];
  for (const members of pageTypes(paths).values()) {
    if (members.length <= max || process.env.ALL_PAGES === '1') {
      out.push(...members);
      continue;
    }
    for (let i = 0; i < max; i++) out.push(members[Math.round((i * (members.length - 1)) / (max - 1))]!);
  }
  return [...new Set(out)];
}
