/**
 * What one language has and the other lacks: MDX files (a case study or page written in one
 * language only) and chart texts (a title, subtitle, summary or note left empty in one). Pure.
 */
import type { Bilingual } from '../dataset/schemas.ts';

/**
 * Files that exist under `<dir>/zh/` or `<dir>/en/` but not under the other, as messages naming the
 * missing path. `files` are paths relative to `dir` (`zh/fushan.mdx`).
 */
export function missingTranslations(dir: string, files: string[]): string[] {
  const langs = ['zh', 'en'] as const;
  const byLang = Object.fromEntries(
    langs.map((l) => [l, new Set(files.filter((f) => f.startsWith(`${l}/`)).map((f) => f.slice(l.length + 1)))]),
  ) as Record<(typeof langs)[number], Set<string>>;
  const problems: string[] = [];
  for (const [have, lack] of [
    ['zh', 'en'],
    ['en', 'zh'],
  ] as const)
    for (const f of byLang[have])
      if (!byLang[lack].has(f))
        problems.push(`${dir}/${lack}/${f} is missing (${dir}/${have}/${f} has no translation)`);
  return problems.sort();
}

/** The named bilingual texts of one record that are empty in a language, as `name.lang` paths. */
export function emptyTexts(texts: Record<string, Bilingual | undefined>): string[] {
  return Object.entries(texts).flatMap(([name, b]) =>
    b ? (['zh', 'en'] as const).filter((l) => !b[l]?.trim()).map((l) => `${name}.${l}`) : [],
  );
}
