/** Every chart, by id, in the order the charts page lists them. */
import { cadreNorms } from './cadreNorms.ts';
import { collectiveEconomy } from './collectiveEconomy.ts';
import { fushanCherryEconomy } from './fushanCherryEconomy.ts';
import { mapJinan, mapShandong, mapYantai } from './maps.ts';
import { servicesOutput } from './servicesOutput.ts';
import { shizhongResults } from './shizhongResults.ts';
import { timeline } from './timeline.ts';
import type { ChartDefinition } from './types.ts';
import { unitSize } from './unitSize.ts';
import { villageCounts } from './villageCounts.ts';
import { zhangqiuWorkZoneActivity } from './zhangqiuWorkZoneActivity.ts';

export const CHARTS: ChartDefinition[] = [
  unitSize,
  villageCounts,
  cadreNorms,
  collectiveEconomy,
  servicesOutput,
  timeline,
  zhangqiuWorkZoneActivity,
  shizhongResults,
  fushanCherryEconomy,
  mapShandong,
  mapJinan,
  mapYantai,
];

/** The chart with `id`, or undefined. */
export function chartById(id: string): ChartDefinition | undefined {
  return CHARTS.find((c) => c.id === id);
}
