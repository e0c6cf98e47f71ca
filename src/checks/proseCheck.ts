/**
 * The rule that keeps figures out of hand-typed prose: in MDX, every digit run must sit inside a
 * `<Fact id="…" />`. Allowed without one, by rule: a year (four digits 1949–2030), and a day or
 * month number in a date (zh: before 月/日; en: next to a month name). Frontmatter, import and
 * export lines, JSX attribute values, link targets and `inline code` (notation examples) are not
 * prose. Pure.
 */

/** One digit run or unknown id the check found. */
export interface ProseProblem {
  line: number;
  text: string;
  reason: string;
}

import { MONTHS } from '../dataset/figure.ts';

const DATE_EN = new RegExp(String.raw`^(?:\d{1,2} (?:${MONTHS})|(?:${MONTHS}) \d{1,2})$`);

/** Blanks out what is not prose (keeping line numbers): frontmatter, imports, tags' attributes, Facts. */
export function proseOnly(mdx: string): string {
  let s = mdx.replace(/^---\n[\s\S]*?\n---\n/, (m) => m.replace(/[^\n]/g, ' '));
  s = s.replace(/^(?:import|export) .*$/gm, (m) => ' '.repeat(m.length));
  s = s.replace(/<Fact\b[^>]*\/>/g, (m) => ' '.repeat(m.length));
  s = s.replace(/<[A-Za-z][^>]*>|<\/[A-Za-z][^>]*>/g, (m) => m.replace(/[^\n]/g, ' '));
  s = s.replace(/\{\/\*[\s\S]*?\*\/\}/g, (m) => m.replace(/[^\n]/g, ' '));
  s = s.replace(/\]\([^)]*\)/g, (m) => `]${' '.repeat(m.length - 1)}`); // link targets
  s = s.replace(/`[^`\n]*`/g, (m) => ' '.repeat(m.length)); // inline code: notation examples, not figures
  return s;
}

/** Digit runs in prose that are not years or date parts. */
export function bareNumbers(mdx: string): ProseProblem[] {
  const problems: ProseProblem[] = [];
  proseOnly(mdx)
    .split('\n')
    .forEach((line, i) => {
      for (const m of line.matchAll(/\d+(?:[.,]\d+)*/g)) {
        const run = m[0];
        const at = m.index;
        const after = line.slice(at + run.length, at + run.length + 1);
        const isYear = /^\d{4}$/.test(run) && Number(run) >= 1949 && Number(run) <= 2030;
        const isZhDatePart = /^\d{1,2}$/.test(run) && /[月日]/.test(after);
        const around = line.slice(Math.max(0, at - 10), at + run.length + 10);
        const isEnDatePart =
          /^\d{1,2}$/.test(run) &&
          [...around.matchAll(new RegExp(String.raw`\d{1,2} (?:${MONTHS})|(?:${MONTHS}) \d{1,2}`, 'g'))].some(
            (x) => DATE_EN.test(x[0]) && x[0].includes(run),
          );
        if (!isYear && !isZhDatePart && !isEnDatePart)
          problems.push({ line: i + 1, text: run, reason: `bare number "${run}": cite it with <Fact id="…" />` });
      }
    });
  return problems;
}

/** `<Fact id>`, `<Term id>` and `<Chart id>` references whose id is not known. */
export function unknownIds(
  mdx: string,
  facts: Set<string>,
  terms: Set<string>,
  charts: Set<string> = new Set(),
): ProseProblem[] {
  const problems: ProseProblem[] = [];
  const what = { Fact: 'observation or derived figure', Term: 'glossary term', Chart: 'chart or map' } as const;
  mdx.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/<(Fact|Term|Chart)\b[^>]*\bid="([^"]*)"/g)) {
      const tag = m[1] as keyof typeof what;
      const known = tag === 'Fact' ? facts : tag === 'Term' ? terms : charts;
      if (tag === 'Chart' && charts.size === 0) continue;
      if (!known.has(m[2]!))
        problems.push({ line: i + 1, text: m[2]!, reason: `<${tag} id="${m[2]}"> names no known ${what[tag]}` });
    }
  });
  return problems;
}

/**
 * Glossary terms whose first use in the prose is not linked: the first occurrence of a term's
 * form must fall inside a `<Term>` (its own, or one it overlaps, as 工作区党委 in 党建工作区党委).
 */
export function unlinkedFirstUses(
  mdx: string,
  terms: { id: string; form: string }[],
  caseInsensitive = false,
): ProseProblem[] {
  const spans = [...mdx.matchAll(/<Term\b[^>]*>([\s\S]*?)<\/Term>/g)].map(
    (m) => [m.index, m.index + m[0].length] as const,
  );
  let prose = proseOnly(mdx);
  if (caseInsensitive) prose = prose.toLowerCase();
  const problems: ProseProblem[] = [];
  for (const { id, form } of terms) {
    const at = prose.indexOf(caseInsensitive ? form.toLowerCase() : form);
    if (at < 0) continue;
    const linked = spans.some(([s, e]) => at + form.length > s && at < e);
    if (!linked)
      problems.push({
        line: prose.slice(0, at).split('\n').length,
        text: form,
        reason: `first use of glossary term "${form}" is not linked: wrap it in <Term id="${id}">`,
      });
  }
  return problems;
}
