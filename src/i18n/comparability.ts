/**
 * What keeps two figures from being compared directly (EDITORIAL.md fairness rules): different
 * years, scopes, kinds or qualifiers. Returns plain-language notes for the page to show. Pure.
 */
import type { Lang } from './strings.ts';
import type { Observation } from '../dataset/schemas.ts';

const SCOPE: Record<Observation['scope']['level'], Record<Lang, string>> = {
  district: { zh: '全区', en: 'whole district' },
  subdistrict: { zh: '一个街道或镇', en: 'one subdistrict or town' },
  zone: { zh: '一个片区或工作区', en: 'one zone' },
  village: { zh: '一个村', en: 'one village' },
  community: { zh: '一个社区', en: 'one community' },
  organisation: { zh: '一个组织或项目', en: 'one organisation or project' },
  'per-unit': { zh: '每个单位的标准', en: 'a per-unit norm' },
};

/** The scope of an observation in words. */
export function scopeLabel(o: Observation, lang: Lang): string {
  const base = SCOPE[o.scope.level][lang];
  return o.scope.name ? `${base}：${o.scope.name[lang]}`.replace('：', lang === 'zh' ? '：' : ': ') : base;
}

/** Notes on why `obs` (figures for the same indicator) cannot be compared directly; empty when they can. */
export function comparabilityNotes(obs: Observation[], lang: Lang): string[] {
  const notes: string[] = [];
  const zh = lang === 'zh';
  const years = new Set(obs.map((o) => o.asOf.slice(0, 4)));
  if (years.size > 1)
    notes.push(
      zh ? `年份不同：${[...years].sort().join('、')}。` : `Different years: ${[...years].sort().join(', ')}.`,
    );
  const scopes = new Set(obs.map((o) => o.scope.level));
  if (scopes.size > 1 || (scopes.size === 1 && !scopes.has('district') && !scopes.has('per-unit')))
    notes.push(
      zh
        ? '范围不同：有的是全区数字，有的只是一个街道、村或项目，不能排名。'
        : 'Different scopes: some figures cover the whole district, others one subdistrict, village or project; they cannot be ranked.',
    );
  const kinds = new Set(obs.map((o) => o.kind));
  if (kinds.size > 1)
    notes.push(
      zh
        ? '性质不同：目标、计划或标准与已实现的数字并列，不能当作同类。'
        : 'Different kinds: targets, plans or norms stand beside claimed results; they are not the same thing.',
    );
  if (obs.some((o) => ['more-than', 'at-least'].includes(o.qualifier)))
    notes.push(
      zh
        ? '带“多”“余”“以上”等的数字是下限，实际可能更高。'
        : 'Figures marked "more than" or "at least" are lower bounds; the real number may be higher.',
    );
  const periods = new Set(obs.map((o) => (o.periodStart ? 'flow' : 'stock')));
  if (periods.size > 1)
    notes.push(
      zh
        ? '有的是一段时期的累计数，有的是某一时点的数字。'
        : 'Some figures accumulate over a period, others are counts at a point in time.',
    );
  return notes;
}
