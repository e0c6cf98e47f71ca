/** A frozen release's tables as JSON (its records as the site read them, in site order), as kept when it was made. */
import { pinnedDataPaths, pinnedDataRoute } from '../../../../outputs/releaseDownloads.ts';

export const getStaticPaths = () => pinnedDataPaths(/^(?<table>(?!datapackage)[a-z]+)\.json$/);
export const GET = pinnedDataRoute((p) => `${p.table}.json`);
