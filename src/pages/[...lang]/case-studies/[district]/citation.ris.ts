/** A case study's citation as RIS, for reference managers. */
import { citationPaths, citationRoute } from '../../../../outputs/citationFiles.ts';

export const getStaticPaths = () => citationPaths('case-study');
export const GET = citationRoute('case-study', 'ris');
