/** The citation of the report a source entry describes as RIS, for reference managers. */
import { citationPaths, citationRoute } from '../../../../outputs/citationFiles.ts';

export const getStaticPaths = () => citationPaths('source');
export const GET = citationRoute('source', 'ris');
