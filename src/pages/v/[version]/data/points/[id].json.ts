/** A frozen release's data point alone: its record as that release's observations.json has it. */
import { recordPaths, recordRoute } from '../../../../../outputs/recordFiles.ts';

export const getStaticPaths = () => recordPaths('point.json', true);
export const GET = recordRoute('point.json');
