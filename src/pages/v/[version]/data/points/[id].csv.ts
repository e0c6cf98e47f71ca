/** A frozen release's data point alone: its row of that release's observations.csv. */
import { recordPaths, recordRoute } from '../../../../../outputs/recordFiles.ts';

export const getStaticPaths = () => recordPaths('point.csv', true);
export const GET = recordRoute('point.csv');
