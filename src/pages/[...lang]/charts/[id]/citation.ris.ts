/** A chart's citation as RIS, for reference managers. */
import { citationPaths, citationRoute } from '../../../../outputs/citationFiles.ts';

export const getStaticPaths = () => citationPaths('chart');
export const GET = citationRoute('chart', 'ris');
