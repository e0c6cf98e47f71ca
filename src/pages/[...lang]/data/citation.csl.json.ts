/** The current dataset's citation as CSL-JSON, for reference managers. */
import { citationPaths, citationRoute } from '../../../outputs/citationFiles.ts';

export const getStaticPaths = () => citationPaths('dataset');
export const GET = citationRoute('dataset', 'csl');
