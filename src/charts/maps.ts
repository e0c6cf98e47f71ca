/**
 * Locator maps: Shandong's prefectures with the three districts marked, and Jinan's and Yantai's
 * county-level units with the districts highlighted. Landscape and low (`locatorHeight`), names set
 * beside the map on leader lines, with the reference a reader needs: neighbouring cities, the
 * seas, the city proper, a scale bar. Geometry from content/geo (today's divisions, checked
 * against a kept list: see its PROVENANCE.md), projected with d3-geo's Mercator through Plot at build time.
 */
import * as Plot from '@observablehq/plot';
import { geoCentroid, geoMercator } from 'd3';
import { feature } from 'topojson-client';
import { presimplify, simplify } from 'topojson-simplify';
import { CONTEXT_COLOUR, districtColour } from './palette.ts';
import { FONT_SIZE, NOTE_SIZE } from './marks.ts';
import { modelStartTitle, startSourceOf } from './rows.ts';
import { wrapBalanced } from './text.ts';
import { formatQuantity, formatStartYear } from '../i18n/format.ts';
import type { ChartDefinition, ChartInput, Datum, PlacedNote } from './types.ts';
import { caseStudyPath } from '../site/paths.ts';
import { pick } from '../site/editions.ts';

type Props = { zh: string; en: string; code?: string; district?: string | null; id?: string };
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

const VINTAGE = {
  zh: '行政区划为现行区划（莱芜区、钢城区已并入济南，济阳为区，蓬莱、长岛合为蓬莱区），据国家统计局2023年区划代码核对；边界经概括，仅作方位示意。',
  en:
    'The map shows today’s divisions: Laiwu’s two districts now belong to Jinan, Jiyang is a district, and Penglai ' +
    'and Changdao form one district. Names and codes are checked against the statistics bureau’s 2023 list; ' +
    'boundaries are simplified and show location only.',
};

/** A locator's height at `width` (CSS px): landscape, low enough to sit in a column without taking the screen. */
export function locatorHeight(width: number): number {
  return width < 480 ? Math.round(width * 0.8) : Math.round(Math.min(220, width * 0.31));
}

type Point = [number, number];
type Projection = ReturnType<typeof geoMercator>;

/**
 * A Mercator projection of `domain` fitted into the middle of a `width` × `height` frame, leaving
 * `side` px left and right for labels (and `top`/`bottom` px above and below), clipped to the frame.
 */
function fitted(domain: unknown, width: number, height: number, side: number, top = 8, bottom = 8): Projection {
  return geoMercator()
    .fitExtent(
      [
        [side, top],
        [width - side, height - bottom],
      ],
      domain as never,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}

/** A label set beside the map at pixel `at`, with a leader line to each of `to` (pixel points). */
interface Callout {
  at: Point;
  anchor: 'start' | 'end';
  text: string;
  note?: string | undefined;
  to: Point[];
  /** Where the leader lines leave the label (default: beside its first line). */
  from?: Point;
}

/** Text, note and leader lines of `callouts` as Plot marks (positions inverted through `proj`, which Plot then projects back). */
function calloutMarks(proj: Projection, callouts: Callout[]) {
  const inv = (p: Point) => proj.invert!(p) as Point;
  const lines = callouts.flatMap((c) =>
    c.to.map((t) => ({ from: inv(c.from ?? [c.at[0] + (c.anchor === 'end' ? 4 : -4), c.at[1]]), to: inv(t) })),
  );
  return [
    Plot.link(lines, {
      x1: (l: { from: Point }) => l.from[0],
      y1: (l: { from: Point }) => l.from[1],
      x2: (l: { to: Point }) => l.to[0],
      y2: (l: { to: Point }) => l.to[1],
      stroke: 'currentColor',
      strokeWidth: 0.75,
      strokeOpacity: 0.8,
      pointerEvents: 'none',
    }),
    ...(['start', 'end'] as const).map((anchor) =>
      Plot.text(
        callouts.filter((c) => c.anchor === anchor),
        {
          x: (c: Callout) => inv(c.at)[0],
          y: (c: Callout) => inv(c.at)[1],
          text: 'text',
          textAnchor: anchor,
          lineAnchor: 'bottom',
          dy: -3,
          fontSize: FONT_SIZE,
          fontWeight: 700,
          fill: 'currentColor',
          className: 'map-label',
          lineHeight: 1.2,
          pointerEvents: 'none',
        } as never,
      ),
    ),
    ...(['start', 'end'] as const).map((anchor) =>
      Plot.text(
        callouts.filter((c) => c.anchor === anchor && c.note),
        {
          x: (c: Callout) => inv(c.at)[0],
          y: (c: Callout) => inv(c.at)[1],
          text: 'note',
          textAnchor: anchor,
          lineAnchor: 'top',
          dy: 12,
          fontSize: NOTE_SIZE,
          fill: 'currentColor',
          className: 'map-label chart-note',
          lineHeight: 1.3,
          pointerEvents: 'none',
        } as never,
      ),
    ),
  ];
}

/** Muted place names (neighbouring cities, seas) at lon/lat points, `dy` px below (above when negative). */
function placeNames(places: { at: Point; text: string }[], dy = 0, sea = false) {
  return Plot.text(places, {
    x: (p: { at: Point }) => p.at[0],
    y: (p: { at: Point }) => p.at[1],
    dy,
    text: 'text',
    fontSize: NOTE_SIZE,
    fill: 'currentColor',
    fillOpacity: 0.75,
    // Seas in italics, as maps name water.
    fontStyle: sea ? 'italic' : 'normal',
    className: 'map-label map-place',
    pointerEvents: 'none',
  } as never);
}

/** A scale bar of `km` kilometres in the frame's bottom-left (or bottom-right) corner, measured at its latitude. */
function scaleBar(
  proj: Projection,
  width: number,
  height: number,
  km: number,
  lang: ChartInput['lang'],
  corner: 'left' | 'right' = 'left',
) {
  const y0 = height - 10;
  const at = (x: number) => proj.invert!([x, y0]) as Point;
  const degrees = km / (111.32 * Math.cos((at(10)[1] * Math.PI) / 180));
  const px = proj([at(10)[0] + degrees, at(10)[1]])![0] - 10;
  const x0 = corner === 'left' ? 10 : width - 10 - px;
  const [lon, lat] = at(x0);
  const lon1 = lon + degrees;
  const bar = [{ x0 }];
  const inv = (p: Point) => proj.invert!(p) as Point;
  return [
    Plot.link(bar, {
      x1: () => lon,
      y1: () => lat,
      x2: () => lon1,
      y2: () => lat,
      stroke: 'currentColor',
      strokeWidth: 2,
      pointerEvents: 'none',
    }),
    // Named above the bar, from its outer end, so the name stays inside the frame whatever its length.
    Plot.text(bar, {
      x: () => inv([corner === 'left' ? x0 : x0 + px, y0 - 4])[0],
      y: () => inv([x0, y0 - 4])[1],
      text: () => formatQuantity({ value: km, qualifier: 'exact', unit: 'km' }, lang),
      textAnchor: corner === 'left' ? 'start' : 'end',
      lineAnchor: 'bottom',
      fontSize: NOTE_SIZE,
      fill: 'currentColor',
      pointerEvents: 'none',
    } as never),
  ];
}

/** The pixel centroid of feature `f` through `proj`. */
const pxCentroid = (proj: Projection, f: Feat): Point => proj(geoCentroid(f as never)) as Point;

/**
 * Where a prefecture's city proper is, in degrees (the urban core, where the city's government
 * sits): a ring for orientation, not a boundary.
 */
const SEATS: Record<string, { at: Point; zh: string; en: string }> = {
  '3701': { at: [117.06, 36.66], zh: '济南市区', en: 'Jinan city' },
  '3706': { at: [121.4, 37.51], zh: '烟台市区', en: 'Yantai city' },
};

/**
 * Where the cities a locator names lie (their urban cores, in degrees), by division code: points
 * for orientation, named above them.
 */
const CITIES: Record<string, Point> = {
  '3702': [120.38, 36.07],
  '3703': [118.05, 36.81],
  '3707': [119.16, 36.71],
  '3709': [117.09, 36.2],
  '3710': [122.12, 37.51],
  '3713': [118.36, 35.1],
  '3714': [116.36, 37.44],
};

type Sea = { at: Point; zh: string; en: string };
const BOHAI: Sea = { at: [119.75, 38.25], zh: '渤海', en: 'Bohai Sea' };
/** The seas the Shandong locator names, in degrees (open water near the coast). */
const SEAS: Sea[] = [BOHAI, { at: [121.4, 35.55], zh: '黄海', en: 'Yellow Sea' }];
/** The seas off Yantai: the Bohai west of Penglai, the Yellow Sea off the city's north coast. */
const SEAS_YANTAI: Sea[] = [BOHAI, { at: [122.2, 37.92], zh: '黄海', en: 'Yellow Sea' }];

/**
 * A county-level locator of one prefecture: its units muted, its marked districts coloured with
 * their names beside the map on leader lines, the city proper as a ring, neighbouring prefectures
 * faint and named where they show, the sea named where there is one, and a scale bar. Landscape:
 * `locatorHeight(width)` high.
 */
function countyMap(
  input: ChartInput,
  object: 'jinan' | 'yantai',
  notes: PlacedNote[],
  options: { code: string; neighbours: string[]; seas: Sea[] },
): Record<string, unknown> {
  const { width, lang } = input;
  const height = locatorHeight(width);
  const narrow = width < 480;
  const side = narrow ? Math.round(width * 0.27) : Math.round(width * 0.3);
  // Fitted on the full outlines, then drawn from outlines without the detail under about a square
  // pixel at that scale (Mercator: degrees per pixel is 180 / (π · scale)).
  const proj = fitted({ type: 'FeatureCollection', features: features(input, object) }, width, height, side);
  const simplifyTo = { pxArea: 1, degPerPx: 180 / (Math.PI * proj.scale()) };
  const fs = features(input, object, simplifyTo);
  // Neighbours are context: coarser still.
  const prefectures = features(input, 'shandong', { ...simplifyTo, pxArea: 3 });
  const highlighted = fs.filter((f) => f.properties.district);
  const centre = width / 2;
  const labelW = side - 14;
  // Districts west of the map's middle are named on the left, the others on the right, top to bottom.
  const callouts: Callout[] = highlighted
    .map((f) => ({ f, p: pxCentroid(proj, f) }))
    .sort((a, b) => a.p[1] - b.p[1])
    .map(({ f, p }) => {
      const left = p[0] < centre;
      const id = f.properties.district!;
      const note = notes.find((n) => n.ref === `map-${id}`)?.text;
      return {
        at: [left ? side - 12 : width - side + 12, Math.max(28, Math.min(height - 60, p[1] + 40))] as Point,
        anchor: left ? ('end' as const) : ('start' as const),
        text: wrapBalanced(pick(f.properties, lang), labelW, FONT_SIZE),
        note: note && wrapBalanced(note, labelW, NOTE_SIZE),
        to: [p],
      };
    });
  const seat = SEATS[options.code]!;
  const shown = (p: Point | null) => p && p[0] > 20 && p[0] < width - 20 && p[1] > 12 && p[1] < height - 12;
  const neighbours = prefectures
    .filter((f) => options.neighbours.includes(f.properties.code ?? ''))
    .map((f) => ({ f, at: geoCentroid(f as never) as Point }));
  // A neighbour is named where its centroid shows between the label columns (so no name meets a callout).
  const between = (p: Point) => shown(p) && p[0] > side + 30 && p[0] < width - side - 30;
  const places = neighbours
    .filter(({ at }) => between(proj(at) as Point))
    .map(({ f, at }) => ({ at, text: pick(f.properties, lang) }));
  const seas = options.seas.filter((s) => shown(proj(s.at) as Point));
  return {
    width,
    height,
    margin: 0,
    style: { fontSize: `${FONT_SIZE}px` },
    projection: proj,
    marks: [
      // Neighbouring prefectures, faint, for where the map sits.
      Plot.geo(
        prefectures.filter((f) => f.properties.code !== options.code),
        { fill: CONTEXT_COLOUR, fillOpacity: 0.06, stroke: 'currentColor', strokeOpacity: 0.25, strokeWidth: 0.5 },
      ),
      Plot.geo(fs, {
        fill: (f: Feat) => (f.properties.district ? districtColour(input.data, f.properties.district) : CONTEXT_COLOUR),
        fillOpacity: (f: Feat) => (f.properties.district ? 0.85 : 0.22),
        stroke: 'currentColor',
        strokeOpacity: 0.5,
        strokeWidth: 0.6,
      }),
      // The districts again, on top, as links to their case studies with a tooltip each.
      Plot.geo(highlighted, {
        fill: 'transparent',
        className: 'data-mark data-hit',
        title: (f: Feat) => modelStartTitle(input.data, f.properties.district!, input.lang),
        href: (f: Feat) => caseStudyPath(f.properties.district!, lang),
      }),
      placeNames(places),
      placeNames(
        seas.map((s) => ({ at: s.at, text: pick(s, lang) })),
        0,
        true,
      ),
      // The city proper: a ring, named beside it.
      Plot.dot([seat], {
        x: (d: typeof seat) => d.at[0],
        y: (d: typeof seat) => d.at[1],
        r: 3.5,
        stroke: 'currentColor',
        strokeWidth: 1.5,
        fill: 'none',
        pointerEvents: 'none',
      }),
      Plot.text([seat], {
        x: (d: typeof seat) => d.at[0],
        y: (d: typeof seat) => d.at[1],
        text: (d: typeof seat) => pick(d, lang),
        dy: -9,
        fontSize: NOTE_SIZE,
        fill: 'currentColor',
        className: 'map-label map-place',
        pointerEvents: 'none',
      } as never),
      Plot.dot(highlighted, {
        x: (f: Feat) => geoCentroid(f as never)[0],
        y: (f: Feat) => geoCentroid(f as never)[1],
        r: 2.5,
        fill: 'currentColor',
        pointerEvents: 'none',
      }),
      ...calloutMarks(proj, callouts),
      ...scaleBar(proj, width, height, 20, lang),
    ],
  };
}

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

function hostLabel(f: Feat, input: ChartInput): string {
  const { lang, data } = input;
  const ids = markedDistricts(input, [f.properties.code === '3701' ? 'jinan' : 'yantai']);
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
  rows: (input) => districtRows(input, markedDistricts(input, ['jinan', 'yantai'])),
  plot: (input, _rows, notes) => {
    const { width, lang } = input;
    const height = locatorHeight(width);
    const narrow = width < 480;
    // Landscape: the province in the middle, its two host cities named beside it (on a phone, above and below).
    const outline = { type: 'FeatureCollection', features: features(input, 'shandong') };
    const proj = narrow
      ? fitted(outline, width, height, 6, Math.round(height * 0.25), Math.round(height * 0.22))
      : fitted(outline, width, height, Math.round(width * 0.24));
    // At province scale the full outline detail is invisible but was 46 KB gzip per width (the
    // embed's budget is 25 KB in all): drop detail under about 2 square pixels at the drawn scale
    // (Mercator: degrees per pixel is 180 / (π · scale)).
    const simplifyTo = { pxArea: 2, degPerPx: 180 / (Math.PI * proj.scale()) };
    const prefectures = features(input, 'shandong', simplifyTo);
    const counties = [...features(input, 'jinan', simplifyTo), ...features(input, 'yantai', simplifyTo)].filter(
      (f) => f.properties.district,
    );
    const host = (code: string) => prefectures.find((f) => f.properties.code === code)!;
    const districtsOf = (object: 'jinan' | 'yantai') =>
      counties.filter((c) => markedDistricts(input, [object]).includes(c.properties.district!));
    const noteOf = (object: 'jinan' | 'yantai') =>
      markedDistricts(input, [object])
        .map((d) => notes.find((n) => n.ref === `map-${d}`)?.text)
        .find((n) => n !== undefined);
    // On a phone the callouts run above and below the map: the whole width, so a note stays on one line.
    const labelW = narrow ? width - 16 : width * 0.24 - 14;
    const jinanY = pxCentroid(proj, host('3701'))[1];
    const yantaiY = pxCentroid(proj, host('3706'))[1];
    const callouts: Callout[] = [
      {
        at: narrow ? [8, height - Math.round(height * 0.22) + 26] : [Math.round(width * 0.24) - 12, jinanY],
        ...(narrow ? { from: [60, height - Math.round(height * 0.22) + 4] as Point } : {}),
        anchor: narrow ? 'start' : 'end',
        text: wrapBalanced(hostLabel(host('3701'), input), labelW, FONT_SIZE),
        note: wrapBalanced(noteOf('jinan') ?? '', labelW, NOTE_SIZE) || undefined,
        to: districtsOf('jinan').map((f) => pxCentroid(proj, f)),
      },
      {
        at: narrow ? [width - 8, 20] : [width - Math.round(width * 0.24) + 12, Math.max(30, yantaiY - 40)],
        ...(narrow ? { from: [width - 60, Math.round(height * 0.25) - 4] as Point } : {}),
        anchor: narrow ? 'end' : 'start',
        text: wrapBalanced(hostLabel(host('3706'), input), labelW, FONT_SIZE),
        note: wrapBalanced(noteOf('yantai') ?? '', labelW, NOTE_SIZE) || undefined,
        to: districtsOf('yantai').map((f) => pxCentroid(proj, f)),
      },
    ];
    // Neighbouring cities a reader knows the province by, named in their own areas (muted), and the seas.
    const named = narrow ? ['3702', '3710'] : ['3702', '3703', '3707', '3709', '3710', '3713', '3714'];
    const cities = prefectures
      .filter((f) => named.includes(f.properties.code ?? ''))
      .map((f) => ({ at: CITIES[f.properties.code!]!, text: pick(f.properties, lang) }));
    const seas = SEAS.map((s) => ({ at: s.at, text: pick(s, lang) }));
    const hosts = new Set(['3701', '3706']);
    return {
      width,
      height,
      margin: 0,
      style: { fontSize: `${FONT_SIZE}px` },
      projection: proj,
      marks: [
        Plot.geo(prefectures, {
          fill: CONTEXT_COLOUR,
          fillOpacity: (f: Feat) => (hosts.has(f.properties.code ?? '') ? 0.35 : 0.12),
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
        // The neighbouring cities as points, named above them.
        Plot.dot(cities, {
          x: (c: { at: Point }) => c.at[0],
          y: (c: { at: Point }) => c.at[1],
          r: 1.75,
          fill: 'currentColor',
          fillOpacity: 0.75,
          pointerEvents: 'none',
        }),
        // Weihai is named below its point: the leader line to Fushan passes above it.
        placeNames(
          cities.filter((c) => c.at !== CITIES['3710']),
          -7,
        ),
        placeNames(
          cities.filter((c) => c.at === CITIES['3710']),
          10,
        ),
        placeNames(seas, 0, true),
        ...calloutMarks(proj, callouts),
        ...scaleBar(proj, width, height, 100, lang, narrow ? 'right' : 'left'),
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
  plot: (input, _rows, notes) =>
    countyMap(input, 'jinan', notes, { code: '3701', neighbours: ['3714', '3715', '3709', '3716'], seas: [] }),
};

export const mapYantai: ChartDefinition = {
  id: 'map-yantai',
  scales: 'map',
  title: { zh: '烟台市：福山区', en: 'Yantai: Fushan District' },
  subtitle: { zh: '福山区位于烟台市区西南', en: 'Fushan lies south-west of central Yantai' },
  kind: 'map',
  comparability: VINTAGE,
  summary: {
    zh: '烟台市地图：福山区在烟台中心城区西南。',
    en: 'A map of Yantai: Fushan District lies south-west of the city centre.',
  },
  notes: [{ ref: 'map-fushan', text: { zh: '在烟台中心城区西南', en: 'South-west of central Yantai' } }],
  rows: (input) => districtRows(input, markedDistricts(input, ['yantai'])),
  plot: (input, _rows, notes) =>
    countyMap(input, 'yantai', notes, { code: '3706', neighbours: ['3702', '3707', '3710'], seas: SEAS_YANTAI }),
};
