/** A district's rows of a frozen release's observations.csv, as kept when it was made. */
import { pinnedDataPaths, pinnedDataRoute } from '../../../../../outputs/releaseDownloads.ts';

export const getStaticPaths = () => pinnedDataPaths(/^districts\/(?<id>[^/]+)\.csv$/);
export const GET = pinnedDataRoute((p) => `districts/${p.id}.csv`);
