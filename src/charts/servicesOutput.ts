/** Services and governance output the districts claim: problems solved, disputes, residents. */
import { qualifiedDots } from './marks.ts';
import { observationRow } from './rows.ts';
import type { ChartDefinition } from './types.ts';
import { pick } from '../site/editions.ts';

export const servicesOutput: ChartDefinition = {
  id: 'services-output',
  scales: 'panels',
  title: { zh: '解决的问题、调处的纠纷、服务的群众', en: 'Problems solved, disputes settled, residents served' },
  subtitle: {
    zh: '每组各用自己的刻度，不能互相比较；多为下限（箭头），统计时期各不相同',
    en: 'Each panel on its own scale, not comparable with the others; most are lower bounds (arrows), each over a different period',
  },
  breakout: true,
  comparability: {
    zh: '章丘是报道所说“一年多来”的累计数，福山是“去年以来”的累计数（起点都是本站推断），市中只有一个社区的数字；各自对“问题”“纠纷”的统计口径未说明。',
    en: 'Zhangqiu\'s totals cover what its report calls "more than a year", Fushan\'s the time "since last year" (both starts are the site\'s inference), and Shizhong\'s one community only; none of the reports defines what counts as a problem or a dispute.',
  },
  summary: {
    zh: '{zhangqiu-problems-solved|period}，章丘称现场解决问题{zhangqiu-problems-solved}、一线化解矛盾{zhangqiu-disputes-mediated}、上门服务群众{zhangqiu-residents-served-at-home}；市中的{shizhong-chunyuanli-problems-solved}来自一个社区（春元里）；{fushan-problems-solved|period}，福山称通过网格收集并解决问题{fushan-problems-solved}、调处纠纷{fushan-disputes-mediated}。各区统计口径和时期不同，多数是下限。',
    en: "Over the period {zhangqiu-problems-solved|period}, Zhangqiu says it solved {zhangqiu-problems-solved|number} residents' problems on the spot, resolved {zhangqiu-disputes-mediated|number} disputes and served {zhangqiu-residents-served-at-home} at home; Shizhong's {shizhong-chunyuanli-problems-solved|number} problems solved come from one community, Chunyuanli; over the period {fushan-problems-solved|period}, Fushan says its grids collected and solved {fushan-problems-solved|number} problems, and they helped mediate disputes {fushan-disputes-mediated}. Each district counts differently, over a different period, and most figures are lower bounds.",
  },
  notes: [
    {
      ref: 'shizhong-chunyuanli-problems-solved',
      text: { zh: '只是一个社区的数字', en: 'One community only' },
    },
    {
      ref: 'zhangqiu-residents-served-at-home',
      text: { zh: '这是人数，其余是件数或次数', en: 'People served; the rest count cases or times' },
    },
  ],
  rows: ({ data, lang }) => [
    observationRow(
      data,
      lang,
      'zhangqiu-problems-solved',
      pick({ zh: '章丘：现场解决的问题', en: 'Zhangqiu: problems solved on the spot' }, lang),
    ),
    observationRow(
      data,
      lang,
      'zhangqiu-disputes-mediated',
      pick({ zh: '章丘：一线化解的矛盾', en: 'Zhangqiu: disputes resolved' }, lang),
    ),
    observationRow(
      data,
      lang,
      'zhangqiu-residents-served-at-home',
      pick({ zh: '章丘：接受上门服务的群众', en: 'Zhangqiu: residents served at home' }, lang),
    ),
    observationRow(
      data,
      lang,
      'shizhong-chunyuanli-problems-solved',
      pick({ zh: '市中春元里社区：解决的问题', en: 'Shizhong, Chunyuanli community: problems solved' }, lang),
    ),
    observationRow(
      data,
      lang,
      'fushan-problems-solved',
      pick({ zh: '福山：搜集解决的问题', en: 'Fushan: problems collected and solved' }, lang),
    ),
    observationRow(
      data,
      lang,
      'fushan-disputes-mediated',
      pick({ zh: '福山：帮助调处的纠纷', en: 'Fushan: disputes mediated' }, lang),
    ),
  ],
  plot: (input, rows, notes) => qualifiedDots(input, rows, {}, notes),
};
