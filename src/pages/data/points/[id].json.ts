/** A data point alone: its record as observations.json has it. */
import { recordPaths, recordRoute } from '../../../outputs/recordFiles.ts';

export const getStaticPaths = () => recordPaths('point.json');
export const GET = recordRoute('point.json');
