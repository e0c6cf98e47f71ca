/** The current dataset's citation as RIS, for reference managers. */
import { citationPaths, citationRoute } from '../../../outputs/citationFiles.ts';

export const getStaticPaths = () => citationPaths('dataset');
export const GET = citationRoute('dataset', 'ris');
