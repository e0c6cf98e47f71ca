/** A district's rows of a frozen release's observations.csv. */
import { recordPaths, recordRoute } from '../../../../../outputs/recordFiles.ts';

export const getStaticPaths = () => recordPaths('district.csv', true);
export const GET = recordRoute('district.csv');
