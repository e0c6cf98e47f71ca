/** What Zhangqiu's work zones say they did in their first year or so. */
import { qualifiedDots } from './marks.ts';
import { observationRow } from './rows.ts';
import type { ChartDefinition } from './types.ts';

export const zhangqiuWorkZoneActivity: ChartDefinition = {
  id: 'zhangqiu-work-zone-activity',
  scales: 'panels',
  title: { zh: '章丘党建工作区一年多来的工作量', en: "Zhangqiu's work zones: a little over a year's activity" },
  subtitle: {
    zh: '报道所说“一年多来”的累计数（起点2023年为本站推断），全部是下限（“多”）；每组各用自己的刻度',
    en: 'Totals for what the report calls "more than a year" (from 2023 by the site\'s reading), all lower bounds; each panel on its own scale',
  },
  breakout: true,
  comparability: {
    zh: '单位不同：次数、件数和人次不能相加；“人次”是次数，不是人数。',
    en: 'Units differ: times, cases and person-times cannot be added; person-times count attendances, not people.',
  },
  summary: {
    zh: '据章丘的报道，{zhangqiu-party-activities-guided|period}，各党建工作区指导或参加村级党内活动{zhangqiu-party-activities-guided}，把关村级议事决策{zhangqiu-village-decisions-overseen}，到村讲党课、送知识{zhangqiu-party-lectures}，培训党员{zhangqiu-party-member-training}，现场解决问题{zhangqiu-problems-solved}，一线化解矛盾{zhangqiu-disputes-mediated}。全部是下限（原文作“多”）。',
    en: "By Zhangqiu's account, {zhangqiu-party-activities-guided|period} its work zones guided or joined village party activities {zhangqiu-party-activities-guided}, vetted village decision procedures {zhangqiu-village-decisions-overseen} and held party lectures in villages {zhangqiu-party-lectures}; party-member training reached {zhangqiu-party-member-training}, and the zones solved {zhangqiu-problems-solved|number} problems on the spot and resolved {zhangqiu-disputes-mediated|number} disputes. Every figure is a lower bound.",
  },
  notes: [
    {
      ref: 'zhangqiu-party-member-training',
      text: { zh: '人次，不是人数：一人可计多次', en: 'Attendances, not people: one person can count many times' },
    },
  ],
  rows: ({ data, lang }) => [
    observationRow(data, lang, 'zhangqiu-party-activities-guided'),
    observationRow(data, lang, 'zhangqiu-village-decisions-overseen'),
    observationRow(data, lang, 'zhangqiu-party-lectures'),
    observationRow(data, lang, 'zhangqiu-party-member-training'),
    observationRow(data, lang, 'zhangqiu-problems-solved'),
    observationRow(data, lang, 'zhangqiu-disputes-mediated'),
  ],
  plot: (input, rows, notes) => qualifiedDots(input, rows, {}, notes),
};
