/** A district's rows of observations.csv, with the header. */
import { recordPaths, recordRoute } from '../../../outputs/recordFiles.ts';

export const getStaticPaths = () => recordPaths('district.csv');
export const GET = recordRoute('district.csv');
