/** When each model began, and when the sources reported on it, 2018 to 2024. */
import * as Plot from '@observablehq/plot';
import { featuredDistricts } from '../dataset/dataset.ts';
import { districtName, sourceName } from '../i18n/figure.ts';
import { t } from '../i18n/strings.ts';
import { formatDateRange, formatStartYear } from '../i18n/format.ts';
import { districtColour } from './palette.ts';
import { modelStartTitle, sourceOutlet, startSourceOf } from './rows.ts';
import { FONT_SIZE, NOTE_LINE, NOTE_SIZE, noteMarks } from './marks.ts';
import { textWidth, wrapBalanced, wrapText } from './text.ts';
import type { ChartDefinition, ChartInput, Datum } from './types.ts';
import { caseStudyPath, sourcePath } from '../site/paths.ts';
import { pick } from '../site/editions.ts';

const year = (iso: string) => {
  const [y, m = 6] = iso.split('-').map(Number);
  return y! + (m - 0.5) / 12;
};

/**
 * A timeline mark's tooltip: the district and its model with the year it began (marked when the
 * site estimates it), or the district's report with its date and whether that date is inferred.
 */
function timelineTitle(d: Datum, data: ChartInput['data'], lang: ChartInput['lang']): string {
  if (d.ref.startsWith('start-')) return modelStartTitle(data, d.district, lang);
  const where = districtName(data, d.district, lang);
  const src = data.source.get(d.source)!;
  return pick(
    {
      zh: `${where}的报道（${sourceOutlet(data, src.id, lang)}）：${d.period}；${d.scope}`,
      en: `${where} report (${sourceOutlet(data, src.id, lang)}): ${d.period}; ${d.scope}`,
    },
    lang,
  );
}

export const timeline: ChartDefinition = {
  id: 'timeline',
  legend: false,
  breakout: true,
  notes: [
    {
      ref: 'report-shizhong-2024-governance',
      text: {
        zh: '报道未写明何时开始，图中不标开始年份',
        en: 'The report does not say when it began: no start is drawn',
      },
    },
    {
      ref: 'start-fushan',
      text: { zh: '始于农村党建示范区，后逐步升级', en: 'Began as rural demonstration zones' },
    },
  ],
  title: { zh: '三种模式何时开始，何时见报', en: 'When each model began, and when it was reported' },
  subtitle: {
    zh: '实心圆：来源所说的起点；空心圆：来源发表时间（多为本站推断）',
    en: 'Filled: the start the sources give; hollow: when each source appeared (mostly the site’s inference)',
  },
  comparability: {
    zh: '章丘的起点是报道所说开始“深化”党建工作区建设的年份，工作区最初何时设立，报道没有写；市中区“跨村联建”的开始年份来源未写明，图中只标其报道的时间。',
    en: 'Zhangqiu\'s start is the year its report says the work zones began to be "deepened"; when the zones were first set up, the report does not say. The sources do not date the start of Shizhong\'s cross-village committees; the chart shows only when its report appeared.',
  },
  summary: {
    zh: '福山称{start-fushan|period}开始探索“农村党建示范区”，此后逐步升级为融合发展区；章丘称{start-zhangqiu|period}起深化党建工作区建设；市中区的报道没有写明跨村联建从何时开始。来源的发表时间多为本站推断：福山的案例发表于{report-fushan-2022-integrated-zones|period}，章丘的两篇长文发表于{report-zhangqiu-2022-1226-extended|period}，写的是更早的“1226”工程；章丘和市中后来的报道分别发表于{report-zhangqiu-2024-work-zones|period}和{report-shizhong-2024-governance|period}。',
    en: "Fushan says it began rural party-building demonstration zones in {start-fushan|period} and upgraded them step by step into integrated development zones; Zhangqiu says it deepened its work zones from {start-zhangqiu|period}; Shizhong's report does not say when its cross-village committees began. Most publication dates are the site's inferences: Fushan's case appeared on {report-fushan-2022-integrated-zones|period}, Zhangqiu's two long texts, about its earlier \"1226\" programme, in {report-zhangqiu-2022-1226-extended|period}; and the later Zhangqiu and Shizhong reports in {report-zhangqiu-2024-work-zones|period} and {report-shizhong-2024-governance|period}.",
  },
  rows: ({ data, lang }) => {
    // One line per featured district: a line per district would be unreadable at thousands.
    const featured = featuredDistricts(data);
    const isFeatured = new Set(featured.map((d) => d.id));
    // A start no source dates is left out, never estimated: the note under its report says so.
    const starts: Datum[] = featured.flatMap((d) =>
      d.model.startYear === null ? [] : [{ ...startRow(d, d.model.startYear) }],
    );
    function startRow(d: (typeof featured)[number], startYear: number): Datum {
      return {
        district: d.id,
        series: pick({ zh: `${d.model.name.zh}（开始）`, en: `${d.model.name.en} (start)` }, lang),
        value: startYear + 0.5,
        qualifier: 'about',
        kind: 'achieved',
        unit: 'count',
        ref: `start-${d.id}`,
        label: formatStartYear(startYear, d.model.startYearEstimated, lang, pick(d.model.startNote, lang)),
        kindText: pick({ zh: '来源所说的起点', en: 'start the sources give' }, lang),
        period: formatStartYear(startYear, undefined, lang),
        scope: pick(d.model.unit, lang),
        source: startSourceOf(data, d.id),
        href: caseStudyPath(d.id, lang),
      };
    }
    const reports: Datum[] = data.sources
      .filter((s) => isFeatured.has(s.district))
      .map((s) => ({
        district: s.district,
        series: `${t(lang, 'timeline.report')}${t(lang, 'punct.colon')}${sourceName(data, s.id, lang)}`,
        value: year(s.date),
        high: s.dateEnd ? year(s.dateEnd) : undefined,
        qualifier: s.dateEnd ? 'range' : 'exact',
        kind: 'achieved',
        unit: 'count',
        ref: `report-${s.id}`,
        label: formatDateRange(s.date, s.dateEnd, lang),
        kindText: pick({ zh: '发表时间', en: 'publication date' }, lang),
        period: `${formatDateRange(s.date, s.dateEnd, lang)}${s.dateInferred ? pick({ zh: '（本站推断）', en: " (site's inference)" }, lang) : ''}`,
        scope: s.dateInferred
          ? pick({ zh: '原文未印日期', en: 'no date printed' }, lang)
          : pick({ zh: '日期已印出', en: 'date printed' }, lang),
        source: s.id,
        href: sourcePath(s.id, lang),
      }));
    return [...starts, ...reports];
  },
  plot: ({ width, data, lang }, rows, notes) => {
    // One line per district: its start and its reports side by side.
    const districtOf = (d: Datum) => districtName(data, d.district, lang);
    // Districts in site order, whether or not a source dates their start.
    const order = new Map(data.districts.map((d, i) => [d.id, i] as const));
    const names = [
      ...new Set([...rows].sort((a, b) => order.get(a.district)! - order.get(b.district)!).map(districtOf)),
    ];
    const wrapped = new Map(names.map((n) => [n, wrapText(n, Math.min(width * 0.3, 160), FONT_SIZE)]));
    const marginLeft = Math.ceil(Math.max(...[...wrapped.values()].map((s) => textWidth(s, FONT_SIZE)))) + 14;
    const marginRight = 20;
    const plotWidth = width - marginLeft - marginRight;
    const domain = [2018, 2025] as const;
    const px = (v: number) => ((v - domain[0]) / (domain[1] - domain[0])) * plotWidth;
    const fromPx = (p: number) => domain[0] + (p / plotWidth) * (domain[1] - domain[0]);
    // Rows in pixels (identity y): each district's line, and under it the note about its start, if any.
    const noteText = new Map(
      notes.map((n) => [n.ref, wrapBalanced(n.text, Math.min(plotWidth, 300), NOTE_SIZE)] as const),
    );
    const lineY = new Map<string, number>();
    const noteY = new Map<string, number>();
    let y = 10;
    for (const name of names) {
      const mark = y + 24;
      lineY.set(name, mark);
      y = mark + 24;
      // The district's note sits under its line, hung from the mark it is about (its start, or a report).
      const noted = rows.find((r) => districtOf(r) === name && noteText.has(r.ref));
      const note = noted && noteText.get(noted.ref);
      if (noted && note) {
        noteY.set(noted.ref, mark + 16);
        y = mark + 16 + note.split('\n').length * NOTE_LINE + 8;
      }
    }
    // Reports of one district dated alike would hide each other: spread them 14 px apart vertically.
    const at = (d: Datum) => (d.high === undefined ? d.value : (d.value + d.high) / 2);
    const dodge = new Map<string, number>();
    for (const name of names) {
      const same = new Map<number, Datum[]>();
      for (const r of rows.filter((r) => r.ref.startsWith('report-') && districtOf(r) === name)) {
        const key = Math.round(px(at(r)) / 12);
        same.set(key, [...(same.get(key) ?? []), r]);
      }
      for (const group of same.values())
        for (const [k, r] of group.entries()) dodge.set(r.ref, (k - (group.length - 1) / 2) * 14);
    }
    const markY = (d: Datum) => lineY.get(districtOf(d))! + (dodge.get(d.ref) ?? 0);
    const colour = (d: Datum) => districtColour(data, d.district);
    const starts = rows.filter((r) => r.ref.startsWith('start-'));
    const reports = rows.filter((r) => r.ref.startsWith('report-'));
    const noted = rows.filter((r) => noteY.has(r.ref));
    const noteX = (d: Datum) =>
      fromPx(
        Math.max(
          0,
          Math.min(px(d.value) - 6, plotWidth + marginRight - 4 - textWidth(noteText.get(d.ref)!, NOTE_SIZE)),
        ),
      );
    return {
      width,
      height: y + 36,
      marginLeft,
      marginRight,
      marginTop: 10,
      marginBottom: 36,
      style: { fontSize: `${FONT_SIZE}px` },
      x: {
        domain,
        label: null,
        ticks: width < 480 ? [2018, 2020, 2022, 2024] : [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025],
        tickFormat: (v: number) => String(v),
        grid: true,
      },
      y: { type: 'identity', axis: null },
      marks: [
        Plot.text(names, {
          y: (n: string) => lineY.get(n),
          text: (n: string) => wrapped.get(n),
          frameAnchor: 'left',
          textAnchor: 'end',
          lineAnchor: 'middle',
          dx: -9,
          className: 'row-label',
        }),
        Plot.ruleY(starts, { y: markY, x1: 'value', x2: 2024.9, stroke: colour, strokeOpacity: 0.35, strokeWidth: 2 }),
        Plot.ruleY(
          reports.filter((r) => r.high !== undefined),
          {
            y: markY,
            x1: 'value',
            x2: 'high',
            stroke: colour,
            strokeWidth: 6,
            strokeOpacity: 0.35,
            strokeLinecap: 'round',
            className: 'data-mark',
          },
        ),
        Plot.dot(reports, {
          y: markY,
          x: at,
          r: 6,
          stroke: colour,
          strokeWidth: 2.5,
          fill: 'none',
          className: 'data-mark',
        }),
        Plot.dot(starts, { y: markY, x: 'value', r: 7, fill: colour, stroke: colour, className: 'data-mark' }),
        ...noteMarks(
          noted,
          { x: noteX, from: (d) => markY(d) + 9, top: (d) => noteY.get(d.ref)!, text: (d) => noteText.get(d.ref)! },
          lang,
        ),
        // On top: a transparent target per mark, with its link and tooltip.
        Plot.dot([...starts, ...reports], {
          y: markY,
          x: (d: Datum) => (d.ref.startsWith('start-') ? d.value : at(d)),
          r: 12,
          fill: 'transparent',
          title: (d: Datum) => timelineTitle(d, data, lang),
          href: 'href',
          className: 'data-hit',
        }),
      ],
    };
  },
};
