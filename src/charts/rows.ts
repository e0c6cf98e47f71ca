/** Turns observations and derived figures into chart rows in one language. Pure. */
import { scopeLabel } from '../i18n/comparability.ts';
import type { IndexedDataset } from '../dataset/dataset.ts';
import { allDerived } from '../dataset/derived.ts';
import { formatPeriod, formatQuantity } from '../i18n/format.ts';
import { localePath, type Lang } from '../i18n/strings.ts';
import type { Datum } from './types.ts';

/** A row for observation `id`; `series` defaults to the observation's label. Throws on an unknown id. */
export function observationRow(data: IndexedDataset, lang: Lang, id: string, series?: string): Datum {
  const o = data.observation.get(id);
  if (!o) throw new Error(`chart: unknown observation ${id}`);
  return {
    district: o.district,
    series: series ?? o.label[lang],
    value: o.value,
    high: o.high,
    qualifier: o.qualifier,
    kind: o.kind,
    unit: o.unit,
    ref: o.id,
    label: formatQuantity(o, lang),
    period: formatPeriod(o, lang),
    scope: scopeLabel(o, lang),
    source: o.source,
    href: localePath(lang, `/data/${o.id}/`),
  };
}

/** A row for derived figure `id`. Throws on an unknown id. */
export function derivedRow(data: IndexedDataset, lang: Lang, id: string, series?: string): Datum {
  const d = allDerived(data.observation).find((x) => x.id === id);
  if (!d) throw new Error(`chart: unknown derived figure ${id}`);
  const a = data.observation.get(d.a)!;
  return {
    district: d.district,
    series: series ?? d.label[lang],
    value: d.value,
    qualifier: d.qualifier,
    kind: a.kind,
    unit: d.unit,
    ref: d.id,
    derived: true,
    label: formatQuantity(d, lang),
    period: formatPeriod(a, lang),
    scope: lang === 'zh' ? `派生：${d.formula.zh}` : `derived: ${d.formula.en}`,
    source: a.source,
    href: localePath(lang, `/methodology/#${d.id}`),
  };
}
