/** What Shizhong reports for its first secretaries, brands and new-economy work. */
import { qualifiedDots } from './marks.ts';
import { observationRow } from './rows.ts';
import type { ChartDefinition } from './types.ts';

export const shizhongResults: ChartDefinition = {
  id: 'shizhong-results',
  title: { zh: '市中区报告的工作成果', en: 'What Shizhong District reports' },
  subtitle: {
    zh: '全区累计数，日期多未写明（报道发表于2024年）',
    en: 'District-wide counts, mostly undated (the report appeared in 2024)',
  },
  comparability: {
    zh: '这些是不同事物的个数，不能相互比较，只说明各项工作的规模。',
    en: 'These count different things and are not comparable with each other; they show the scale of each strand of work.',
  },
  rows: ({ data, lang }) => [
    observationRow(data, lang, 'shizhong-first-secretary-projects'),
    observationRow(data, lang, 'shizhong-first-secretaries-promoted'),
    observationRow(data, lang, 'shizhong-two-new-demonstration-sites'),
    observationRow(data, lang, 'shizhong-community-party-brands'),
    observationRow(data, lang, 'shizhong-community-secretaries-exchanged-2024'),
    observationRow(data, lang, 'shizhong-rider-grid-workers'),
  ],
  plot: (input, rows) => qualifiedDots(input, rows, { xLabel: input.lang === 'zh' ? '个数或人数' : 'number' }),
};
