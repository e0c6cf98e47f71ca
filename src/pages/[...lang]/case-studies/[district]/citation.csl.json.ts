/** A case study's citation as CSL-JSON, for reference managers. */
import { citationPaths, citationRoute } from '../../../../outputs/citationFiles.ts';

export const getStaticPaths = () => citationPaths('case-study');
export const GET = citationRoute('case-study', 'csl');
