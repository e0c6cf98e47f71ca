/** Share of villages whose collective income passes 500,000 and 1,000,000 yuan. */
import { qualifiedDots } from './marks.ts';
import { observationRow } from './rows.ts';
import type { ChartDefinition } from './types.ts';

export const collectiveEconomy: ChartDefinition = {
  id: 'collective-economy',
  title: {
    zh: '集体收入达到五十万元、百万元的村所占比例',
    en: 'Villages with collective income above 500,000 and 1 million yuan',
  },
  subtitle: {
    zh: '章丘是2022年定下的年底目标（空心），市中是一个街道2023年的结果；福山未报告',
    en: "Zhangqiu: a year-end target set in 2022 (hollow); Shizhong: one subdistrict's 2023 result; Fushan reports none",
  },
  comparability: {
    zh: '不能直接比较：一个是全区目标，一个是单个街道（陡沟）的已实现数字，年份也不同。',
    en: 'Not directly comparable: one is a district-wide target, the other a result for a single subdistrict (Dougou), in a different year.',
  },
  rows: ({ data, lang }) => [
    observationRow(
      data,
      lang,
      'zhangqiu-collective-income-500k-target',
      lang === 'zh' ? '章丘：五十万元以上的村（目标）' : 'Zhangqiu: above 500,000 yuan (target)',
    ),
    observationRow(
      data,
      lang,
      'shizhong-dougou-collective-income-500k-share-2023',
      lang === 'zh' ? '市中陡沟街道：五十万元以上的村' : 'Shizhong, Dougou: above 500,000 yuan',
    ),
    observationRow(
      data,
      lang,
      'shizhong-dougou-collective-income-1m-share-2023',
      lang === 'zh' ? '市中陡沟街道：百万元以上的村' : 'Shizhong, Dougou: above 1 million yuan',
    ),
  ],
  plot: (input, rows) =>
    qualifiedDots(input, rows, { xLabel: input.lang === 'zh' ? '占行政村的百分比' : '% of villages', xMax: 100 }),
};
