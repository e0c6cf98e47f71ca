/**
 * Locator maps: Shandong's prefectures with the three districts marked, and Jinan's and Yantai's
 * county-level units with the districts highlighted. Geometry from content/geo (pre-2019
 * boundaries: see its PROVENANCE.md); projected with d3-geo through Plot at build time.
 */
import * as Plot from '@observablehq/plot';
import { feature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import { CONTEXT_COLOUR, districtColour } from './palette.ts';
import { FONT_SIZE, NOTE_SIZE } from './marks.ts';
import { modelStartTitle, startSourceOf } from './rows.ts';
import { wrapBalanced } from './text.ts';
import { formatStartYear } from '../i18n/format.ts';
import type { ChartDefinition, ChartInput, Datum, PlacedNote } from './types.ts';
import { caseStudyPath } from '../site/paths.ts';
import { pick } from '../site/editions.ts';

type Props = { zh: string; en: string; district?: string | null; id?: string };
type Feat = { type: 'Feature'; properties: Props; geometry: unknown };

type Topo = Parameters<typeof feature>[0];
const simplifiedCache = new WeakMap<object, Map<number, Topo>>();

/**
 * The topology without the arc points whose triangle is under `minArea` square degrees (Visvalingam),
 * memoised per input topology: pure, since the input is never changed.
 */
function simplified(topo: Topo, minArea: number): Topo {
  let byArea = simplifiedCache.get(topo);
  if (!byArea) {
    byArea = new Map();
    simplifiedCache.set(topo, byArea);
  }
  let out = byArea.get(minArea);
  if (!out) {
    out = simplify(presimplify(structuredClone(topo) as never), minArea) as unknown as Topo;
    byArea.set(minArea, out);
  }
  return out;
}

/** The features of `object`; with `pxArea`, simplified to about that many square pixels at `degPerPx`. */
function features(
  input: ChartInput,
  object: 'shandong' | 'jinan' | 'yantai',
  simplifyTo?: { pxArea: number; degPerPx: number },
): Feat[] {
  let topo = input.geo as Topo | undefined;
  const obj = topo?.objects?.[object];
  if (!topo || !obj) throw new Error(`map: content/geo has no object "${object}"`);
  if (simplifyTo) topo = simplified(topo, simplifyTo.pxArea * simplifyTo.degPerPx ** 2);
  return (feature(topo, topo.objects[object]!) as unknown as { features: Feat[] }).features;
}

/** Shandong spans about 8 degrees of longitude; the map fills the chart's width with it. */
const SHANDONG_LON_SPAN = 8;

const VINTAGE = {
  zh: '边界为2019年莱芜并入济南之前的版本，济阳仍标为县；仅作方位示意。',
  en: 'Boundaries predate the 2019 merger of Laiwu into Jinan, and Jiyang still appears as a county; for orientation only.',
};
const VINTAGE_YANTAI = {
  zh: '边界取自较早版本的公开地图数据，仅作方位示意。',
  en: 'Boundaries come from an older edition of public map data; for orientation only.',
};

/** The district ids the geometry marks in `objects` and the dataset knows, in site order. */
function markedDistricts(input: ChartInput, objects: ('jinan' | 'yantai')[]): string[] {
  const marked = new Set(objects.flatMap((o) => features(input, o)).map((f) => f.properties.district));
  return input.data.districts.filter((d) => marked.has(d.id)).map((d) => d.id);
}

function districtRows(input: ChartInput, ids: string[]): Datum[] {
  const { data, lang } = input;
  return ids.map((id) => {
    const d = data.district.get(id)!;
    return {
      district: id,
      series: pick({ zh: d.name.zhHans, en: d.name.en }, lang),
      value: 0,
      qualifier: 'exact',
      kind: 'achieved',
      unit: 'count',
      ref: `map-${id}`,
      label: pick(d.model.name, lang),
      period: formatStartYear(d.model.startYear, d.model.startYearEstimated, lang, pick(d.model.startNote, lang)),
      scope: `${pick(d.prefecture, lang)} · ${d.code}`,
      source: startSourceOf(data, id),
      href: caseStudyPath(id, lang),
    };
  });
}

/** The note about district `id`, wrapped for a map label (about 130 px), or undefined. */
function noteFor(notes: PlacedNote[], id: string): string | undefined {
  const n = notes.find((x) => x.ref === `map-${id}`);
  return n && wrapBalanced(n.text, 130, NOTE_SIZE);
}

/** A map note's text mark: placed like the label it belongs to, `dy` px further down (or up when negative). */
function noteMark(feats: Feat[], text: (f: Feat) => string | undefined, options: Record<string, unknown>) {
  return Plot.text(
    feats.filter((f) => text(f) !== undefined),
    Plot.centroid({
      text,
      fontSize: NOTE_SIZE,
      fill: 'currentColor',
      className: 'map-label chart-note',
      lineHeight: 1.3,
      ...options,
    } as never),
  );
}

/** A county-level map of one prefecture with `highlight` districts coloured and labelled. */
function countyMap(input: ChartInput, object: 'jinan' | 'yantai', notes: PlacedNote[]): Record<string, unknown> {
  const { width, lang } = input;
  const fs = features(input, object);
  const collection = { type: 'FeatureCollection', features: fs };
  const highlighted = fs.filter((f) => f.properties.district);
  const name = (f: Feat) => pick(f.properties, lang);
  return {
    // No height: Plot derives it from the projected aspect ratio, so the map fills the width.
    width,
    margin: 12,
    style: { fontSize: `${FONT_SIZE}px` },
    projection: { type: 'mercator', domain: collection, inset: 8 },
    marks: [
      Plot.geo(fs, {
        fill: (f: Feat) => (f.properties.district ? districtColour(input.data, f.properties.district) : CONTEXT_COLOUR),
        fillOpacity: (f: Feat) => (f.properties.district ? 0.85 : 0.18),
        stroke: 'currentColor',
        strokeOpacity: 0.5,
        strokeWidth: 0.75,
      }),
      // The districts again, on top, as links to their case studies with a tooltip each.
      Plot.geo(highlighted, {
        fill: 'transparent',
        className: 'data-mark data-hit',
        title: (f: Feat) => modelStartTitle(input.data, f.properties.district!, input.lang),
        href: (f: Feat) => caseStudyPath(f.properties.district!, lang),
      }),
      Plot.dot(highlighted, Plot.centroid({ r: 3, fill: 'currentColor' })),
      // Plot's text offsets and anchors are constants, not channels: one mark per placement.
      // Shizhong is a small central district: its label sits below-left of its point.
      ...[false, true].map((small) =>
        Plot.text(
          highlighted.filter((f) => (f.properties.district === 'shizhong') === small),
          Plot.centroid({
            text: name,
            fontSize: FONT_SIZE + 1,
            fontWeight: 700,
            fill: 'currentColor',
            className: 'map-label',
            dx: small ? -8 : 0,
            dy: small ? 16 : -12,
            textAnchor: small ? 'end' : 'middle',
          } as never),
        ),
      ),
      // Notes: above a large district's label, below a small one's.
      ...[false, true].map((small) =>
        noteMark(
          highlighted.filter((f) => (f.properties.district === 'shizhong') === small),
          (f) => noteFor(notes, f.properties.district!),
          {
            dx: small ? -8 : 0,
            dy: small ? 30 : -28,
            textAnchor: small ? 'end' : 'middle',
            lineAnchor: small ? 'top' : 'bottom',
          },
        ),
      ),
    ],
  };
}

function hostLabel(f: Feat, input: ChartInput): string {
  const { lang, data } = input;
  const ids = markedDistricts(input, [f.properties.id === 'ji_nan' ? 'jinan' : 'yantai']);
  const names = ids.map((id) =>
    pick({ zh: data.district.get(id)!.name.zhHans, en: data.district.get(id)!.name.en.replace(' District', '') }, lang),
  );
  return pick({ zh: `${f.properties.zh}：${names.join('、')}`, en: `${f.properties.en}: ${names.join(', ')}` }, lang);
}

export const mapShandong: ChartDefinition = {
  id: 'map-shandong',
  scales: 'map',
  title: { zh: '三个区在山东省的位置', en: 'Where the three districts are in Shandong' },
  subtitle: {
    zh: '章丘区、市中区属济南市，福山区属烟台市',
    en: 'Zhangqiu and Shizhong are districts of Jinan; Fushan is a district of Yantai',
  },
  kind: 'map',
  comparability: VINTAGE,
  summary: {
    zh: '山东省地图，标出三个区：章丘区和市中区属省会济南市，福山区属胶东半岛上的烟台市。',
    en: 'A map of Shandong marking the three districts: Zhangqiu and Shizhong in Jinan, the provincial capital, and Fushan in Yantai, on the Jiaodong peninsula.',
  },
  notes: [
    { ref: 'map-zhangqiu', text: { zh: '济南是省会', en: 'Jinan is the provincial capital' } },
    { ref: 'map-fushan', text: { zh: '烟台在胶东半岛', en: 'Yantai is on the Jiaodong peninsula' } },
  ],
  breakout: true,
  rows: (input) => districtRows(input, markedDistricts(input, ['jinan', 'yantai'])),
  plot: (input, _rows, notes) => {
    const { width } = input;
    // At province scale the full outline detail is invisible but was 46 KB gzip per width (the
    // embed's budget is 25 KB in all): drop detail under about 2 square pixels.
    const simplifyTo = { pxArea: 2, degPerPx: SHANDONG_LON_SPAN / width };
    const prefectures = features(input, 'shandong', simplifyTo);
    const counties = [...features(input, 'jinan', simplifyTo), ...features(input, 'yantai', simplifyTo)].filter(
      (f) => f.properties.district,
    );
    const host = new Set(['ji_nan', 'yan_tai']);
    return {
      width,
      margin: 10,
      style: { fontSize: `${FONT_SIZE}px` },
      projection: { type: 'mercator', domain: { type: 'FeatureCollection', features: prefectures }, inset: 6 },
      marks: [
        Plot.geo(prefectures, {
          fill: CONTEXT_COLOUR,
          fillOpacity: (f: Feat) => (host.has(f.properties.id ?? '') ? 0.35 : 0.12),
          stroke: 'currentColor',
          strokeOpacity: 0.45,
          strokeWidth: 0.6,
        }),
        Plot.geo(counties, {
          fill: (f: Feat) => districtColour(input.data, f.properties.district!),
          stroke: 'currentColor',
          strokeWidth: 0.5,
          className: 'data-mark',
          title: (f: Feat) => modelStartTitle(input.data, f.properties.district!, input.lang),
          href: (f: Feat) => caseStudyPath(f.properties.district!, input.lang),
        }),
        // Two labels, one per host prefecture, naming the districts in it: districts are too small to label apart at phone width.
        ...[
          ['ji_nan', 34],
          ['yan_tai', -34],
        ].map(([id, dy]) =>
          Plot.text(
            prefectures.filter((f) => f.properties.id === id),
            Plot.centroid({
              text: (f: Feat) => hostLabel(f, input),
              fontSize: FONT_SIZE,
              fontWeight: 700,
              fill: 'currentColor',
              className: 'map-label',
              dy,
            } as never),
          ),
        ),
        // A note under each host prefecture's label, about the districts in it.
        ...[
          ['ji_nan', 34 + 12],
          ['yan_tai', -34 + 12],
        ].map(([id, dy]) =>
          noteMark(
            prefectures.filter((f) => f.properties.id === id),
            (f) =>
              markedDistricts(input, [f.properties.id === 'ji_nan' ? 'jinan' : 'yantai'])
                .map((d) => noteFor(notes, d))
                .find((n) => n !== undefined),
            { dy, lineAnchor: 'top' },
          ),
        ),
      ],
    };
  },
};

export const mapJinan: ChartDefinition = {
  id: 'map-jinan',
  scales: 'map',
  title: { zh: '济南市：章丘区和市中区', en: 'Jinan: Zhangqiu and Shizhong districts' },
  subtitle: {
    zh: '章丘在济南东部，报道称其为农业大区；市中是济南的中心城区',
    en: "Zhangqiu lies in the east of Jinan, a major farming district by the report's account; Shizhong is part of the city centre",
  },
  kind: 'map',
  comparability: VINTAGE,
  summary: {
    zh: '济南市地图：章丘区在市域东部，市中区在中心城区。',
    en: "A map of Jinan: Zhangqiu in the east of the city's territory, Shizhong in the city centre.",
  },
  notes: [
    { ref: 'map-zhangqiu', text: { zh: '报道称其为农业大区', en: 'A major farming district, the report says' } },
    { ref: 'map-shizhong', text: { zh: '济南中心城区之一', en: 'Part of the city centre' } },
  ],
  rows: (input) => districtRows(input, markedDistricts(input, ['jinan'])),
  plot: (input, _rows, notes) => countyMap(input, 'jinan', notes),
};

export const mapYantai: ChartDefinition = {
  id: 'map-yantai',
  scales: 'map',
  title: { zh: '烟台市：福山区', en: 'Yantai: Fushan District' },
  subtitle: { zh: '福山区位于烟台市区西南', en: 'Fushan lies south-west of central Yantai' },
  kind: 'map',
  comparability: VINTAGE_YANTAI,
  summary: {
    zh: '烟台市地图：福山区在烟台中心城区西南。',
    en: 'A map of Yantai: Fushan District lies south-west of the city centre.',
  },
  notes: [{ ref: 'map-fushan', text: { zh: '在烟台中心城区西南', en: 'South-west of central Yantai' } }],
  rows: (input) => districtRows(input, markedDistricts(input, ['yantai'])),
  plot: (input, _rows, notes) => countyMap(input, 'yantai', notes),
};
