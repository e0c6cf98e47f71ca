/** How many villages one unit above the village covers, in each model. */
import { qualifiedDots } from './marks.ts';
import { derivedRow, observationRow } from './rows.ts';
import type { ChartDefinition } from './types.ts';
import { pick } from '../site/editions.ts';

export const unitSize: ChartDefinition = {
  id: 'unit-size',
  scales: 'panels',
  title: { zh: '一个村以上的单位覆盖多少个村', en: 'How many villages one unit above the village covers' },
  subtitle: {
    zh: '四种数字各用自己的刻度，不排高低：章丘为全区平均（派生），市中为一个试点联合党委，福山为规定的区间；实心为报道所称的已实现数，空心为标准、计划或本站派生的数',
    en: 'Four kinds of figure, each on its own scale and not ranked. Zhangqiu: district average (derived); Shizhong: one pilot joint committee; Fushan: the stated norm. Filled: achieved; hollow: a norm, a plan or a figure the site derives',
  },
  comparability: {
    zh: '四个数字性质不同：章丘是全区行政村数除以工作区数；市中只有一个试点的数字；福山是规定的范围，另附按规划联合党委数计算的比值，它高于规定，似乎说明规划的联合党委并不覆盖全区（本站推断）。',
    en: "The four are different kinds of figure: Zhangqiu divides all villages by all zones; Shizhong reports one pilot only; Fushan gives a norm, shown with a ratio from the planned number of committees that exceeds the norm, which suggests the planned committees do not cover the whole district (the site's inference).",
  },
  summary: {
    zh: '村以上一级的单元覆盖多少个村：章丘每个党建工作区平均{zhangqiu-villages-per-work-zone}村（由村数和工作区数算出），市中首个试点联合党委覆盖{shizhong-yufu-quanyuan-villages}村，福山规定每个融合发展区{fushan-villages-per-zone}村；若把福山的行政村平均分给规划中的联合党委，平均每个{fushan-villages-per-joint-committee}村。福山的数字{fushan-villages-per-zone|period}，章丘的{zhangqiu-villages-per-work-zone|period}，市中的{shizhong-yufu-quanyuan-villages|period}，年份不同。',
    en: "How many villages one unit above the village spans: {zhangqiu-villages-per-work-zone} on average per Zhangqiu work zone (computed from the counts of villages and zones), {shizhong-yufu-quanyuan-villages} in Shizhong's first pilot joint committee, and {fushan-villages-per-zone} under Fushan's rule for a zone; dividing Fushan's villages among the joint committees it plans gives {fushan-villages-per-joint-committee} each. Fushan's figures are {fushan-villages-per-zone|period}, Zhangqiu's {zhangqiu-villages-per-work-zone|period} and Shizhong's {shizhong-yufu-quanyuan-villages|period}.",
  },
  notes: [
    {
      ref: 'shizhong-yufu-quanyuan-villages',
      text: { zh: '只是一个试点，不是全区的数字', en: 'One pilot only, not a district figure' },
    },
    {
      ref: 'fushan-villages-per-joint-committee',
      text: { zh: '假设规划的联合党委覆盖全部村', en: 'Assumes the planned committees cover every village' },
    },
  ],
  rows: ({ data, lang }) => [
    derivedRow(
      data,
      lang,
      'zhangqiu-villages-per-work-zone',
      pick({ zh: '章丘：每个党建工作区（平均）', en: 'Zhangqiu: per work zone (average)' }, lang),
    ),
    observationRow(
      data,
      lang,
      'shizhong-yufu-quanyuan-villages',
      pick({ zh: '市中：玉符泉源联合党委', en: 'Shizhong: Yufu Quanyuan joint committee' }, lang),
    ),
    observationRow(
      data,
      lang,
      'fushan-villages-per-zone',
      pick({ zh: '福山：每个融合发展区（规定）', en: 'Fushan: per integrated zone (norm)' }, lang),
    ),
    derivedRow(
      data,
      lang,
      'fushan-villages-per-joint-committee',
      pick({ zh: '福山：按规划联合党委数平均', en: 'Fushan: per planned joint committee (average)' }, lang),
    ),
  ],
  plot: (input, rows, notes) => qualifiedDots(input, rows, {}, notes),
};
