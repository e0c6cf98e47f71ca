import { downloadPaths, downloadRoute } from '../../../../outputs/chartDownloads.ts';

export const getStaticPaths = downloadPaths;
export const GET = downloadRoute('chart-print.png');
