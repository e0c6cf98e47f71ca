/** When each model began, and when the sources reported on it, 2018 to 2024. */
import * as Plot from '@observablehq/plot';
import { featuredDistricts } from '../dataset/dataset.ts';
import { districtName, sourceName } from '../i18n/figure.ts';
import { t } from '../i18n/strings.ts';
import { formatDateRange, formatStartYear } from '../i18n/format.ts';
import { districtColour } from './palette.ts';
import { modelStartTitle, sourceOutlet, startSourceOf } from './rows.ts';
import { FONT_SIZE, LINE, NOTE_LINE, NOTE_SIZE, noteMarks } from './marks.ts';
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

/** A row's name beside its mark: the model's start, or which report (its outlet). */
function rowName(d: Datum, data: ChartInput['data'], lang: ChartInput['lang']): string {
  if (d.ref.startsWith('start-')) {
    const m = data.district.get(d.district)!.model;
    // "As the sources give it": Zhangqiu's is the year its zones were "deepened" (the chart's note says so).
    return pick({ zh: `${m.name.zh}：来源所说的起点`, en: `${m.name.en}: start as the sources give it` }, lang);
  }
  return `${t(lang, 'timeline.report')}${t(lang, 'punct.colon')}${sourceOutlet(data, d.source, lang)}`;
}

/**
 * The heading over a district's reports about another programme than its model (`heading`), or
 * what one such report is about, for its row in the table (`row`).
 */
function programmeHeading(
  data: ChartInput['data'],
  id: string,
  lang: ChartInput['lang'],
  as: 'heading' | 'row' = 'heading',
): string {
  const term = data.term.get(id);
  const name = term ? pick({ zh: term.zhHans, en: term.en }, lang) : id;
  if (as === 'row') return pick({ zh: `写的是更早的${name}`, en: `about the earlier ${name}` }, lang);
  return pick({ zh: `以下报道写的是更早的${name}`, en: `Reports below are about the earlier ${name}` }, lang);
}

export const timeline: ChartDefinition = {
  id: 'timeline',
  scales: 'time',
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
    zh: '实心圆：来源所说的模式起点；空心圆：报道发表的时间，标“本站推断”的日期原文未印；虚线圆：关于更早工程的报道；横条：只知道发表时间的范围',
    en: 'Filled: the start of the model as the sources give it; hollow: when a report appeared, marked where the date is the site’s inference; dashed: a report about an earlier programme; bar: the range a date is known to within',
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
        scope: [
          s.programme ? programmeHeading(data, s.programme, lang, 'row') : '',
          s.dateInferred
            ? pick({ zh: '原文未印日期', en: 'no date printed' }, lang)
            : pick({ zh: '日期已印出', en: 'date printed' }, lang),
        ]
          .filter(Boolean)
          .join(pick({ zh: '；', en: '; ' }, lang)),
        source: s.id,
        href: sourcePath(s.id, lang),
      }));
    return [...starts, ...reports];
  },
  plot: ({ width, data, lang }, rows, notes) => {
    // Every mark on its own line, under its district's heading: which report or which start it is
    // stands beside it (or above it on a phone), and its date is written next to the mark. Reports
    // about another programme than the model (sources.programme) sit under their own heading,
    // drawn dashed, apart from the model's start.
    const stacked = width < 480;
    const order = new Map(data.districts.map((d, i) => [d.id, i] as const));
    const districts = [...new Set(rows.map((r) => r.district))].sort((a, b) => order.get(a)! - order.get(b)!);
    const programmeOf = (d: Datum) => (d.ref.startsWith('report-') ? data.source.get(d.source)?.programme : undefined);
    const labelMax = stacked ? width - 16 : Math.min(width * 0.3, 230);
    // On a phone the date joins the row's name above its mark: beside a mark it would run off the chart.
    const rowLabel = (d: Datum) =>
      wrapText(
        stacked ? `${rowName(d, data, lang)}${t(lang, 'punct.comma')}${d.period}` : rowName(d, data, lang),
        labelMax,
        FONT_SIZE,
      );
    // Room for the first year's tick label, centred on the plot's left end.
    const marginLeft = stacked ? 22 : Math.ceil(Math.max(...rows.map((d) => textWidth(rowLabel(d), FONT_SIZE)))) + 16;
    const marginRight = 22;
    const plotWidth = width - marginLeft - marginRight;
    const domain = [2018, 2025] as const;
    const px = (v: number) => ((v - domain[0]) / (domain[1] - domain[0])) * plotWidth;
    const fromPx = (p: number) => domain[0] + (p / plotWidth) * (domain[1] - domain[0]);
    const noteText = new Map(
      notes.map((n) => [n.ref, wrapBalanced(n.text, Math.min(plotWidth, 300), NOTE_SIZE)] as const),
    );
    const lines = (s: string) => s.split('\n').length;
    const headings: { text: string; y: number; programme: boolean }[] = [];
    const markY = new Map<string, number>();
    const labelY = new Map<string, number>();
    const noteY = new Map<string, number>();
    let y = 8;
    const place = (d: Datum) => {
      const label = rowLabel(d);
      // On a phone a mark hangs just under its name, with more room before the next name, so
      // each mark reads with the name above it.
      if (stacked) {
        labelY.set(d.ref, y);
        y += lines(label) * LINE + 9;
      } else y += Math.max(13, (lines(label) * LINE) / 2 + 2);
      markY.set(d.ref, y);
      if (!stacked) labelY.set(d.ref, y);
      y += stacked ? 10 : 13;
      const note = noteText.get(d.ref);
      if (note) {
        noteY.set(d.ref, y + 4);
        y += 4 + lines(note) * NOTE_LINE + 4;
      }
      y += stacked ? 12 : 4;
    };
    for (const id of districts) {
      headings.push({ text: districtName(data, id, lang), y, programme: false });
      y += LINE + 6;
      const own = rows.filter((r) => r.district === id && !programmeOf(r));
      for (const d of own) place(d);
      const programmes = [...new Set(rows.filter((r) => r.district === id).map(programmeOf))].filter((p): p is string =>
        Boolean(p),
      );
      for (const p of programmes) {
        y += 4;
        const text = wrapText(programmeHeading(data, p, lang), width - 8, FONT_SIZE);
        headings.push({ text, y, programme: true });
        y += lines(text) * LINE + 6;
        for (const d of rows.filter((r) => r.district === id && programmeOf(r) === p)) place(d);
      }
      y += 10;
    }
    const at = (d: Datum) => (d.high === undefined ? d.value : (d.value + d.high) / 2);
    const colour = (d: Datum) => districtColour(data, d.district);
    const starts = rows.filter((r) => r.ref.startsWith('start-'));
    const reports = rows.filter((r) => r.ref.startsWith('report-'));
    const noted = rows.filter((r) => noteY.has(r.ref));
    const dateText = (d: Datum) => d.period;
    // A date label right of its mark where it fits, otherwise left of it.
    const fitsRight = (d: Datum) =>
      px(d.high ?? d.value) + 12 + textWidth(dateText(d), FONT_SIZE) <= plotWidth + marginRight - 2;
    const y0 = (d: Datum) => markY.get(d.ref)!;
    const noteX = (d: Datum) =>
      fromPx(
        Math.max(
          0,
          Math.min(px(d.value) - 6, plotWidth + marginRight - 4 - textWidth(noteText.get(d.ref)!, NOTE_SIZE)),
        ),
      );
    const heading = {
      y: 'y',
      text: 'text',
      frameAnchor: 'left',
      textAnchor: 'start',
      lineAnchor: 'top',
      dx: -marginLeft + 2,
      className: 'row-label',
    } as const;
    return {
      width,
      height: y + 30,
      marginLeft,
      marginRight,
      marginTop: 8,
      marginBottom: 30,
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
        // District headings in bold; a programme's heading muted (italic in English) under them.
        Plot.text(
          headings.filter((h) => !h.programme),
          { ...heading, fontWeight: 'bold' },
        ),
        Plot.text(
          headings.filter((h) => h.programme),
          { ...heading, fontStyle: pick({ zh: 'normal', en: 'italic' }, lang), fillOpacity: 0.75 },
        ),
        Plot.text(rows, {
          y: (d: Datum) => labelY.get(d.ref),
          text: rowLabel,
          frameAnchor: 'left',
          textAnchor: stacked ? 'start' : 'end',
          lineAnchor: stacked ? 'top' : 'middle',
          dx: stacked ? -marginLeft + 2 : -9,
          className: 'row-label',
        }),
        Plot.ruleY(
          reports.filter((r) => r.high !== undefined),
          {
            y: y0,
            x1: 'value',
            x2: 'high',
            stroke: colour,
            strokeWidth: 6,
            strokeOpacity: 0.35,
            strokeLinecap: 'round',
            className: 'data-mark',
          },
        ),
        Plot.dot(
          reports.filter((d) => !programmeOf(d)),
          { y: y0, x: at, r: 6, stroke: colour, strokeWidth: 2.5, fill: 'none', className: 'data-mark' },
        ),
        // Reports about an earlier programme: dashed, so they read apart from the model's own.
        Plot.dot(
          reports.filter((d) => programmeOf(d)),
          {
            y: y0,
            x: at,
            r: 6,
            stroke: colour,
            strokeWidth: 2,
            strokeDasharray: '3,2',
            fill: 'none',
            className: 'data-mark',
          },
        ),
        Plot.dot(starts, { y: y0, x: 'value', r: 7, fill: colour, stroke: colour, className: 'data-mark' }),
        Plot.text(
          rows.filter((d) => !stacked && fitsRight(d)),
          {
            y: y0,
            x: (d: Datum) => d.high ?? d.value,
            text: dateText,
            textAnchor: 'start',
            dx: 11,
            className: 'value-label',
          },
        ),
        Plot.text(
          rows.filter((d) => !stacked && !fitsRight(d)),
          { y: y0, x: 'value', text: dateText, textAnchor: 'end', dx: -11, className: 'value-label' },
        ),
        ...noteMarks(
          // A range's dot sits at its middle: the note's leader starts there.
          noted.map((d) => ({ ...d, value: at(d) })),
          { x: noteX, from: (d) => y0(d) + 8, top: (d) => noteY.get(d.ref)!, text: (d) => noteText.get(d.ref)! },
          lang,
        ),
        // On top: a transparent target per mark, with its link and tooltip.
        Plot.dot(rows, {
          y: y0,
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
