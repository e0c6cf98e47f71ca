/** Turns observations and derived figures into chart rows in one language. Pure. */
import { type IndexedDataset } from '../dataset/dataset.ts';
import { allDerived } from '../dataset/derived.ts';
import { districtName, describeDerived, describeObservation, measureWord } from '../i18n/figure.ts';
import { formatStartYear } from '../i18n/format.ts';
import { t } from '../i18n/strings.ts';
import type { Datum } from './types.ts';
import { pick, type Lang } from '../site/editions.ts';
import { dataPointPath, localePath } from '../site/paths.ts';

/** A row for observation `id`; `series` defaults to the observation's label. Throws on an unknown id. */
export function observationRow(data: IndexedDataset, lang: Lang, id: string, series?: string): Datum {
  const o = data.observation.get(id);
  if (!o) throw new Error(`chart: unknown observation ${id}`);
  const w = describeObservation(data, o, lang);
  return {
    district: o.district,
    series: series ?? pick(o.label, lang),
    value: o.value,
    high: o.high,
    qualifier: o.qualifier,
    kind: o.kind,
    unit: o.unit,
    ref: o.id,
    indicator: o.indicator,
    measure: measureWord(o),
    label: w.value,
    kindText: w.kind,
    period: w.period,
    scope: w.scope,
    source: o.source,
    href: dataPointPath(o.id, lang),
  };
}

/** A row for derived figure `id`. Throws on an unknown id. */
export function derivedRow(data: IndexedDataset, lang: Lang, id: string, series?: string): Datum {
  const d = allDerived(data.observation).find((x) => x.id === id);
  if (!d) throw new Error(`chart: unknown derived figure ${id}`);
  const a = data.observation.get(d.a)!;
  const w = describeDerived(d, { a, b: data.observation.get(d.b)! }, data.source.get(a.source)!, lang);
  return {
    district: d.district,
    series: series ?? pick(d.label, lang),
    value: d.value,
    qualifier: d.qualifier,
    kind: a.kind,
    unit: d.unit,
    ref: d.id,
    derived: true,
    label: w.value,
    // Said only where an input is not a claimed result: the scope already says "derived".
    ...(w.achieved ? {} : { kindText: w.kind }),
    period: w.period,
    scope: w.scope,
    source: a.source,
    href: localePath(lang, `/methodology/#${d.id}`),
  };
}

/** The source that dates district `id`'s start: its `startSource`, else its first source. */
export function startSourceOf(data: Pick<IndexedDataset, 'district' | 'sources'>, id: string): string {
  return data.district.get(id)?.model.startSource ?? data.sources.find((s) => s.district === id)!.id;
}

/** The outlet that published source `id`, in `lang`, or the words for an unattributed text. */
export function sourceOutlet(data: Pick<IndexedDataset, 'source'>, id: string, lang: Lang): string {
  const outlet = data.source.get(id)?.outlet;
  return outlet ? pick(outlet, lang) : t(lang, 'source.unattributed');
}

/**
 * A district's model and the year it began, for a tooltip: `福山区：…，始于2018年`, or that the
 * sources do not say: `Shizhong District: …; the sources do not say when it began`.
 */
export function modelStartTitle(data: Pick<IndexedDataset, 'district'>, id: string, lang: Lang): string {
  const d = data.district.get(id)!;
  const name = districtName(data, id, lang);
  if (d.model.startYear === null)
    return pick(
      {
        zh: `${name}：${d.model.name.zh}，来源未写明何时开始`,
        en: `${name}: ${d.model.name.en}; the sources do not say when it began`,
      },
      lang,
    );
  const note = pick(d.model.startNote, lang);
  const year = formatStartYear(d.model.startYear, d.model.startYearEstimated, lang, note);
  if (note)
    return pick({ zh: `${name}：${d.model.name.zh}，${year}`, en: `${name}: ${d.model.name.en}, ${year}` }, lang);
  return pick(
    { zh: `${name}：${d.model.name.zh}，始于${year}`, en: `${name}: ${d.model.name.en}, began ${year}` },
    lang,
  );
}
