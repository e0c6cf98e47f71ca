/** Fushan's cherry economy as the district presents it. */
import { qualifiedDots } from './marks.ts';
import { observationRow } from './rows.ts';
import type { ChartDefinition } from './types.ts';

export const fushanCherryEconomy: ChartDefinition = {
  id: 'fushan-cherry-economy',
  scales: 'panels',
  title: {
    zh: '福山大樱桃：合作社、联盟、合作意向、产值与品牌价值',
    en: "Fushan's cherries: cooperatives, alliance, intentions, output and brand value",
  },
  subtitle: {
    zh: '五种不同的东西，每组各用自己的刻度，不能互相比较；产值是下限（箭头），品牌价值的评估方法报道未说明',
    en: 'Five different things, each panel on its own scale and not comparable with the others; output is a lower bound (arrow), and the report does not say how the brand value was assessed',
  },
  comparability: {
    zh: '产值是“突破”某个整数的说法，是下限；品牌价值如何评估，报道没有说明。',
    en: 'The output figure is one the industry "broke through", a lower bound; the report does not say how the brand value was assessed.',
  },
  summary: {
    zh: '福山报告，{fushan-cherry-cooperatives|period}全区有党支部领办的大樱桃合作社{fushan-cherry-cooperatives}，樱桃产业党建联盟理事会有成员单位{fushan-cherry-alliance-units}，线上签约等活动达成合作意向{fushan-cooperation-agreements}；大樱桃产值{fushan-cherry-output}，品牌估值{fushan-cherry-brand-value}。',
    en: "Fushan reports, {fushan-cherry-cooperatives|period}, {fushan-cherry-cooperatives|number} cherry cooperatives led by party branches, {fushan-cherry-alliance-units|number} member units on its cherry alliance council and {fushan-cooperation-agreements|number} expressions of intent to cooperate from online signing and other events; it puts the cherry industry's output at {fushan-cherry-output} and the brand's value at {fushan-cherry-brand-value}.",
  },
  notes: [
    {
      ref: 'fushan-cooperation-agreements',
      text: { zh: '报道称“合作意向”，不一定是合同', en: 'Reported as intentions, not necessarily contracts' },
    },
  ],
  rows: ({ data, lang }) => [
    observationRow(data, lang, 'fushan-cherry-cooperatives'),
    observationRow(data, lang, 'fushan-cherry-alliance-units'),
    observationRow(data, lang, 'fushan-cooperation-agreements'),
    observationRow(data, lang, 'fushan-cherry-output'),
    observationRow(data, lang, 'fushan-cherry-brand-value'),
  ],
  plot: (input, rows, notes) => qualifiedDots(input, rows, {}, notes),
};
