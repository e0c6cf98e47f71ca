/** A frozen release's data point alone: its record as that release's observations.json has it, as kept when it was made. */
import { pinnedDataPaths, pinnedDataRoute } from '../../../../../outputs/releaseDownloads.ts';

export const getStaticPaths = () => pinnedDataPaths(/^points\/(?<id>[^/]+)\.json$/);
export const GET = pinnedDataRoute((p) => `points/${p.id}.json`);
