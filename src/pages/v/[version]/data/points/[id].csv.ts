/** A frozen release's data point alone: its row of that release's observations.csv, as kept when it was made. */
import { pinnedDataPaths, pinnedDataRoute } from '../../../../../outputs/releaseDownloads.ts';

export const getStaticPaths = () => pinnedDataPaths(/^points\/(?<id>[^/]+)\.csv$/);
export const GET = pinnedDataRoute((p) => `points/${p.id}.csv`);
