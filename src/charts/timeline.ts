/** When each model began, and when the sources reported on it, 2018 to 2024. */
import * as Plot from '@observablehq/plot';
import { districtName, featuredDistricts } from '../dataset/dataset.ts';
import { formatDateRange } from '../i18n/format.ts';
import { districtColour } from './palette.ts';
import { FONT_SIZE } from './marks.ts';
import { textWidth, wrapText } from './text.ts';
import type { ChartDefinition, Datum } from './types.ts';

const year = (iso: string) => {
  const [y, m = 6] = iso.split('-').map(Number);
  return y! + (m - 0.5) / 12;
};

export const timeline: ChartDefinition = {
  id: 'timeline',
  legend: false,
  title: { zh: '三种模式何时开始，何时见报', en: 'When each model began, and when it was reported' },
  subtitle: {
    zh: '实心圆：模式开始之年（据来源）；空心圆：来源发表时间（推断的日期为估计）',
    en: 'Filled: the year the model began (per the sources); hollow: when each source appeared (inferred dates are estimates)',
  },
  comparability: {
    zh: '市中区“跨村联建”试点的开始年份来源未写明，此处用报道前一年作估计。',
    en: "The sources do not date the start of Shizhong's cross-village pilot; the year before the report is used as an estimate.",
  },
  summary: {
    zh: '福山的做法据称可以追溯到{start-fushan|period}（案例称融合发展区由更早的示范区发展而来）；章丘称{start-zhangqiu|period}起深化党建工作区建设；市中区的报道没有写明跨村联建从何时开始，本站估计为{start-shizhong|period}。来源的发表时间多为本站推断：福山的案例发表于{report-fushan-2022-integrated-zones|period}，章丘的两篇长文发表于{report-zhangqiu-2022-1226-extended|period}（写的是更早的“1226”工程），章丘和市中后来的报道分别发表于{report-zhangqiu-2024-work-zones|period}和{report-shizhong-2024-governance|period}。',
    en: "Fushan's approach is said to go back to {start-fushan|period} (the case describes its zones as grown out of earlier demonstration zones); Zhangqiu says it deepened its work zones from {start-zhangqiu|period}; Shizhong's report does not say when its cross-village committees began, and the site estimates {start-shizhong|period}. Most publication dates are the site's inferences: Fushan's case appeared on {report-fushan-2022-integrated-zones|period}, Zhangqiu's two long texts in {report-zhangqiu-2022-1226-extended|period} (about its earlier \"1226\" programme), and the later Zhangqiu and Shizhong reports in {report-zhangqiu-2024-work-zones|period} and {report-shizhong-2024-governance|period}.",
  },
  rows: ({ data, lang }) => {
    // One line per featured district: a line per district would be unreadable at thousands.
    const featured = featuredDistricts(data);
    const isFeatured = new Set(featured.map((d) => d.id));
    const starts: Datum[] = featured.map((d) => ({
      district: d.id,
      series: lang === 'zh' ? `${d.model.name.zh}（开始）` : `${d.model.name.en} (start)`,
      value: d.model.startYear + 0.5,
      qualifier: 'about',
      kind: 'achieved',
      unit: 'count',
      ref: `start-${d.id}`,
      label: lang === 'zh' ? `${d.model.startYear}年` : String(d.model.startYear),
      period: lang === 'zh' ? `${d.model.startYear}年` : String(d.model.startYear),
      scope: d.model.unit[lang],
      source: data.sources.find((s) => s.district === d.id)!.id,
    }));
    const reports: Datum[] = data.sources
      .filter((s) => isFeatured.has(s.district))
      .map((s) => ({
        district: s.district,
        series: lang === 'zh' ? `报道：${s.title}` : `Report: ${s.titleEn}`,
        value: year(s.date),
        high: s.dateEnd ? year(s.dateEnd) : undefined,
        qualifier: s.dateEnd ? 'range' : 'exact',
        kind: 'achieved',
        unit: 'count',
        ref: `report-${s.id}`,
        label: formatDateRange(s.date, s.dateEnd, lang),
        period: formatDateRange(s.date, s.dateEnd, lang),
        scope: s.dateInferred
          ? lang === 'zh'
            ? '日期为推断'
            : 'date inferred'
          : lang === 'zh'
            ? '日期已印出'
            : 'date printed',
        source: s.id,
      }));
    return [...starts, ...reports];
  },
  plot: ({ width, data, lang }, rows) => {
    // One line per district: its start and its reports side by side.
    const districtOf = (d: Datum) => districtName(data, d.district, lang);
    const names = [...new Set(rows.map(districtOf))];
    const wrapped = new Map(names.map((n) => [n, wrapText(n, Math.min(width * 0.3, 160), FONT_SIZE)]));
    const marginLeft = Math.ceil(Math.max(...[...wrapped.values()].map((s) => textWidth(s, FONT_SIZE)))) + 14;
    const y = (d: Datum) => wrapped.get(districtOf(d))!;
    const colour = (d: Datum) => districtColour(data, d.district);
    const starts = rows.filter((r) => r.ref.startsWith('start-'));
    const reports = rows.filter((r) => r.ref.startsWith('report-'));
    return {
      width,
      height: names.length * 56 + 50,
      marginLeft,
      marginRight: 20,
      marginTop: 10,
      marginBottom: 36,
      style: { fontSize: `${FONT_SIZE}px` },
      x: {
        domain: [2018, 2025],
        label: null,
        ticks: width < 480 ? [2018, 2020, 2022, 2024] : [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025],
        tickFormat: (v: number) => String(v),
        grid: true,
      },
      y: { domain: names.map((n) => wrapped.get(n)!), label: null, tickSize: 0 },
      marks: [
        Plot.ruleY(starts, { y, x1: 'value', x2: 2024.9, stroke: colour, strokeOpacity: 0.35, strokeWidth: 2 }),
        Plot.ruleY(
          reports.filter((r) => r.high !== undefined),
          { y, x1: 'value', x2: 'high', stroke: colour, strokeWidth: 6, strokeOpacity: 0.35, strokeLinecap: 'round' },
        ),
        Plot.dot(reports, {
          y,
          x: (d: Datum) => (d.high === undefined ? d.value : (d.value + d.high) / 2),
          r: 6,
          stroke: colour,
          strokeWidth: 2.5,
          fill: 'none',
        }),
        Plot.dot(starts, { y, x: 'value', r: 7, fill: colour, stroke: colour }),
      ],
    };
  },
};
