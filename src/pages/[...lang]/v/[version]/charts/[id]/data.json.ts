import { pinnedChartPaths, pinnedChartRoute } from '../../../../../../outputs/releaseDownloads.ts';

export const getStaticPaths = pinnedChartPaths;
export const GET = pinnedChartRoute('data.json');
