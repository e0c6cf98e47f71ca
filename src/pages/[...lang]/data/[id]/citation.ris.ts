/** A data point's citation as RIS, for reference managers. */
import { citationPaths, citationRoute } from '../../../../outputs/citationFiles.ts';

export const getStaticPaths = () => citationPaths('data-point');
export const GET = citationRoute('data-point', 'ris');
