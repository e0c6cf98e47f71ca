/** Fushan's cherry economy as the district presents it. */
import { qualifiedDots } from './marks.ts';
import { observationRow } from './rows.ts';
import type { ChartDefinition } from './types.ts';

export const fushanCherryEconomy: ChartDefinition = {
  id: 'fushan-cherry-economy',
  title: { zh: '福山大樱桃：合作社、联盟与签约', en: "Fushan's cherries: cooperatives, alliance and deals" },
  subtitle: {
    zh: '截至2022年7月的个数；产值和品牌价值见下表',
    en: 'Counts as of July 2022; output and brand value are in the table below',
  },
  comparability: {
    zh: '产值是“突破”某个整数的说法，是下限；品牌价值如何评估，报道没有说明。',
    en: 'The output figure is one the industry "broke through", a lower bound; the report does not say how the brand value was assessed.',
  },
  rows: ({ data, lang }) => [
    observationRow(data, lang, 'fushan-cherry-cooperatives'),
    observationRow(data, lang, 'fushan-cherry-alliance-units'),
    observationRow(data, lang, 'fushan-cooperation-agreements'),
    observationRow(data, lang, 'fushan-cherry-output'),
    observationRow(data, lang, 'fushan-cherry-brand-value'),
  ],
  // Money and counts share no scale: the chart draws the counts, the table lists all five.
  plot: (input, rows) =>
    qualifiedDots(
      input,
      rows.filter((r) => r.unit === 'count'),
      { xLabel: input.lang === 'zh' ? '个数' : 'number' },
    ),
};
