/** A frozen release's datapackage.json, describing the CSV tables beside it, as kept when it was made. */
import { pinnedDataPaths, pinnedDataRoute } from '../../../../outputs/releaseDownloads.ts';

export const getStaticPaths = () => pinnedDataPaths(/^datapackage\.json$/);
export const GET = pinnedDataRoute(() => 'datapackage.json');
