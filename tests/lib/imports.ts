/**
 * The project's import graph, read with TypeScript's own pre-parser: every relative module a
 * `.ts`, `.mjs` or `.astro` file imports (static, dynamic and re-exports; for `.astro`, the
 * frontmatter and `<script>` blocks), as repository paths. Pure but for reading the files named.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';
import ts from 'typescript';

/** One import: the importing file and the file it names, both relative to the repository. */
export interface ImportEdge {
  from: string;
  to: string;
}

/** The code of a file that can hold imports: for `.astro`, frontmatter and client scripts. */
function codeOf(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [front, ...scripts].join('\n');
}

/** The relative imports of `file` (a repository path), resolved to repository paths. */
export function importsOf(file: string, root = '.'): ImportEdge[] {
  const text = readFileSync(join(root, file), 'utf8');
  const info = ts.preProcessFile(codeOf(file, text), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => ({
      from: file,
      to: normalize(join(dirname(file), spec))
        .split(sep)
        .join('/'),
    }));
}

/** The layer a repository path belongs to: `src/<folder>` for code under src/, else its top folder. */
export function layerOf(path: string): string {
  const parts = path.split('/');
  if (parts[0] === 'src') return parts.length > 2 ? `src/${parts[1]}` : 'src';
  return parts.length > 1 ? parts[0]! : '.';
}
