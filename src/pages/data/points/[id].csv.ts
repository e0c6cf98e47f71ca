/** A data point alone: its row of observations.csv, with the header. */
import { recordPaths, recordRoute } from '../../../outputs/recordFiles.ts';

export const getStaticPaths = () => recordPaths('point.csv');
export const GET = recordRoute('point.csv');
