/** What Shizhong reports for its first secretaries, brands and new-economy work. */
import { qualifiedDots } from './marks.ts';
import { observationRow } from './rows.ts';
import type { ChartDefinition } from './types.ts';

export const shizhongResults: ChartDefinition = {
  id: 'shizhong-results',
  scales: 'panels',
  title: { zh: '市中区报告的工作成果', en: 'What Shizhong District reports' },
  subtitle: {
    zh: '全区数字，多未写明日期或时段（报道未印日期，本站推断发表于2024年）',
    en: 'District-wide figures, mostly without a date or period (the report is undated; the site dates it to 2024)',
  },
  comparability: {
    zh: '这些是不同事物的个数，不能相互比较，只说明各项工作的规模。',
    en: 'These count different things and are not comparable with each other; they show the scale of each strand of work.',
  },
  summary: {
    zh: '市中区的报道给出的是全区数字，多数没有日期或时段：第一书记派驻以来新引进发展项目{shizhong-first-secretary-projects}，有{shizhong-first-secretaries-promoted|number}名第一书记获提拔或重用；两新组织党建示范点{shizhong-two-new-demonstration-sites}，社区党建品牌{shizhong-community-party-brands}，参加区内挂职交流的社区书记和专职副书记{shizhong-community-secretaries-exchanged-2024}，兼任网格员的外卖骑手{shizhong-rider-grid-workers}。',
    en: "Shizhong's report gives district-wide figures, mostly without a date or period: {shizhong-first-secretary-projects|number} development projects brought in since first secretaries were posted, and {shizhong-first-secretaries-promoted|number} first secretaries promoted or given more important posts; {shizhong-two-new-demonstration-sites|number} party-building demonstration sites in non-public firms and social organisations; {shizhong-community-party-brands|number} community party-building brands; {shizhong-community-secretaries-exchanged-2024|number} community secretaries and deputies on secondment within the district; and {shizhong-rider-grid-workers|number} food-delivery riders serving as part-time grid workers.",
  },
  notes: [
    {
      ref: 'shizhong-first-secretary-projects',
      text: { zh: '累计数，报道未写明从何时算起', en: 'A running total: the report gives no start date' },
    },
  ],
  rows: ({ data, lang }) => [
    observationRow(data, lang, 'shizhong-first-secretary-projects'),
    observationRow(data, lang, 'shizhong-first-secretaries-promoted'),
    observationRow(data, lang, 'shizhong-two-new-demonstration-sites'),
    observationRow(data, lang, 'shizhong-community-party-brands'),
    observationRow(data, lang, 'shizhong-community-secretaries-exchanged-2024'),
    observationRow(data, lang, 'shizhong-rider-grid-workers'),
  ],
  plot: (input, rows, notes) => qualifiedDots(input, rows, {}, notes),
};
