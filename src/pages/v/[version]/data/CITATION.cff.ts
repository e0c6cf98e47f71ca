/** A frozen release's CITATION.cff, naming its version and permanent URL, as kept when it was made. */
import { pinnedDataPaths, pinnedDataRoute } from '../../../../outputs/releaseDownloads.ts';

export const getStaticPaths = () => pinnedDataPaths(/^CITATION\.cff$/);
export const GET = pinnedDataRoute(() => 'CITATION.cff');
