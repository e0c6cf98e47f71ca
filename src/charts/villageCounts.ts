/** Scale of coverage: administrative villages and the units organised above them. */
import { qualifiedDots } from './marks.ts';
import { observationRow } from './rows.ts';
import type { ChartDefinition } from './types.ts';
import { pick } from '../site/editions.ts';

export const villageCounts: ChartDefinition = {
  id: 'village-counts',
  scales: 'panels',
  title: { zh: '行政村与村以上单位的数量', en: 'Villages, and the units organised above them' },
  subtitle: {
    zh: '各区报道中的行政村数和党建工作区、联合党委数；市中未报告这两个数字',
    en: 'Administrative villages and work zones or joint committees as each district reports them; Shizhong reports neither',
  },
  comparability: {
    zh: '章丘的三个村数来自不同日期：合并前（未写年份）、合并后（繁体长文）和工作区报道，两篇文本的年份都是本站推断；福山的联合党委是规划数。',
    en: "Zhangqiu's three village counts have different dates: before the mergers (undated), after them (the Traditional text) and in the work-zone report, both texts dated by the site's inference; Fushan's joint committees are planned.",
  },
  summary: {
    zh: '一篇未署名的繁体长文称，章丘合村前有{zhangqiu-villages-before-merger}村（原文未写年份），合并后为{zhangqiu-villages-after-merger}，时间为{zhangqiu-villages-after-merger|period}；据章丘的党建工作区报道，{zhangqiu-administrative-villages|period}，全区有行政村{zhangqiu-administrative-villages}，其上设党建工作区党委{zhangqiu-work-zone-committees}。福山报告行政村{fushan-administrative-villages}，规划联合党委{fushan-joint-committees-planned}。市中区两个数字都没有报告。',
    en: 'An unattributed Traditional-script text on Zhangqiu gives {zhangqiu-villages-before-merger|number} villages before the mergers (undated) and {zhangqiu-villages-after-merger|number} after them, {zhangqiu-villages-after-merger|period}; the work-zone report gives, {zhangqiu-administrative-villages|period}, {zhangqiu-administrative-villages|number} administrative villages with {zhangqiu-work-zone-committees|number} work-zone committees over them. Fushan reports {fushan-administrative-villages|number} administrative villages and plans {fushan-joint-committees-planned|number} joint committees. Shizhong gives neither count.',
  },
  notes: [
    {
      ref: 'zhangqiu-work-zone-committees',
      text: {
        zh: '据报道覆盖全部{zhangqiu-administrative-villages|number}个行政村',
        en: 'Said to cover all {zhangqiu-administrative-villages|number} villages',
      },
    },
    {
      ref: 'fushan-joint-committees-planned',
      text: { zh: '规划数，未说明已建成多少', en: 'Planned; the case does not say how many exist' },
    },
  ],
  rows: ({ data, lang }) => [
    observationRow(
      data,
      lang,
      'zhangqiu-villages-before-merger',
      pick({ zh: '章丘：合并前的村', en: 'Zhangqiu: villages before merger' }, lang),
    ),
    observationRow(
      data,
      lang,
      'zhangqiu-villages-after-merger',
      pick({ zh: '章丘：合并后的村（繁体长文）', en: 'Zhangqiu: villages after merger (Traditional text)' }, lang),
    ),
    observationRow(
      data,
      lang,
      'zhangqiu-administrative-villages',
      pick({ zh: '章丘：行政村（工作区报道）', en: 'Zhangqiu: administrative villages (work-zone report)' }, lang),
    ),
    observationRow(
      data,
      lang,
      'zhangqiu-work-zone-committees',
      pick({ zh: '章丘：党建工作区党委', en: 'Zhangqiu: work-zone committees' }, lang),
    ),
    observationRow(
      data,
      lang,
      'fushan-administrative-villages',
      pick({ zh: '福山：行政村', en: 'Fushan: administrative villages' }, lang),
    ),
    observationRow(
      data,
      lang,
      'fushan-joint-committees-planned',
      pick({ zh: '福山：片区联合党委（规划）', en: 'Fushan: joint committees (planned)' }, lang),
    ),
  ],
  plot: (input, rows, notes) => qualifiedDots(input, rows, {}, notes),
};
