/** Turns observations and derived figures into chart rows in one language. Pure. */
import { scopeLabel } from '../i18n/comparability.ts';
import { districtName, type IndexedDataset } from '../dataset/dataset.ts';
import { allDerived } from '../dataset/derived.ts';
import { formatPeriod, formatQuantity, formatStartYear } from '../i18n/format.ts';
import { localePath, t, type Lang } from '../i18n/strings.ts';
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

/** The outlet that published source `id`, in `lang`, or the words for an unattributed text. */
export function sourceOutlet(data: Pick<IndexedDataset, 'source'>, id: string, lang: Lang): string {
  const outlet = data.source.get(id)?.outlet;
  return outlet ? outlet[lang] : t(lang, 'source.unattributed');
}

/**
 * A district's model and the year it began, for a tooltip: `市中区：跨村联建（联合党委），始于2023年（本站估计）`,
 * `Shizhong District: …, began 2023 (site's estimate)`.
 */
export function modelStartTitle(data: Pick<IndexedDataset, 'district'>, id: string, lang: Lang): string {
  const d = data.district.get(id)!;
  const year = formatStartYear(d.model.startYear, d.model.startYearEstimated, lang);
  const name = districtName(data, id, lang);
  return lang === 'zh' ? `${name}：${d.model.name.zh}，始于${year}` : `${name}: ${d.model.name.en}, began ${year}`;
}
