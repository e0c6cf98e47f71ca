/**
 * Where each observation is used on the site: case studies (their <Fact> tags), derived figures
 * and charts. Read once per build from the MDX files and the registries.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartObservationUses } from '../charts/site.ts';
import { CONTENT_DIR } from '../dataset/dataset.ts';
import { DERIVED } from '../dataset/derived.ts';
import { CONTENT_LANGS, type ContentLang } from '../site/editions.ts';

/** A place on the site that shows an observation. */
export interface Usage {
  kind: 'case-study' | 'derived' | 'chart';
  id: string;
  /** A case study's content language: the editions that read it show the use. */
  lang?: ContentLang;
}

let cached: Map<string, Usage[]> | undefined;

/** Observation id → the places that use it. */
export function usageIndex(dir = `${CONTENT_DIR}/case-studies`): Map<string, Usage[]> {
  if (cached) return cached;
  const chartUses = chartObservationUses();
  const index = new Map<string, Usage[]>();
  const add = (obs: string, u: Usage) => {
    const list = index.get(obs) ?? [];
    if (!list.some((x) => x.kind === u.kind && x.id === u.id && x.lang === u.lang)) list.push(u);
    index.set(obs, list);
  };
  for (const lang of CONTENT_LANGS) {
    let files: string[] = [];
    try {
      files = readdirSync(join(dir, lang))
        .filter((f) => f.endsWith('.mdx'))
        .sort();
    } catch {
      /* no case studies yet */
    }
    for (const f of files) {
      const text = readFileSync(join(dir, lang, f), 'utf8');
      for (const m of text.matchAll(/<Fact\b[^>]*\bid="([^"]+)"/g))
        add(m[1]!, { kind: 'case-study', id: f.replace(/\.mdx$/, ''), lang });
    }
  }
  for (const d of DERIVED) for (const input of [d.a, d.b]) add(input, { kind: 'derived', id: d.id });
  for (const [chart, ids] of Object.entries(chartUses)) for (const o of ids) add(o, { kind: 'chart', id: chart });
  cached = index;
  return index;
}
