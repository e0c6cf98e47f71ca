/** A chart's citation as CSL-JSON, for reference managers. */
import { citationPaths, citationRoute } from '../../../../outputs/citationFiles.ts';

export const getStaticPaths = () => citationPaths('chart');
export const GET = citationRoute('chart', 'csl');
