/** A frozen dataset version's citation as CSL-JSON, for reference managers. */
import { citationPaths, citationRoute } from '../../../../outputs/citationFiles.ts';

export const getStaticPaths = () => citationPaths('release');
export const GET = citationRoute('release', 'csl');
