/** A frozen release's JSON Schemas: the schemas that validated it when it was made, as kept then. */
import { pinnedDataPaths, pinnedDataRoute } from '../../../../../outputs/releaseDownloads.ts';

export const getStaticPaths = () => pinnedDataPaths(/^schema\/(?<name>[^/]+)\.schema\.json$/);
export const GET = pinnedDataRoute((p) => `schema/${p.name}.schema.json`);
