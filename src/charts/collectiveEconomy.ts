/** Share of villages whose collective income passes 500,000 and 1,000,000 yuan. */
import { qualifiedDots } from './marks.ts';
import { observationRow } from './rows.ts';
import type { ChartDefinition } from './types.ts';
import { pick } from '../site/editions.ts';

export const collectiveEconomy: ChartDefinition = {
  id: 'collective-economy',
  scales: 'panels',
  title: {
    zh: '集体收入达到五十万元、百万元的村所占比例',
    en: 'Villages with collective income of 500,000 yuan or more, and of 1 million yuan or more',
  },
  subtitle: {
    zh: '各组各用自己的刻度：章丘是当年的目标（空心，年份为本站推断），市中是一个街道2023年的结果；福山未报告',
    en: "Each panel on its own scale. Zhangqiu: a target for the year (hollow; the year is the site's inference); Shizhong: one subdistrict's 2023 result; Fushan reports none",
  },
  comparability: {
    zh: '不能直接比较：一个是全区目标，一个是单个街道（陡沟）的已实现数字，年份也不同。',
    en: 'Not directly comparable: one is a district-wide target, the other a result for a single subdistrict (Dougou), in a different year.',
  },
  summary: {
    zh: '章丘的数字是目标，期限为{zhangqiu-collective-income-500k-target|period}：到年底，集体收入五十万元以上的村要{zhangqiu-collective-income-500k-target}。市中的数字是一个街道据称的结果：陡沟街道{shizhong-dougou-collective-income-500k-share-2023|period}集体收入五十万元以上的村占{shizhong-dougou-collective-income-500k-share-2023}，百万元以上的占{shizhong-dougou-collective-income-1m-share-2023}。福山没有报告这一比例。一个是目标、一个是结果，一个是全区、一个是单个街道，年份也不同，不能直接比较。',
    en: "Zhangqiu's figure is a target, due {zhangqiu-collective-income-500k-target|period}: by the year's end, {zhangqiu-collective-income-500k-target} of villages were to have collective income above 500,000 yuan. Shizhong's are one subdistrict's results, as claimed, {shizhong-dougou-collective-income-500k-share-2023|period}: in Dougou, {shizhong-dougou-collective-income-500k-share-2023} of villages were above 500,000 yuan and {shizhong-dougou-collective-income-1m-share-2023} above 1 million yuan. Fushan reports no such share. A target and a result, a district and a subdistrict, in different years: they cannot be ranked.",
  },
  notes: [
    {
      ref: 'zhangqiu-collective-income-500k-target',
      text: { zh: '年底要达到的目标，不是结果', en: "A target for the year's end, not a result" },
    },
    {
      ref: 'shizhong-dougou-collective-income-500k-share-2023',
      text: { zh: '只是一个街道，不是全区', en: 'One subdistrict only, not the district' },
    },
  ],
  rows: ({ data, lang }) => [
    observationRow(
      data,
      lang,
      'zhangqiu-collective-income-500k-target',
      pick({ zh: '章丘：五十万元以上的村（目标）', en: 'Zhangqiu: 500,000 yuan or more (target)' }, lang),
    ),
    observationRow(
      data,
      lang,
      'shizhong-dougou-collective-income-500k-share-2023',
      pick({ zh: '市中陡沟街道：五十万元以上的村', en: 'Shizhong, Dougou: 500,000 yuan or more' }, lang),
    ),
    observationRow(
      data,
      lang,
      'shizhong-dougou-collective-income-1m-share-2023',
      pick({ zh: '市中陡沟街道：百万元以上的村', en: 'Shizhong, Dougou: 1 million yuan or more' }, lang),
    ),
  ],
  plot: (input, rows, notes) => qualifiedDots(input, rows, { xMax: 100 }, notes),
};
