/** A frozen release's tables as CSV, as its pinned datapackage.json describes them, as kept when it was made. */
import { pinnedDataPaths, pinnedDataRoute } from '../../../../outputs/releaseDownloads.ts';

export const getStaticPaths = () => pinnedDataPaths(/^(?<table>[a-z]+)\.csv$/);
export const GET = pinnedDataRoute((p) => `${p.table}.csv`);
