/** How many cadres each model puts into each unit, by rule. */
import { qualifiedDots } from './marks.ts';
import { derivedRow, observationRow } from './rows.ts';
import type { ChartDefinition } from './types.ts';
import { pick } from '../site/editions.ts';

export const cadreNorms: ChartDefinition = {
  id: 'cadre-norms',
  scales: 'panels',
  title: { zh: '每个单位配备多少干部和后备人才', en: 'How many cadres, and reserve candidates, each unit is to have' },
  subtitle: {
    zh: '各区规定的配备标准（空心），以及章丘按下沉干部总数算出的平均数；市中未报告此类标准',
    en: 'The staffing rules each district states (hollow) and, for Zhangqiu, an average from the total sent down; Shizhong states no such rule',
  },
  comparability: {
    zh: '单位不同：章丘的工作区覆盖数个村，福山的片区服务中心是轮值岗位；“不少于”“至少”都是下限。',
    en: 'The units differ: a Zhangqiu work zone spans several villages, while Fushan counts duty posts at a zone service centre; "at least" figures are lower bounds.',
  },
  summary: {
    zh: '章丘规定每个工作区配备机关干部{zhangqiu-cadres-per-zone}、每村配驻村党建指导员{zhangqiu-instructors-per-village}；按报道的下沉干部总数平均，每个工作区{zhangqiu-cadres-per-work-zone}。福山规定每个片区中心由机关干部{fushan-agency-cadre-per-zone-centre}坐班、村干部{fushan-village-cadres-per-zone-centre}轮值，每村储备后备人才{fushan-reserve-talent-per-village}。市中区没有报告此类规定。',
    en: "Zhangqiu's rules give each work zone {zhangqiu-cadres-per-zone} from government agencies and each village {zhangqiu-instructors-per-village|number} resident instructor; the cadres it says were sent down work out at {zhangqiu-cadres-per-work-zone} per zone. Fushan's rules put {fushan-agency-cadre-per-zone-centre|number} agency cadre and {fushan-village-cadres-per-zone-centre|number} village cadres on duty at each zone centre, and have each village keep {fushan-reserve-talent-per-village|number} reserve candidate for its leadership. Shizhong states no such rule.",
  },
  notes: [
    {
      ref: 'zhangqiu-cadres-per-work-zone',
      text: { zh: '按总数平均，不是各工作区的实际配备', en: "An average of the total, not each zone's staff" },
    },
    {
      ref: 'fushan-agency-cadre-per-zone-centre',
      text: { zh: '定期坐班，不是常驻', en: 'On regular duty shifts, not full-time' },
    },
  ],
  rows: ({ data, lang }) => [
    observationRow(
      data,
      lang,
      'zhangqiu-cadres-per-zone',
      pick({ zh: '章丘：每个工作区的机关干部（规定）', en: 'Zhangqiu: agency cadres per work zone (rule)' }, lang),
    ),
    derivedRow(
      data,
      lang,
      'zhangqiu-cadres-per-work-zone',
      pick(
        { zh: '章丘：每个工作区的下沉干部（平均）', en: 'Zhangqiu: cadres sent down per work zone (average)' },
        lang,
      ),
    ),
    observationRow(
      data,
      lang,
      'zhangqiu-instructors-per-village',
      pick({ zh: '章丘：每村的驻村党建指导员', en: 'Zhangqiu: resident instructors per village' }, lang),
    ),
    observationRow(
      data,
      lang,
      'fushan-agency-cadre-per-zone-centre',
      pick({ zh: '福山：片区中心坐班的机关干部', en: 'Fushan: agency cadres on duty per zone centre' }, lang),
    ),
    observationRow(
      data,
      lang,
      'fushan-village-cadres-per-zone-centre',
      pick({ zh: '福山：片区中心轮值的村干部', en: 'Fushan: village cadres on rota per zone centre' }, lang),
    ),
    observationRow(
      data,
      lang,
      'fushan-reserve-talent-per-village',
      pick({ zh: '福山：每村储备的后备人才', en: 'Fushan: reserve candidates per village' }, lang),
    ),
  ],
  plot: (input, rows, notes) => qualifiedDots(input, rows, {}, notes),
};
