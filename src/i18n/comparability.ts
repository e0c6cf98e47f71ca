/**
 * What keeps figures of one indicator from being compared directly (EDITORIAL.md fairness rules):
 * different kinds, scopes, periods, measure words or definitions. Each note names every figure and
 * what it is, so a reader sees which differs and how. Pure.
 */
import type { Indicator, Observation } from '../dataset/schemas.ts';
import { measureWord, type FigureWords } from './figure.ts';
import { pick, type Lang, type ContentLang } from '../site/editions.ts';

/** One figure of a comparison group: the observation, its words, and its district's name. */
export interface GroupItem {
  o: Observation;
  w: FigureWords;
  district: string;
}

/** What English calls the things a count of `unit` counts, where the Chinese measure word differs (条 or 件): `items`, `cases`. */
export function countNoun(unit: Observation['unit']): string {
  return NOUN[unit] ?? unit;
}

// What English calls the things a count counts, where the Chinese measure word differs (条 or 件).
const NOUN: Partial<Record<Observation['unit'], string>> = {
  count: 'items',
  case: 'cases',
  occurrence: 'times',
  person: 'people',
  'person-time': 'person-times',
  household: 'households',
};

const HEAD: Record<'kind' | 'scope' | 'period' | 'measure', Record<ContentLang, string>> = {
  kind: { zh: '性质不同', en: 'Different kinds' },
  scope: { zh: '范围不同', en: 'Different scopes' },
  period: { zh: '时间不同', en: 'Different periods' },
  measure: { zh: '计量不同', en: 'Counted differently' },
};
const TAIL: Partial<Record<keyof typeof HEAD, Record<ContentLang, string>>> = {
  kind: {
    zh: '目标、计划、标准或预期与已实现的数字不是同一类，不能当作同类比较。',
    en: 'targets, plans, rules or expected effects are not claimed results and cannot be ranked with them.',
  },
  scope: {
    zh: '全区的数字与一个街道、村、社区或项目的数字不能排名。',
    en: 'a whole district and one subdistrict, village, community or project cannot be ranked.',
  },
};

/**
 * Notes on why the figures of one indicator cannot be compared directly; empty when they can.
 * Each note lists every figure with the part that differs (`章丘区900余件：…；福山区1.6万余条：…`),
 * unless `listed`: the view already shows each figure's kind, scope and period beside it, so those
 * notes name only what differs and why it matters.
 */
export function comparabilityNotes(
  items: GroupItem[],
  indicator: Pick<Indicator, 'comparisonNote'>,
  lang: Lang,
  { listed = false }: { listed?: boolean } = {},
): string[] {
  const zh = pick({ zh: true, en: false }, lang);
  const notes: string[] = [];
  const short = (i: GroupItem) => (zh ? `${i.district}${i.w.value}` : `${i.district} ${i.w.value}`);
  // Two figures of one district with the same value are told apart by what they count.
  const clash = (i: GroupItem) => items.filter((x) => short(x) === short(i)).length > 1;
  const name = (i: GroupItem) =>
    clash(i)
      ? zh
        ? `${i.district}${i.o.label.zh}${i.w.value}`
        : `${i.district} ${i.o.label.en} ${i.w.value}`
      : short(i);
  const list = (part: (i: GroupItem) => string) =>
    items.map((i) => (zh ? `${name(i)}：${part(i)}` : `${name(i)}: ${part(i)}`)).join(zh ? '；' : '; ');
  const differs = (key: (i: GroupItem) => string) => new Set(items.map(key)).size > 1;
  const note = (head: keyof typeof HEAD, part: (i: GroupItem) => string, withTail = true) => {
    const tail = withTail ? pick(TAIL[head], lang) : undefined;
    if (listed && head !== 'measure') {
      notes.push(
        zh
          ? `${HEAD[head].zh}（见各行）${tail ? `：${tail}` : '。'}`
          : `${HEAD[head].en} (see each line)${tail ? `: ${tail}` : '.'}`,
      );
      return;
    }
    notes.push(
      zh
        ? `${HEAD[head].zh}：${list(part)}。${tail ?? ''}`
        : `${HEAD[head].en}: ${list(part)}${tail ? `; ${tail}` : '.'}`,
    );
  };
  if (differs((i) => i.o.kind)) note('kind', (i) => i.w.kind);
  // "A district and one village cannot be ranked" only where a whole-district figure is among them.
  if (differs((i) => i.w.scope))
    note(
      'scope',
      (i) => i.w.scope,
      items.some((i) => !i.w.narrow),
    );
  if (differs((i) => i.w.period)) note('period', (i) => i.w.period);
  const measure = (i: GroupItem) => measureWord(i.o) ?? i.o.unit;
  if (differs(measure) || differs((i) => i.o.unit))
    note('measure', (i) => {
      const m = measureWord(i.o);
      if (zh) return `以“${m ?? i.o.unit}”计`;
      return `counted as ${NOUN[i.o.unit] ?? i.o.unit}${m ? ` (${m})` : ''}`;
    });
  if (indicator.comparisonNote) notes.push(pick(indicator.comparisonNote, lang));
  if (items.some((i) => ['more-than', 'at-least'].includes(i.o.qualifier)))
    notes.push(
      zh
        ? '带“多”“余”“以上”等的数字是下限，实际可能更高。'
        : 'Figures marked "more than" or "at least" are lower bounds; the real number may be higher.',
    );
  // A year's figure (2023年) is no accumulation; a span (2023年以来) is.
  if (differs((i) => (i.o.periodStart && i.o.periodStart !== i.o.asOf ? 'flow' : 'stock')))
    notes.push(
      zh
        ? '有的是一段时期的累计数，有的是某一时点的数字。'
        : 'Some figures accumulate over a period, others are counts at a point in time.',
    );
  return notes;
}
